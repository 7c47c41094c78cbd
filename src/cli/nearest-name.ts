import { distance } from "fastest-levenshtein";

/**
 * The candidate nearest to what was typed (a command or flag name), when it is close enough to be
 * a typo: at most 2 edits, and at most a third of the longer name, so `runn` finds `run` and
 * `--subscriber` finds `--subscribers`, but `xyz` finds nothing. Ties go to the earlier candidate.
 */
export function nearestName(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const edits = distance(typed.toLowerCase(), candidate.toLowerCase());
    const allowed = Math.min(2, Math.floor(Math.max(typed.length, candidate.length) / 3));
    if (edits <= allowed && edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}
