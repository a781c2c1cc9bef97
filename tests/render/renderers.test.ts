/**
 * The pure renderers with oversized and hostile inputs: every reply must fit
 * Discord's message limits (content 2,000; description 4,096; 25 fields of at most
 * 1,024; 6,000 per embed) and keep its citation, with corpus Markdown escaped and
 * mentions defused.
 */
import { describe, expect, it } from 'vitest';
import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Reply } from '../../src/shared/reply.js';
import type { Article, Paragraph } from '../../src/corpus/types.js';
import type { Answer, Hit } from '../../src/search/engine.js';
import { SIGNAL_NAMES, type Signals } from '../../src/search/confidence.js';
import { renderAnswer } from '../../src/render/answerReply.js';
import { renderArticleAdded, renderArticleList, renderArticleRemoved } from '../../src/render/articleReply.js';
import type { ServerArticleSummary } from '../../src/curated/serverArticleStore.js';
import { renderHelp } from '../../src/render/helpReply.js';
import { embedLength, fitReply } from '../../src/render/limits.js';
import { renderParagraph } from '../../src/render/paragraphReply.js';
import { renderSearchPage, SEARCH_PAGE_SIZE, searchStateOf } from '../../src/render/searchReply.js';

/** Discord counts code points; UTF-16 length is never smaller, so checking it is the stricter test. */
function expectWithinLimits(reply: Reply) {
  const fitted = fitReply(reply); // what the transport sends
  for (const r of [reply, fitted]) {
    expect(r.content?.length ?? 0).toBeLessThanOrEqual(2000);
    expect(r.embeds?.length ?? 0).toBeLessThanOrEqual(10);
    let total = 0;
    for (const embed of r.embeds ?? []) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
      expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.name.length).toBeLessThanOrEqual(256);
        expect(field.value.length).toBeGreaterThan(0);
        expect(field.value.length).toBeLessThanOrEqual(1024);
      }
      expect(embedLength(embed)).toBeLessThanOrEqual(6000);
      total += embedLength(embed);
    }
    expect(total).toBeLessThanOrEqual(6000);
    const rows = r.components ?? [];
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const c of row.components) {
        if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(100);
        if ('label' in c && c.label) expect(c.label.length).toBeLessThanOrEqual(80);
      }
    }
  }
}

const HOSTILE = '**tebal** _miring_ __garis__ ~~coret~~ ||rahasia|| `kode` @everyone @here <@123456789012345678> <@&223456789012345678> <@!323456789012345678>';

function paragraph(number: number, text: string, o: Partial<Paragraph> = {}): Paragraph {
  return { articleId: 'artikel-uji', articleTitle: 'Artikel uji', number, text, sourceUrl: 'https://example.com/berita (1)', ...o };
}

function article(paragraphs: string[], o: Partial<Article> = {}): Article {
  const id = o.id ?? 'artikel-uji';
  const title = o.title ?? 'Artikel uji';
  return {
    id,
    title,
    language: 'id',
    file: `${id}.md`,
    sourceUrl: 'https://example.com/berita',
    date: '2023-09-14',
    paragraphs: paragraphs.map((text, i) => paragraph(i + 1, text, { articleId: id, articleTitle: title })),
    ...o,
  };
}

function hit(p: Paragraph, highlight: string): Hit {
  const signals = Object.fromEntries(SIGNAL_NAMES.map((name) => [name, 1])) as unknown as Signals;
  return { paragraph: p, score: 1, highlight, confidence: 0.9, signals };
}

const sentence = (i: number) => `Kalimat nomor ${i} tentang Wagner dan Prigozhin di Rusia. `;
const huge = (n: number, offset = 0) => Array.from({ length: Math.ceil(n / 55) }, (_, i) => sentence(i + offset)).join('').slice(0, n);

function textOf(reply: Reply): string {
  return JSON.stringify([reply.content ?? '', reply.embeds ?? []]);
}

function expectNoRawMentions(reply: Reply) {
  const text = textOf(reply);
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).not.toMatch(/<@[!&]?\d+>/);
}

