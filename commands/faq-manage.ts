import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import { defineCommand, localized, type Outcome } from '../src/bot/command.js';
import type { CommandContext, ComponentContext } from '../src/bot/context.js';
import { guildOnly, MODERATOR_COMMAND_PERMISSION, moderatorOnly } from '../src/bot/preconditions.js';
import type { CuratedIndex } from '../src/curated/curatedIndex.js';
import { CuratedConflictError, type CuratedEntry, type CuratedStore } from '../src/curated/curatedStore.js';
import { whenNotBusy } from '../src/curated/database.js';
import type { ModeratorRoleStore } from '../src/curated/moderatorRoles.js';
import type { ServerViews } from '../src/search/serverViews.js';
import type { UnansweredQueue } from '../src/curated/unansweredQueue.js';
import { LIMITS, parseEntryInput, type Message, type RawEntryInput } from '../src/curated/validation.js';
import { answerModal, renderModeratorRoles, renderProblems, sameAsModal } from '../src/render/curatedReply.js';
import { literal } from '../src/render/markdown.js';
import { fill, t } from '../src/shared/i18n.js';
import { shorten } from '../src/shared/text.js';
import { entryByNumber, entryChoices, entryReply, resolveEntry, pointedAnswer, unansweredPage } from './_curated.js';

const entryOption = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) => localized(o, ['entry', 'entri'], ['The curated answer', 'Jawaban kurasi']).setRequired(true).setAutocomplete(true));

const fieldOptions = (s: SlashCommandSubcommandBuilder, required: boolean) =>
  s
    .addStringOption((o) => localized(o, ['question', 'pertanyaan'], ['The question, as members ask it', 'Pertanyaan, seperti yang ditanyakan anggota']).setRequired(required).setMaxLength(LIMITS.questionMax))
    .addStringOption((o) => localized(o, ['answer', 'jawaban'], ['The answer (Markdown, up to 1,800 characters)', 'Jawaban (Markdown, paling banyak 1.800 karakter)']).setRequired(required).setMaxLength(LIMITS.answerMax))
    .addStringOption((o) => localized(o, ['paragraphs', 'paragraf'], ['Cited paragraphs, e.g. "2, 3", "2-4" or "article-id#2"', 'Paragraf yang dikutip, mis. "2, 3", "2-4" atau "id-artikel#2"']).setMaxLength(200))
    .addStringOption((o) => localized(o, ['aliases', 'alias'], ['Other phrasings of the question, separated by ";"', 'Rumusan lain pertanyaan, dipisah dengan ";"']).setMaxLength(1500));

/**
 * Writing curated answers. Discord shows and allows this command to members with Manage
 * Messages by default, and to whomever a server admin grants it in Server Settings >
 * Integrations; the bot does not check again what Discord already decided. Buttons and
 * forms are not gated by Discord, so they check the member (moderatorOnly).
 */
const data = localized(new SlashCommandBuilder(), ['faq-manage', 'faq-kelola'], ['Write and manage the curated answers (moderators)', 'Tulis dan kelola jawaban kurasi (moderator)'])
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(MODERATOR_COMMAND_PERMISSION)
  .addSubcommand((s) => fieldOptions(localized(s, ['add', 'tambah'], ['Add a curated answer', 'Tambah jawaban kurasi']), true))
  .addSubcommand((s) => fieldOptions(entryOption(localized(s, ['edit', 'ubah'], ['Edit a curated answer', 'Ubah jawaban kurasi'])), false))
  .addSubcommand((s) => entryOption(localized(s, ['remove', 'hapus'], ['Remove a curated answer', 'Hapus jawaban kurasi'])))
  .addSubcommand((s) =>
    localized(s, ['unanswered', 'belum-terjawab'], ['Questions the bot could not answer, most asked first', 'Pertanyaan yang belum bisa dijawab, yang paling sering dulu']).addIntegerOption((o) =>
      localized(o, ['page', 'halaman'], ['Which page', 'Halaman yang mana']).setMinValue(1).setMaxValue(1000),
    ),
  )
  .addSubcommand((s) =>
    localized(s, ['roles', 'peran'], ['Roles whose members may use the moderators\' buttons and forms', 'Peran yang anggotanya boleh memakai tombol dan formulir moderator'])
      .addRoleOption((o) => localized(o, ['add', 'tambah'], ['Make this role a moderator role', 'Jadikan peran ini peran moderator']))
      .addRoleOption((o) => localized(o, ['remove', 'hapus'], ['This role is no longer a moderator role', 'Peran ini bukan lagi peran moderator'])),
  );

