import { InteractionContextType, SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import { localized, type Command } from '../src/bot/command.js';
import type { CommandContext, ComponentContext } from '../src/bot/context.js';
import { fill, t, type Language } from '../src/bot/i18n.js';
import { guildOnly, MODERATOR_PERMISSIONS, moderatorOnly } from '../src/bot/preconditions.js';
import type { Services } from '../src/bot/services.js';
import { CuratedConflictError, type CuratedEntry } from '../src/curated/curatedStore.js';
import { formatMessages, LIMITS, parseEntryInput, type RawEntryInput } from '../src/curated/validation.js';
import { answerModal, CURATED_PAGE_SIZE, renderEntry, renderEntryList, renderUnanswered, UNANSWERED_PAGE_SIZE } from '../src/render/curatedReply.js';
import { literal, shorten } from '../src/render/markdown.js';

const entryOption = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) => localized(o, ['entry', 'entri'], ['The curated answer', 'Jawaban kurasi']).setRequired(true).setAutocomplete(true));

const fieldOptions = (s: SlashCommandSubcommandBuilder, required: boolean) =>
  s
    .addStringOption((o) => localized(o, ['question', 'pertanyaan'], ['The question, as members ask it', 'Pertanyaan, seperti yang ditanyakan anggota']).setRequired(required).setMaxLength(LIMITS.questionMax))
    .addStringOption((o) => localized(o, ['answer', 'jawaban'], ['The answer (Markdown, up to 1,800 characters)', 'Jawaban (Markdown, paling banyak 1.800 karakter)']).setRequired(required).setMaxLength(LIMITS.answerMax))
    .addStringOption((o) => localized(o, ['paragraphs', 'paragraf'], ['Cited paragraphs, e.g. "2,3" or "article-id#2"', 'Paragraf yang dikutip, mis. "2,3" atau "id-artikel#2"']).setMaxLength(200))
    .addStringOption((o) => localized(o, ['aliases', 'alias'], ['Other phrasings of the question, separated by ";"', 'Rumusan lain pertanyaan, dipisah dengan ";"']).setMaxLength(1500));

const data = localized(new SlashCommandBuilder(), ['faq', 'faq'], ['Curated answers that /ask gives first (moderators write them)', 'Jawaban kurasi yang diberikan /tanya lebih dulu (ditulis moderator)'])
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(MODERATOR_PERMISSIONS)
  .addSubcommand((s) => fieldOptions(localized(s, ['add', 'tambah'], ['Add a curated answer', 'Tambah jawaban kurasi']), true))
  .addSubcommand((s) => fieldOptions(entryOption(localized(s, ['edit', 'ubah'], ['Edit a curated answer', 'Ubah jawaban kurasi'])), false))
  .addSubcommand((s) => entryOption(localized(s, ['remove', 'hapus'], ['Remove a curated answer', 'Hapus jawaban kurasi'])))
  .addSubcommand((s) => localized(s, ['list', 'daftar'], ['List the curated answers', 'Daftar jawaban kurasi']))
  .addSubcommand((s) => entryOption(localized(s, ['show', 'lihat'], ['Show a curated answer', 'Lihat jawaban kurasi'])))
  .addSubcommand((s) => localized(s, ['unanswered', 'belum-terjawab'], ['Questions the bot could not answer, most asked first', 'Pertanyaan yang belum bisa dijawab, yang paling sering dulu']));

const READ_ONLY = new Set(['list', 'show']);

const MSG = {
  added: { en: 'Saved curated answer #{id}. /ask will now give it for this question and its other phrasings.', id: 'Jawaban kurasi #{id} disimpan. /tanya kini memberikannya untuk pertanyaan ini dan rumusan lainnya.' },
  edited: { en: 'Updated curated answer #{id}.', id: 'Jawaban kurasi #{id} diperbarui.' },
  removed: { en: 'Removed curated answer #{id}: "{question}".', id: 'Jawaban kurasi #{id} dihapus: "{question}".' },
  conflict: { en: '"{phrase}" is already a question or phrasing of curated answer #{id}. Edit that entry instead (`/faq edit`).', id: '"{phrase}" sudah menjadi pertanyaan atau rumusan jawaban kurasi #{id}. Ubah entri itu saja (`/faq edit`).' },
  notFound: { en: 'No curated answer matches "{value}".', id: 'Tidak ada jawaban kurasi yang cocok dengan "{value}".' },
  didYouMean: { en: 'Did you mean: {list}?', id: 'Maksud Anda: {list}?' },
  invalid: { en: 'Nothing was saved:', id: 'Tidak ada yang disimpan:' },
  gone: { en: 'That question was already answered or removed from the queue.', id: 'Pertanyaan itu sudah dijawab atau dihapus dari antrean.' },
};