describe('renderAnswer', () => {
  it('adds an abstention\'s "did you mean" as literal text, in the member\'s language', () => {
    const abstained: Answer = { query: 'q', abstained: true, reason: 'low-confidence', results: [] };
    const en = renderAnswer({ question: 'q', answer: abstained, suggestion: { entryId: 7, question: 'Siapa *juara* Liga Inggris?' }, language: 'en' }).embeds![0]!.description!;
    expect(en).toContain('Moderators have answered a similar question: "Siapa \\*juara\\* Liga Inggris?"');
    const id = renderAnswer({ question: 'q', answer: abstained, suggestion: { entryId: 7, question: 'Siapa juara Liga Inggris?' }, language: 'id' }).embeds![0]!.description!;
    expect(id).toMatch(/^Artikel tidak menjawab pertanyaan ini.*\nModerator sudah menjawab pertanyaan yang mirip: "Siapa juara Liga Inggris\?"/s);
    expect(renderAnswer({ question: 'q', answer: abstained, language: 'en' }).embeds![0]!.description).not.toContain('similar question');
  });

  it('adds the "did you mean" under a "not sure" caveat, and never under a curated answer', () => {
    const p = paragraph(7, 'Wagner adalah kelompok tentara bayaran Rusia.');
    const suggestion = { entryId: 7, question: 'Wagner itu kelompok apa?' };
    const unsure = renderAnswer({ question: 'q', answer: { query: 'q', abstained: false, certainty: 'unsure', results: [hit(p, p.text)] }, suggestion, language: 'en' }).embeds![0]!;
    expect(unsure.description).toMatch(/not sure the article answers this.*\nModerators have answered a similar question: "Wagner itu kelompok apa\?"/s);
    expect(unsure.fields).toHaveLength(1);
    const curated = { entryId: 3, question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.', paragraphs: [], missing: [] };
    const withCurated = renderAnswer({ question: 'q', answer: { query: 'q', abstained: true, reason: 'low-confidence', results: [] }, curated, suggestion, language: 'en' }).embeds![0]!;
    expect(withCurated.description).not.toContain('similar question');
  });

  it('offers the "did you mean" answer as a button where buttons can be pressed, and asks for a rephrasing where they cannot', () => {
    const abstained: Answer = { query: 'q', abstained: true, reason: 'low-confidence', results: [] };
    const suggestion = { entryId: 7, question: 'Siapa juara Liga Inggris?' };
    const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => (row as { components: { custom_id: string }[] }).components.map((c) => c.custom_id));
    const discord = renderAnswer({ question: 'q', answer: abstained, suggestion, answerId: 41, language: 'en' });
    expect(ids(discord)).toEqual(['suggested:41:7', 'feedback:up:41', 'feedback:down:41']);
    expect(discord.embeds![0]!.description).toContain('press **Show that answer**');
    const console = renderAnswer({ question: 'q', answer: abstained, suggestion, answerId: 41, buttons: false, language: 'en' });
    expect(ids(console)).toEqual([]);
    expect(console.embeds![0]!.description).toContain('ask it that way');
    // No answer id (nothing to tell the moderators which question it was): the text, and no button.
    const unstored = renderAnswer({ question: 'q', answer: abstained, suggestion, language: 'en' });
    expect(ids(unstored)).toEqual([]);
    expect(unstored.embeds![0]!.description).toContain('ask it that way');
  });

  it('puts a clear caveat over a "not sure" answer, and none over a sure one', () => {
    const p = paragraph(3, 'Pada bulan Juli, Shoigu berkunjung ke Pyongyang.');
    const unsure = renderAnswer({ question: 'q', answer: { query: 'q', abstained: false, certainty: 'unsure', results: [hit(p, p.text)] }, language: 'en' }).embeds![0]!;
    expect(unsure.description).toMatch(/not sure the article answers this/);
    expect(unsure.fields).toHaveLength(1);
    const sure = renderAnswer({ question: 'q', answer: { query: 'q', abstained: false, certainty: 'sure', results: [hit(p, p.text)] }, language: 'id' }).embeds![0]!;
    expect(sure.description).toBeUndefined();
  });

  it('cites each paragraph, bolds the best sentence and adds a footer and feedback buttons', () => {
    const p = paragraph(7, 'Kalimat pertama. Prigozhin adalah pendiri Wagner. Kalimat terakhir.');
    const reply = renderAnswer({ question: 'Siapa pendiri Wagner?', answer: { query: 'x', abstained: false, results: [hit(p, 'Prigozhin adalah pendiri Wagner.')] }, language: 'id', answerId: 42 });
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('Siapa pendiri Wagner?');
    expect(embed.fields![0]!.name).toBe('¶7 · Artikel uji');
    expect(embed.fields![0]!.value).toContain('**Prigozhin adalah pendiri Wagner.**');
    expect(embed.fields![0]!.value).toContain('`artikel-uji#7`');
    expect(embed.fields![0]!.value).toContain('[Artikel uji](https://example.com/berita%20%281%29)'); // ( ) would end the link early
    expect(embed.footer?.text).toMatch(/kalimat tebal/);
    expect(reply.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual(['feedback:up:42', 'feedback:down:42']);
    expectWithinLimits(reply);
  });

  it('stays within limits with a 20,000-character paragraph and keeps the bold sentence and the citation', () => {
    const text = huge(20_000);
    const highlight = sentence(150).trim();
    expect(text).toContain(highlight);
    const reply = renderAnswer({ question: 'q', answer: { query: 'q', abstained: false, results: [hit(paragraph(1, text), highlight)] }, language: 'en', answerId: 1 });
    expectWithinLimits(reply);
    const value = reply.embeds![0]!.fields![0]!.value;
    expect(value).toContain(`**${highlight}**`);
    expect(value).toContain('`artikel-uji#1`');
  });

  it('stays within limits with 30 huge hits (6,000+ characters in total)', () => {
    const results = Array.from({ length: 30 }, (_, i) => hit(paragraph(i + 1, huge(5_000, i * 100)), sentence(i * 100 + 3).trim()));
    const reply = renderAnswer({ question: 'x'.repeat(500), answer: { query: 'q', abstained: false, results }, language: 'en', answerId: 1 });
    expectWithinLimits(reply);
    const embed = reply.embeds![0]!;
    expect(embed.fields!.length).toBeGreaterThan(0);
    for (const field of embed.fields!) expect(field.value).toMatch(/`artikel-uji#\d+`/);
  });

  it('keeps the citation when a huge paragraph is full of Markdown characters (escaping grows the text)', () => {
    const text = '*_`|~'.repeat(4_000);
    const reply = renderAnswer({ question: 'q', answer: { query: 'q', abstained: false, results: [hit(paragraph(3, text), '')] }, language: 'en' });
    expectWithinLimits(reply);
    expect(reply.embeds![0]!.fields![0]!.value).toContain('`artikel-uji#3`');
  });

  it('an abstention says so, mentions /search and has no fields or footer', () => {
    const reply = renderAnswer({ question: 'Bagaimana cara membuat rendang?', answer: { query: 'x', abstained: true, reason: 'low-confidence', results: [] }, language: 'en' });
    const embed = reply.embeds![0]!;
    expect(embed.description).toMatch(/The article does not answer this question/);
    expect(embed.description).toContain('/search');
    expect(embed.fields).toEqual([]);
    expect(embed.footer).toBeUndefined();
    expect(reply.components).toEqual([]);
  });

  it('a question to the bot about itself gets the commands, not "the article does not answer"', () => {
    for (const language of ['en', 'id'] as const) {
      const embed = renderAnswer({ question: 'bot ini bisa ngapain aja?', answer: { query: 'x', abstained: true, reason: 'about-the-bot', results: [] }, language }).embeds![0]!;
      expect(embed.description).toContain('/ask');
      expect(embed.description).toContain('/help');
      expect(embed.description).not.toMatch(/does not answer|tidak menjawab/);
      expect(embed.fields).toEqual([]);
    }
  });

  it('a question about the server says so and points to the moderators, not "the article does not answer"', () => {
    for (const language of ['en', 'id'] as const) {
      const embed = renderAnswer({ question: 'siapa admin server ini', answer: { query: 'x', abstained: true, reason: 'about-the-server', results: [] }, language }).embeds![0]!;
      expect(embed.description).toMatch(/server/);
      expect(embed.description).toMatch(/moderators|Moderator/);
      expect(embed.description).not.toMatch(/does not answer|tidak menjawab/);
      expect(embed.fields).toEqual([]);
    }
  });

  it('escapes Markdown and defuses mentions from the question and the corpus', () => {
    const p = paragraph(2, `${HOSTILE}. Kalimat kedua tentang Wagner.`, { articleTitle: `Judul ${HOSTILE}` });
    const reply = renderAnswer({ question: HOSTILE, answer: { query: 'q', abstained: false, results: [hit(p, 'Kalimat kedua tentang Wagner.')] }, language: 'id', answerId: 3 });
    expectNoRawMentions(reply);
    const embed = reply.embeds![0]!;
    expect(embed.title).toContain('\\*\\*tebal\\*\\*');
    expect(embed.title).toContain('\\|\\|rahasia\\|\\|');
    expect(embed.fields![0]!.value).toContain('\\*\\*tebal\\*\\*');
    expect(embed.fields![0]!.value).toContain('\\`kode\\`');
    expect(embed.fields![0]!.value).toContain('**Kalimat kedua tentang Wagner.**');
    expect(embed.fields![0]!.name).toContain('\\_\\_garis\\_\\_');
  });

  it('a curated answer keeps its Markdown but cannot ping; its sources are cited', () => {
    const p = paragraph(4, 'Teks.');
    const reply = renderAnswer({
      question: 'Siapa?',
      answer: { query: 'x', abstained: true, results: [] },
      curated: { entryId: 1, question: 'Siapa?', answer: '**Prigozhin** @everyone <@123456789012345678>', paragraphs: [p], missing: [] },
      language: 'en',
      answerId: 9,
    });
    const embed = reply.embeds![0]!;
    expect(embed.description).toContain("**📌 Moderators' answer**");
    expect(embed.description).toContain('**Prigozhin**');
    expect(embed.description).toContain('¶4');
    expect(embed.description).toContain('`artikel-uji#4`');
    expectNoRawMentions(reply);
    expectWithinLimits(reply);
  });

  it('a 20,000-character curated answer with 30 sources stays within limits', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => paragraph(i + 1, 'x', { articleTitle: 'T'.repeat(300) }));
    const reply = renderAnswer({
      question: 'q',
      answer: { query: 'q', abstained: false, results: paragraphs.map((p) => hit(p, 'x')) },
      curated: { entryId: 1, question: 'q', answer: 'jawab '.repeat(4_000), paragraphs, missing: ['hilang#1', 'hilang#2'] },
      language: 'id',
    });
    expectWithinLimits(reply);
  });
});