const MSG = {
  added: { en: 'Saved curated answer #{id}. /ask will now give it for this question and its other phrasings.', id: 'Jawaban kurasi #{id} disimpan. /tanya kini memberikannya untuk pertanyaan ini dan rumusan lainnya.' },
  edited: { en: 'Updated curated answer #{id}.', id: 'Jawaban kurasi #{id} diperbarui.' },
  removed: { en: 'Removed curated answer #{id}: "{question}".', id: 'Jawaban kurasi #{id} dihapus: "{question}".' },
  conflict: { en: '"{phrase}" is already a question or phrasing of curated answer #{id}. Edit that entry instead (`/faq-manage edit`).', id: '"{phrase}" sudah menjadi pertanyaan atau rumusan jawaban kurasi #{id}. Ubah entri itu saja (`/faq-manage edit`).' },
  invalid: { en: 'Nothing was saved:', id: 'Tidak ada yang disimpan:' },
  gone: { en: 'That question was already answered or removed from the queue.', id: 'Pertanyaan itu sudah dijawab atau dihapus dari antrean.' },
  linked: { en: 'Added to curated answer #{id}: /ask now gives it for these phrasings too.', id: 'Ditambahkan ke jawaban kurasi #{id}: /tanya kini juga memberikannya untuk rumusan ini.' },
  noEntry: { en: 'There is no curated answer "{value}" in this server. Give its number, like #12 (`/faq list` shows them). Nothing was saved.', id: 'Tidak ada jawaban kurasi "{value}" di server ini. Tulis nomornya, mis. #12 (`/faq list` menampilkannya). Tidak ada yang disimpan.' },
  noPhrasing: { en: 'Write the phrasing to add. Nothing was saved.', id: 'Tulis rumusan yang akan ditambahkan. Tidak ada yang disimpan.' },
  roleAdded: { en: 'Members of <@&{role}> can now use the moderators\' buttons and forms.', id: 'Anggota <@&{role}> kini dapat memakai tombol dan formulir moderator.' },
  roleRemoved: { en: '<@&{role}> is no longer a moderator role.', id: '<@&{role}> bukan lagi peran moderator.' },
  roleUnchanged: { en: 'Nothing changed: <@&{role}> was already set that way.', id: 'Tidak ada yang berubah: <@&{role}> sudah seperti itu.' },
  everyoneRole: { en: '@everyone cannot be a moderator role: every member would be a moderator.', id: '@everyone tidak bisa menjadi peran moderator: semua anggota akan menjadi moderator.' },
};

interface Deps {
  curated: CuratedStore;
  curatedIndex: CuratedIndex;
  unanswered: UnansweredQueue;
  moderatorRoles: ModeratorRoleStore;
  views: ServerViews;
}

