import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import { defineCommand, localized } from '../src/bot/command.js';
import { guildOnly } from '../src/bot/preconditions.js';
import { entryChoices, entryReply, listPage, resolveEntry } from './_curated.js';

/**
 * Browsing curated answers: everyone. Writing them is /faq-manage, a separate command,
 * because Discord's default permissions apply to a whole command, never to one subcommand.
 */
const data = localized(new SlashCommandBuilder(), ['faq', 'faq'], ['Browse the curated answers that /ask gives first', 'Lihat jawaban kurasi yang diberikan /tanya lebih dulu'])
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    localized(s, ['list', 'daftar'], ['List the curated answers', 'Daftar jawaban kurasi']).addIntegerOption((o) =>
      localized(o, ['page', 'halaman'], ['Which page', 'Halaman yang mana']).setMinValue(1).setMaxValue(1000),
    ),
  )
  .addSubcommand((s) =>
    localized(s, ['show', 'lihat'], ['Show a curated answer', 'Lihat jawaban kurasi']).addStringOption((o) =>
      localized(o, ['entry', 'entri'], ['The curated answer', 'Jawaban kurasi']).setRequired(true).setAutocomplete(true),
    ),
  );

export default defineCommand({
  data,
  uses: ({ curated, views }) => ({ curated, views }),
  preconditions: [guildOnly],
  async execute(ctx, { curated, views }) {
    const guildId = ctx.actor.guildId!;
    if (ctx.options.getSubcommand() === 'show') {
      const entry = await resolveEntry(ctx, curated);
      if (!entry) return 'refused';
      // Citations are checked against this server's view: its own articles count, removed ones are marked.
      await ctx.reply(entryReply(curated, (await views.engineFor(guildId)).corpus, entry, ctx.language));
      return;
    }
    await ctx.reply(listPage(curated, guildId, ctx.options.getInteger('page') ?? 1, ctx.language));
  },
  async autocomplete(ctx, { curated }) {
    return entryChoices(curated, ctx.actor.guildId, ctx.focused.value);
  },
  components: {
    'faq-list': {
      preconditions: [guildOnly],
      handle: async (ctx, { curated }) => ctx.update(listPage(curated, ctx.actor.guildId!, Number(ctx.args[0]) || 1, ctx.language)),
    },
  },
});
