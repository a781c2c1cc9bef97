// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.6776,
  weights: {
    coverage: 0.3027,
    specCoverage: 0.7516,
    unseenSpecific: -0.3503,
    unseenOrdinary: -0.9728,
    unseenTopic: -0.0036,
    typeMissing: -0.8043,
    typeFound: 0,
    margin: 1.4841,
    normScore: 0.6066,
    sentenceCoverage: 0.1291,
    termShare: 1.2977,
    evidence: 0.1999
  },
  smallBias: 0.1002,
  smallWeights: {
    coverage: 0.4999,
    specCoverage: 0.0299,
    unseenSpecific: -0.2235,
    unseenOrdinary: 0.2857,
    unseenTopic: -1.9964,
    typeMissing: -2.2609,
    typeFound: 0,
    margin: -0.2364,
    normScore: -0.5558,
    sentenceCoverage: 0.129,
    termShare: 1.9225,
    evidence: -0.1634
  },
  unsureAt: {
    large: 0.2311,
    small: 0.2339
  },
  answerAt: {
    large: 0.82,
    small: 0.57
  }
};
