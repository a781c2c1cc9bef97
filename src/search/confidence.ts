/**
 * Whether a passage answers a question: several signals combined by a logistic model,
 * because no single rule on word weights serves both sides (a paraphrase uses ordinary
 * words the article lacks; a near-topic question names the article's people with an
 * attribute it never gives, "Kapan Kim Jong Un lahir?").
 *
 * The weights were fitted by `npm run calibrate` (scripts/calibrate.ts) on data that does
 * not gate: TyDi QA's tuning lines (1-5771) with half of their gold passages removed, and
 * the questions on the second test article (tests/fixtures/second-article). See README
 * "Quality" for what each signal changed.
 */
export interface Signals {
  /**
   * Share of the question's weight that the passage's text holds: IDF of each term the
   * corpus has; a name or topic word no paragraph has weighs as the rarest possible
   * term; an ordinary word no paragraph has is left out (it is phrasing, counted below).
   */
  coverage: number;
  /** Weight the passage matched, relative to the rarest possible term (absolute evidence). */
  evidence: number;
  /** Whether a name or topic word of the question is in no paragraph at all. */
  unseenTopic: number;
  /** Share of the question's words that are ordinary words no paragraph has. */
  unseenOrdinary: number;
  /** The question word asks for a kind of answer (date, number, person, place) and the best sentence has none. */
  typeMissing: number;
  /** The question word asks for a kind of answer and the best sentence has one. */
  typeFound: number;
  /** Share of the passage's matched weight that its best sentence holds. */
  sentenceShare: number;
  /** (top score - next score) / top score, for the first passage; 0 for the others. */
  margin: number;
}

export type SignalName = keyof Signals;
export const SIGNAL_NAMES: SignalName[] = ['coverage', 'evidence', 'unseenTopic', 'unseenOrdinary', 'typeMissing', 'typeFound', 'sentenceShare', 'margin'];

export interface ConfidenceModel {
  bias: number;
  weights: Record<SignalName, number>;
  /** At or above: answer. */
  answerAt: number;
  /** At or above (and below answerAt): the closest passage, under a caveat ("not sure"). */
  unsureAt: number;
}

/** Fitted by scripts/calibrate.ts; see the header comment. */
export const DEFAULT_MODEL: ConfidenceModel = {
  bias: -4,
  weights: { coverage: 7, evidence: 1, unseenTopic: -3, unseenOrdinary: -1, typeMissing: -1.5, typeFound: 0.5, sentenceShare: 0.5, margin: 0.5 },
  answerAt: 0.5,
  unsureAt: 0.35,
};

/** The model's probability that the passage answers the question. */
export function confidenceOf(signals: Signals, model: ConfidenceModel = DEFAULT_MODEL): number {
  let z = model.bias;
  for (const name of SIGNAL_NAMES) z += model.weights[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}
