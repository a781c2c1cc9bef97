/** Stored for a key whose computed value is undefined, so that "nothing" is remembered too. */
const NOTHING = Symbol('nothing');

/**
 * Remembers a function's results by key, up to `limit` keys; past that it starts over
 * (the analysis caches words, which recur from question to question, and a full reset is
 * cheaper on the hot path than keeping a recency order). Undefined results are
 * remembered as well: most words have no correction, and looking is the costly part.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V | typeof NOTHING>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known === NOTHING ? (undefined as V) : known;
    const value = compute(key);
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value === undefined ? NOTHING : value);
    return value;
  }
}
