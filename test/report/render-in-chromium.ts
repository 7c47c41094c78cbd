import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when neither exists. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((file): file is string => !!file);
  return candidates.find((file) => existsSync(file)) ?? null;
}

export interface RenderOutcome {
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** Number of drawn Plotly charts (elements with class js-plotly-plot). */
  charts: number;
  /** Requests the page made to anything but file: and data: URLs. */
  networkRequests: string[];
}

/** Opens an HTML file in headless Chromium, waits for it to draw, and collects errors. */
export async function renderInChromium(executablePath: string, file: string, screenshot?: string): Promise<RenderOutcome> {
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
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
    const charts = await page.$$eval(".js-plotly-plot", (elements) => elements.length);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { errors, charts, networkRequests };
  } finally {
    await browser.close();
  }
}
