/** One slice of an experiment's tasks: shard `index` of `count`, 1-based (2/4 is the second of four). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}
