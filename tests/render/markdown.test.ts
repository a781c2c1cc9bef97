import { describe, expect, it } from 'vitest';
import { defuseMentions, excerptWithHighlight, literal } from '../../src/render/markdown.js';
import { shorten } from '../../src/shared/text.js';
import { sourceLine } from '../../src/render/citation.js';

describe('literal: corpus and user text is shown as written', () => {
  it.each([
    ['**tebal**', '\\*\\*tebal\\*\\*'],
    ['*miring*', '\\*miring\\*'],
    ['_miring_', '\\_miring\\_'],
    ['__garis bawah__', '\\_\\_garis bawah\\_\\_'],
    ['~~coret~~', '\\~\\~coret\\~\\~'],
    ['||rahasia||', '\\|\\|rahasia\\|\\|'],
    ['`kode`', '\\`kode\\`'],
    ['```blok```', '\\`\\`\\`blok\\`\\`\\`'],
    ['C:\\path', 'C:\\\\path'],
  ])('escapes inline Markdown %s', (input, expected) => {
    expect(literal(input)).toBe(expected);
  });

  it.each([
    ['# Judul besar', '\\# Judul besar'],
    ['### Judul kecil', '\\### Judul kecil'],
    ['- butir daftar', '\\- butir daftar'],
    ['* butir daftar', '\\* butir daftar'],
    ['1. butir bernomor', '1\\. butir bernomor'],
    ['> kutipan', '\\> kutipan'],
  ])('escapes line-start syntax %s so it does not become a heading, list or quote', (input, expected) => {
    expect(literal(input)).toBe(expected);
    expect(literal(`baris satu\n${input}`)).toBe(`baris satu\n${expected}`);
  });

  it('escapes a masked link so the corpus cannot disguise a URL', () => {
    const out = literal('lihat [situs resmi](https://phishing.example)');
    expect(out).not.toMatch(/(^|[^\\])\[situs resmi\]\(/);
    expect(out).toContain('https://phishing.example');
  });

  it('strips bidi controls, which could reorder what is shown (a title, a question)', () => {
    expect(literal('Judul \u202Etxet\u202C dan \u2066isolat\u2069')).toBe('Judul txet dan isolat');
  });

  it('leaves ordinary Indonesian text alone', () => {
    const text = 'Pada bulan Juli, Menteri Pertahanan Rusia, Sergei Shoigu berkunjung ke Pyongyang — “daftar belanja”.';
    expect(literal(text)).toBe(text);
  });

  it('defuses @everyone, @here and user, nickname and role mentions', () => {
    const out = literal('@everyone @HERE <@123456789012345678> <@!223456789012345678> <@&323456789012345678> surel@here.id');
    expect(out).not.toMatch(/@(everyone|here)/i);
    expect(out).not.toMatch(/<@[!&]?\d+>/);
    expect(defuseMentions('<@&1>')).toBe('<@\u200b&1>');
    expect(defuseMentions('tanpa mention')).toBe('tanpa mention');
  });
});

describe('excerptWithHighlight', () => {
  const text = 'Kalimat pertama yang panjang. Prigozhin adalah pendiri Wagner. Kalimat ketiga yang juga panjang.';

  it('bolds the highlight and keeps context when it fits', () => {
    expect(excerptWithHighlight(text, 'Prigozhin adalah pendiri Wagner.', 500)).toBe(
      'Kalimat pertama yang panjang. **Prigozhin adalah pendiri Wagner.** Kalimat ketiga yang juga panjang.',
    );
  });

  it('cuts context around the highlight with ellipses when it does not fit', () => {
    const out = excerptWithHighlight(text, 'Prigozhin adalah pendiri Wagner.', 50);
    expect(out).toContain('**Prigozhin adalah pendiri Wagner.**');
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
  });

  it('shortens a highlight longer than the room and still bolds it', () => {
    const long = 'kata '.repeat(100).trim() + '.';
    const out = excerptWithHighlight(`Awal. ${long} Akhir.`, long, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out).toMatch(/^\*\*kata[^*]*…\*\*$/);
  });

  it('without a highlight found, shows the start of the text', () => {
    const out = excerptWithHighlight(text, 'tidak ada di teks', 30);
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out.startsWith('Kalimat pertama')).toBe(true);
  });

  it.each([10, 30, 100, 824])('the escaped result never exceeds max (%i) even for Markdown-dense text', (max) => {
    const dense = '*_`|~\\'.repeat(2_000);
    expect(excerptWithHighlight(dense, '', max).length).toBeLessThanOrEqual(max);
    const withSentence = `${'**x** '.repeat(500)}Kalimat ini penting. ${'__y__ '.repeat(500)}`;
    const out = excerptWithHighlight(withSentence, 'Kalimat ini penting.', max);
    expect(out.length).toBeLessThanOrEqual(max);
    if (max >= 30) expect(out).toContain('**Kalimat ini penting.**');
  });

  it('escapes Markdown and defuses mentions around and inside the highlight', () => {
    const out = excerptWithHighlight('**Awal** @everyone. Inti _kalimat_ <@123456789012345678>. Akhir.', 'Inti _kalimat_ <@123456789012345678>.', 500);
    expect(out).toBe('\\*\\*Awal\\*\\* @\u200beveryone. **Inti \\_kalimat\\_ <@\u200b123456789012345678>.** Akhir.');
  });
});

describe('shorten', () => {
  it('returns short text unchanged and cuts long text at a word with an ellipsis', () => {
    expect(shorten('pendek', 10)).toBe('pendek');
    const out = shorten('satu dua tiga empat lima enam tujuh', 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).toBe('satu dua tiga…');
    expect(shorten('x'.repeat(50), 10)).toBe('x'.repeat(9) + '…'); // no space: a hard cut
  });
});

describe('sourceLine', () => {
  const p = { articleId: 'artikel', articleTitle: 'Judul *penting*', number: 7, text: '' };

  it('links the escaped title to the source and gives the stable citation', () => {
    expect(sourceLine({ ...p, sourceUrl: 'https://example.com/a' })).toBe('[Judul \\*penting\\*](https://example.com/a) · `artikel#7`');
    expect(sourceLine(p)).toBe('*Judul \\*penting\\** · `artikel#7`');
  });

  it('percent-encodes spaces and parentheses in the URL so the Markdown link is not cut short', () => {
    const line = sourceLine({ ...p, sourceUrl: 'https://en.wikipedia.org/wiki/Wagner_(group) x' });
    expect(line).toBe('[Judul \\*penting\\*](https://en.wikipedia.org/wiki/Wagner_%28group%29%20x) · `artikel#7`');
  });
});

describe('literal skips emphasis rules that cannot match', () => {
  it('gives exactly what escapeMarkdown with every rule gives', async () => {
    const { escapeMarkdown } = await import('@discordjs/formatters');
    const samples = [
      'Putin dan Kim bertemu di Vostochny pada 13 September.',
      '**tebal** _miring_ __garis__ ~~coret~~ ||spoiler|| `kode` ```blok```',
      'snake_case_name dan https://contoh.id/a_b_c*d dan <:emoji_nama:123> *satu',
      '# judul\n- butir\n1. nomor\n> kutipan',
      'back\\slash \\* sudah',
      'tanpa tanda apa pun',
    ];
    for (const text of samples) {
      const full = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true }).replace(/^( *)>/gm, '$1\\>').replace(/\[/g, '\\[');
      expect(literal(text), text).toBe(defuseMentions(full));
    }
  });
});
