// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.6869,
  weights: {
    coverage: 0.2139,
    specCoverage: 0.7145,
    unseenSpecific: -0.3236,
    unseenOrdinary: -0.9909,
    unseenTopic: 0,
    typeMissing: -0.8005,
    typeFound: 0,
    margin: 1.4593,
    normScore: 0.6323,
    sentenceCoverage: 0.1275,
    termShare: 1.3547,
    evidence: 0.2332
  },
  smallBias: 0.1932,
  smallWeights: {
    coverage: 0.4136,
    specCoverage: -0.046,
    unseenSpecific: -0.1967,
    unseenOrdinary: 0.2373,
    unseenTopic: -2,
    typeMissing: -2.2481,
    typeFound: 0,
    margin: -0.2644,
    normScore: -0.5385,
    sentenceCoverage: 0.1275,
    termShare: 2.0459,
    evidence: -0.196
  },
  unsureAt: {
    large: 0.2312,
    small: 0.2443
  },
  answerAt: {
    large: 0.82,
    small: 0.57
  }
};
