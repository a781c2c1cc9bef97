// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.5781,
  weights: {
    coverage: 0.2253,
    specCoverage: 0.6128,
    unseenSpecific: 0,
    unseenOrdinary: -2.7176,
    unseenTopic: 0,
    typeMissing: -0.8283,
    typeFound: 0,
    margin: 1.095,
    normScore: 0.5523,
    sentenceCoverage: 0.1124,
    termShare: 1.5401,
    evidence: 0.2449
  },
  smallBias: 0.8003,
  smallWeights: {
    coverage: 0.2363,
    specCoverage: -0.6128,
    unseenSpecific: 0,
    unseenOrdinary: -0.4943,
    unseenTopic: -2,
    typeMissing: -2.8258,
    typeFound: 0,
    margin: -0.6126,
    normScore: -0.5523,
    sentenceCoverage: 0.1098,
    termShare: 2.564,
    evidence: -0.2419
  },
  unsureAt: {
    large: 0.2424,
    small: 0.2742
  },
  answerAt: {
    large: 0.81,
    small: 0.67
  }
};
