import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { t, type Language } from '../shared/i18n.js';
import type { Reply } from '../shared/reply.js';
import type { Article } from '../corpus/types.js';
import { COLORS } from './answerReply.js';
import { fitEmbed } from './limits.js';
import { literal } from './markdown.js';
import { shorten } from '../shared/text.js';

const TEXT = {
  title: { en: 'Article Q&A bot', id: 'Bot tanya-jawab artikel' },
  about: {
    en: 'I answer questions about news articles by finding the paragraphs that answer them. Every answer cites its paragraph (¶n) and shows the best sentence in bold. When the articles do not answer a question, I say so instead of guessing, and moderators can write an answer that I will give from then on.',
    id: 'Saya menjawab pertanyaan tentang artikel berita dengan mencari paragraf yang menjawabnya. Setiap jawaban mengutip paragrafnya (¶n) dan menebalkan kalimat yang paling cocok. Bila artikel tidak menjawab, saya mengatakannya alih-alih menebak, dan moderator bisa menulis jawaban yang akan saya berikan selanjutnya.',
  },
  commands: { en: 'Commands', id: 'Perintah' },
  moderators: { en: 'moderators', id: 'moderator' },
  articles: { en: 'Articles', id: 'Artikel' },
  more: { en: '…and {n} more', id: '…dan {n} lainnya' },
  stored: { en: 'What is stored', id: 'Data yang disimpan' },
  storedText: {
    en: 'Per server: moderators\' curated answers with the history of who added, edited or removed each (user ids), the roles named as moderator roles, questions I could not answer or that got 👎 (text and counts only, no user ids), one 👍/👎 vote per user per answer (user id and vote) so a vote cannot be counted twice, and the articles moderators added to the server (their text, and who added or removed them); answers and their votes are deleted after 90 days. Nothing else about you is kept.',
    id: 'Per server: jawaban kurasi moderator beserta riwayat siapa yang menambah, mengubah atau menghapusnya (id pengguna), peran yang ditetapkan sebagai peran moderator, pertanyaan yang tidak bisa saya jawab atau mendapat 👎 (teks dan jumlah saja, tanpa id pengguna), satu suara 👍/👎 per pengguna per jawaban (id pengguna dan suara) agar suara tidak dihitung dua kali, serta artikel yang ditambahkan moderator ke server (teksnya, dan siapa yang menambah atau menghapusnya); jawaban dan suaranya dihapus setelah 90 hari. Tidak ada data lain tentang Anda yang disimpan.',
  },
};

export function renderHelp(commands: RESTPostAPIChatInputApplicationCommandsJSONBody[], articles: Article[], language: Language): Reply {
  const commandLines = commands.map((c) => {
    const name = language === 'id' ? c.name_localizations?.id ?? c.name : c.name;
    const description = language === 'id' ? c.description_localizations?.id ?? c.description : c.description;
    const subs = (c.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand).map((o) => o.name);
    // Discord shows such a command only to members with the permission (or a server's override): say so.
    const restricted = c.default_member_permissions !== undefined && c.default_member_permissions !== null;
    return `\`/${name}\`${subs.length ? ` (${subs.join(', ')})` : ''}${restricted ? ` [${t(language, TEXT.moderators)}]` : ''}: ${description}`;
  });
  const shown = articles.slice(0, 10).map((a) => `• ${literal(shorten(a.title, 120))} — \`${a.id}\`, ${a.paragraphs.length} ¶`);
  if (articles.length > 10) shown.push(t(language, TEXT.more).replace('{n}', String(articles.length - 10)));
  const embed: APIEmbed = fitEmbed({
    title: t(language, TEXT.title),
    color: COLORS.answer,
    description: t(language, TEXT.about),
    fields: [
      { name: t(language, TEXT.commands), value: commandLines.join('\n') },
      { name: `${t(language, TEXT.articles)} (${articles.length})`, value: shown.join('\n') },
      { name: t(language, TEXT.stored), value: t(language, TEXT.storedText) },
    ],
  });
  return { embeds: [embed] };
}
