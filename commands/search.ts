import { SlashCommandBuilder } from '@discordjs/builders';
import { defineCommand, localized } from '../src/bot/command.js';
import { cooldown } from '../src/bot/preconditions.js';
import { renderSearchPage, searchStateOf } from '../src/render/searchReply.js';
import type { SearchEngine } from '../src/search/engine.js';
import { checkQuestion, QUESTION_PROBLEMS } from '../src/search/question.js';
import { t } from '../src/shared/i18n.js';
import { MAX_QUESTION_LENGTH } from '../src/shared/limits.js';

const MAX_RESULTS = 25;

const data = localized(new SlashCommandBuilder(), ['search', 'cari'], ['List the paragraphs that match some words', 'Tampilkan paragraf yang cocok dengan kata-kata'])
  .addStringOption((o) =>
    localized(o, ['query', 'kata-kunci'], ['Words to look for', 'Kata yang dicari'])
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addIntegerOption((o) => localized(o, ['page', 'halaman'], ['Which page of results', 'Halaman hasil yang mana']).setMinValue(1).setMaxValue(100));

/** /search lists every match, not only confident answers: it is where /ask sends people when unsure. */
function searchHits(engine: SearchEngine, query: string) {
  return engine.search(query, { limit: MAX_RESULTS, noAbstain: true }).results;
}

const EXPIRED = { en: 'This search has expired; run /search again.', id: 'Pencarian ini sudah kedaluwarsa; jalankan /cari lagi.' };

export default defineCommand({
  data,
  uses: ({ views }) => ({ views }),
  preconditions: [cooldown(5, 10_000)],
  async execute(ctx, { views }) {
    const check = checkQuestion(ctx.options.getString('query') ?? '');
    if (!check.ok) {
      await ctx.reply({ content: t(ctx.language, QUESTION_PROBLEMS[check.problem]), ephemeral: true });
      return 'refused';
    }
    const hits = searchHits(await views.engineFor(ctx.actor.guildId), check.question);
    await ctx.reply(renderSearchPage(check.question, hits, ctx.options.getInteger('page') ?? 1, ctx.language));
    return hits.length ? 'answered' : 'abstained';
  },
  components: {
    search: {
      async handle(ctx, { views }) {
        const state = searchStateOf(ctx.message?.embeds?.[0]);
        const page = Number(ctx.args[0]);
        const check = checkQuestion(state?.query ?? '');
        if (!state || !check.ok || !Number.isInteger(page)) {
          await ctx.reply({ content: t(ctx.language, EXPIRED), ephemeral: true });
          return 'refused';
        }
        await ctx.update(renderSearchPage(check.question, searchHits(await views.engineFor(ctx.actor.guildId), check.question), page, ctx.language));
      },
    },
  },
});