const faq: Command = {
  data,
  preconditions: (ctx) => (READ_ONLY.has(ctx.options.getSubcommand() ?? '') ? [guildOnly] : [guildOnly, moderatorOnly]),
  async execute(ctx, services) {
    const guildId = ctx.actor.guildId!;
    switch (ctx.options.getSubcommand()) {
      case 'add':
        await saveNew(ctx, services, rawInput(ctx));
        return;
      case 'edit':
        return edit(ctx, services);
      case 'remove': {
        const entry = await resolveEntry(ctx, services);
        if (!entry) return;
        services.curated.remove(guildId, entry.id);
        return ctx.reply({ content: fill(t(ctx.language, MSG.removed), { id: entry.id, question: literal(shorten(entry.question, 200)) }), ephemeral: true });
      }
      case 'show': {
        const entry = await resolveEntry(ctx, services);
        return entry ? ctx.reply(renderEntry(entry, ctx.language)) : undefined;
      }
      case 'list':
        return ctx.reply(listPage(services, guildId, 1, ctx.language));
      case 'unanswered':
        return ctx.reply(unansweredPage(services, guildId, 1, ctx.language));
    }
  },
  async autocomplete(ctx, services) {
    if (!ctx.actor.guildId) return [];
    const typed = ctx.focused.value.trim();
    const hits = typed ? services.curated.search(ctx.actor.guildId, typed, 25).map((h) => h.entry) : services.curated.list(ctx.actor.guildId, { limit: 25 }).entries;
    return hits.map((e) => ({ name: `#${e.id} ${e.question}`, value: String(e.id) }));
  },
  components: {
    'faq-list': {
      preconditions: [guildOnly],
      handle: async (ctx, services) => ctx.update(listPage(services, ctx.actor.guildId!, Number(ctx.args[0]) || 1, ctx.language)),
    },
    'faq-unanswered': {
      preconditions: [guildOnly, moderatorOnly],
      handle: async (ctx, services) => ctx.update(unansweredPage(services, ctx.actor.guildId!, Number(ctx.args[0]) || 1, ctx.language)),
    },
    // The "Answer" button of a queued question opens a form prefilled with it.
    'faq-answer': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, services) {
        const item = services.unanswered.get(ctx.actor.guildId!, Number(ctx.args[0]));
        if (!item) return ctx.reply({ content: t(ctx.language, MSG.gone), ephemeral: true });
        await ctx.showModal(answerModal(item.id, item.question, ctx.language));
      },
    },
    // "Dismiss n": drop a queued question that needs no answer, and show the page again.
    'faq-dismiss': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, services) {
        const guildId = ctx.actor.guildId!;
        if (!services.unanswered.resolve(guildId, Number(ctx.args[0]))) return ctx.reply({ content: t(ctx.language, MSG.gone), ephemeral: true });
        await ctx.update(unansweredPage(services, guildId, Number(ctx.args[1]) || 1, ctx.language));
      },
    },
    'faq-modal': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, services) {
        const raw: RawEntryInput = {
          question: ctx.fields.get('question'),
          answer: ctx.fields.get('answer'),
          paragraphs: ctx.fields.get('paragraphs') || undefined,
          aliases: ctx.fields.get('aliases') || undefined,
        };
        const entry = await saveNew(ctx, services, raw);
        if (entry) services.unanswered.resolve(ctx.actor.guildId!, Number(ctx.args[0]));
      },
    },
  },
};

function rawInput(ctx: CommandContext): RawEntryInput {
  const value = (name: string) => ctx.options.getString(name) ?? undefined;
  return { question: value('question'), answer: value('answer'), paragraphs: value('paragraphs'), aliases: value('aliases') };
}

async function saveNew(ctx: CommandContext | ComponentContext, services: Services, raw: RawEntryInput): Promise<CuratedEntry | undefined> {
  const guildId = ctx.actor.guildId!;
  const parsed = parseEntryInput(raw, services.engine.corpus);
  if (!parsed.ok) return void (await refuseInput(ctx, parsed.errors));
  try {
    const entry = services.curated.add(guildId, parsed.value, ctx.actor.userId);
    // The question is answered now: take it and its phrasings out of the queue.
    for (const phrase of [entry.question, ...entry.aliases]) services.unanswered.resolveMatching(guildId, phrase);
    await ctx.reply({ content: fill(t(ctx.language, MSG.added), { id: entry.id }), ...withEntry(entry, ctx.language) });
    return entry;
  } catch (error) {
    if (error instanceof CuratedConflictError) return void (await conflict(ctx, error));
    throw error;
  }
}

