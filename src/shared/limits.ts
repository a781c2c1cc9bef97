/** The longest question /ask and /search accept, and the longest the stores keep. */
export const MAX_QUESTION_LENGTH = 500;
