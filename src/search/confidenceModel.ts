// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.6377,
  weights: {
    coverage: 0.3282,
    specCoverage: 0.5429,
    unseenSpecific: 0,
    unseenOrdinary: -2.3593,
    unseenTopic: 0,
    typeMissing: -0.8309,
    typeFound: 0,
    margin: 0.8643,
    normScore: 0.5669,
    sentenceCoverage: 0.1476,
    termShare: 1.4926,
    evidence: 0.3009
  },
  smallBias: 0.6178,
  smallWeights: {
    coverage: 0.3656,
    specCoverage: -0.5429,
    unseenSpecific: 0,
    unseenOrdinary: -0.6675,
    unseenTopic: -2,
    typeMissing: -2.9125,
    typeFound: 0,
    margin: -0.3404,
    normScore: -0.5669,
    sentenceCoverage: 0.1443,
    termShare: 2.6814,
    evidence: -0.2919
  },
  unsureAt: {
    large: 0.2398,
    small: 0.2796
  },
  answerAt: {
    large: 0.81,
    small: 0.72
  }
};