describe('renderParagraph', () => {
  it('shows the paragraph with its number, citation, position and date', () => {
    const reply = renderParagraph(article(['Satu.', 'Dua.', 'Tiga.']), 2, 'en');
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('¶2 · Artikel uji');
    expect(embed.description).toBe('Dua.');
    expect(embed.url).toBe('https://example.com/berita');
    expect(embed.footer?.text).toBe('artikel-uji#2 · ¶2 of 3 · 2023-09-14');
    expect(renderParagraph(article(['Satu.']), 1, 'id').embeds![0]!.footer?.text).toBe('artikel-uji#1 · ¶1 dari 1 · 2023-09-14');
  });

  it('a 20,000-character paragraph and a 1,000-character title stay within limits', () => {
    const reply = renderParagraph(article([huge(20_000)], { title: 'Judul '.repeat(200) }), 1, 'en');
    expectWithinLimits(reply);
    expect(reply.embeds![0]!.description!.length).toBeGreaterThan(3_000);
    expect(reply.embeds![0]!.footer?.text).toMatch(/^artikel-uji#1 · ¶1 of 1/);
  });

  it('escapes Markdown and defuses mentions', () => {
    const reply = renderParagraph(article([HOSTILE], { title: `**Judul** @here` }), 1, 'en');
    expectNoRawMentions(reply);
    expect(reply.embeds![0]!.description).toContain('\\~\\~coret\\~\\~');
    expect(reply.embeds![0]!.title).toContain('\\*\\*Judul\\*\\*');
  });
});

describe('renderSearchPage', () => {
  const hits = (n: number, size = 400) => Array.from({ length: n }, (_, i) => hit(paragraph(i + 1, huge(size, i * 10)), sentence(i * 10 + 1).trim()));

  it('pages 5 hits at a time, carries the query in the footer, and disables the edge buttons', () => {
    const all = hits(12);
    const first = renderSearchPage('Wagner', all, 1, 'en');
    expect(first.embeds![0]!.footer?.text).toBe('1/3 · 🔎 Wagner');
    expect(searchStateOf(first.embeds![0])).toEqual({ page: 1, query: 'Wagner' });
    expect((first.embeds![0]!.description!.match(/\*\*¶\d+\*\*/g) ?? []).length).toBe(SEARCH_PAGE_SIZE);
    const buttons = first.components![0]!.components as { custom_id: string; disabled: boolean; label: string }[];
    expect(buttons.map((b) => [b.custom_id, b.disabled, b.label])).toEqual([
      ['search:0:p', true, 'Previous'],
      ['search:2:n', false, 'Next'],
    ]);
    const last = renderSearchPage('Wagner', all, 3, 'id');
    expect(last.embeds![0]!.footer?.text).toBe('3/3 · 🔎 Wagner');
    expect((last.embeds![0]!.description!.match(/\*\*¶\d+\*\*/g) ?? []).length).toBe(2);
    expect((last.components![0]!.components as { disabled: boolean }[]).map((b) => b.disabled)).toEqual([false, true]);
  });

  it('clamps an out-of-range page and has no buttons for a single page', () => {
    expect(renderSearchPage('q', hits(12), 99, 'en').embeds![0]!.footer?.text).toBe('3/3 · 🔎 q');
    expect(renderSearchPage('q', hits(12), -5, 'en').embeds![0]!.footer?.text).toBe('1/3 · 🔎 q');
    expect(renderSearchPage('q', hits(3), 1, 'en').components).toEqual([]);
  });

  it('no hits: an ephemeral message with the query escaped', () => {
    const reply = renderSearchPage('**x** @everyone', [], 1, 'en');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('No paragraph matches "\\*\\*x\\*\\* @\u200beveryone".');
  });

  it('25+ hits of 20,000 characters and a 500-character query stay within limits; the state survives', () => {
    const query = 'Wagner **Prigozhin** '.repeat(25).slice(0, 500).trim();
    for (const page of [1, 3, 6]) {
      const reply = renderSearchPage(query, hits(30, 20_000), page, 'en');
      expectWithinLimits(reply);
      expect(searchStateOf(reply.embeds![0])).toEqual({ page, query });
    }
  });

  it('escapes Markdown and defuses mentions in hits and the query title', () => {
    const reply = renderSearchPage(HOSTILE, [hit(paragraph(1, `${HOSTILE}. Kalimat dua.`, { articleTitle: HOSTILE }), 'Kalimat dua.')], 1, 'en');
    expect(reply.embeds![0]!.title).toContain('\\*\\*tebal\\*\\*');
    // The footer carries the raw query for the buttons; footers render no Markdown and ping no one.
    const { footer, ...rest } = reply.embeds![0]!;
    expectNoRawMentions({ embeds: [rest as APIEmbed] });
    expect(footer?.text).toContain(HOSTILE);
  });
});

describe('renderHelp', () => {
  const commands: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
    { name: 'ask', name_localizations: { id: 'tanya' }, description: 'Ask', description_localizations: { id: 'Tanya' } },
    { name: 'faq', description: 'Curated', options: [{ type: 1, name: 'add', description: 'Add' }, { type: 1, name: 'list', description: 'List' }] },
  ];

  it('lists the commands in the user\'s language and the articles', () => {
    const en = renderHelp(commands, [article(['a', 'b'])], 'en');
    const id = renderHelp(commands, [article(['a', 'b'])], 'id');
    expect(en.embeds![0]!.fields![0]!.value).toBe('`/ask`: Ask\n`/faq` (add, list): Curated');
    expect(id.embeds![0]!.fields![0]!.value).toBe('`/tanya`: Tanya\n`/faq` (add, list): Curated');
    expect(en.embeds![0]!.fields![1]).toEqual({ name: 'Articles (1)', value: '• Artikel uji — `artikel-uji`, 2 ¶' });
  });

  it('marks the commands Discord shows only to members with a permission', () => {
    const manage = { name: 'faq-manage', description: 'Manage', default_member_permissions: '8192' };
    expect(renderHelp([...commands, manage], [], 'en').embeds![0]!.fields![0]!.value).toContain('`/faq-manage` [moderators]: Manage');
    expect(renderHelp([...commands, manage], [], 'id').embeds![0]!.fields![0]!.value).toContain('`/faq-manage` [moderator]: Manage');
    expect(renderHelp(commands, [], 'en').embeds![0]!.fields![0]!.value).not.toContain('[moderators]');
  });

  it('60 articles with long, hostile titles and many commands stay within limits', () => {
    const articles = Array.from({ length: 60 }, (_, i) => article(['x'], { id: `a-${i}`, title: `${HOSTILE} ${'judul '.repeat(50)}` }));
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `cmd${i}`, description: 'd'.repeat(100) }));
    const reply = renderHelp(many, articles, 'id');
    expectWithinLimits(reply);
    expect(reply.embeds![0]!.fields![1]!.name).toBe('Artikel (60)');
    expectNoRawMentions(reply);
  });

  it('says how many more articles there are beyond the first 10', () => {
    const articles = Array.from({ length: 14 }, (_, i) => article(['x'], { id: `a-${i}`, title: `Artikel ${i}` }));
    expect(renderHelp(commands, articles, 'en').embeds![0]!.fields![1]!.value.split('\n').at(-1)).toBe('…and 4 more');
    expect(renderHelp(commands, articles, 'id').embeds![0]!.fields![1]!.value.split('\n').at(-1)).toBe('…dan 4 lainnya');
  });
});

