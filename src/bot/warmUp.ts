import { setImmediate as nextTurn } from 'node:timers/promises';
import { renderAnswer } from '../render/answerReply.js';
import type { SearchEngine } from '../search/engine.js';
import type { Services } from './services.js';

/** Servers whose curated index and article view are built ahead; ServerViews keeps 200 by default, so more would only be dropped again. */
export const WARM_GUILDS = 200;

export type WarmUpDeps = Pick<Services, 'views' | 'curated' | 'curatedIndex' | 'serverArticles'>;

export interface WarmUpResult {
  /** Servers whose curated index or article view was built. */
  guilds: number;
  ms: number;
}

export interface WarmUpOptions {
  /** A step that threw (it is skipped: the first question that needs it builds it then). */
  onError?: (error: unknown) => void;
  /** Stops between steps (a shutdown closes the database). */
  signal?: AbortSignal;
}

/**
 * Builds, once the bot is connected, what the first questions after a start would
 * otherwise build while a member waits: the engine's (warmEngine), then the curated index
 * and article view of each of `guildIds` that has curated answers or articles of its own
 * (warmGuilds). One step per turn of the event loop, so an interaction that arrives
 * meanwhile waits for one step at most. It only reads: nothing is written.
 */
export async function warmUp(deps: WarmUpDeps, guildIds: Iterable<string>, options: WarmUpOptions = {}): Promise<WarmUpResult> {
  const started = performance.now();
  await warmEngine(deps.views.base, options);
  const guilds = await warmGuilds(deps, guildIds, options);
  return { guilds, ms: Math.round(performance.now() - started) };
}

/**
 * The engine's part: the analysis tables and answer cues (SearchEngine.warmUpSteps, 30-110 ms each) and the
 * answer path's code run once (analysis, index, re-ranking, rendering of a sample
 * question). A reloaded corpus's engine goes through it before it is swapped in.
 */
export async function warmEngine(engine: SearchEngine, options: WarmUpOptions = {}): Promise<void> {
  for (const run of engine.warmUpSteps()) await step(run, options);
  const sample = sampleQuestion(engine);
  if (sample) await step(() => renderAnswer({ question: sample, answer: engine.search(sample), answerId: 1, language: 'id' }), options);
}

/** The servers' part (up to WARM_GUILDS servers with curated answers or articles); how many were warmed. */
export async function warmGuilds(deps: WarmUpDeps, guildIds: Iterable<string>, options: WarmUpOptions = {}): Promise<number> {
  const sample = sampleQuestion(deps.views.base);
  let guilds = 0;
  let checked = 0;
  for (const guildId of guildIds) {
    if (guilds >= WARM_GUILDS || options.signal?.aborted) break;
    // A shard of thousands of servers, most without curated answers: look them up a hundred at a time.
    if (++checked % 100 === 0) await nextTurn();
    const curated = deps.curated.count(guildId) > 0;
    const articles = deps.serverArticles.count(guildId) > 0;
    if (!curated && !articles) continue;
    guilds++;
    if (curated) {
      await step(() => {
        deps.curatedIndex.warm(guildId);
        if (sample) deps.curatedIndex.lookup(guildId, sample); // the matcher's code, run once
      }, options);
    }
    if (articles) await step(() => deps.views.engineFor(guildId), options);
  }
  return guilds;
}

/** One step, in a turn of the event loop of its own. */
async function step(run: () => unknown, options: WarmUpOptions): Promise<void> {
  await nextTurn();
  if (options.signal?.aborted) return;
  try {
    await run();
  } catch (error) {
    options.onError?.(error);
  }
}

/** A question the corpus answers: the start of its first paragraph. */
function sampleQuestion(engine: SearchEngine): string | undefined {
  return engine.corpus.paragraphs[0]?.text.split(/\s+/).slice(0, 12).join(' ');
}
