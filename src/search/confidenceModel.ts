// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.6494,
  weights: {
    coverage: 0.1368,
    specCoverage: 0.9436,
    unseenSpecific: 0,
    unseenOrdinary: -2.3205,
    unseenTopic: -0.0078,
    typeMissing: -0.8395,
    typeFound: 0,
    margin: 0.2873,
    normScore: 0.7034,
    sentenceCoverage: 0.1189,
    termShare: 1.3519,
    evidence: 0.2999
  },
  smallBias: -0.1442,
  smallWeights: {
    coverage: 0.1344,
    specCoverage: 0.1118,
    unseenSpecific: 0,
    unseenOrdinary: -0.4128,
    unseenTopic: -0.0012,
    typeMissing: -2.79,
    typeFound: 0,
    margin: 0.2436,
    normScore: -0.7034,
    sentenceCoverage: 0.1172,
    termShare: 2.694,
    evidence: -0.2806
  },
  unsureAt: {
    large: 0.2416,
    small: 0.3134
  },
  answerAt: {
    large: 0.82,
    small: 0.58
  }
};
