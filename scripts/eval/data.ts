/**
 * The measuring sets, read once: question sets on one article (JSONL `{"id","q","kind","gold"}`,
 * an empty gold list meaning out of scope), moderator entries with paraphrases and
 * near-misses, and TyDi QA Indonesian with or without half of its gold passages.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Corpus } from '../../src/corpus/types.js';

export interface ArticleQuestion {
  id: string;
  q: string;
  kind: string;
  gold: number[];
}

export interface CuratedCase {
  id: string;
  entry: { question: string; answer: string; aliases?: string[] };
  positives: string[];
  negatives: string[];
}

export interface TydiQuestion {
  question: string;
  passage_id: string;
  /** 1-based line in questions.jsonl: lines 1-5771 are for tuning, 5772-6194 for testing. */
  line: number;
}

export const TYDI_TUNE_LINES = 5771;

/** The test articles (tests/fixtures) whose questions the answer/abstain model is calibrated on. */
export const CALIBRATION_ARTICLES = ['second-article', 'third-article', 'fourth-article'];

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export function readTydi(benchDir: string): { corpus: Corpus; questions: TydiQuestion[] } {
  const corpus = loadCorpus(join(benchDir, 'passages.jsonl'));
  const questions = readJsonl<{ question: string; passage_id: string }>(join(benchDir, 'questions.jsonl')).map((q, i) => ({ ...q, line: i + 1 }));
  return { corpus, questions };
}

/**
 * TyDi with half of the gold passages removed, the same half in every run: a passage
 * goes when the first byte of the SHA-256 of its id is even. Questions whose passage is
 * gone should be abstained on; the others answered.
 */
export function withoutHalf(corpus: Corpus): { corpus: Corpus; removed: Set<string> } {
  const removed = new Set<string>();
  const articles = corpus.articles.filter((a) => {
    const gone = createHash('sha256').update(a.id).digest()[0]! % 2 === 0;
    if (gone) removed.add(a.id);
    return !gone;
  });
  return { corpus: { articles, paragraphs: articles.flatMap((a) => a.paragraphs) }, removed };
}
