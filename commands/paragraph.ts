import { SlashCommandBuilder } from '@discordjs/builders';
import { defineCommand, localized } from '../src/bot/command.js';
import { literal } from '../src/render/markdown.js';
import { renderParagraph } from '../src/render/paragraphReply.js';
import { fill, t } from '../src/shared/i18n.js';
import { shorten } from '../src/shared/text.js';

const data = localized(new SlashCommandBuilder(), ['paragraph', 'paragraf'], ['Show one paragraph of an article in full, with its citation', 'Tampilkan satu paragraf artikel secara lengkap, dengan kutipannya'])
  .addIntegerOption((o) =>
    localized(o, ['number', 'nomor'], ['Paragraph number (¶), starting at 1', 'Nomor paragraf (¶), mulai dari 1'])
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(10_000),
  )
  .addStringOption((o) =>
    localized(o, ['article', 'artikel'], ['Which article (needed when several are loaded)', 'Artikel mana (perlu bila ada beberapa artikel)'])
      .setAutocomplete(true),
  );

const TEXT = {
  unknownArticle: { en: 'There is no article "{id}". Pick one from the list.', id: 'Tidak ada artikel "{id}". Pilih dari daftar.' },
  chooseArticle: { en: '{count} articles are loaded; choose one with the `article` option.', id: '{count} artikel dimuat; pilih salah satu dengan opsi `artikel`.' },
  outOfRange: { en: '"{title}" has paragraphs ¶1 to ¶{count}; there is no ¶{number}.', id: '"{title}" berisi paragraf ¶1 sampai ¶{count}; tidak ada ¶{number}.' },
};

export default defineCommand({
  data,
  uses: ({ views }) => ({ views }),
  async execute(ctx, { views }) {
    // The bundled articles and this server's own.
    const { articles } = (await views.engineFor(ctx.actor.guildId)).corpus;
    const articleId = ctx.options.getString('article');
    const number = ctx.options.getInteger('number') ?? 0;
    const article = articleId ? articles.find((a) => a.id === articleId) : articles.length === 1 ? articles[0] : undefined;
    if (!article) {
      const text = articleId ? fill(t(ctx.language, TEXT.unknownArticle), { id: literal(shorten(articleId, 80)) }) : fill(t(ctx.language, TEXT.chooseArticle), { count: articles.length });
      await ctx.reply({ content: text, ephemeral: true });
      return 'refused';
    }
    if (!Number.isInteger(number) || number < 1 || number > article.paragraphs.length) {
      const values = { title: literal(article.title), count: article.paragraphs.length, number };
      await ctx.reply({ content: fill(t(ctx.language, TEXT.outOfRange), values), ephemeral: true });
      return 'refused';
    }
    await ctx.reply(renderParagraph(article, number, ctx.language));
  },
  async autocomplete(ctx, { views }) {
    const typed = ctx.focused.value.toLowerCase().trim();
    return (await views.engineFor(ctx.actor.guildId)).corpus.articles
      .filter((a) => !typed || a.id.includes(typed) || a.title.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((a) => ({ name: `${a.title} (${a.paragraphs.length} ¶)`, value: a.id }));
  },
});
