import { CALIBRATED_MODEL } from './confidenceModel.js';

/**
 * Whether a passage answers a question: several signals combined by a logistic model,
 * because no single rule on word weights serves both sides (a paraphrase uses ordinary
 * words the article lacks; a near-topic question names the article's people with an
 * attribute it never gives, "Kapan Kim Jong Un lahir?").
 *
 * How the signals relate to the answer depends on the size of the corpus (in seven
 * paragraphs most ordinary words are missing, in thousands almost none is; a margin
 * means less among siblings of one Wikipedia article), so the model has a second set of
 * weights for small corpora, blended in by `smallness` (1 up to SMALL_CORPUS paragraphs,
 * 0 from LARGE_CORPUS, in between by the logarithm of the size).
 *
 * The weights are fitted by `npm run calibrate` (scripts/calibrate.ts) on data that does
 * not gate: TyDi QA's tuning lines (1-5771) over the passages with half of the gold
 * passages removed, and the questions on the second and third test articles
 * (tests/fixtures). See README "Quality" for what each signal changes.
 */
export interface Signals {
  /**
   * Share of the question's weight that the paragraph's text holds (the part a citation
   * shows, not the article title): IDF of each term the corpus has, the rarest possible
   * IDF for a name, topic or focus word no paragraph has; any other ordinary word no
   * paragraph has is left out (it is likely phrasing; see unseenOrdinary and unseenSpecific).
   */
  coverage: number;
  /** The same share with every term weighed by its specificity in everyday Indonesian, unseen ordinary words included. */
  specCoverage: number;
  /** The most specific ordinary word of the question that no paragraph has (0 when there is none): "banjir" more than "soal". */
  unseenSpecific: number;
  /** Share of the question's words that are ordinary words no paragraph has. */
  unseenOrdinary: number;
  /** 1 when a name or topic word of the question is in no paragraph at all. */
  unseenTopic: number;
  /**
   * 1 when a focus word of the question, an ordinary word naming what is asked ("umur" in
   * "Berapa umur Rafael Struick?", see focusWordOf; every word of a keyword query), is in
   * no paragraph: the articles name the thing but not that attribute of it.
   */
  focusUnseen: number;
  /** 1 when a focus word is in some paragraph but not in this one. */
  focusMissing: number;
  /** 1 when the question word asks for a kind of answer (date, number, person, place, definition) and the best sentence has none. */
  typeMissing: number;
  /** 1 when the question word asks for a kind of answer and the best sentence has one. */
  typeFound: number;
  /** (top score - next score) / top score for the first paragraph; 0 for the others. */
  margin: number;
  /** The paragraph's score over the score of a paragraph holding every term once (ranking strength). */
  normScore: number;
  /** Share of the question's weight that the best sentence holds. */
  sentenceCoverage: number;
  /** Share of the question's terms (not weights) the paragraph has, each at its match's credit (a synonym counts half). */
  termShare: number;
  /** Weight the paragraph matched, relative to the rarest possible term, at most 3 (absolute evidence). */
  evidence: number;
  /**
   * 1 when the paragraph has one of the question's terms alone and the question has more
   * ("harga tiket ke Moskow berapa" and a paragraph that names Moscow): one word in common
   * is a coincidence more often than an answer, however rare the word.
   */
  loneMatch: number;
}

export type SignalName = keyof Signals;
export const SIGNAL_NAMES: SignalName[] = [
  'coverage',
  'specCoverage',
  'unseenSpecific',
  'unseenOrdinary',
  'unseenTopic',
  'focusUnseen',
  'focusMissing',
  'typeMissing',
  'typeFound',
  'margin',
  'normScore',
  'sentenceCoverage',
  'termShare',
  'evidence',
  'loneMatch',
];

export interface ConfidenceModel {
  bias: number;
  weights: Record<SignalName, number>;
  /** Added to bias and weights in proportion to the corpus's smallness. */
  smallBias: number;
  smallWeights: Record<SignalName, number>;
  /** At or above: answer (for a large corpus, and for a small one). */
  answerAt: { large: number; small: number };
  /** At or above (and below answerAt): the closest passage, under a caveat ("not sure"). */
  unsureAt: { large: number; small: number };
}

/** Up to this many paragraphs a corpus is small (one or a few articles). */
export const SMALL_CORPUS = 30;
/** From this many paragraphs a corpus is large. */
export const LARGE_CORPUS = 2000;

/** 1 for a small corpus, 0 for a large one, log-linear in between. */
export function smallness(paragraphs: number): number {
  if (paragraphs <= SMALL_CORPUS) return 1;
  if (paragraphs >= LARGE_CORPUS) return 0;
  return (Math.log(LARGE_CORPUS) - Math.log(paragraphs)) / (Math.log(LARGE_CORPUS) - Math.log(SMALL_CORPUS));
}

export const DEFAULT_MODEL: ConfidenceModel = CALIBRATED_MODEL;

/** A threshold of the model for a corpus of the given smallness. */
export function thresholdFor(threshold: { large: number; small: number }, small: number): number {
  return threshold.large + small * (threshold.small - threshold.large);
}

/** The model's probability that the paragraph answers the question. */
export function confidenceOf(signals: Signals, small: number, model: ConfidenceModel = DEFAULT_MODEL): number {
  let z = model.bias + small * model.smallBias;
  for (const name of SIGNAL_NAMES) z += (model.weights[name] + small * model.smallWeights[name]) * signals[name];
  return 1 / (1 + Math.exp(-z));
}
