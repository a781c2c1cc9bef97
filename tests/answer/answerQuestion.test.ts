import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion, paragraphByCitation } from '../../src/answer/answerQuestion.js';
import type { Services } from '../../src/bot/services.js';
import { createServices } from '../../src/bot/startup.js';
import { createLogger, silentLogger } from '../../src/config/logger.js';
import { openDatabase, type Db } from '../../src/curated/database.js';
import { loadEngine } from '../../src/search/loadEngine.js';
import type { SearchEngine } from '../../src/search/engine.js';

const GUILD = '111111111111111111';
const OTHER_GUILD = '222222222222222222';
const WAGNER = { question: 'Siapa pendiri Wagner?', answer: '**Yevgeny Prigozhin**.', paragraphs: ['putin-kim-vostochny#7'], aliases: ['Wagner didirikan siapa'] };
const OFF_TOPIC = 'Siapa juara Liga Inggris musim lalu?';
const ON_TOPIC = 'Apa yang dibahas Putin dan Kim?';

let engine: SearchEngine;
let services: Services;
let db: Db;

beforeAll(async () => {
  engine = await loadEngine({ corpusPath: 'corpus', persist: false });
});

beforeEach(() => {
  db = openDatabase(':memory:');
  services = createServices(engine, db, silentLogger);
});

afterEach(() => {
  services.curatedIndex.close();
  db.close();
});

/** What /ask hands the answering step: the server's view (here the bundled corpus), the curated index, the bookkeeping. */
function answerDeps(s: Services) {
  return { engine: s.views.base, curatedIndex: s.curatedIndex, bookkeeping: s.bookkeeping };
}

/** An /ask as the command does it: the answer, then its bookkeeping once the reply is out. */
function answered(guildId: string | null, question: string) {
  const result = answerQuestion(answerDeps(services), guildId, question);
  if (result.record) services.bookkeeping.record(result.record);
  return result;
}

