// Written by `npm run calibrate` (scripts/calibrate.ts): do not edit by hand.
import type { ConfidenceModel } from './confidence.js';

export const CALIBRATED_MODEL: ConfidenceModel = {
  bias: -2.4141,
  weights: {
    coverage: 0.645,
    specCoverage: 0.8776,
    unseenSpecific: -0.6669,
    unseenOrdinary: 0,
    unseenTopic: 0,
    focusUnseen: -0.1661,
    focusMissing: -0.2484,
    typeMissing: -0.7823,
    typeFound: 0,
    margin: 1.4076,
    normScore: 0.4918,
    sentenceCoverage: 0.0152,
    termShare: 1.1282,
    evidence: 0.0065
  },
  smallBias: -0.0154,
  smallWeights: {
    coverage: 0.8652,
    specCoverage: -0.0352,
    unseenSpecific: 0.2507,
    unseenOrdinary: 0,
    unseenTopic: -2,
    focusUnseen: -0.1093,
    focusMissing: -0.9976,
    typeMissing: -2.1678,
    typeFound: 0,
    margin: -0.979,
    normScore: -0.4918,
    sentenceCoverage: 0.0184,
    termShare: 1.9139,
    evidence: -0.0007
  },
  unsureAt: {
    large: 0.2483,
    small: 0.2342
  },
  answerAt: {
    large: 0.81,
    small: 0.53
  }
};
