import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * MiniSearch's inverted index, frozen into typed arrays.
 *
 * Paragraphs are indexed by MiniSearch (tokenising, field lengths, postings); the
 * result is then copied, term by term, into compressed-sparse-row arrays: one sorted
 * term list, and per field `offsets[term] .. offsets[term + 1]` into `docs` (paragraph
 * ids, ascending) and `tfs` (term frequencies). That holds the same information as
 * MiniSearch's Map-of-Maps in a tenth of the memory, serialises to a flat binary file
 * that loads in milliseconds, and lets the engine score with tight loops.
 * `toMiniSearch()` turns it back into a live MiniSearch instance (used by the tests
 * to show nothing was lost).
 *
 * Big corpora are indexed in shards of `shardSize` paragraphs, each by its own
 * MiniSearch instance, frozen, and merged: peak memory stays at one shard's worth of
 * MiniSearch maps instead of the whole corpus's.
 */
export interface IndexedDoc {
  id: number;
  text: string;
  title: string;
}

export interface FieldPostings {
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
}

export const INDEX_FIELDS = ['text', 'title'] as const;
const MAGIC = 'AIDX';

interface MiniSearchInternals {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
}

export class FrozenIndex {
  readonly terms: string[];
  readonly termIds: Map<string, number>;
  private lcp?: Uint8Array;

