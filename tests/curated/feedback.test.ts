import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/curated/database.js';
import { CuratedStore } from '../../src/curated/curatedStore.js';
import { FeedbackStore } from '../../src/curated/feedback.js';
import { UnansweredQueue } from '../../src/curated/unansweredQueue.js';
import { GUILD_A, GUILD_B, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());
let n = 0;

describe('FeedbackStore', () => {
  let db: Db;
  let feedback: FeedbackStore;
  let queue: UnansweredQueue;
  beforeEach(() => {
    db = openDatabase(temp.file(`feedback-${++n}.sqlite`));
    feedback = new FeedbackStore(db, () => 42);
    queue = new UnansweredQueue(db);
  });

  it('records replies with short ids, per guild', () => {
    const first = feedback.recordAnswer(GUILD_A, 'Siapa pendiri Wagner?', { abstained: true });
    const second = feedback.recordAnswer(GUILD_A, 'Lagi', { abstained: false });
    expect(second).toBe(first + 1);
    expect(feedback.getAnswer(GUILD_A, first)).toEqual({ id: first, guildId: GUILD_A, question: 'Siapa pendiri Wagner?', abstained: true, createdAt: 42 });
    expect(feedback.getAnswer(GUILD_B, first)).toBeUndefined();
  });

  it('links a reply to its curated entry, and unlinks it when the entry is removed', () => {
    const store = new CuratedStore(db);
    const entry = store.add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'x', paragraphs: [], aliases: [] }, 'mod');
    const id = feedback.recordAnswer(GUILD_A, 'pendiri wagner?', { curatedEntryId: entry.id, abstained: false });
    expect(feedback.getAnswer(GUILD_A, id)!.curatedEntryId).toBe(entry.id);
    store.remove(GUILD_A, entry.id, 'mod');
    expect(feedback.getAnswer(GUILD_A, id)!.curatedEntryId).toBeUndefined();
  });

  it('allows one vote per user; repeating changes nothing; switching is recorded', () => {
    const id = feedback.recordAnswer(GUILD_A, 'q1 apa', { abstained: false });
    expect(feedback.vote(GUILD_A, id, 'u1', 'up')).toEqual({ changed: true, previous: undefined, up: 1, down: 0 });
    expect(feedback.vote(GUILD_A, id, 'u1', 'up')).toEqual({ changed: false, previous: 'up', up: 1, down: 0 });
    expect(feedback.vote(GUILD_A, id, 'u2', 'up')).toEqual({ changed: true, previous: undefined, up: 2, down: 0 });
    expect(feedback.vote(GUILD_A, id, 'u1', 'down')).toEqual({ changed: true, previous: 'up', up: 1, down: 1 });
    expect(db.prepare('SELECT COUNT(*) FROM answer_votes').pluck().get()).toBe(2);
  });

  it('refuses votes on another guild\'s answer', () => {
    const id = feedback.recordAnswer(GUILD_A, 'q1 apa', { abstained: false });
    expect(() => feedback.vote(GUILD_B, id, 'u1', 'up')).toThrow(/not found/);
  });

  it('voteAndQueue puts a thumbs-down question in the queue once per user, however they flip', () => {
    const id = feedback.recordAnswer(GUILD_A, 'Siapa pendiri Wagner?', { abstained: false });
    feedback.voteAndQueue(queue, GUILD_A, id, 'u1', 'down');
    feedback.voteAndQueue(queue, GUILD_A, id, 'u1', 'up');
    feedback.voteAndQueue(queue, GUILD_A, id, 'u1', 'down');
    feedback.voteAndQueue(queue, GUILD_A, id, 'u2', 'up');
    feedback.voteAndQueue(queue, GUILD_A, id, 'u3', 'down');
    const { items } = queue.list(GUILD_A);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ question: 'Siapa pendiri Wagner?', count: 2, thumbsDownCount: 2, abstainedCount: 0 });
  });

  it('voteAndQueue writes nothing when the answer is unknown', () => {
    expect(() => feedback.voteAndQueue(queue, GUILD_A, 999, 'u1', 'down')).toThrow();
    expect(queue.list(GUILD_A).total).toBe(0);
  });

  it('prunes old replies with their votes', () => {
    const early = new FeedbackStore(db, () => 10);
    const old = early.recordAnswer(GUILD_A, 'lama sekali', { abstained: false });
    early.vote(GUILD_A, old, 'u1', 'up');
    const recent = feedback.recordAnswer(GUILD_A, 'baru saja', { abstained: false });
    expect(feedback.deleteAnswersBefore(20)).toBe(1);
    expect(feedback.getAnswer(GUILD_A, old)).toBeUndefined();
    expect(feedback.getAnswer(GUILD_A, recent)).toBeDefined();
    expect(db.prepare('SELECT COUNT(*) FROM answer_votes').pluck().get()).toBe(0);
  });
});
