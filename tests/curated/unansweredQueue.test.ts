import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/curated/database.js';
import { UnansweredQueue } from '../../src/curated/unansweredQueue.js';
import { GUILD_A, GUILD_B, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());
let n = 0;

describe('UnansweredQueue', () => {
  let queue: UnansweredQueue;
  let now: number;
  beforeEach(() => {
    now = 1_700_000_000_000;
    queue = new UnansweredQueue(openDatabase(temp.file(`queue-${++n}.sqlite`)), () => now);
  });

  it('groups the same question (case, spacing, punctuation) and counts per reason', () => {
    const id = queue.record(GUILD_A, 'Siapa pendiri Wagner?', 'abstained');
    now += 1000;
    expect(queue.record(GUILD_A, '  siapa PENDIRI   wagner ', 'abstained')).toBe(id);
    now += 1000;
    expect(queue.record(GUILD_A, 'Siapa pendiri Wagner!!', 'thumbs-down')).toBe(id);
    expect(queue.get(GUILD_A, id!)).toEqual({
      id,
      question: 'Siapa pendiri Wagner?',
      count: 3,
      abstainedCount: 2,
      thumbsDownCount: 1,
      firstAskedAt: 1_700_000_000_000,
      lastAskedAt: 1_700_000_002_000,
      pickCount: 0,
    });
  });

  it('counts the curated answer members picked for a queued question, starting over when they pick another; only in its guild, only while queued', () => {
    const id = queue.record(GUILD_A, 'Siapa pendiri Wagner?', 'abstained')!;
    expect(queue.recordPick(GUILD_A, 'siapa pendiri wagner', 12)).toBe(true);
    expect(queue.recordPick(GUILD_A, 'Siapa pendiri Wagner?', 12)).toBe(true);
    expect(queue.get(GUILD_A, id)).toMatchObject({ pickedEntryId: 12, pickCount: 2, count: 1 });
    expect(queue.recordPick(GUILD_A, 'Siapa pendiri Wagner?', 13)).toBe(true);
    expect(queue.get(GUILD_A, id)).toMatchObject({ pickedEntryId: 13, pickCount: 1 });
    expect(queue.recordPick(GUILD_B, 'Siapa pendiri Wagner?', 13)).toBe(false);
    expect(queue.recordPick(GUILD_A, 'Kapan Putin bertemu Kim?', 13)).toBe(false); // not queued: nothing is created
    expect(queue.list(GUILD_A).total).toBe(1);
    expect(queue.list(GUILD_B).total).toBe(0);
  });

  it('lists most asked first, then most recent, with paging and a total', () => {
    const once = queue.record(GUILD_A, 'Pertanyaan sekali', 'abstained');
    now += 10;
    const thrice = queue.record(GUILD_A, 'Pertanyaan tiga kali', 'abstained');
    queue.record(GUILD_A, 'Pertanyaan tiga kali', 'abstained');
    queue.record(GUILD_A, 'Pertanyaan tiga kali', 'thumbs-down');
    now += 10;
    const onceLater = queue.record(GUILD_A, 'Pertanyaan sekali juga', 'thumbs-down');
    queue.record(GUILD_B, 'Pertanyaan guild lain', 'abstained');

    const all = queue.list(GUILD_A, { offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.id)).toEqual([thrice, onceLater, once]);
    expect(queue.list(GUILD_A, { offset: 1, limit: 1 }).items.map((i) => i.id)).toEqual([onceLater]);
  });

  it('resolves by id and by question key, within the guild only', () => {
    const id = queue.record(GUILD_A, 'Siapa pendiri Wagner?', 'abstained')!;
    expect(queue.resolve(GUILD_B, id)).toBe(false);
    expect(queue.get(GUILD_B, id)).toBeUndefined();
    expect(queue.resolve(GUILD_A, id)).toBe(true);
    expect(queue.get(GUILD_A, id)).toBeUndefined();

    queue.record(GUILD_A, 'Kapan Putin bertemu Kim?', 'abstained');
    expect(queue.resolveMatching(GUILD_B, 'kapan putin bertemu kim')).toBe(false);
    expect(queue.resolveMatching(GUILD_A, 'kapan putin bertemu kim')).toBe(true);
    expect(queue.list(GUILD_A).total).toBe(0);
  });

  it('stores questions without bidi controls, cut by grapheme', () => {
    const id = queue.record(GUILD_A, 'Siapa \u2067pendiri\u2069 Wagner\u202E? ' + '😀'.repeat(300), 'abstained')!;
    const item = queue.get(GUILD_A, id)!;
    expect(item.question.startsWith('Siapa pendiri Wagner? 😀')).toBe(true);
    expect(item.question).not.toMatch(/[\u2066-\u2069\u202A-\u202E]/);
    expect(item.question.length).toBeLessThanOrEqual(500);
    expect(item.question.isWellFormed()).toBe(true);
  });

  it('ignores questions with nothing to answer', () => {
    expect(queue.record(GUILD_A, '??? !!!', 'abstained')).toBeUndefined();
    expect(queue.list(GUILD_A).total).toBe(0);
  });

  it('stores no user ids: its table has no column for them', () => {
    const columns = queue.db.prepare("SELECT name FROM pragma_table_info('unanswered_questions')").pluck().all() as string[];
    expect(columns.sort()).toEqual([
      'abstained_count', 'ask_count', 'first_asked_at', 'guild_id', 'id', 'last_asked_at', 'pick_count', 'picked_entry_id', 'question', 'question_key', 'thumbs_down_count',
    ]);
    expect(columns.some((c) => /user|author|member/i.test(c))).toBe(false);
  });
});