export default defineCommand<Deps>({
  data,
  uses: ({ curated, curatedIndex, unanswered, moderatorRoles, views }) => ({ curated, curatedIndex, unanswered, moderatorRoles, views }),
  // Who may run it is Discord's decision (default permissions and the server's overrides).
  preconditions: [guildOnly],
  async execute(ctx, deps) {
    const guildId = ctx.actor.guildId!;
    switch (ctx.options.getSubcommand()) {
      case 'add':
        return (await saveNew(ctx, deps, rawInput(ctx))).outcome;
      case 'edit':
        return edit(ctx, deps);
      case 'remove': {
        const entry = await resolveEntry(ctx, deps.curated);
        if (!entry) return 'refused';
        await whenNotBusy(() => deps.curated.remove(guildId, entry.id, ctx.actor.userId));
        await ctx.reply({ content: fill(t(ctx.language, MSG.removed), { id: entry.id, question: literal(shorten(entry.question, 200)) }), ephemeral: true });
        return;
      }
      case 'unanswered':
        await ctx.reply(unansweredPage(deps.unanswered, deps, guildId, ctx.options.getInteger('page') ?? 1, ctx.language));
        return;
      case 'roles':
        return roles(ctx, deps);
    }
  },
  async autocomplete(ctx, { curated }) {
    return entryChoices(curated, ctx.actor.guildId, ctx.focused.value);
  },
  components: {
    'faq-unanswered': {
      preconditions: [guildOnly, moderatorOnly],
      handle: async (ctx, deps) => ctx.update(unansweredPage(deps.unanswered, deps, ctx.actor.guildId!, Number(ctx.args[0]) || 1, ctx.language)),
    },
    // The "Answer" button of a queued question opens a form prefilled with it.
    'faq-answer': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, { unanswered }) {
        const item = unanswered.get(ctx.actor.guildId!, Number(ctx.args[0]));
        if (!item) {
          await ctx.reply({ content: t(ctx.language, MSG.gone), ephemeral: true });
          return 'refused';
        }
        await ctx.showModal(answerModal(item.id, item.question, ctx.language));
      },
    },
    // "Same as… n": the queued question asks for an existing answer; a form names it (the one members picked, or the closest, filled in).
    'faq-same': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, deps) {
        const { unanswered } = deps;
        const guildId = ctx.actor.guildId!;
        const item = unanswered.get(guildId, Number(ctx.args[0]));
        if (!item) {
          await ctx.reply({ content: t(ctx.language, MSG.gone), ephemeral: true });
          return 'refused';
        }
        await ctx.showModal(sameAsModal(item.id, item.question, pointedAnswer(deps, guildId, item)?.entry.id, ctx.language));
      },
    },
    'faq-same-modal': {
      preconditions: [guildOnly, moderatorOnly],
      handle: (ctx, deps) => addPhrasings(ctx, deps),
    },
    // "Dismiss n": drop a queued question that needs no answer, and show the page again.
    'faq-dismiss': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, deps) {
        const { unanswered } = deps;
        const guildId = ctx.actor.guildId!;
        if (!(await whenNotBusy(() => unanswered.resolve(guildId, Number(ctx.args[0]))))) {
          await ctx.reply({ content: t(ctx.language, MSG.gone), ephemeral: true });
          return 'refused';
        }
        await ctx.update(unansweredPage(unanswered, deps, guildId, Number(ctx.args[1]) || 1, ctx.language));
      },
    },
    'faq-modal': {
      preconditions: [guildOnly, moderatorOnly],
      async handle(ctx, deps) {
        const raw: RawEntryInput = {
          question: ctx.fields.get('question'),
          answer: ctx.fields.get('answer'),
          paragraphs: ctx.fields.get('paragraphs') || undefined,
          aliases: ctx.fields.get('aliases') || undefined,
        };
        const { entry, outcome } = await saveNew(ctx, deps, raw);
        if (entry) await whenNotBusy(() => deps.unanswered.resolve(ctx.actor.guildId!, Number(ctx.args[0])));
        return outcome;
      },
    },
  },
});

function rawInput(ctx: CommandContext): RawEntryInput {
  const value = (name: string) => ctx.options.getString(name) ?? undefined;
  return { question: value('question'), answer: value('answer'), paragraphs: value('paragraphs'), aliases: value('aliases') };
}

async function saveNew(ctx: CommandContext | ComponentContext, deps: Deps, raw: RawEntryInput): Promise<{ entry?: CuratedEntry; outcome: Outcome }> {
  const guildId = ctx.actor.guildId!;
  // Citations may point at the bundled corpus or at this server's own articles.
  const corpus = (await deps.views.engineFor(guildId)).corpus;
  const parsed = parseEntryInput(raw, corpus);
  if (!parsed.ok) return { outcome: await refuseInput(ctx, parsed.errors) };
  try {
    const entry = await whenNotBusy(() => deps.curated.add(guildId, parsed.value, ctx.actor.userId));
    await resolveQueued(deps.unanswered, guildId, entry);
    await ctx.reply({ content: fill(t(ctx.language, MSG.added), { id: entry.id }), embeds: entryReply(deps.curated, corpus, entry, ctx.language).embeds, ephemeral: true });
    return { entry, outcome: 'answered' };
  } catch (error) {
    if (error instanceof CuratedConflictError) return { outcome: await conflict(ctx, error) };
    throw error;
  }
}

async function edit(ctx: CommandContext, deps: Deps): Promise<Outcome> {
  const entry = await resolveEntry(ctx, deps.curated);
  if (!entry) return 'refused';
  const corpus = (await deps.views.engineFor(ctx.actor.guildId)).corpus;
  const parsed = parseEntryInput(rawInput(ctx), corpus, { partial: true, current: entry });
  if (!parsed.ok) return refuseInput(ctx, parsed.errors);
  try {
    const updated = await whenNotBusy(() => deps.curated.edit(ctx.actor.guildId!, entry.id, parsed.value, ctx.actor.userId));
    await resolveQueued(deps.unanswered, ctx.actor.guildId!, updated);
    await ctx.reply({ content: fill(t(ctx.language, MSG.edited), { id: updated.id }), embeds: entryReply(deps.curated, corpus, updated, ctx.language).embeds, ephemeral: true });
    return 'answered';
  } catch (error) {
    if (error instanceof CuratedConflictError) return conflict(ctx, error);
    throw error;
  }
}

