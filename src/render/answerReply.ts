import { ButtonStyle, ComponentType, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { customId } from '../shared/customId.js';
import { fill, t, type Language } from '../shared/i18n.js';
import type { Reply } from '../shared/reply.js';
import type { CuratedAnswer, Suggestion } from '../answer/answerQuestion.js';
import type { Answer } from '../search/engine.js';
import { pilcrow, sourceLine } from './citation.js';
import { fitEmbed, LIMITS } from './limits.js';
import { defuseMentions, excerptWithHighlight, literal, literalWithin } from './markdown.js';
import { shorten } from '../shared/text.js';

export const COLORS = { answer: 0x2b6cb0, curated: 0x2f855a, none: 0x718096 } as const;

export interface AnswerReplyInput {
  question: string;
  answer: Answer;
  curated?: CuratedAnswer;
  language: Language;
  /** When set, the reply carries 👍/👎 feedback buttons for this stored answer. */
  answerId?: number;
  /** For an abstention or a "not sure" answer: a curated answer close to this one ("did you mean"). */
  suggestion?: Suggestion;
  /** Whether the reader can press buttons (default true; the console cannot, so it gets none). */
  buttons?: boolean;
  ephemeral?: boolean;
}

const TEXT = {
  curatedHeading: { en: '📌 Moderators\' answer', id: '📌 Jawaban moderator' },
  curatedSources: { en: 'Sources', id: 'Sumber' },
  curatedMissing: {
    en: '⚠️ It cites {list}, which this server no longer has (the article was removed or shortened).',
    id: '⚠️ Jawaban ini mengutip {list}, yang tidak ada lagi di server ini (artikelnya dihapus atau dipendekkan).',
  },
  didYouMean: {
    en: 'Moderators have answered a similar question: "{question}". If that is what you mean, ask it that way.',
    id: 'Moderator sudah menjawab pertanyaan yang mirip: "{question}". Jika itu maksud Anda, tanyakan dengan kalimat itu.',
  },
  didYouMeanButton: {
    en: 'Moderators have answered a similar question: "{question}". If that is what you mean, press **Show that answer**.',
    id: 'Moderator sudah menjawab pertanyaan yang mirip: "{question}". Jika itu maksud Anda, tekan **Tampilkan jawaban itu**.',
  },
  showSuggested: { en: 'Show that answer', id: 'Tampilkan jawaban itu' },
  abstain: {
    en: 'The article does not answer this question, so I will not guess. Try `/search` with a few key words.',
    id: 'Artikel tidak menjawab pertanyaan ini, jadi saya tidak menebak. Coba `/search` dengan beberapa kata kunci.',
  },
  aboutTheBot: {
    en: 'I answer questions about the articles of this server, citing the paragraphs that answer. Ask with `/ask`, look words up with `/search`, read a paragraph with `/paragraph`; `/help` lists every command.',
    id: 'Saya menjawab pertanyaan tentang artikel di server ini, dengan kutipan paragraf yang menjawabnya. Tanya dengan `/ask`, cari kata dengan `/search`, baca paragraf dengan `/paragraph`; `/help` menampilkan semua perintah.',
  },
  aboutTheServer: {
    en: 'This looks like a question about this server rather than about its articles, so I will not answer it from them. The moderators can: they see the questions I could not answer.',
    id: 'Ini sepertinya pertanyaan tentang server ini, bukan tentang artikelnya, jadi tidak saya jawab dari artikel. Moderator bisa menjawabnya: mereka melihat pertanyaan yang belum bisa saya jawab.',
  },
  unsure: {
    en: '⚠️ I am not sure the article answers this. This is the closest passage; check it before relying on it.',
    id: '⚠️ Saya belum yakin artikel menjawab ini. Ini paragraf yang paling dekat; periksa dulu sebelum dijadikan pegangan.',
  },
  footer: { en: 'Answers come from the article; the bold sentence matches best.', id: 'Jawaban diambil dari artikel; kalimat tebal paling cocok.' },
  helpful: { en: 'Helpful', id: 'Membantu' },
  notHelpful: { en: 'Not helpful', id: 'Tidak membantu' },
};

export function renderAnswer(input: AnswerReplyInput): Reply {
  const { answer, curated, language } = input;
  const buttons = input.buttons ?? true;
  // The "did you mean" button needs the answer id: it names the question the member asked.
  const pick = buttons && input.answerId !== undefined ? input.suggestion : undefined;
  const fields: APIEmbedField[] = answer.results.map((hit) => ({
    name: `${pilcrow(hit.paragraph)} · ${literal(shorten(hit.paragraph.articleTitle, 200))}`,
    value: `${excerptWithHighlight(hit.paragraph.text, hit.highlight, LIMITS.fieldValue - 200)}\n— ${sourceLine(hit.paragraph)}`,
  }));
  let description: string | undefined;
  if (curated) description = curatedBlock(curated, language);
  else if (answer.abstained) description = t(language, answer.reason === 'about-the-bot' ? TEXT.aboutTheBot : answer.reason === 'about-the-server' ? TEXT.aboutTheServer : TEXT.abstain);
  else if (answer.certainty === 'unsure') description = t(language, TEXT.unsure);
  if (description !== undefined && !curated && input.suggestion) {
    description += `\n${fill(t(language, pick ? TEXT.didYouMeanButton : TEXT.didYouMean), { question: literal(shorten(input.suggestion.question, 200)) })}`;
  }

  const embed: APIEmbed = fitEmbed({
    title: literalWithin(input.question, LIMITS.embedTitle),
    color: curated ? COLORS.curated : answer.abstained || answer.certainty === 'unsure' ? COLORS.none : COLORS.answer,
    description,
    fields,
    footer: fields.length ? { text: t(language, TEXT.footer) } : undefined,
  });
  return { embeds: [embed], components: buttons && input.answerId !== undefined ? [buttonRow(input.answerId, language, pick)] : [], ephemeral: input.ephemeral };
}

/** The curated answer a member picked under a "did you mean", for them alone. */
export function renderPickedAnswer(curated: CuratedAnswer, language: Language): Reply {
  const embed = fitEmbed({ title: literalWithin(curated.question, LIMITS.embedTitle), color: COLORS.curated, description: curatedBlock(curated, language) });
  return { embeds: [embed], components: [], ephemeral: true };
}


function curatedBlock(curated: CuratedAnswer, language: Language): string {
  const sources = curated.paragraphs.map((p) => `${pilcrow(p)} ${sourceLine(p)}`).join('\n');
  return [
    `**${t(language, TEXT.curatedHeading)}**`,
    defuseMentions(shorten(curated.answer, 1900)),
    sources ? `\n${t(language, TEXT.curatedSources)}:\n${sources}` : '',
    curated.missing.length ? fill(t(language, TEXT.curatedMissing), { list: curated.missing.slice(0, 5).map((c) => `\`${shorten(c.replace(/`/g, "'"), 80)}\``).join(', ') }) : '',
  ].filter(Boolean).join('\n');
}

/** 👍/👎 for the stored answer `answerId`, after the "did you mean" button when there is one. */
function buttonRow(answerId: number, language: Language, suggestion?: Suggestion) {
  return {
    type: ComponentType.ActionRow as const,
    components: [
      ...(suggestion ? [{ type: ComponentType.Button as const, style: ButtonStyle.Primary as const, label: t(language, TEXT.showSuggested), custom_id: customId('suggested', answerId, suggestion.entryId) }] : []),
      { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, emoji: { name: '👍' }, label: t(language, TEXT.helpful), custom_id: customId('feedback', 'up', answerId) },
      { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, emoji: { name: '👎' }, label: t(language, TEXT.notHelpful), custom_id: customId('feedback', 'down', answerId) },
    ],
  };
}
