import { setImmediate as nextTurn } from 'node:timers/promises';
import { renderAnswer } from '../render/answerReply.js';
import type { Services } from './services.js';

/** Servers whose curated index and article view are built ahead; ServerViews keeps 200 by default, so more would only be dropped again. */
export const WARM_GUILDS = 200;

export type WarmUpDeps = Pick<Services, 'views' | 'curated' | 'curatedIndex' | 'serverArticles'>;

export interface WarmUpResult {
  /** Servers whose curated index or article view was built. */
  guilds: number;
  ms: number;
}

/**
 * Builds, once the bot is connected, what the first questions after a start would
 * otherwise build while a member waits: the analysis tables (Analyzer.warmUpSteps, 30-110
 * ms each), the code paths of one search, and the curated index and article view of each
 * of `guildIds` that has curated answers or articles of its own (up to WARM_GUILDS). One
 * step per turn of the event loop, so an interaction that arrives meanwhile waits for one
 * step at most. It only reads: nothing is written, and a step that fails is skipped (the
 * first question builds it then, as without the warm-up). `signal` stops it between steps
 * (a shutdown closes the database).
 */
export async function warmUp(deps: WarmUpDeps, guildIds: Iterable<string>, options: { onError?: (error: unknown) => void; signal?: AbortSignal } = {}): Promise<WarmUpResult> {
  const started = performance.now();
  const step = async (run: () => unknown) => {
    await nextTurn();
    if (options.signal?.aborted) return;
    try {
      await run();
    } catch (error) {
      options.onError?.(error);
    }
  };
  const base = deps.views.base;
  for (const run of base.analyzer.warmUpSteps()) await step(run);
  // The first answer runs the answer path's code for the first time: analysis, index, re-ranking, rendering.
  const first = base.corpus.paragraphs[0];
  const sample = first?.text.split(/\s+/).slice(0, 12).join(' ');
  if (sample) await step(() => renderAnswer({ question: sample, answer: base.search(sample), answerId: 1, language: 'id' }));
  let guilds = 0;
  for (const guildId of guildIds) {
    if (guilds >= WARM_GUILDS || options.signal?.aborted) break;
    const curated = deps.curated.count(guildId) > 0;
    const articles = deps.serverArticles.count(guildId) > 0;
    if (!curated && !articles) continue;
    guilds++;
    if (curated) {
      await step(() => {
        deps.curatedIndex.warm(guildId);
        if (sample) deps.curatedIndex.lookup(guildId, sample); // the matcher's code, run once
      });
    }
    if (articles) await step(() => deps.views.engineFor(guildId));
  }
  return { guilds, ms: Math.round(performance.now() - started) };
}
