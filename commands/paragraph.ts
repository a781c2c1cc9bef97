import { SlashCommandBuilder } from 'discord.js';
import { localized, type Command } from '../src/bot/command.js';
import { fill, t } from '../src/bot/i18n.js';
import { renderParagraph } from '../src/render/paragraphReply.js';
import { literal, shorten } from '../src/render/markdown.js';

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

const paragraph: Command = {
  data,
  async execute(ctx, services) {
    const { articles } = services.engine.corpus;
    const articleId = ctx.options.getString('article');
    const number = ctx.options.getInteger('number') ?? 0;
    const article = articleId ? articles.find((a) => a.id === articleId) : articles.length === 1 ? articles[0] : undefined;
    if (!article) {
      const text = articleId ? fill(t(ctx.language, TEXT.unknownArticle), { id: literal(shorten(articleId, 80)) }) : fill(t(ctx.language, TEXT.chooseArticle), { count: articles.length });
      return ctx.reply({ content: text, ephemeral: true });
    }
    if (!Number.isInteger(number) || number < 1 || number > article.paragraphs.length) {
      const values = { title: literal(article.title), count: article.paragraphs.length, number };
      return ctx.reply({ content: fill(t(ctx.language, TEXT.outOfRange), values), ephemeral: true });
    }
    await ctx.reply(renderParagraph(article, number, ctx.language));
  },
  async autocomplete(ctx, services) {
    const typed = ctx.focused.value.toLowerCase().trim();
    return services.engine.corpus.articles
      .filter((a) => !typed || a.id.includes(typed) || a.title.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((a) => ({ name: `${a.title} (${a.paragraphs.length} ¶)`, value: a.id }));
  },
};

export default paragraph;
