import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when neither exists. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((file): file is string => !!file);
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** What the page shows of one drawn Plotly chart. */
export interface DrawnChart {
  id: string;
  /** Traces drawn, and whether a legend is drawn. */
  traces: number;
  legend: boolean;
  /** The colour of each named trace as Plotly drew it (line colour, else marker colour). */
  colours: Record<string, string>;
  /** Whether the chart has Plotly's toolbar (shown on hover), whose box the titles are checked against. */
  toolbar: boolean;
  /** Titles (Plotly's own, or the page's heading of the chart) whose box meets the toolbar's. */
  titlesUnderToolbar: string[];
  /** X axis titles on the legend's line (their boxes share some height with the legend's). */
  xTitlesBesideLegend: string[];
  /** Shapes in the layout (shaded event windows). */
  shapes: number;
}

export interface RenderOutcome {
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** Number of drawn Plotly charts (elements with class js-plotly-plot). */
  charts: number;
  /** Every drawn chart, in page order. */
  drawn: DrawnChart[];
  /** Requests the page made to anything but file: and data: URLs. */
  networkRequests: string[];
}

/** Opens an HTML file in headless Chromium 1400 px wide, waits for it to draw, and collects errors and what each chart shows. */
export async function renderInChromium(executablePath: string, file: string, screenshot?: string): Promise<RenderOutcome> {
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const errors: string[] = [];
    const networkRequests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${String(error)}`));
    page.on("request", (request) => {
      if (!/^(file|data|blob|about):/.test(request.url())) networkRequests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 60_000 });
    const drawn = await page.$$eval(".js-plotly-plot", (elements) =>
      elements.map((element) => {
        interface Box {
          left: number;
          right: number;
          top: number;
          bottom: number;
          width: number;
        }
        interface Trace {
          name?: string;
          visible?: unknown;
          line?: { color?: string };
          marker?: { color?: unknown };
        }
        interface Node {
          id: string;
          textContent: string | null;
          parentElement: Node | null;
          querySelector(selector: string): Node | null;
          querySelectorAll(selector: string): Iterable<Node>;
          getBoundingClientRect(): Box;
        }
        const chart = element as unknown as Node & { _fullData: Trace[]; _fullLayout: { showlegend?: boolean; shapes?: unknown[] } };
        const colours: Record<string, string> = {};
        for (const trace of chart._fullData) {
          const colour = trace.line?.color ?? (typeof trace.marker?.color === "string" ? trace.marker.color : undefined);
          if (trace.name && colour) colours[trace.name.replace(/ \((efficient|reference)\)$/, "").replace(/: .*$/, "")] = colour.toLowerCase();
        }
        const toolbar = chart.querySelector(".modebar")?.getBoundingClientRect();
        const heading = chart.parentElement?.querySelector(".chart-title");
        const titles = [...chart.querySelectorAll(".gtitle"), ...(heading ? [heading] : [])];
        const meets = (box: Box) =>
          !!toolbar && toolbar.width > 0 && box.width > 0 && box.left < toolbar.right && toolbar.left < box.right && box.top < toolbar.bottom && toolbar.top < box.bottom;
        const legendBox = chart.querySelector(".legend")?.getBoundingClientRect();
        const sameLine = (box: Box) => !!legendBox && legendBox.width > 0 && box.width > 0 && box.top < legendBox.bottom && legendBox.top < box.bottom;
        return {
          id: chart.id,
          xTitlesBesideLegend: [...chart.querySelectorAll(".xtitle, [class^='x'][class$='title']")].filter((title) => sameLine(title.getBoundingClientRect())).map((title) => title.textContent ?? ""),
          shapes: chart._fullLayout.shapes?.length ?? 0,
          traces: chart._fullData.filter((trace) => trace.visible !== false).length,
          toolbar: !!toolbar && toolbar.width > 0,
          legend: !!chart._fullLayout.showlegend && !!chart.querySelector(".legend"),
          colours,
          titlesUnderToolbar: titles.filter((title) => meets(title.getBoundingClientRect())).map((title) => title.textContent ?? ""),
        };
      }),
    );
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { errors, charts: drawn.length, drawn, networkRequests };
  } finally {
    await browser.close();
  }
}

/**
 * What a reader would trip over in the drawn charts: a chart with more than one trace and no
 * legend, a title under Plotly's toolbar, an x axis title on the legend's line, a policy drawn in
 * two colours. Empty when all is well.
 */
export function chartProblems(drawn: readonly DrawnChart[]): string[] {
  const problems: string[] = [];
  const firstColour = new Map<string, { colour: string; chart: string }>();
  for (const chart of drawn) {
    if (chart.traces > 1 && !chart.legend) problems.push(`${chart.id}: ${chart.traces} traces and no legend`);
    for (const title of chart.titlesUnderToolbar) problems.push(`${chart.id}: title "${title}" under the toolbar`);
    for (const title of chart.xTitlesBesideLegend) problems.push(`${chart.id}: x axis title "${title}" on the legend's line`);
    for (const [name, colour] of Object.entries(chart.colours)) {
      const first = firstColour.get(name);
      if (!first) firstColour.set(name, { colour, chart: chart.id });
      else if (first.colour !== colour) problems.push(`${name}: ${first.colour} in ${first.chart}, ${colour} in ${chart.id}`);
    }
  }
  return problems;
}