  constructor(
    readonly documentCount: number,
    terms: string[],
    readonly fields: FieldPostings[],
    /** fieldLength[doc * fieldCount + field]: number of terms of that field. */
    readonly fieldLength: Uint16Array,
    readonly avgFieldLength: Float64Array,
  ) {
    this.terms = terms;
    this.termIds = new Map();
    for (let i = 0; i < terms.length; i++) this.termIds.set(terms[i]!, i);
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** Documents whose field `field` contains term `termId`. */
  docFrequency(termId: number, field = 0): number {
    const o = this.fields[field]!.offsets;
    return o[termId + 1]! - o[termId]!;
  }

  /**
   * Index terms within `maxDistance` edits (Levenshtein, UTF-16 code units) of `term`,
   * in term order: the same terms and distances as MiniSearch's radix-tree fuzzy search
   * (`SearchableMap.fuzzyGet`), without building a tree (one over 235k terms took
   * 300-500 ms at the first unknown word, and 60-90 MB). The sorted term list is a trie
   * in disguise: with the length of the prefix each term shares with the previous one
   * (`prefixLengths`, one byte per term), a walk down the list computes one banded
   * Levenshtein row per trie node, reusing the rows of the shared prefix, and skips
   * every term under a prefix whose row minimum already exceeds `maxDistance`.
   */
  fuzzy(term: string, maxDistance: number): { termId: number; distance: number }[] {
    const out: { termId: number; distance: number }[] = [];
    const terms = this.terms;
    const lcp = this.prefixLengths();
    const d = maxDistance;
    const n = term.length;
    const maxDepth = n + d; // longer terms are more than d edits away
    const width = n + 1;
    // rows[i * width + j]: edit distance between the first i characters of the current
    // index term and the first j of `term`, computed only for |i - j| <= d; the cells
    // outside that band keep d + 1 (a lower bound of their true value, which is > d).
    const rows = new Uint32Array((maxDepth + 1) * width).fill(d + 1);
    for (let j = 0; j <= n; j++) rows[j] = j;
    for (let i = 0; i <= maxDepth; i++) rows[i * width] = i;
    const query = new Uint16Array(n);
    for (let j = 0; j < n; j++) query[j] = term.charCodeAt(j);
    let valid = 0; // rows 0..valid are those of the prefixes of the last term examined
    let shared = 0; // length of the prefix the current term shares with that one
    let skip = Infinity; // terms sharing at least `skip` characters with it are out of reach
    for (let t = 0; t < terms.length; t++) {
      if (lcp[t]! < shared) shared = lcp[t]!;
      if (shared >= skip) continue;
      const word = terms[t]!;
      const last = word.length < maxDepth ? word.length : maxDepth;
      let depth = shared < valid ? shared : valid;
      skip = Infinity;
      while (depth < last) {
        const c = word.charCodeAt(depth++);
        const row = depth * width;
        const above = row - width;
        let min = depth;
        const from = depth - d > 1 ? depth - d : 1;
        const to = depth + d < n ? depth + d : n;
        for (let j = from; j <= to; j++) {
          const sub = rows[above + j - 1]! + (query[j - 1] === c ? 0 : 1);
          const del = rows[above + j]! + 1;
          const ins = rows[row + j - 1]! + 1;
          const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
          rows[row + j] = v;
          if (v < min) min = v;
        }
        if (min > d) {
          skip = depth;
          break;
        }
      }
      valid = depth;
      shared = 255;
      if (skip !== Infinity) continue;
      if (word.length > maxDepth) {
        skip = maxDepth;
        continue;
      }
      const distance = rows[depth * width + n]!;
      if (distance <= d) out.push({ termId: t, distance });
    }
    return out;
  }

  /** prefixLengths()[t]: characters (at most 255) that term t shares with term t - 1. Built once, on first use. */
  private prefixLengths(): Uint8Array {
    if (this.lcp) return this.lcp;
    const terms = this.terms;
    const lcp = new Uint8Array(terms.length);
    for (let t = 1; t < terms.length; t++) {
      const a = terms[t - 1]!;
      const b = terms[t]!;
      const m = Math.min(a.length, b.length, 255);
      let k = 0;
      while (k < m && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      lcp[t] = k;
    }
    return (this.lcp = lcp);
  }

  /** Indexes documents with MiniSearch (in shards) and freezes the result. */
  static build(docs: IndexedDoc[], tokenize: (text: string) => string[], shardSize = 20_000): FrozenIndex {
    const shards: FrozenIndex[] = [];
    for (let start = 0; start < docs.length || start === 0; start += shardSize) {
      const ms = new MiniSearch<IndexedDoc>({ fields: [...INDEX_FIELDS], storeFields: [], tokenize, processTerm: (t) => t });
      ms.addAll(docs.slice(start, start + shardSize));
      shards.push(FrozenIndex.fromMiniSearch(ms, docs.length));
      if (docs.length === 0) break;
    }
    return shards.length === 1 ? shards[0]! : FrozenIndex.merge(shards, docs.length);
  }

  /** Copies a MiniSearch index (documents' ids must be their positions 0..n-1). */
  static fromMiniSearch(ms: MiniSearch<IndexedDoc>, documentCount: number): FrozenIndex {
    const internals = ms as unknown as MiniSearchInternals;
    if (typeof internals._index?.fuzzyGet !== 'function' || !(internals._documentIds instanceof Map) || !(internals._fieldIds instanceof Object))
      throw new Error('FrozenIndex: unsupported MiniSearch version (internal index layout changed)');
    const fieldIds = INDEX_FIELDS.map((f) => internals._fieldIds[f]!);
    const entries = [...internals._index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const terms = entries.map((e) => e[0]);
    const toDoc = (shortId: number): number => internals._documentIds.get(shortId) as number;
    const fields = fieldIds.map((fieldId) => {
      let total = 0;
      for (const [, data] of entries) total += data.get(fieldId)?.size ?? 0;
      const offsets = new Uint32Array(terms.length + 1);
      const docs = new Uint32Array(total);
      const tfs = new Uint16Array(total);
      let p = 0;
      entries.forEach(([, data], t) => {
        offsets[t] = p;
        const postings = data.get(fieldId);
        if (postings) {
          const start = p;
          for (const [shortId, tf] of postings) {
            docs[p] = toDoc(shortId);
            tfs[p++] = Math.min(tf, 65535);
          }
          sortPostings(docs, tfs, start, p);
        }
      });
      offsets[terms.length] = p;
      return { offsets, docs, tfs };
    });
    const F = INDEX_FIELDS.length;
    const fieldLength = new Uint16Array(documentCount * F);
    const lengths = (ms as unknown as { _fieldLength: Map<number, number[]> })._fieldLength;
    for (const [shortId, perField] of lengths) {
      const doc = toDoc(shortId);
      fieldIds.forEach((fieldId, f) => (fieldLength[doc * F + f] = Math.min(perField[fieldId] ?? 0, 65535)));
    }
    return new FrozenIndex(documentCount, terms, fields, fieldLength, averages(fieldLength, F, documentCount));
  }

  /** Merges shards that cover disjoint, increasing ranges of document ids. */
  static merge(shards: FrozenIndex[], documentCount: number): FrozenIndex {
    const all = new Set<string>();
    for (const s of shards) for (const t of s.terms) all.add(t);
    const terms = [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const F = INDEX_FIELDS.length;
    const fields = INDEX_FIELDS.map((_, f) => {
      let total = 0;
      for (const s of shards) total += s.fields[f]!.docs.length;
      const offsets = new Uint32Array(terms.length + 1);
      const docs = new Uint32Array(total);
      const tfs = new Uint16Array(total);
      let p = 0;
      terms.forEach((term, t) => {
        offsets[t] = p;
        for (const s of shards) {
          const id = s.termIds.get(term);
          if (id === undefined) continue;
          const src = s.fields[f]!;
          const a = src.offsets[id]!;
          const b = src.offsets[id + 1]!;
          docs.set(src.docs.subarray(a, b), p);
          tfs.set(src.tfs.subarray(a, b), p);
          p += b - a;
        }
      });
      offsets[terms.length] = p;
      return { offsets, docs, tfs };
    });
    const fieldLength = new Uint16Array(documentCount * F);
    for (const s of shards) for (let i = 0; i < fieldLength.length; i++) if (s.fieldLength[i]) fieldLength[i] = s.fieldLength[i]!;
    return new FrozenIndex(documentCount, terms, fields, fieldLength, averages(fieldLength, F, documentCount));
  }

  /** A live MiniSearch instance with exactly this index (documents' ids are positions). */
  toMiniSearch(tokenize: (text: string) => string[]): MiniSearch<IndexedDoc> {
    const F = INDEX_FIELDS.length;
    const documentIds: Record<number, number> = {};
    const fieldLength: Record<number, number[]> = {};
    for (let d = 0; d < this.documentCount; d++) {
      documentIds[d] = d;
      fieldLength[d] = Array.from(this.fieldLength.subarray(d * F, d * F + F));
    }
    const index: [string, Record<string, Record<string, number>>][] = this.terms.map((term, t) => {
      const data: Record<string, Record<string, number>> = {};
      this.fields.forEach((field, f) => {
        const a = field.offsets[t]!;
        const b = field.offsets[t + 1]!;
        if (a === b) return;
        const postings: Record<string, number> = {};
        for (let p = a; p < b; p++) postings[field.docs[p]!] = field.tfs[p]!;
        data[f] = postings;
      });
      return [term, data];
    });
    return MiniSearch.loadJS(
      {
        documentCount: this.documentCount,
        nextId: this.documentCount,
        documentIds,
        fieldIds: Object.fromEntries(INDEX_FIELDS.map((f, i) => [f, i])),
        fieldLength,
        averageFieldLength: Array.from(this.avgFieldLength),
        storedFields: {},
        dirtCount: 0,
        index,
        serializationVersion: 2,
      } as never,
      { fields: [...INDEX_FIELDS], storeFields: [], tokenize, processTerm: (t: string) => t },
    ) as MiniSearch<IndexedDoc>;
  }

  /**
   * Binary form: "AIDX", u32 header length, JSON header, zero padding to 8 bytes, then
   * the arrays. The header carries `meta` (what the index was built from), the layout
   * and a SHA-256 of everything after it, so truncation and bit rot are detected.
   */
  serialize(meta: Record<string, unknown>): Buffer {
    const arrays: ArrayBufferView[] = [];
    const termBytes = Buffer.from(this.terms.join('\n'), 'utf8');
    arrays.push(termBytes);
    for (const f of this.fields) arrays.push(f.offsets, f.docs, f.tfs);
    arrays.push(this.fieldLength);
    const sections: [number, number][] = [];
    let at = 0;
    for (const a of arrays) {
      sections.push([at, a.byteLength]);
      at = align8(at + a.byteLength);
    }
    const payload = Buffer.alloc(at);
    arrays.forEach((a, i) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(payload, sections[i]![0]));
    const header = Buffer.from(JSON.stringify({
      ...meta,
      documentCount: this.documentCount,
      termCount: this.terms.length,
      fields: INDEX_FIELDS,
      postings: this.fields.map((f) => f.docs.length),
      avgFieldLength: Array.from(this.avgFieldLength),
      sections,
      payloadBytes: payload.length,
      sha256: createHash('sha256').update(payload).digest('hex'),
    }), 'utf8');
    const prefix = Buffer.alloc(align8(8 + header.length));
    prefix.write(MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(header.length, 4);
    header.copy(prefix, 8);
    return Buffer.concat([prefix, payload]);
  }

  /** Reads the header only (cheap), or throws if the file is not an index. */
  static readHeader(buf: Buffer): Record<string, unknown> & { headerEnd: number } {
    if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an index file');
    const length = buf.readUInt32LE(4);
    if (8 + length > buf.length) throw new Error('truncated header');
    const header = JSON.parse(buf.toString('utf8', 8, 8 + length)) as Record<string, unknown>;
    return { ...header, headerEnd: align8(8 + length) };
  }

  /** Parses and verifies (length, checksum, layout) a serialised index. Throws on any problem. */
  static deserialize(buf: Buffer): { index: FrozenIndex; meta: Record<string, unknown> } {
    const header = FrozenIndex.readHeader(buf);
    const payloadBytes = header.payloadBytes as number;
    if (buf.length - header.headerEnd !== payloadBytes) throw new Error(`truncated or padded payload (${buf.length - header.headerEnd} of ${payloadBytes} bytes)`);
    // The arrays are views on `buf` itself when the payload is 8-byte aligned in memory
    // (as when loadEngine reads the file into a fresh ArrayBuffer): no second copy of
    // the index. Otherwise it is copied into a fresh, aligned buffer.
    let payload = buf.subarray(header.headerEnd);
    if (payload.byteOffset % 8 !== 0) {
      payload = Buffer.from(new ArrayBuffer(payloadBytes));
      payload.set(buf.subarray(header.headerEnd));
    }
    if (createHash('sha256').update(payload).digest('hex') !== header.sha256) throw new Error('checksum mismatch');
    const sections = header.sections as [number, number][];
    const N = header.documentCount as number;
    const T = header.termCount as number;
    const F = INDEX_FIELDS.length;
    if (JSON.stringify(header.fields) !== JSON.stringify(INDEX_FIELDS) || sections.length !== 2 + 3 * F) throw new Error('unexpected layout');
    const view = <A>(i: number, Type: { new (b: ArrayBufferLike, o: number, n: number): A; BYTES_PER_ELEMENT: number }): A => {
      const [offset, bytes] = sections[i]!;
      if (offset + bytes > payloadBytes || bytes % Type.BYTES_PER_ELEMENT) throw new Error('bad section');
      return new Type(payload.buffer, payload.byteOffset + offset, bytes / Type.BYTES_PER_ELEMENT);
    };
    const [termsAt, termsLength] = sections[0]!;
    if (termsAt + termsLength > payloadBytes) throw new Error('bad section');
    const terms = T === 0 ? [] : payload.toString('utf8', termsAt, termsAt + termsLength).split('\n');
    if (terms.length !== T) throw new Error('term count mismatch');
    const fields = INDEX_FIELDS.map((_, f) => {
      const offsets = view(1 + 3 * f, Uint32Array);
      const docs = view(2 + 3 * f, Uint32Array);
      const tfs = view(3 + 3 * f, Uint16Array);
      if (offsets.length !== T + 1 || docs.length !== tfs.length || offsets[T] !== docs.length) throw new Error('bad postings');
      return { offsets, docs, tfs };
    });
    const fieldLength = view(1 + 3 * F, Uint16Array);
    if (fieldLength.length !== N * F) throw new Error('bad field lengths');
    const { headerEnd: _, ...meta } = header;
    return { index: new FrozenIndex(N, terms, fields, fieldLength, Float64Array.from(header.avgFieldLength as number[])), meta };
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function averages(fieldLength: Uint16Array, F: number, N: number): Float64Array {
  const sums = new Float64Array(F);
  for (let i = 0; i < fieldLength.length; i++) sums[i % F]! += fieldLength[i]!;
  return sums.map((s) => (N ? s / N : 0));
}

/** Postings come out of MiniSearch in insertion order, which is ascending; this is a guard. */
function sortPostings(docs: Uint32Array, tfs: Uint16Array, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) if (docs[i - 1]! > docs[i]!) {
    const pairs = Array.from(docs.subarray(a, b), (d, k) => [d, tfs[a + k]!] as const).sort((x, y) => x[0] - y[0]);
    pairs.forEach(([d, tf], k) => ((docs[a + k] = d), (tfs[a + k] = tf)));
    return;
  }
}
