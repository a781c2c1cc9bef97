// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.1776,
  weights: {
    coverage: 0.8821,
    specCoverage: 0.7006,
    unseenSpecific: -0.7716,
    unseenOrdinary: 0,
    unseenTopic: 0,
    focusUnseen: 0,
    focusMissing: -0.2412,
    typeMissing: -0.7694,
    typeFound: 0,
    margin: 1.4349,
    normScore: 0.5867,
    sentenceCoverage: 0.0096,
    termShare: 0.6801,
    evidence: 0,
    loneMatch: -0.2053
  },
  smallBias: 0.8514,
  smallWeights: {
    coverage: 0.8974,
    specCoverage: -0.4018,
    unseenSpecific: 0.1669,
    unseenOrdinary: 0,
    unseenTopic: -2,
    focusUnseen: -1,
    focusMissing: -0.8336,
    typeMissing: -2.0927,
    typeFound: 0,
    margin: -0.9169,
    normScore: -0.5867,
    sentenceCoverage: 0.0125,
    termShare: 1.1933,
    evidence: 0,
    loneMatch: -0.887
  },
  unsureAt: {
    large: 0.247,
    small: 0.2523
  },
  answerAt: {
    large: 0.82,
    small: 0.36
  }
};
