/**
 * What /faq and /faq-manage share: finding the entry a moderator or member named,
 * the pages of the list and of the unanswered queue. (Files starting with "_" are not
 * commands; the registry skips them.)
 */
import type { CommandContext } from '../src/bot/context.js';
import { citationOf, type Corpus } from '../src/corpus/types.js';
import type { CuratedIndex } from '../src/curated/curatedIndex.js';
import type { CuratedEntry, CuratedStore } from '../src/curated/curatedStore.js';
import type { UnansweredItem, UnansweredQueue } from '../src/curated/unansweredQueue.js';
import { CURATED_PAGE_SIZE, renderEntry, renderEntryList, renderUnanswered, UNANSWERED_PAGE_SIZE, type PointedAnswer } from '../src/render/curatedReply.js';
import { literal } from '../src/render/markdown.js';
import { fill, t, type Language } from '../src/shared/i18n.js';
import type { Choice, Reply } from '../src/shared/reply.js';
import { shorten } from '../src/shared/text.js';

const MSG = {
  notFound: { en: 'No curated answer matches "{value}".', id: 'Tidak ada jawaban kurasi yang cocok dengan "{value}".' },
  didYouMean: { en: 'Did you mean: {list}?', id: 'Maksud Anda: {list}?' },
};

/** An entry named by its number, as autocomplete and the forms give it ("12" or "#12"). */
const ENTRY_NUMBER = /^#?\d{1,9}$/;

/** This server's entry with the number `value` names, if any. */
export function entryByNumber(curated: CuratedStore, guildId: string, value: string): CuratedEntry | undefined {
  const trimmed = value.trim();
  return ENTRY_NUMBER.test(trimmed) ? curated.get(guildId, Number(trimmed.replace('#', ''))) : undefined;
}

/**
 * The entry option comes from autocomplete (an id) but the user may type anything:
 * accept an id or an exact question/phrasing, otherwise say so and suggest close ones.
 */
export async function resolveEntry(ctx: CommandContext, curated: CuratedStore): Promise<CuratedEntry | undefined> {
  const guildId = ctx.actor.guildId!;
  const value = (ctx.options.getString('entry') ?? '').trim();
  const isId = ENTRY_NUMBER.test(value);
  const byId = entryByNumber(curated, guildId, value);
  const entry = byId ?? (value ? curated.findByPhrase(guildId, value) : undefined);
  if (entry) return entry;
  let near = value ? curated.search(guildId, value.split(/\s+/)[0] ?? value, 3) : [];
  // An unknown id says nothing about the wording: offer the most used entries instead.
  if (near.length === 0 && isId) near = curated.search(guildId, '', 3);
  const lines = [fill(t(ctx.language, MSG.notFound), { value: literal(shorten(value, 100)) })];
  if (near.length) lines.push(fill(t(ctx.language, MSG.didYouMean), { list: near.map((h) => `#${h.entry.id} "${literal(shorten(h.entry.question, 80))}"`).join(', ') }));
  // Awaited, so a failed reply reaches the registry's error handling like any other.
  await ctx.reply({ content: lines.join('\n'), ephemeral: true });
  return undefined;
}

/** Autocomplete of the `entry` option: this server's entries matching what was typed. */
export function entryChoices(curated: CuratedStore, guildId: string | null, typed: string): Choice[] {
  if (!guildId) return [];
  const text = typed.trim();
  const entries = text ? curated.search(guildId, text, 25).map((h) => h.entry) : curated.list(guildId, { limit: 25 }).entries;
  return entries.map((e) => ({ name: `#${e.id} ${e.question}`, value: String(e.id) }));
}

/** The entry with who wrote and changed it, and its citations the corpus no longer has marked. */
export function entryReply(curated: CuratedStore, corpus: Corpus, entry: CuratedEntry, language: Language): Reply {
  const known = new Set(corpus.paragraphs.map(citationOf));
  const missing = new Set(entry.paragraphs.filter((c) => !known.has(c)));
  return renderEntry(entry, language, { history: curated.history(entry.guildId, entry.id), missing });
}

/**
 * A page number from a button or an option may be stale (entries were removed since) or
 * forged: show the nearest existing page rather than an empty one.
 */
function clampPage(page: number, total: number, pageSize: number): number {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, Number.isSafeInteger(page) ? page : 1), pages);
}

export function listPage(curated: CuratedStore, guildId: string, requested: number, language: Language): Reply {
  const page = clampPage(requested, curated.count(guildId), CURATED_PAGE_SIZE);
  const { entries, total } = curated.list(guildId, { offset: (page - 1) * CURATED_PAGE_SIZE, limit: CURATED_PAGE_SIZE });
  return renderEntryList(entries, total, page, language);
}

/** A page of the queue, each question with the curated answer it seems to ask for (for "Same as…"). */
export function unansweredPage(unanswered: UnansweredQueue, answers: AnswerSources, guildId: string, requested: number, language: Language): Reply {
  const page = clampPage(requested, unanswered.list(guildId, { limit: 0 }).total, UNANSWERED_PAGE_SIZE);
  const { items, total } = unanswered.list(guildId, { offset: (page - 1) * UNANSWERED_PAGE_SIZE, limit: UNANSWERED_PAGE_SIZE });
  return renderUnanswered(items, total, page, language, (item) => pointedAnswer(answers, guildId, item));
}

export interface AnswerSources {
  curated: CuratedStore;
  curatedIndex: CuratedIndex;
}

/**
 * The curated answer a queued question seems to ask for: the one members picked under its
 * "did you mean", while it exists; else the one the matcher finds closest.
 */
export function pointedAnswer({ curated, curatedIndex }: AnswerSources, guildId: string, item: UnansweredItem): PointedAnswer | undefined {
  const picked = item.pickedEntryId !== undefined && item.pickCount > 0 ? curated.get(guildId, item.pickedEntryId) : undefined;
  if (picked) return { entry: picked, picks: item.pickCount };
  const closest = curatedIndex.closest(guildId, item.question);
  return closest && { entry: closest, picks: 0 };
}