/**
 * The "Same as…" form: the phrasings join the named entry's aliases (validated as an edit
 * is, so a phrasing another entry has is refused), and the queued question leaves the queue.
 */
async function addPhrasings(ctx: ComponentContext, deps: Deps): Promise<Outcome> {
  const guildId = ctx.actor.guildId!;
  const named = (ctx.fields.get('entry') ?? '').trim();
  const entry = entryByNumber(deps.curated, guildId, named);
  if (!entry) {
    await ctx.reply({ content: fill(t(ctx.language, MSG.noEntry), { value: literal(shorten(named, 40)) }), ephemeral: true });
    return 'refused';
  }
  const phrasings = ctx.fields.get('aliases') ?? '';
  if (!phrasings.split(';').some((p) => p.trim())) {
    await ctx.reply({ content: t(ctx.language, MSG.noPhrasing), ephemeral: true });
    return 'refused';
  }
  const corpus = (await deps.views.engineFor(guildId)).corpus;
  const parsed = parseEntryInput({ aliases: [...entry.aliases, phrasings].join(';') }, corpus, { partial: true, current: entry });
  if (!parsed.ok) return refuseInput(ctx, parsed.errors);
  try {
    const updated = await whenNotBusy(() => deps.curated.edit(guildId, entry.id, parsed.value, ctx.actor.userId));
    await whenNotBusy(() => deps.unanswered.resolve(guildId, Number(ctx.args[0]))).catch(() => undefined);
    await resolveQueued(deps.unanswered, guildId, updated);
    await ctx.reply({ content: fill(t(ctx.language, MSG.linked), { id: updated.id }), embeds: entryReply(deps.curated, corpus, updated, ctx.language).embeds, ephemeral: true });
    return 'answered';
  } catch (error) {
    if (error instanceof CuratedConflictError) return conflict(ctx, error);
    throw error;
  }
}

/**
 * The question and its phrasings are answered now: take them out of the queue. Only
 * bookkeeping; the entry is saved either way.
 */
async function resolveQueued(unanswered: UnansweredQueue, guildId: string, entry: CuratedEntry): Promise<void> {
  await whenNotBusy(() => {
    for (const phrase of [entry.question, ...entry.aliases]) unanswered.resolveMatching(guildId, phrase);
  }).catch(() => undefined);
}

async function roles(ctx: CommandContext, { moderatorRoles }: Deps): Promise<Outcome> {
  const guildId = ctx.actor.guildId!;
  const add = ctx.options.getRoleId('add');
  const remove = ctx.options.getRoleId('remove');
  if (add === guildId) {
    await ctx.reply({ content: t(ctx.language, MSG.everyoneRole), ephemeral: true });
    return 'refused';
  }
  let note: string | undefined;
  if (add) note = fill(t(ctx.language, (await whenNotBusy(() => moderatorRoles.add(guildId, add, ctx.actor.userId))) ? MSG.roleAdded : MSG.roleUnchanged), { role: add });
  if (remove) note = [note, fill(t(ctx.language, (await whenNotBusy(() => moderatorRoles.remove(guildId, remove))) ? MSG.roleRemoved : MSG.roleUnchanged), { role: remove })].filter(Boolean).join('\n');
  await ctx.reply(renderModeratorRoles(moderatorRoles.list(guildId), ctx.language, note));
  return 'answered';
}

async function refuseInput(ctx: CommandContext | ComponentContext, errors: Message[]): Promise<'refused'> {
  await ctx.reply({ content: `${t(ctx.language, MSG.invalid)}\n${renderProblems(errors, ctx.language)}`, ephemeral: true });
  return 'refused';
}

async function conflict(ctx: CommandContext | ComponentContext, error: CuratedConflictError): Promise<'refused'> {
  await ctx.reply({ content: fill(t(ctx.language, MSG.conflict), { phrase: literal(shorten(error.phrase, 100)), id: error.existingEntryId }), ephemeral: true });
  return 'refused';
}
