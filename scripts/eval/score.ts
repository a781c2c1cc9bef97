/**
 * Scoring for `npm run eval`: article question sets by kind, and TyDi QA with or without
 * half of its gold passages. "Unsure" answers (the closest passage under a caveat) count
 * as answered everywhere.
 */
import type { SearchEngine } from '../../src/search/engine.js';
import type { ArticleQuestion, TydiQuestion } from './data.js';

export interface KindScore {
  kind: string;
  questions: number;
  /** R@1 over answerable questions (an abstention is a miss). */
  r1: number | null;
  falseAbstain: number | null;
  /** Share of out-of-scope questions abstained on. */
  abstain: number | null;
}

export interface ArticleScore {
  answerable: number;
  outOfScope: number;
  r1: number;
  r3: number;
  falseAbstain: number;
  abstain: number;
  unsure: number;
  byKind: KindScore[];
}

const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null);
const round = (x: number) => Math.round(x * 1000) / 1000;

export function scoreArticleSet(engine: SearchEngine, questions: ArticleQuestion[], articleId?: string): ArticleScore {
  const kinds = new Map<string, { n: number; answerable: number; r1: number; falseAbstain: number; oos: number; abstain: number }>();
  let answerable = 0, outOfScope = 0, r1 = 0, r3 = 0, falseAbstain = 0, abstain = 0, unsure = 0;
  for (const q of questions) {
    const answer = engine.search(q.q, { limit: 3 });
    const k = kinds.get(q.kind) ?? { n: 0, answerable: 0, r1: 0, falseAbstain: 0, oos: 0, abstain: 0 };
    kinds.set(q.kind, k);
    k.n++;
    if (answer.certainty === 'unsure') unsure++;
    if (q.gold.length === 0) {
      outOfScope++;
      k.oos++;
      if (answer.abstained) {
        abstain++;
        k.abstain++;
      }
      continue;
    }
    answerable++;
    k.answerable++;
    if (answer.abstained) {
      falseAbstain++;
      k.falseAbstain++;
      continue;
    }
    const ranks = answer.results.map((hit) => (!articleId || hit.paragraph.articleId === articleId) && q.gold.includes(hit.paragraph.number));
    if (ranks[0]) {
      r1++;
      k.r1++;
    }
    if (ranks.slice(0, 3).some(Boolean)) r3++;
  }
  return {
    answerable,
    outOfScope,
    r1: ratio(r1, answerable) ?? 0,
    r3: ratio(r3, answerable) ?? 0,
    falseAbstain: ratio(falseAbstain, answerable) ?? 0,
    abstain: ratio(abstain, outOfScope) ?? 1,
    unsure: ratio(unsure, questions.length) ?? 0,
    byKind: [...kinds].map(([kind, k]) => ({
      kind,
      questions: k.n,
      r1: k.answerable ? ratio(k.r1, k.answerable) : ratio(k.abstain, k.oos),
      falseAbstain: ratio(k.falseAbstain, k.answerable),
      abstain: ratio(k.abstain, k.oos),
    })),
  };
}

export interface TydiScore {
  questions: number;
  r1: number;
  /** R@1 of the ranking alone (no abstention). */
  r1Ranking: number;
  abstained: number;
}

/** TyDi over the full passage set: R@1 with abstention on (an abstention is a miss). */
export function scoreTydi(engine: SearchEngine, questions: TydiQuestion[]): TydiScore {
  let r1 = 0, r1Ranking = 0, abstained = 0;
  for (const q of questions) {
    const ranked = engine.search(q.question, { limit: 1, noAbstain: true }).results;
    const answer = engine.search(q.question, { limit: 1 });
    if (ranked[0]?.paragraph.articleId === q.passage_id) r1Ranking++;
    if (answer.abstained) abstained++;
    else if (answer.results[0]?.paragraph.articleId === q.passage_id) r1++;
  }
  return { questions: questions.length, r1: round(r1 / questions.length), r1Ranking: round(r1Ranking / questions.length), abstained: round(abstained / questions.length) };
}

export interface HalfScore {
  stayed: number;
  gone: number;
  /** R@1 on questions whose passage stayed. */
  r1: number;
  falseAbstain: number;
  /** Share of questions whose passage is gone that were abstained on. */
  abstainGone: number;
}

/** TyDi with half the gold passages removed (see data.ts). */
export function scoreHalf(engine: SearchEngine, questions: TydiQuestion[], removed: Set<string>): HalfScore {
  let stayed = 0, gone = 0, r1 = 0, falseAbstain = 0, abstainGone = 0;
  for (const q of questions) {
    const answer = engine.search(q.question, { limit: 1 });
    if (removed.has(q.passage_id)) {
      gone++;
      if (answer.abstained) abstainGone++;
    } else {
      stayed++;
      if (answer.abstained) falseAbstain++;
      else if (answer.results[0]?.paragraph.articleId === q.passage_id) r1++;
    }
  }
  return { stayed, gone, r1: round(r1 / stayed), falseAbstain: round(falseAbstain / stayed), abstainGone: round(abstainGone / gone) };
}
