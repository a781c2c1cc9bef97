import { ButtonStyle, ComponentType, TextInputStyle, type APIEmbed } from 'discord-api-types/v10';
import { customId } from '../bot/command.js';
import { fill, t, type Language } from '../bot/i18n.js';
import type { Modal, Reply } from '../bot/reply.js';
import type { CuratedEntry } from '../curated/curatedStore.js';
import type { UnansweredItem } from '../curated/unansweredQueue.js';
import { LIMITS as CURATED_LIMITS } from '../curated/validation.js';
import { COLORS } from './answerReply.js';
import { fitEmbed } from './limits.js';
import { pagerRow } from './pager.js';
import { defuseMentions, literal, shorten } from './markdown.js';

export const CURATED_PAGE_SIZE = 10;
export const UNANSWERED_PAGE_SIZE = 5;

const TEXT = {
  listTitle: { en: 'Curated answers', id: 'Jawaban kurasi' },
  empty: { en: 'No curated answers yet. Moderators can add one with `/faq add`.', id: 'Belum ada jawaban kurasi. Moderator bisa menambah dengan `/faq add`.' },
  used: { en: 'used {n}×', id: 'dipakai {n}×' },
  aliases: { en: 'Other phrasings', id: 'Rumusan lain' },
  paragraphs: { en: 'Cited paragraphs', id: 'Paragraf yang dikutip' },
  meta: { en: 'Entry #{id} · used {uses}× · by <@{author}> · updated <t:{updated}:R> by <@{editor}>', id: 'Entri #{id} · dipakai {uses}× · oleh <@{author}> · diperbarui <t:{updated}:R> oleh <@{editor}>' },
  queueTitle: { en: 'Questions the bot could not answer', id: 'Pertanyaan yang belum bisa dijawab bot' },
  queueEmpty: { en: 'Nothing waiting: every recent question was answered. 🎉', id: 'Tidak ada yang menunggu: semua pertanyaan terakhir terjawab. 🎉' },
  queueLine: { en: '**{n}.** "{question}" — asked {count}× ({abstained} unanswered, {down} 👎), last <t:{last}:R>', id: '**{n}.** "{question}" — ditanya {count}× ({abstained} tak terjawab, {down} 👎), terakhir <t:{last}:R>' },
  answerButton: { en: 'Answer {n}', id: 'Jawab {n}' },
  dismissButton: { en: 'Dismiss {n}', id: 'Abaikan {n}' },
  modalTitle: { en: 'Write a curated answer', id: 'Tulis jawaban kurasi' },
  question: { en: 'Question', id: 'Pertanyaan' },
  answer: { en: 'Answer (Markdown)', id: 'Jawaban (Markdown)' },
  paragraphsField: { en: 'Cited paragraphs, e.g. 2,3 (optional)', id: 'Paragraf dikutip, mis. 2,3 (opsional)' },
  aliasesField: { en: 'Other phrasings, separated by ; (optional)', id: 'Rumusan lain, pisahkan dengan ; (opsional)' },
};

const seconds = (ms: number) => Math.floor(ms / 1000);

export function renderEntry(entry: CuratedEntry, language: Language): Reply {
  const fields = [];
  if (entry.aliases.length) fields.push({ name: t(language, TEXT.aliases), value: entry.aliases.map((a) => `• ${literal(a)}`).join('\n') });
  if (entry.paragraphs.length) fields.push({ name: t(language, TEXT.paragraphs), value: entry.paragraphs.map((c) => `\`${c}\``).join(', ') });
  fields.push({
    name: '\u200b',
    value: fill(t(language, TEXT.meta), { id: entry.id, uses: entry.useCount, author: entry.authorId, updated: seconds(entry.updatedAt), editor: entry.updatedBy }),
  });
  const embed: APIEmbed = fitEmbed({ title: literal(entry.question), color: COLORS.curated, description: defuseMentions(entry.answer), fields });
  return { embeds: [embed] };
}

export function renderEntryList(entries: CuratedEntry[], total: number, page: number, language: Language): Reply {
  if (total === 0) return { content: t(language, TEXT.empty), ephemeral: true };
  const pages = Math.max(1, Math.ceil(total / CURATED_PAGE_SIZE));
  const lines = entries.map((e) => `**#${e.id}** ${literal(shorten(e.question, 150))} — ${fill(t(language, TEXT.used), { n: e.useCount })}`);
  const embed = fitEmbed({ title: `${t(language, TEXT.listTitle)} (${total})`, color: COLORS.curated, description: lines.join('\n'), footer: { text: `${page}/${pages}` } });
  return { embeds: [embed], components: pagerRow('faq-list', page, pages, language) };
}

export function renderUnanswered(items: UnansweredItem[], total: number, page: number, language: Language): Reply {
  if (total === 0) return { content: t(language, TEXT.queueEmpty), ephemeral: true };
  const pages = Math.max(1, Math.ceil(total / UNANSWERED_PAGE_SIZE));
  const first = (page - 1) * UNANSWERED_PAGE_SIZE;
  const lines = items.map((item, i) =>
    fill(t(language, TEXT.queueLine), {
      n: first + i + 1,
      question: literal(shorten(item.question, 200)),
      count: item.count,
      abstained: item.abstainedCount,
      down: item.thumbsDownCount,
      last: seconds(item.lastAskedAt),
    }),
  );
  // One row of "Answer n" buttons (opens the form) and one of "Dismiss n" (drops noise).
  const itemRow = (prefix: string, label: typeof TEXT.answerButton, style: ButtonStyle.Primary | ButtonStyle.Secondary) => ({
    type: ComponentType.ActionRow as const,
    components: items.map((item, i) => ({
      type: ComponentType.Button as const,
      style,
      label: fill(t(language, label), { n: first + i + 1 }),
      custom_id: customId(prefix, item.id, page),
    })),
  });
  const embed = fitEmbed({ title: `${t(language, TEXT.queueTitle)} (${total})`, color: COLORS.none, description: lines.join('\n'), footer: { text: `${page}/${pages}` } });
  // Discord refuses an action row without components (a page past the end has no items).
  const rows = items.length ? [itemRow('faq-answer', TEXT.answerButton, ButtonStyle.Primary), itemRow('faq-dismiss', TEXT.dismissButton, ButtonStyle.Secondary)] : [];
  return { embeds: [embed], components: [...rows, ...pagerRow('faq-unanswered', page, pages, language)], ephemeral: true };
}

/** The form a moderator fills to answer a queued question on the spot. */
export function answerModal(itemId: number, question: string, language: Language): Modal {
  const input = (id: string, label: string, style: TextInputStyle, max: number, required: boolean, value?: string) => ({
    type: ComponentType.ActionRow as const,
    components: [{ type: ComponentType.TextInput as const, custom_id: id, label: shorten(label, 45), style, max_length: max, required, ...(value ? { value } : {}) }],
  });
  return {
    custom_id: customId('faq-modal', itemId),
    title: shorten(t(language, TEXT.modalTitle), 45),
    components: [
      input('question', t(language, TEXT.question), TextInputStyle.Short, CURATED_LIMITS.questionMax, true, shorten(question, CURATED_LIMITS.questionMax)),
      input('answer', t(language, TEXT.answer), TextInputStyle.Paragraph, CURATED_LIMITS.answerMax, true),
      input('paragraphs', t(language, TEXT.paragraphsField), TextInputStyle.Short, 200, false),
      input('aliases', t(language, TEXT.aliasesField), TextInputStyle.Paragraph, 1000, false),
    ],
  };
}
