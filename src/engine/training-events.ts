import type { RandomStream } from "../random/random-stream.js";
import type { WorldEvent } from "../scenario/event-schema.js";

/**
 * The scheduled events of a training world: every event the scenario schedules, of the same
 * type, region, plans, intensity and length, moved to a start day drawn uniformly from those
 * that fit in the `days` of the training world (an event longer than that is cut to fit).
 * Events that start on the same day in the scenario (two regions of one outage) move together.
 * So the learned models have seen what the scenario's kinds of disruption look like, at times
 * they cannot have learned by heart; a scenario without events gives a training world without.
 *
 * @example
 *   drawTrainingEvents(scenario.events, 120, createStream(seed, "replicate:1000000/training-events"));
 */
export function drawTrainingEvents(events: readonly WorldEvent[], days: number, stream: RandomStream): WorldEvent[] {
  const startByScheduledDay = new Map<number, number>();
  const drawn: WorldEvent[] = [];
  for (const event of events) {
    const length = Math.min(event.endDay - event.startDay + 1, days);
    let start = startByScheduledDay.get(event.startDay);
    if (start === undefined) {
      start = Math.floor(stream.next() * (days - length + 1));
      startByScheduledDay.set(event.startDay, start);
    }
    start = Math.min(start, days - length);
    drawn.push({ ...event, startDay: start, endDay: start + length - 1 });
  }
  return drawn;
}
