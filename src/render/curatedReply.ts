import { ButtonStyle, ComponentType, TextInputStyle, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import type { CuratedChangeRecord, CuratedEntry } from '../curated/curatedStore.js';
import type { UnansweredItem } from '../curated/unansweredQueue.js';
import { LIMITS as CURATED_LIMITS, type Message } from '../curated/validation.js';
import { customId } from '../shared/customId.js';
import { fill, t, type Language } from '../shared/i18n.js';
import type { Modal, Reply } from '../shared/reply.js';
import { shorten } from '../shared/text.js';
import { COLORS } from './answerReply.js';
import { fitEmbed } from './limits.js';
import { defuseMentions, literal, literalWithin } from './markdown.js';
import { pagerRow } from './pager.js';

export const CURATED_PAGE_SIZE = 10;
export const UNANSWERED_PAGE_SIZE = 5;

const TEXT = {
  listTitle: { en: 'Curated answers', id: 'Jawaban kurasi' },
  empty: { en: 'No curated answers yet. Moderators can add one with `/faq-manage add`.', id: 'Belum ada jawaban kurasi. Moderator bisa menambah dengan `/faq-manage add`.' },
  used: { en: 'used {n}×', id: 'dipakai {n}×' },
  aliases: { en: 'Other phrasings', id: 'Rumusan lain' },
  paragraphs: { en: 'Cited paragraphs', id: 'Paragraf yang dikutip' },
  missing: { en: '⚠️ no longer in the corpus', id: '⚠️ tidak ada lagi di korpus' },
  missingNote: {
    en: '⚠️ {n} cited paragraph(s) no longer exist (the article was shortened or removed); /ask leaves them out. Edit the entry\'s paragraphs.',
    id: '⚠️ {n} paragraf yang dikutip tidak ada lagi (artikelnya dipendekkan atau dihapus); /tanya tidak menampilkannya. Ubah paragraf entri ini.',
  },
  meta: { en: 'Entry #{id} · used {uses}×', id: 'Entri #{id} · dipakai {uses}×' },
  added: { en: 'Added by <@{user}> <t:{at}:R>', id: 'Ditambahkan oleh <@{user}> <t:{at}:R>' },
  edited: { en: 'last edited by <@{user}> <t:{at}:R> ({n} edit(s))', id: 'terakhir diubah oleh <@{user}> <t:{at}:R> ({n} kali)' },
  queueTitle: { en: 'Questions the bot could not answer', id: 'Pertanyaan yang belum bisa dijawab bot' },
  queueEmpty: { en: 'Nothing waiting: every recent question was answered. 🎉', id: 'Tidak ada yang menunggu: semua pertanyaan terakhir terjawab. 🎉' },
  queueLine: { en: '**{n}.** "{question}" — asked {count}× ({abstained} unanswered, {down} 👎), last <t:{last}:R>', id: '**{n}.** "{question}" — ditanya {count}× ({abstained} tak terjawab, {down} 👎), terakhir <t:{last}:R>' },
  answerButton: { en: 'Answer {n}', id: 'Jawab {n}' },
  dismissButton: { en: 'Dismiss {n}', id: 'Abaikan {n}' },
  sameButton: { en: 'Same as… {n}', id: 'Sama dengan… {n}' },
  queueClosest: { en: 'closest answer: #{id} "{question}"', id: 'jawaban terdekat: #{id} "{question}"' },
  queuePicked: { en: 'members picked ({picks}×): #{id} "{question}"', id: 'dipilih anggota ({picks}×): #{id} "{question}"' },
  sameModalTitle: { en: 'Add it to an existing answer', id: 'Tambahkan ke jawaban yang ada' },
  entryField: { en: 'Curated answer it asks for (#number)', id: 'Jawaban kurasi yang ditanyakan (#nomor)' },
  phrasingsField: { en: 'Phrasings to add, separated by ;', id: 'Rumusan yang ditambahkan, pisahkan dengan ;' },
  modalTitle: { en: 'Write a curated answer', id: 'Tulis jawaban kurasi' },
  question: { en: 'Question', id: 'Pertanyaan' },
  answer: { en: 'Answer (Markdown)', id: 'Jawaban (Markdown)' },
  paragraphsField: { en: 'Cited paragraphs, e.g. 2,3 or 2-4 (optional)', id: 'Paragraf dikutip, mis. 2,3 atau 2-4 (opsional)' },
  aliasesField: { en: 'Other phrasings, separated by ; (optional)', id: 'Rumusan lain, pisahkan dengan ; (opsional)' },
  rolesTitle: { en: 'Moderator roles', id: 'Peran moderator' },
  rolesNone: {
    en: 'No extra moderator roles: members with Manage Messages or Manage Server (and admins) can use the moderators\' buttons and forms.',
    id: 'Tidak ada peran moderator tambahan: anggota dengan Kelola Pesan atau Kelola Server (dan admin) dapat memakai tombol dan formulir moderator.',
  },
  rolesSome: {
    en: 'Besides members with Manage Messages or Manage Server (and admins), these roles can use the moderators\' buttons and forms:',
    id: 'Selain anggota dengan Kelola Pesan atau Kelola Server (dan admin), peran berikut dapat memakai tombol dan formulir moderator:',
  },
};

const seconds = (ms: number) => Math.floor(ms / 1000);

export interface EntryDetails {
  /** Who added and edited the entry (from the store's history). */
  history?: CuratedChangeRecord[];
  /** Citations of the entry that the corpus no longer has. */
  missing?: ReadonlySet<string>;
}

export function renderEntry(entry: CuratedEntry, language: Language, details: EntryDetails = {}): Reply {
  const fields: APIEmbedField[] = [];
  const missing = entry.paragraphs.filter((c) => details.missing?.has(c));
  if (entry.aliases.length) fields.push({ name: t(language, TEXT.aliases), value: entry.aliases.map((a) => `• ${literal(a)}`).join('\n') });
  if (entry.paragraphs.length) {
    const cited = entry.paragraphs.map((c) => `\`${c}\`${details.missing?.has(c) ? ` ${t(language, TEXT.missing)}` : ''}`);
    fields.push({ name: t(language, TEXT.paragraphs), value: cited.join(', ') });
  }
  fields.push({ name: '\u200b', value: [fill(t(language, TEXT.meta), { id: entry.id, uses: entry.useCount }), ...authorship(entry, details.history ?? [], language)].join('\n') });
  const description = [defuseMentions(entry.answer), missing.length ? `\n${fill(t(language, TEXT.missingNote), { n: missing.length })}` : ''].join('');
  const embed: APIEmbed = fitEmbed({ title: literalWithin(entry.question, 256), color: COLORS.curated, description, fields });
  return { embeds: [embed] };
}

/** Who wrote the entry and who changed it last (mentions in embeds never ping). */
function authorship(entry: CuratedEntry, history: CuratedChangeRecord[], language: Language): string[] {
  const lines = [fill(t(language, TEXT.added), { user: entry.authorId, at: seconds(entry.createdAt) })];
  const edits = history.filter((h) => h.action === 'edit');
  if (edits.length || entry.updatedAt !== entry.createdAt) {
    lines.push(fill(t(language, TEXT.edited), { user: entry.updatedBy, at: seconds(entry.updatedAt), n: Math.max(1, edits.length) }));
  }
  return lines;
}

export function renderEntryList(entries: CuratedEntry[], total: number, page: number, language: Language): Reply {
  if (total === 0) return { content: t(language, TEXT.empty), ephemeral: true };
  const pages = Math.max(1, Math.ceil(total / CURATED_PAGE_SIZE));
  const lines = entries.map((e) => `**#${e.id}** ${literal(shorten(e.question, 150))} — ${fill(t(language, TEXT.used), { n: e.useCount })}`);
  const embed = fitEmbed({ title: `${t(language, TEXT.listTitle)} (${total})`, color: COLORS.curated, description: lines.join('\n'), footer: { text: `${page}/${pages}` } });
  return { embeds: [embed], components: pagerRow('faq-list', page, pages, language) };
}

/** The curated answer a queued question seems to ask for: the one members picked under its "did you mean" (picks > 0), else the closest. */
export interface PointedAnswer {
  entry: CuratedEntry;
  picks: number;
}

/**
 * A page of the unanswered queue. `pointed` gives, for a queued question, the curated
 * answer it seems to ask for, shown on its line: a question the matcher missed is often
 * a paraphrase of one, which "Same as…" adds as a phrasing.
 */
export function renderUnanswered(items: UnansweredItem[], total: number, page: number, language: Language, pointed: (item: UnansweredItem) => PointedAnswer | undefined = () => undefined): Reply {
  if (total === 0) return { content: t(language, TEXT.queueEmpty), ephemeral: true };
  const pages = Math.max(1, Math.ceil(total / UNANSWERED_PAGE_SIZE));
  const first = (page - 1) * UNANSWERED_PAGE_SIZE;
  const lines = items.map((item, i) => {
    const line = fill(t(language, TEXT.queueLine), {
      n: first + i + 1,
      question: literal(shorten(item.question, 200)),
      count: item.count,
      abstained: item.abstainedCount,
      down: item.thumbsDownCount,
      last: seconds(item.lastAskedAt),
    });
    const near = pointed(item);
    if (!near) return line;
    const text = fill(t(language, near.picks > 0 ? TEXT.queuePicked : TEXT.queueClosest), { id: near.entry.id, picks: near.picks, question: literal(shorten(near.entry.question, 120)) });
    return `${line}\n  ↳ ${text}`;
  });
  // One row of "Answer n" buttons (opens the form), one of "Same as… n" (adds it to an existing answer) and one of "Dismiss n" (drops noise).
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
  const rows = items.length
    ? [itemRow('faq-answer', TEXT.answerButton, ButtonStyle.Primary), itemRow('faq-same', TEXT.sameButton, ButtonStyle.Secondary), itemRow('faq-dismiss', TEXT.dismissButton, ButtonStyle.Secondary)]
    : [];
  return { embeds: [embed], components: [...rows, ...pagerRow('faq-unanswered', page, pages, language)], ephemeral: true };
}

/** One text field of a form, in its own row. */
const textInput = (id: string, label: string, style: TextInputStyle, max: number, required: boolean, value?: string) => ({
  type: ComponentType.ActionRow as const,
  components: [{ type: ComponentType.TextInput as const, custom_id: id, label: shorten(label, 45), style, max_length: max, required, ...(value ? { value } : {}) }],
});

/** The "Same as…" form of a queued question: which curated answer it asks for (the closest one filled in), and the phrasing to add to it. */
export function sameAsModal(itemId: number, question: string, closestId: number | undefined, language: Language): Modal {
  return {
    custom_id: customId('faq-same-modal', itemId),
    title: shorten(t(language, TEXT.sameModalTitle), 45),
    components: [
      textInput('entry', t(language, TEXT.entryField), TextInputStyle.Short, 12, true, closestId === undefined ? undefined : `#${closestId}`),
      textInput('aliases', t(language, TEXT.phrasingsField), TextInputStyle.Paragraph, 1000, true, shorten(question, CURATED_LIMITS.questionMax)),
    ],
  };
}

/** The form a moderator fills to answer a queued question on the spot. */
export function answerModal(itemId: number, question: string, language: Language): Modal {
  return {
    custom_id: customId('faq-modal', itemId),
    title: shorten(t(language, TEXT.modalTitle), 45),
    components: [
      textInput('question', t(language, TEXT.question), TextInputStyle.Short, CURATED_LIMITS.questionMax, true, shorten(question, CURATED_LIMITS.questionMax)),
      textInput('answer', t(language, TEXT.answer), TextInputStyle.Paragraph, CURATED_LIMITS.answerMax, true),
      textInput('paragraphs', t(language, TEXT.paragraphsField), TextInputStyle.Short, 200, false),
      textInput('aliases', t(language, TEXT.aliasesField), TextInputStyle.Paragraph, 1000, false),
    ],
  };
}

/** Validation problems, one per line; what the moderator typed is shown literally (escaped). */
export function renderProblems(messages: Message[], language: Language): string {
  return messages
    .map((message) => {
      const values = Object.fromEntries(Object.entries(message.values ?? {}).map(([key, value]) => [key, literal(value)]));
      return `• ${fill(t(language, message), values)}`;
    })
    .join('\n');
}

export function renderModeratorRoles(roleIds: string[], language: Language, note?: string): Reply {
  const description = [note, roleIds.length ? `${t(language, TEXT.rolesSome)}\n${roleIds.map((id) => `• <@&${id}>`).join('\n')}` : t(language, TEXT.rolesNone)];
  return { embeds: [fitEmbed({ title: t(language, TEXT.rolesTitle), color: COLORS.curated, description: description.filter(Boolean).join('\n\n') })], ephemeral: true };
}
