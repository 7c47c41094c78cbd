import type { Shard } from "../results/shard.js";
export type { Shard } from "../results/shard.js";

/**
 * The tasks of a shard: every count-th task of the planned list, from the index-th on (round
 * robin), so each shard gets a mix of policies and seeds and the shards together hold every
 * task exactly once. Depends only on the list and the shard: any machine computes the same slice.
 * A shard may be empty when there are fewer tasks than shards.
 */
export function shardTasks<T>(tasks: readonly T[], shard: Shard): T[] {
  return tasks.filter((_, position) => position % shard.count === shard.index - 1);
}

/** "2/4" for shard 2 of 4. */
export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
