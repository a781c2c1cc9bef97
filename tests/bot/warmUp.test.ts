import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bot } from '../../src/bot/startup.js';
import { warmUp } from '../../src/bot/warmUp.js';
import { testBots } from './helpers.js';

const WITH_ANSWERS = '123456789012345678';
const WITHOUT = '223456789012345678';
const bots = testBots();
afterEach(() => {
  bots.cleanup();
  vi.restoreAllMocks();
});

async function botWithOneCuratedServer(): Promise<Bot> {
  const bot = await bots.start();
  bot.services.curated.add(WITH_ANSWERS, { question: 'Siapa pendiri Wagner?', answer: 'Yevgeny Prigozhin.', paragraphs: [], aliases: [] }, 'mod-1');
  return bot;
}

describe('warmUp', () => {
  it('builds the curated index of each server that has curated answers ahead of its first question, and skips the others', async () => {
    const { services } = await botWithOneCuratedServer();
    const result = await warmUp(services, [WITHOUT, WITH_ANSWERS]);
    expect(result.guilds).toBe(1);

    const reads = vi.spyOn(services.curated, 'all');
    expect(services.curatedIndex.match(WITH_ANSWERS, 'siapa yg mendirikan wagner')?.entry.answer).toBe('Yevgeny Prigozhin.');
    expect(reads).not.toHaveBeenCalledWith(WITH_ANSWERS); // already built: the question did not build it
    services.curatedIndex.match(WITHOUT, 'siapa yg mendirikan wagner');
    expect(reads).toHaveBeenCalledWith(WITHOUT); // never warmed: built on its first question, as before
  });

  it('gives the same answers as a bot that did not warm up', async () => {
    const cold = await botWithOneCuratedServer();
    const warm = await botWithOneCuratedServer();
    await warmUp(warm.services, [WITH_ANSWERS]);
    for (const question of ['knp putin ketemu kim', 'kpn shoigu dtg ke pyongyang', 'Who founded Wagner?', 'siapa istri putin']) {
      const a = cold.services.views.base.search(question);
      const b = warm.services.views.base.search(question);
      expect(b.abstained).toBe(a.abstained);
      expect(b.results.map((r) => [r.paragraph.number, r.highlight])).toEqual(a.results.map((r) => [r.paragraph.number, r.highlight]));
    }
  });

  it('yields to the event loop between steps, so an interaction arriving meanwhile is not held up for the whole warm-up', async () => {
    const { services } = await botWithOneCuratedServer();
    let done = false;
    let turns = 0;
    const warming = warmUp(services, [WITH_ANSWERS]).then(() => (done = true));
    while (!done) {
      await nextTurn();
      turns++;
    }
    await warming;
    // Five analysis tables, the misspelling search, four batches of form searches, the answer cues' patterns, one search, one server: each step in a turn of its own.
    expect(services.views.base.warmUpSteps()).toHaveLength(11);
    expect(turns).toBeGreaterThanOrEqual(13);
  });

  it('stops between steps once aborted (a shutdown closes the database meanwhile)', async () => {
    const { services } = await botWithOneCuratedServer();
    const reads = vi.spyOn(services.curated, 'all');
    const controller = new AbortController();
    controller.abort();
    expect((await warmUp(services, [WITH_ANSWERS], { signal: controller.signal })).guilds).toBe(0);
    expect(reads).not.toHaveBeenCalled();
  });

  it('reports a failing step and goes on with the next', async () => {
    const { services } = await botWithOneCuratedServer();
    vi.spyOn(services.curatedIndex, 'warm').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    const errors: unknown[] = [];
    const result = await warmUp(services, [WITH_ANSWERS], { onError: (error) => errors.push(error) });
    expect(result.guilds).toBe(1);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('disk I/O error');
  });
});
