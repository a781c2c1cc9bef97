// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.7018,
  weights: {
    coverage: 0.2054,
    specCoverage: 0.6339,
    unseenSpecific: 0,
    unseenOrdinary: -2.0343,
    unseenTopic: 0,
    typeMissing: -0.8007,
    typeFound: 0,
    margin: 1.481,
    normScore: 0.5203,
    sentenceCoverage: 0.1453,
    termShare: 1.5379,
    evidence: 0.2566
  },
  smallBias: 0.8262,
  smallWeights: {
    coverage: 0.2647,
    specCoverage: -0.6339,
    unseenSpecific: 0,
    unseenOrdinary: -0.5852,
    unseenTopic: -2,
    typeMissing: -2.6742,
    typeFound: 0,
    margin: -0.8764,
    normScore: -0.5203,
    sentenceCoverage: 0.143,
    termShare: 2.58,
    evidence: -0.2414
  },
  unsureAt: {
    large: 0.2313,
    small: 0.305
  },
  answerAt: {
    large: 0.81,
    small: 0.75
  }
};
