import { SlashCommandBuilder } from 'discord.js';
import { localized, type Command } from '../src/bot/command.js';
import { t } from '../src/bot/i18n.js';
import { cooldown } from '../src/bot/preconditions.js';
import type { Services } from '../src/bot/services.js';
import { renderSearchPage, searchStateOf } from '../src/render/searchReply.js';
import { checkQuestion, MAX_QUESTION_LENGTH, QUESTION_PROBLEMS } from '../src/search/question.js';

const MAX_RESULTS = 25;

const data = localized(new SlashCommandBuilder(), ['search', 'cari'], ['List the paragraphs that match some words', 'Tampilkan paragraf yang cocok dengan kata-kata'])
  .addStringOption((o) =>
    localized(o, ['query', 'kata-kunci'], ['Words to look for', 'Kata yang dicari'])
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  );

/** /search lists every match, not only confident answers: it is where /ask sends people when unsure. */
function searchHits(services: Services, query: string) {
  return services.engine.search(query, { limit: MAX_RESULTS, noAbstain: true }).results;
}

const search: Command = {
  data,
  preconditions: [cooldown(5, 10_000)],
  async execute(ctx, services) {
    const check = checkQuestion(ctx.options.getString('query') ?? '');
    if (!check.ok) return ctx.reply({ content: t(ctx.language, QUESTION_PROBLEMS[check.problem]), ephemeral: true });
    await ctx.reply(renderSearchPage(check.question, searchHits(services, check.question), 1, ctx.language));
  },
  components: {
    search: {
      async handle(ctx, services) {
        const state = searchStateOf(ctx.message?.embeds?.[0]);
        const page = Number(ctx.args[0]);
        const check = checkQuestion(state?.query ?? '');
        if (!state || !check.ok || !Number.isInteger(page)) {
          return ctx.reply({ content: t(ctx.language, { en: 'This search has expired; run /search again.', id: 'Pencarian ini sudah kedaluwarsa; jalankan /cari lagi.' }), ephemeral: true });
        }
        await ctx.update(renderSearchPage(check.question, searchHits(services, check.question), page, ctx.language));
      },
    },
  },
};

export default search;