async function edit(ctx: CommandContext, services: Services): Promise<void> {
  const entry = await resolveEntry(ctx, services);
  if (!entry) return;
  const parsed = parseEntryInput(rawInput(ctx), services.engine.corpus, { partial: true, current: entry });
  if (!parsed.ok) return refuseInput(ctx, parsed.errors);
  try {
    const updated = services.curated.edit(ctx.actor.guildId!, entry.id, parsed.value, ctx.actor.userId);
    // New phrasings answer their queued questions too, as on add.
    for (const phrase of [updated.question, ...updated.aliases]) services.unanswered.resolveMatching(ctx.actor.guildId!, phrase);
    await ctx.reply({ content: fill(t(ctx.language, MSG.edited), { id: updated.id }), ...withEntry(updated, ctx.language) });
  } catch (error) {
    if (error instanceof CuratedConflictError) return conflict(ctx, error);
    throw error;
  }
}

function withEntry(entry: CuratedEntry, language: Language) {
  return { embeds: renderEntry(entry, language).embeds, ephemeral: true };
}

/**
 * The entry option comes from autocomplete (an id) but the user may type anything:
 * accept an id or an exact question/phrasing, otherwise say so and suggest close ones.
 */
async function resolveEntry(ctx: CommandContext, services: Services): Promise<CuratedEntry | undefined> {
  const guildId = ctx.actor.guildId!;
  const value = (ctx.options.getString('entry') ?? '').trim();
  const isId = /^#?\d{1,9}$/.test(value);
  const byId = isId ? services.curated.get(guildId, Number(value.replace('#', ''))) : undefined;
  const entry = byId ?? (value ? services.curated.findByPhrase(guildId, value) : undefined);
  if (entry) return entry;
  let near = value ? services.curated.search(guildId, value.split(/\s+/)[0] ?? value, 3) : [];
  // An unknown id says nothing about the wording: offer the most used entries instead.
  if (near.length === 0 && isId) near = services.curated.search(guildId, '', 3);
  const lines = [fill(t(ctx.language, MSG.notFound), { value: literal(shorten(value, 100)) })];
  if (near.length) lines.push(fill(t(ctx.language, MSG.didYouMean), { list: near.map((h) => `#${h.entry.id} "${literal(shorten(h.entry.question, 80))}"`).join(', ') }));
  // Awaited, so a failed reply reaches the registry's error handling like any other.
  await ctx.reply({ content: lines.join('\n'), ephemeral: true });
  return undefined;
}

function refuseInput(ctx: CommandContext | ComponentContext, errors: { en: string; id: string }[]) {
  return ctx.reply({ content: `${t(ctx.language, MSG.invalid)}\n${formatMessages(errors, ctx.language)}`, ephemeral: true });
}

function conflict(ctx: CommandContext | ComponentContext, error: CuratedConflictError) {
  return ctx.reply({ content: fill(t(ctx.language, MSG.conflict), { phrase: literal(shorten(error.phrase, 100)), id: error.existingEntryId }), ephemeral: true });
}

/**
 * A page number from a button may be stale (entries were removed since) or forged:
 * show the nearest existing page rather than an empty one.
 */
function clampPage(page: number, total: number, pageSize: number): number {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, Number.isSafeInteger(page) ? page : 1), pages);
}

function listPage(services: Services, guildId: string, requested: number, language: Language) {
  const page = clampPage(requested, services.curated.count(guildId), CURATED_PAGE_SIZE);
  const { entries, total } = services.curated.list(guildId, { offset: (page - 1) * CURATED_PAGE_SIZE, limit: CURATED_PAGE_SIZE });
  return renderEntryList(entries, total, page, language);
}

function unansweredPage(services: Services, guildId: string, requested: number, language: Language) {
  const page = clampPage(requested, services.unanswered.list(guildId, { limit: 0 }).total, UNANSWERED_PAGE_SIZE);
  const { items, total } = services.unanswered.list(guildId, { offset: (page - 1) * UNANSWERED_PAGE_SIZE, limit: UNANSWERED_PAGE_SIZE });
  return renderUnanswered(items, total, page, language);
}

export default faq;
