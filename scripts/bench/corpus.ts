/**
 * Benchmark corpora: the TyDi passages as they are, plus deterministic filler
 * paragraphs up to a target size. Filler is drawn from the passages' own statistics:
 *  - words: uniform draws from the list of every word occurrence in the passages, so
 *    each word keeps its corpus frequency (Zipf's law, realistic document frequencies,
 *    and names from the questions do show up in filler, as distractors would);
 *  - sentence lengths (in words) and sentences per paragraph: drawn from the passages'
 *    empirical distributions (sentences split as the highlighter splits them).
 * A seeded PRNG (mulberry32, seed 20240917) makes filler #i the same in every run and
 * every size, so the 20k corpus is a prefix of the 50k one, which is a prefix of 100k.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/search/sentences.js';

export interface Passage { id: string; title: string; text: string }

const SEED = 20240917;
/** Bump when the filler recipe changes, so cached corpora are regenerated. */
const FILLER_VERSION = 1;
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*[,;:]?/gu;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readPassages(benchDir: string): Passage[] {
  return readFileSync(join(benchDir, 'passages.jsonl'), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Passage);
}

/** `count` filler passages generated from the statistics of `passages`. */
export function fillerPassages(passages: Passage[], count: number): Passage[] {
  const words: string[] = [];
  const sentenceLengths: number[] = [];
  const sentencesPerParagraph: number[] = [];
  for (const p of passages) {
    const sentences = splitSentences(p.text);
    sentencesPerParagraph.push(sentences.length);
    for (const s of sentences) {
      const w = s.match(WORD) ?? [];
      if (w.length) sentenceLengths.push(w.length);
      words.push(...w);
    }
  }
  const random = mulberry32(SEED);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const out: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const sentences: string[] = [];
    const n = pick(sentencesPerParagraph);
    for (let s = 0; s < n; s++) {
      const len = pick(sentenceLengths);
      const sentence: string[] = [];
      for (let k = 0; k < len; k++) sentence.push(pick(words));
      let text = sentence.join(' ').replace(/[,;:]$/, '');
      text = text.charAt(0).toUpperCase() + text.slice(1) + '.';
      sentences.push(text);
    }
    out.push({ id: `filler-${String(i + 1).padStart(6, '0')}`, title: '', text: sentences.join(' ') });
  }
  return out;
}

/**
 * Writes (once) and returns the path of a JSONL corpus of `size` passages: all the
 * TyDi passages first, then filler. Size <= the passage count means the passages as they are.
 */
export function benchCorpusFile(benchDir: string, outDir: string, size: number): string {
  const passages = readPassages(benchDir);
  if (size <= passages.length) return join(benchDir, 'passages.jsonl');
  const file = join(outDir, `corpus-${size}-v${FILLER_VERSION}.jsonl`);
  if (existsSync(file)) return file;
  mkdirSync(outDir, { recursive: true });
  const all = [...passages, ...fillerPassages(passages, size - passages.length)];
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, all.map((p) => JSON.stringify(p)).join('\n') + '\n');
  renameSync(tmp, file);
  return file;
}
