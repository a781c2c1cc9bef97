/**
 * Curated-answer matching, measured: every entry of a set goes into one server's store
 * (an in-memory SQLite database, the real store and matcher), then each paraphrase
 * should get its entry and each near-miss should not.
 */
import { CuratedIndex, type CuratedIndexOptions } from '../../src/curated/curatedIndex.js';
import { openDatabase } from '../../src/curated/database.js';
import { CuratedStore } from '../../src/curated/curatedStore.js';
import type { SearchEngine } from '../../src/search/engine.js';
import type { CuratedCase } from './data.js';

export interface CuratedScore {
  entries: number;
  positives: number;
  /** Share of paraphrases that get their own entry. */
  recall: number;
  /** Share of paraphrases given another entry's answer: worse than none, since the member is told something else. */
  otherEntry: number;
  negatives: number;
  /** Share of near-misses that get the entry they are a near-miss of. */
  falseMatch: number;
  /** Share of near-misses that get any entry. */
  anyMatch: number;
  misses: string[];
}

const GUILD = '100000000000000001';

export function scoreCurated(cases: CuratedCase[], engine: SearchEngine, options: CuratedIndexOptions = {}): CuratedScore {
  const db = openDatabase(':memory:');
  try {
    const store = new CuratedStore(db);
    const index = new CuratedIndex(store, engine.analyzer, options);
    const ids = new Map<string, number>();
    for (const c of cases) ids.set(c.id, store.add(GUILD, { question: c.entry.question, answer: c.entry.answer, paragraphs: [], aliases: c.entry.aliases ?? [] }, 'eval').id);
    let positives = 0, hits = 0, others = 0, negatives = 0, falseMatches = 0, anyMatches = 0;
    const misses: string[] = [];
    for (const c of cases) {
      for (const q of c.positives) {
        positives++;
        const match = index.match(GUILD, q);
        if (match?.entry.id === ids.get(c.id)) hits++;
        else if (match) others++;
        if (match?.entry.id !== ids.get(c.id)) misses.push(`MISS ${c.id} "${q}" -> ${match ? `#${match.entry.id} "${match.entry.question}"` : 'none'}`);
      }
      for (const q of c.negatives) {
        negatives++;
        const match = index.match(GUILD, q);
        if (match) anyMatches++;
        if (match && match.entry.id === ids.get(c.id)) {
          falseMatches++;
          misses.push(`FALSE ${c.id} "${q}" -> "${match.entry.question}"`);
        }
      }
    }
    index.close();
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return { entries: cases.length, positives, recall: round(hits / positives), otherEntry: round(others / positives), negatives, falseMatch: round(falseMatches / negatives), anyMatch: round(anyMatches / negatives), misses };
  } finally {
    db.close();
  }
}