const answersRecorded = () => (db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n;

describe('answerQuestion', () => {
  it('writes nothing itself: the reply goes out first, its bookkeeping after', () => {
    const entry = services.curated.add(GUILD, WAGNER, 'mod');
    const result = answerQuestion(answerDeps(services), GUILD, 'siapa yang mendirikan grup Wagner?');
    const off = answerQuestion(answerDeps(services), GUILD, OFF_TOPIC);
    expect(result.answerId).toBeGreaterThan(0);
    expect(off.answerId).toBe(result.answerId! + 1); // reserved ids, handed out in order
    expect(answersRecorded()).toBe(0);
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(0);
    expect(services.unanswered.list(GUILD).total).toBe(0);

    services.bookkeeping.record(result.record!);
    services.bookkeeping.record(off.record!);
    expect(services.feedback.getAnswer(GUILD, result.answerId!)).toMatchObject({ curatedEntryId: entry.id, abstained: false });
    expect(services.feedback.getAnswer(GUILD, off.answerId!)).toMatchObject({ abstained: true });
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(1);
    expect(services.unanswered.list(GUILD).total).toBe(1);
  });

  it('bookkeeping that fails (a full database) is logged and never throws; the answer was already given', () => {
    const lines: string[] = [];
    const logged = createServices(engine, db, createLogger({ level: 'warn', format: 'json', write: (l) => lines.push(l) }));
    const result = answerQuestion(answerDeps(logged), GUILD, OFF_TOPIC);
    expect(result.answer.abstained).toBe(true);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const long = { ...result.record!, question: 'x '.repeat(240) + ' ' + 'y'.repeat(20) };
    for (let i = 0; i < 50; i++) logged.bookkeeping.record({ ...long, answerId: result.answerId! + 10_000 + i, question: `${long.question} ${i}` });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'answer bookkeeping failed (the answer was sent; its feedback buttons will not count)', err: { code: 'SQLITE_FULL' } });
    logged.curatedIndex.close();
  });

  it('a picked "did you mean" counts a use and tells the queued question its answer; when the write fails it is logged and never throws', () => {
    const entry = services.curated.add(GUILD, { question: OFF_TOPIC, answer: 'Manchester City.', paragraphs: [], aliases: [] }, 'mod');
    const near = answered(GUILD, 'siapa pencetak gol terbanyak Liga Inggris musim lalu');
    services.bookkeeping.recordPick({ guildId: GUILD, answerId: near.answerId!, entryId: entry.id });
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(1);
    expect(services.unanswered.list(GUILD).items[0]).toMatchObject({ pickedEntryId: entry.id, pickCount: 1 });
    // The same answer's button again: a use, not a second pick. A second ask of the question, picked: a second pick.
    services.bookkeeping.recordPick({ guildId: GUILD, answerId: near.answerId!, entryId: entry.id });
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(2);
    expect(services.unanswered.list(GUILD).items[0]!.pickCount).toBe(1);
    const askedAgain = answered(GUILD, 'siapa pencetak gol terbanyak Liga Inggris musim lalu');
    services.bookkeeping.recordPick({ guildId: GUILD, answerId: askedAgain.answerId!, entryId: entry.id });
    expect(services.unanswered.list(GUILD).items[0]!.pickCount).toBe(2);
    // Another server's answer id names no question of this one: the use counts, no queued question changes.
    services.bookkeeping.recordPick({ guildId: OTHER_GUILD, answerId: near.answerId!, entryId: entry.id });
    expect(services.unanswered.list(GUILD).items[0]!.pickCount).toBe(2);

    const lines: string[] = [];
    const logged = createServices(engine, db, createLogger({ level: 'warn', format: 'json', write: (l) => lines.push(l) }));
    const third = answered(GUILD, 'siapa pencetak gol terbanyak Liga Inggris musim lalu');
    db.exec('DROP TABLE unanswered_questions'); // any failing write
    expect(() => logged.bookkeeping.recordPick({ guildId: GUILD, answerId: third.answerId!, entryId: entry.id })).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'could not record a picked curated answer (the member has it)' });
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(3); // one transaction: the use is not counted either
    expect(services.feedback.getAnswer(GUILD, third.answerId!)).toBeDefined();
    expect(db.prepare('SELECT picked_entry_id FROM answers WHERE id = ?').pluck().get(third.answerId!)).toBeNull(); // nor the pick
    logged.curatedIndex.close();
  });

  it('prefers a confident curated entry: resolves its cited paragraphs, counts the use, records the answer', () => {
    const entry = services.curated.add(GUILD, WAGNER, 'mod');
    const result = answered(GUILD, 'siapa yang mendirikan grup Wagner?');

    expect(result.curated).toMatchObject({ entryId: entry.id, question: 'Siapa pendiri Wagner?', answer: '**Yevgeny Prigozhin**.' });
    expect(result.curated!.paragraphs).toHaveLength(1);
    expect(result.curated!.paragraphs[0]).toMatchObject({ articleId: 'putin-kim-vostochny', number: 7 });
    expect(result.curated!.paragraphs[0]!.text).toContain('Prigozhin');
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(1);

    // The article passages are still there for the reply's fields.
    expect(result.answer.query).toBeDefined();
    expect(result.answerId).toBeGreaterThan(0);
    expect(services.feedback.getAnswer(GUILD, result.answerId!)).toMatchObject({ curatedEntryId: entry.id, abstained: false, question: 'siapa yang mendirikan grup Wagner?' });
    // Answered by the moderators: nothing for the queue, even when the article alone would abstain.
    expect(services.unanswered.list(GUILD).total).toBe(0);

    answered(GUILD, 'Wagner didirikan siapa');
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(2);
  });

  it('does not give a curated entry to a question it does not answer, nor to another server', () => {
    const entry = services.curated.add(GUILD, WAGNER, 'mod');
    const when = answered(GUILD, 'Kapan Prigozhin meninggal?');
    expect(when.curated).toBeUndefined();
    const elsewhere = answered(OTHER_GUILD, 'siapa yang mendirikan grup Wagner?');
    expect(elsewhere.curated).toBeUndefined();
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(0);
  });

  it('a "not sure" answer close to a curated answer names it too; a sure answer does not', () => {
    const entry = services.curated.add(GUILD, { question: 'Wagner itu kelompok apa?', answer: 'Tentara bayaran Rusia.', paragraphs: [], aliases: [] }, 'mod');
    const unsure = answered(GUILD, 'Wagner itu mercenary group dari negara mana?');
    expect(unsure.answer.certainty).toBe('unsure');
    expect(unsure.curated).toBeUndefined();
    expect(unsure.suggestion).toEqual({ entryId: entry.id, question: entry.question });
    const sure = answered(GUILD, 'Siapa pendiri Wagner?');
    expect(sure.answer.certainty).toBe('sure');
    expect(sure.suggestion).toBeUndefined();
  });

  it('an abstention close to a curated answer names that answer\'s question ("did you mean"); a match, a far question and a DM get none', () => {
    const entry = services.curated.add(GUILD, { question: OFF_TOPIC, answer: 'Manchester City.', paragraphs: [], aliases: [] }, 'mod');
    // Another attribute of the same thing: not that entry's answer, but its question is worth showing.
    const near = answered(GUILD, 'siapa pencetak gol terbanyak Liga Inggris musim lalu');
    expect(near.outcome).toBe('abstained');
    expect(near.curated).toBeUndefined();
    expect(near.suggestion).toEqual({ entryId: entry.id, question: entry.question });
    expect(services.unanswered.list(GUILD).items.map((i) => i.question)).toEqual(['siapa pencetak gol terbanyak Liga Inggris musim lalu']); // still queued
    expect(answered(GUILD, OFF_TOPIC).suggestion).toBeUndefined(); // matched: the answer itself
    expect(answered(GUILD, 'Apa resep nasi goreng?').suggestion).toBeUndefined();
    expect(answered(null, 'siapa pencetak gol terbanyak Liga Inggris musim lalu').suggestion).toBeUndefined();
    expect(answered(OTHER_GUILD, 'siapa pencetak gol terbanyak Liga Inggris musim lalu').suggestion).toBeUndefined();
  });

  it('queues an abstention (grouped by wording) and records it as abstained', () => {
    const first = answered(GUILD, OFF_TOPIC);
    expect(first.answer.abstained).toBe(true);
    expect(first.curated).toBeUndefined();
    expect(services.feedback.getAnswer(GUILD, first.answerId!)).toMatchObject({ abstained: true });
    expect(services.feedback.getAnswer(GUILD, first.answerId!)?.curatedEntryId).toBeUndefined();

    answered(GUILD, '  siapa JUARA liga inggris musim lalu ? ');
    const { items, total } = services.unanswered.list(GUILD);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ question: OFF_TOPIC, count: 2, abstainedCount: 2, thumbsDownCount: 0 });
    expect(services.unanswered.list(OTHER_GUILD).total).toBe(0);
  });

  it('does not queue a question the article answers', () => {
    const result = answered(GUILD, ON_TOPIC);
    expect(result.answer.abstained).toBe(false);
    expect(result.answer.results.length).toBeGreaterThan(0);
    expect(services.unanswered.list(GUILD).total).toBe(0);
    expect(services.feedback.getAnswer(GUILD, result.answerId!)).toMatchObject({ abstained: false });
  });

  it('does not queue a question with nothing to search for', () => {
    const result = answered(GUILD, '?!');
    expect(result.answer).toMatchObject({ abstained: true, reason: 'empty-query' });
    expect(services.unanswered.list(GUILD).total).toBe(0);
  });

  it('does not queue a question made only of stopwords, but does queue a real one', () => {
    expect(answered(GUILD, 'apa itu?').answer.abstained).toBe(true);
    expect(services.unanswered.list(GUILD).total).toBe(0);
    answered(GUILD, 'Siapa juara Liga Inggris musim lalu?');
    expect(services.unanswered.list(GUILD).total).toBe(1);
  });

  it('does not queue a question to the bot about itself', () => {
    const result = answered(GUILD, 'bot ini bisa ngapain aja?');
    expect(result.answer).toMatchObject({ abstained: true, reason: 'about-the-bot' });
    expect(services.unanswered.list(GUILD).total).toBe(0);
  });

  it('queues a question about the server for the moderators, and a curated answer to it comes first', () => {
    const result = answered(GUILD, 'gimana cara jadi moderator');
    expect(result.answer).toMatchObject({ abstained: true, reason: 'about-the-server' });
    expect(services.unanswered.list(GUILD).items.map((item) => item.question)).toEqual(['gimana cara jadi moderator']);
    services.curated.add(GUILD, { question: 'Bagaimana cara menjadi moderator?', answer: 'Tulis ke admin di #bantuan.', paragraphs: [], aliases: [] }, 'mod');
    expect(answered(GUILD, 'gimana cara jadi moderator').curated?.answer).toBe('Tulis ke admin di #bantuan.');
  });

  it('in a DM gives the article passages only and records nothing', () => {
    const entry = services.curated.add(GUILD, WAGNER, 'mod');
    for (const question of ['siapa yang mendirikan grup Wagner?', OFF_TOPIC, ON_TOPIC]) {
      const result = answered(null, question);
      expect(Object.keys(result)).toEqual(['answer', 'outcome']);
      expect(result.answer).toEqual(engine.search(question));
    }
    expect(services.curated.get(GUILD, entry.id)!.useCount).toBe(0);
    expect(answersRecorded()).toBe(0);
    expect((db.prepare('SELECT COUNT(*) AS n FROM unanswered_questions').get() as { n: number }).n).toBe(0);
  });

  it('leaves out a cited paragraph the corpus no longer has', () => {
    const entry = services.curated.add(GUILD, { ...WAGNER, paragraphs: ['putin-kim-vostochny#7', 'putin-kim-vostochny#99', 'gone#1'] }, 'mod');
    const result = answered(GUILD, 'Siapa pendiri Wagner?');
    expect(result.curated?.entryId).toBe(entry.id);
    expect(result.curated!.paragraphs.map((p) => p.number)).toEqual([7]);
    expect(paragraphByCitation(engine.corpus, 'putin-kim-vostochny#1')?.number).toBe(1);
    expect(paragraphByCitation(engine.corpus, 'putin-kim-vostochny#0')).toBeUndefined();
    expect(paragraphByCitation(engine.corpus, 'nonsense')).toBeUndefined();
  });

  it('sees an entry added after an earlier question (the curated index follows the store)', () => {
    expect(answered(GUILD, 'Siapa pendiri Wagner?').curated).toBeUndefined();
    const entry = services.curated.add(GUILD, WAGNER, 'mod');
    expect(answered(GUILD, 'Siapa pendiri Wagner?').curated?.entryId).toBe(entry.id);
    services.curated.remove(GUILD, entry.id, 'mod');
    expect(answered(GUILD, 'Siapa pendiri Wagner?').curated).toBeUndefined();
  });
});
