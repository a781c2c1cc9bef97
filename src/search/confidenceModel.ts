// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.6615,
  weights: {
    coverage: 0.7185,
    specCoverage: 0.9175,
    unseenSpecific: 0,
    unseenOrdinary: -2.4365,
    unseenTopic: -0.003,
    typeMissing: -0.8553,
    typeFound: 0,
    margin: 0.2607,
    normScore: 0.5693,
    sentenceCoverage: 0.1091,
    termShare: 0.8912,
    evidence: 0.3352
  },
  smallBias: -0.182,
  smallWeights: {
    coverage: 1.1346,
    specCoverage: 0.1294,
    unseenSpecific: 0,
    unseenOrdinary: -0.3089,
    unseenTopic: 0.0024,
    typeMissing: -2.842,
    typeFound: 0,
    margin: 0.219,
    normScore: -0.5693,
    sentenceCoverage: 0.1074,
    termShare: 1.8475,
    evidence: -0.3308
  },
  unsureAt: {
    large: 0.2401,
    small: 0.3384
  },
  answerAt: {
    large: 0.81,
    small: 0.6
  }
};