describe('article replies', () => {
  const summary = (n: number, title = `Artikel nomor ${n}`): ServerArticleSummary => ({
    guildId: '1', id: `${'a'.repeat(60)}-${n}`, title, paragraphCount: 300, fileName: 'x.md', bytes: 1000, addedBy: '1100000000000002000', addedAt: 1_700_000_000_000 + n,
  });

  it('/article list: this server\'s articles ten per page with Previous/Next, the bundled ones in a field, within limits, hostile titles shown literally', () => {
    const own = Array.from({ length: 25 }, (_, i) => summary(i + 1, i === 0 ? HOSTILE : 'Judul '.repeat(60)));
    const bundled = Array.from({ length: 14 }, (_, i) => article(['Isi.'], { id: `bawaan-${i}`, title: 'Bawaan '.repeat(30) }));
    const first = renderArticleList(bundled, own, 1, 50, 'en');
    expectWithinLimits(first);
    // "added by <@user>" is a mention on purpose (in an embed it never pings); the title's are defused.
    expect(textOf(first)).not.toMatch(/@(everyone|here)|<@[!&]?[123]23456789012345678>/);
    const embed = first.embeds![0]!;
    expect(embed.title).toBe('Articles (39)');
    expect(embed.description).toContain("This server's: 25 of at most 50");
    expect(embed.description).toContain(`\`${'a'.repeat(60)}-10\``);
    expect(embed.description).not.toContain(`\`${'a'.repeat(60)}-11\``);
    expect(embed.description).toContain('\\*\\*tebal\\*\\*');
    expect(embed.fields![0]!.name).toBe("Bundled (from the host's corpus folder), 14");
    expect(embed.fields![0]!.value).toContain('…and 4 more');
    expect(embed.footer?.text).toBe('1/3');
    expect(first.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual(['article-list:0:p', 'article-list:2:n']);
    // A page past the end (a stale button) shows the last one.
    const last = renderArticleList(bundled, own, 99, 50, 'id');
    expect(last.embeds![0]!.footer?.text).toBe('3/3');
    expect(last.embeds![0]!.description).toContain(`\`${'a'.repeat(60)}-25\``);
    expect(renderArticleList(bundled, [], 1, 50, 'en').components).toEqual([]);
  });

  it('the confirmations of add and remove stay within limits and cannot ping', () => {
    for (const reply of [renderArticleAdded(summary(1, HOSTILE), `${HOSTILE} \`kode\``, 'en'), renderArticleAdded(summary(2), undefined, 'id'), renderArticleRemoved(summary(3, HOSTILE), Array.from({ length: 40 }, (_, i) => i + 1), 'en')]) {
      expectWithinLimits(reply);
      expectNoRawMentions(reply);
      expect(reply.ephemeral).toBe(true);
    }
    expect(renderArticleRemoved(summary(3), [4, 9], 'en').content).toContain('2 curated answer(s) cite it (#4, #9)');
  });
});
