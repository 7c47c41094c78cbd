import { distance } from "fastest-levenshtein";

/**
 * The candidate nearest to what was typed (a command or flag name), when it is close enough to be
 * a typo: at most 2 edits (a swap of two letters is 2), and at most half the longer name, so
 * `runn` finds `run`, `--sedes` finds `--seeds` and `--subscriber` finds `--subscribers`, but
 * `xyz` finds nothing. Ties go to the length nearest to the typed name, then the earlier candidate.
 */
export function nearestName(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const edits = distance(typed.toLowerCase(), candidate.toLowerCase());
    const allowed = Math.min(2, Math.floor(Math.max(typed.length, candidate.length) / 2));
    // Fewest edits first, then the length nearest to what was typed (`sedes`: `seeds`, not `seed`).
    const score = edits * 1000 + Math.abs(candidate.length - typed.length);
    if (edits <= allowed && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
