import type { EventWindow } from "../results/time-series.js";

/** The grey of an event's window. */
const SHADE = "#7f7f7f";

/** Events with the same window drawn as one: its days and what happens in them. */
interface SharedWindow {
  startDay: number;
  endDay: number;
  labels: string[];
}

/** The scenario's event windows inside the horizon, one per distinct [startDay, endDay], in order of start. */
export function eventWindows(events: readonly EventWindow[], horizonDays: number): SharedWindow[] {
  const windows = new Map<string, SharedWindow>();
  for (const event of events) {
    if (event.startDay >= horizonDays) continue;
    const endDay = Math.min(event.endDay, horizonDays - 1);
    const key = `${event.startDay}-${endDay}`;
    const window = windows.get(key) ?? { startDay: event.startDay, endDay, labels: [] };
    const label = event.label || event.type;
    if (!window.labels.includes(label)) window.labels.push(label);
    windows.set(key, window);
  }
  return [...windows.values()].sort((a, b) => a.startDay - b.startDay || a.endDay - b.endDay);
}

/**
 * Plotly shapes that shade each event window over the whole height of a chart whose x axis is
 * the day: from the start of `startDay` to the end of `endDay` (x = startDay to endDay + 1),
 * labelled with what happens.
 */
export function eventShapes(events: readonly EventWindow[], horizonDays: number): Record<string, unknown>[] {
  return eventWindows(events, horizonDays).map((window) => ({
    type: "rect",
    xref: "x",
    yref: "paper",
    x0: window.startDay,
    x1: window.endDay + 1,
    y0: 0,
    y1: 1,
    fillcolor: SHADE,
    opacity: 0.18,
    line: { width: 0 },
    layer: "below",
    label: { text: window.labels.join("; "), textposition: "top left", font: { size: 10, color: "#444" } },
  }));
}

/** "; grey: days 40 to 44 (core outage, region 2; core outage, region 3)", or "" without events: the end of a caption. */
export function eventsSentence(events: readonly EventWindow[], horizonDays: number): string {
  const windows = eventWindows(events, horizonDays);
  if (windows.length === 0) return "";
  const days = (window: SharedWindow) => (window.startDay === window.endDay ? `day ${window.startDay}` : `days ${window.startDay} to ${window.endDay}`);
  return `; the grey bands are the scheduled events: ${windows.map((window) => `${days(window)} (${window.labels.join(", ")})`).join("; ")}`;
}
