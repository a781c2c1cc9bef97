// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.1594,
  weights: {
    coverage: 0.9139,
    specCoverage: 0.6435,
    unseenSpecific: -0.7619,
    unseenOrdinary: 0,
    unseenTopic: 0,
    focusUnseen: -0.0863,
    focusMissing: -0.2393,
    typeMissing: -0.7686,
    typeFound: 0,
    margin: 1.4414,
    normScore: 0.5846,
    sentenceCoverage: 0.0093,
    termShare: 0.6785,
    evidence: 0,
    loneMatch: -0.2075
  },
  smallBias: 0.8598,
  smallWeights: {
    coverage: 0.9263,
    specCoverage: -0.4893,
    unseenSpecific: 0.1485,
    unseenOrdinary: 0,
    unseenTopic: -2,
    focusUnseen: -0.0289,
    focusMissing: -0.807,
    typeMissing: -2.1009,
    typeFound: 0,
    margin: -0.9042,
    normScore: -0.5846,
    sentenceCoverage: 0.0115,
    termShare: 1.2166,
    evidence: 0,
    loneMatch: -0.9207
  },
  unsureAt: {
    large: 0.2473,
    small: 0.2546
  },
  answerAt: {
    large: 0.82,
    small: 0.36
  }
};
