/**
 * The answer/abstain decision on an article that is not the bundled one (the second
 * test article, on haze over Palangka Raya), so nothing here is tuned to one article.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { confidenceOf, DEFAULT_MODEL, smallness, thresholdFor, SIGNAL_NAMES, type Signals } from '../../src/search/confidence.js';
import { SearchEngine } from '../../src/search/engine.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const engine = new SearchEngine(loadCorpus(resolve(ROOT, 'tests/fixtures/second-article')));

describe('abstention on a second article', () => {
  it.each([
    ['Berapa nilai ISPU di Palangka Raya pada Selasa siang?', 2],
    ['sekolah diliburin ga', 3], // informal: diliburin = diliburkan
    ['What did Malaysia ask Indonesia to do?', 7], // English
    ['bandara tjilik riwud tunda penerbangan', 4], // a typo in a name
    ['Kenapa dry season tahun ini parah?', 5], // code-mixed
  ])('answers %s from ¶%i', (question, paragraph) => {
    const answer = engine.search(question);
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]!.paragraph.number).toBe(paragraph);
  });

  it.each([
    'Siapa pemenang Piala Dunia 2022?', // names no paragraph has
    'wkwk mantap', // nothing to answer
    'halo bot, apa kabar?',
  ])('abstains on %s', (question) => {
    expect(engine.search(question).abstained).toBe(true);
  });

  it('an ordinary word the article does not use is phrasing, a name it does not use is a topic', () => {
    // Same question, the second with a country the article never names.
    const phrasing = engine.search('Siapa saja yang ikut memadamkan api di lapangan?', { noAbstain: true }).results[0]!;
    const otherTopic = engine.search('Siapa saja yang ikut memadamkan api di Australia?', { noAbstain: true }).results[0]!;
    expect(otherTopic.signals.unseenTopic).toBe(1);
    expect(phrasing.signals.unseenTopic).toBe(0);
    expect(otherTopic.confidence).toBeLessThan(phrasing.confidence);
  });

  it('the focus word names what is asked: one no paragraph has counts against the answer', () => {
    const asked = engine.search('Siapa Wali Kota Palangka Raya?', { noAbstain: true }).results[0]!;
    const otherAttribute = engine.search('Siapa istri Wali Kota Palangka Raya?', { noAbstain: true }).results[0]!;
    expect(otherAttribute.signals.focusUnseen).toBe(1);
    expect(asked.signals.focusUnseen).toBe(0);
    // Not phrasing: the focus word counts in the coverage, as a name would.
    expect(otherAttribute.signals.coverage).toBeLessThan(asked.signals.coverage);
    expect(otherAttribute.confidence).toBeLessThan(asked.confidence);
  });

  it('one word in common with a question of several is a coincidence, not an answer', () => {
    // Palangka Raya alone (a gold price there is nowhere), against the haze index there.
    const coincidence = engine.search('harga emas di Palangka Raya berapa', { noAbstain: true }).results[0]!;
    const answered = engine.search('ISPU di Palangka Raya berapa', { noAbstain: true }).results[0]!;
    expect(coincidence.signals.loneMatch).toBe(1);
    expect(answered.signals.loneMatch).toBe(0);
    expect(engine.search('Palangka Raya', { noAbstain: true }).results[0]!.signals.loneMatch).toBe(0); // one word asked, one found
    expect(coincidence.confidence).toBeLessThan(answered.confidence);
  });

  it('a question word whose kind of answer the best sentence lacks lowers the confidence', () => {
    const when = engine.search('Kapan helikopter pengebom air dikerahkan?', { noAbstain: true }).results[0]!;
    const howMany = engine.search('Berapa helikopter pengebom air yang dikerahkan?', { noAbstain: true }).results[0]!;
    expect(howMany.signals.typeFound).toBe(1);
    expect(when.signals.typeMissing).toBe(1);
    expect(when.confidence).toBeLessThan(howMany.confidence);
  });
});

describe('the confidence model', () => {
  const signals = (overrides: Partial<Signals>): Signals => ({ ...Object.fromEntries(SIGNAL_NAMES.map((n) => [n, 0])), ...overrides }) as Signals;

  it('never lowers the confidence for more coverage, nor raises it for a missing name (both regimes)', () => {
    for (const small of [0, 1]) {
      const base = signals({ coverage: 0.5, specCoverage: 0.5, termShare: 0.5, sentenceCoverage: 0.5 });
      expect(confidenceOf({ ...base, coverage: 0.9, specCoverage: 0.9, termShare: 0.9, sentenceCoverage: 0.9 }, small)).toBeGreaterThanOrEqual(confidenceOf(base, small));
      // For small corpora a missing name always counts against (calibrate.ts: AT_LEAST).
      if (small === 1) expect(confidenceOf({ ...base, unseenTopic: 1 }, small)).toBeLessThan(confidenceOf(base, small));
      else expect(confidenceOf({ ...base, unseenTopic: 1 }, small)).toBeLessThanOrEqual(confidenceOf(base, small));
      expect(confidenceOf({ ...base, typeMissing: 1 }, small)).toBeLessThanOrEqual(confidenceOf(base, small));
    }
  });

  it('blends the two regimes by corpus size, and keeps "not sure" between abstaining and answering', () => {
    expect(smallness(7)).toBe(1);
    expect(smallness(4650)).toBe(0);
    expect(smallness(300)).toBeGreaterThan(0);
    expect(smallness(300)).toBeLessThan(1);
    for (const small of [0, 0.5, 1]) expect(thresholdFor(DEFAULT_MODEL.unsureAt, small)).toBeLessThanOrEqual(thresholdFor(DEFAULT_MODEL.answerAt, small));
  });
});
