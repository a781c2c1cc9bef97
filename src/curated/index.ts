/** Moderator-curated answers: storage, validation, matching, the unanswered queue and feedback. */
export { openDatabase, SCHEMA_VERSION, type Db } from './database.js';
export { CuratedStore, CuratedConflictError, CuratedNotFoundError, type CuratedEntry, type CuratedInput, type CuratedSearchHit, type CuratedChange } from './curatedStore.js';
export { parseEntryInput, formatMessages, LIMITS, type Message, type RawEntryInput, type ParseResult } from './validation.js';
export { UnansweredQueue, type UnansweredItem, type UnansweredReason } from './unansweredQueue.js';
export { FeedbackStore, type AnswerRecord, type Vote, type VoteResult } from './feedback.js';
export { CuratedIndex, type CuratedMatch, type CuratedIndexOptions } from './curatedIndex.js';
