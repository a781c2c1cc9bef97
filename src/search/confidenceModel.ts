// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.3412,
  weights: {
    coverage: -0.111,
    specCoverage: 0.5915,
    unseenSpecific: -0.2613,
    unseenOrdinary: -2.2003,
    unseenTopic: -0.3252,
    typeMissing: -0.5895,
    typeFound: -0.0859,
    margin: 1.4356,
    normScore: 1.6137,
    sentenceCoverage: -1.5717,
    termShare: 1.3511,
    evidence: 0.5313
  },
  smallBias: 0.6594,
  smallWeights: {
    coverage: 5.3912,
    specCoverage: 1.5218,
    unseenSpecific: -2.1408,
    unseenOrdinary: 0.9828,
    unseenTopic: 1.1947,
    typeMissing: -5.6685,
    typeFound: -2.286,
    margin: -1.6796,
    normScore: 1.5525,
    sentenceCoverage: -7.8288,
    termShare: 5.3243,
    evidence: -0.6708
  },
  unsureAt: {
    large: 0.2465,
    small: 0.1758
  },
  answerAt: {
    large: 0.84,
    small: 0.21
  }
};
