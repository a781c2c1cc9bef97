// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.5112,
  weights: {
    coverage: 0.3352,
    specCoverage: 0.4296,
    unseenSpecific: 0,
    unseenOrdinary: -2.4479,
    unseenTopic: 0,
    typeMissing: -0.8148,
    typeFound: 0,
    margin: 0.9042,
    normScore: 0.6306,
    sentenceCoverage: 0.1231,
    termShare: 1.5306,
    evidence: 0.223
  },
  smallBias: 0.6784,
  smallWeights: {
    coverage: 0.1717,
    specCoverage: -0.4296,
    unseenSpecific: 0,
    unseenOrdinary: -0.6623,
    unseenTopic: -2,
    typeMissing: -2.7613,
    typeFound: 0,
    margin: -0.4572,
    normScore: -0.6306,
    sentenceCoverage: 0.1196,
    termShare: 2.4828,
    evidence: -0.223
  },
  unsureAt: {
    large: 0.2435,
    small: 0.2681
  },
  answerAt: {
    large: 0.82,
    small: 0.66
  }
};
