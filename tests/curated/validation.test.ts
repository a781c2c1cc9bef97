import { describe, expect, it } from 'vitest';
import { corpusOf } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';
import { parseEntryInput, type RawEntryInput } from '../../src/curated/validation.js';
import { renderProblems } from '../../src/render/curatedReply.js';
import { testCorpus } from './helpers.js';

const corpus = testCorpus();
const good: RawEntryInput = {
  question: '  Siapa   pendiri Wagner? ',
  answer: 'Yevgeny Prigozhin.\n\nIa tewas dalam kecelakaan pesawat.',
  paragraphs: 'putin-kim-vostochny#7, 6',
  aliases: 'Wagner didirikan siapa; Pendiri grup Wagner ;',
};

function errorsOf(raw: RawEntryInput, partial = false): string[] {
  const result = parseEntryInput(raw, corpus, { partial });
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(raw)}`);
  for (const message of result.errors) {
    expect(message.en.length).toBeGreaterThan(0);
    expect(message.id.length).toBeGreaterThan(0);
    expect(message.id).not.toBe(message.en);
  }
  return renderProblems(result.errors, 'en').split('\n').map((line) => line.replace(/^• /, ''));
}

function articleOf(id: string, paragraphs: number): Article {
  return {
    id, title: id, language: 'id', file: `${id}.md`,
    paragraphs: Array.from({ length: paragraphs }, (_, i) => ({ articleId: id, articleTitle: id, number: i + 1, text: `teks ${i + 1}` })),
  };
}

describe('parseEntryInput', () => {
  it('accepts good input and normalises it', () => {
    const result = parseEntryInput(good, corpus);
    expect(result).toEqual({
      ok: true,
      value: {
        question: 'Siapa pendiri Wagner?',
        answer: 'Yevgeny Prigozhin.\n\nIa tewas dalam kecelakaan pesawat.',
        paragraphs: ['putin-kim-vostochny#7', 'putin-kim-vostochny#6'],
        aliases: ['Wagner didirikan siapa', 'Pendiri grup Wagner'],
      },
    });
  });

  it('accepts no aliases and no paragraphs, and folds NFKC and CRLF', () => {
    const result = parseEntryInput({ question: 'Ｓiapa\u00A0Putin?', answer: 'Presiden\r\nRusia.  ' }, corpus);
    expect(result).toEqual({ ok: true, value: { question: 'Siapa Putin?', answer: 'Presiden\nRusia.', aliases: [], paragraphs: [] } });
  });

  it('requires question and answer unless partial', () => {
    const errors = errorsOf({});
    expect(errors.some((e) => e.startsWith('The question must be 3 to 300'))).toBe(true);
    expect(errors.some((e) => e.startsWith('The answer must be 1 to 1800'))).toBe(true);
  });

  it.each([
    ['too short', 'ab', /question must be 3 to 300/],
    ['too long', 'a'.repeat(301), /question must be 3 to 300 characters long \(it has 301\)/],
    ['only punctuation', '???', /must contain letters or digits/],
    ['control characters', 'Siapa\u0007 pendiri?', /control characters/],
  ])('rejects a question that is %s', (_why, question, message) => {
    expect(errorsOf({ ...good, question }).join('\n')).toMatch(message);
  });

  it('limits the answer to 1800 characters and rejects an empty one', () => {
    expect(errorsOf({ ...good, answer: 'x'.repeat(1801) }).join('\n')).toMatch(/answer must be 1 to 1800 characters long \(it has 1801\)/);
    expect(errorsOf({ ...good, answer: '  \n ' }).join('\n')).toMatch(/answer must be 1 to 1800/);
    expect(parseEntryInput({ ...good, answer: 'x'.repeat(1800) }, corpus).ok).toBe(true);
  });

  it.each([
    ['@everyone', 'Halo @everyone, ini jawabannya'],
    ['@here', 'cek @HERE'],
    ['a role mention', 'tanya <@&123456789012345678>'],
    ['a user mention', 'tanya <@123456789012345678>'],
    ['a nickname mention', 'tanya <@!123456789012345678>'],
    ['a full-width @everyone', 'Halo ＠everyone'],
    ['a zero-width split @everyone', 'Halo @\u200Beveryone'],
    ['@ + a soft hyphen + everyone', 'Halo @\u00ADeveryone'],
    ['@ + a bidi isolate + everyone', 'Halo @\u2066everyone\u2069'],
    ['@ + an Arabic letter mark + here', 'cek @\u061Chere'],
  ])('rejects %s in every text field', (_why, text) => {
    for (const field of ['question', 'answer', 'aliases'] as const) {
      expect(errorsOf({ ...good, [field]: text }).join('\n')).toMatch(/mentions are not allowed/);
    }
  });

  it('accepts an e-mail address, a channel link and a bare @name (plain text in Discord, never a ping)', () => {
    expect(parseEntryInput({ ...good, answer: 'Tulis ke redaksi@contoh.id atau lihat <#123456789012345678>.' }, corpus).ok).toBe(true);
    expect(parseEntryInput({ ...good, answer: 'Mention @BotBerita lalu tulis pertanyaanmu.' }, corpus).ok).toBe(true);
  });

  it('rejects unbalanced code fences and spoilers, accepts balanced ones', () => {
    expect(errorsOf({ ...good, answer: 'lihat ```kode' }).join('\n')).toMatch(/unclosed code block/);
    expect(errorsOf({ ...good, answer: 'rahasia ||bocoran' }).join('\n')).toMatch(/unclosed spoiler/);
    expect(errorsOf({ ...good, question: 'Siapa ||pendiri Wagner?' }).join('\n')).toMatch(/unclosed spoiler/);
    const balanced = parseEntryInput({ ...good, answer: '```\nkode\n``` dan `x` dan ||bocoran||' }, corpus);
    expect(balanced.ok && balanced.value.answer).toBe('```\nkode\n``` dan `x` dan ||bocoran||'); // Markdown survives
  });

  it('checks aliases: count, length, duplicates of the question and of each other', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `alias nomor ${i}`).join(';');
    expect(errorsOf({ ...good, aliases: eleven }).join('\n')).toMatch(/At most 10 aliases/);
    expect(errorsOf({ ...good, aliases: 'ok alias; xy' }).join('\n')).toMatch(/Alias 2 must be 3 to 300/);
    expect(errorsOf({ ...good, aliases: 'siapa PENDIRI wagner' }).join('\n')).toMatch(/Alias 1 .* is the same as the question/);
    expect(errorsOf({ ...good, aliases: 'Wagner didirikan siapa; wagner, didirikan siapa?' }).join('\n')).toMatch(/Alias 2 .* repeats another alias/);
    const ten = Array.from({ length: 10 }, (_, i) => `alias nomor ${i}`).join(';');
    expect(parseEntryInput({ ...good, aliases: ten }, corpus).ok).toBe(true);
  });

  it('paragraph lists are unambiguous: "1 2" is refused, not read as 12; commas and ranges work', () => {
    const long = corpusOf([articleOf('panjang', 15)]);
    const refused = parseEntryInput({ ...good, paragraphs: '1 2' }, long);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && renderProblems(refused.errors, 'en')).toBe('• "1 2": separate paragraphs with commas (1, 2) or give a range (1-3).');
    expect(parseEntryInput({ ...good, paragraphs: '1, 2' }, long)).toMatchObject({ ok: true, value: { paragraphs: ['panjang#1', 'panjang#2'] } });
    expect(parseEntryInput({ ...good, paragraphs: '2-4, 9' }, long)).toMatchObject({ ok: true, value: { paragraphs: ['panjang#2', 'panjang#3', 'panjang#4', 'panjang#9'] } });
    expect(parseEntryInput({ ...good, paragraphs: 'panjang#5 – 6' }, long)).toMatchObject({ ok: true, value: { paragraphs: ['panjang#5', 'panjang#6'] } });
    expect(errorsOf({ ...good, paragraphs: '4-2' }).join('\n')).toMatch(/a range goes from the lower number to the higher one/);
    const tooMany = parseEntryInput({ ...good, paragraphs: '1-7, 3-999999' }, long);
    expect(!tooMany.ok && renderProblems(tooMany.errors, 'en')).toBe('• At most 10 paragraphs can be cited.');
    expect(parseEntryInput({ ...good, paragraphs: '1-10' }, long).ok).toBe(true);
  });

  it('echoes of what the moderator typed are escaped: no Markdown, no mention', () => {
    const errors = errorsOf({ ...good, paragraphs: '**tebal** [x](https://evil.example), <@&123>', aliases: '__miring__ ya; __miring__ ya' });
    const text = errors.join('\n');
    expect(text).toContain('"\\*\\*tebal\\*\\* \\[x](https://evil.example)" is not a paragraph reference');
    expect(text).not.toMatch(/(^|[^\\])\*\*tebal/);
    expect(text).toContain('"<@\u200b&123>"');
    expect(text).toContain('Alias 2 ("\\_\\_miring\\_\\_ ya") repeats another alias ("\\_\\_miring\\_\\_ ya")');
  });

  it('bidi controls are stripped from stored questions, aliases and answers', () => {
    const result = parseEntryInput({ question: 'Siapa \u2067pendiri\u2069 Wagner\u202E?', answer: 'Prigozhin\u2066.\u2069\u061C', aliases: 'pendiri\u200F grup' }, corpus);
    expect(result).toMatchObject({ ok: true, value: { question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.', aliases: ['pendiri grup'] } });
  });

  it('checks paragraph references against the corpus', () => {
    expect(errorsOf({ ...good, paragraphs: 'putin-kim-vostochny#99' }).join('\n')).toMatch(/Paragraph putin-kim-vostochny#99 does not exist/);
    expect(errorsOf({ ...good, paragraphs: 'artikel-lain#1' }).join('\n')).toMatch(/artikel-lain#1 does not exist/);
    expect(errorsOf({ ...good, paragraphs: 'paragraf tiga' }).join('\n')).toMatch(/not a paragraph reference; write it as article-id#3/);
    const ok = parseEntryInput({ ...good, paragraphs: '3, #4, putin-kim-vostochny#3' }, corpus);
    expect(ok.ok && ok.value.paragraphs).toEqual(['putin-kim-vostochny#3', 'putin-kim-vostochny#4']);
  });

  it('asks for article-id#n when the corpus has several articles', () => {
    const two = corpusOf([articleOf('satu', 2), articleOf('dua', 2)]);
    const result = parseEntryInput({ ...good, paragraphs: '2' }, two);
    expect(result.ok).toBe(false);
    expect(!result.ok && renderProblems(result.errors, 'en')).toMatch(/several articles, so say which one: article-id#2/);
    expect(parseEntryInput({ ...good, paragraphs: 'dua#2' }, two)).toMatchObject({ ok: true, value: { paragraphs: ['dua#2'] } });
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ question: 'x', answer: '', paragraphs: 'nope', aliases: '@here ok' })).toHaveLength(4);
  });

  describe('partial (edit) mode', () => {
    it('returns only the given fields, and clears aliases with an empty string', () => {
      expect(parseEntryInput({ answer: ' Baru ' }, corpus, { partial: true })).toEqual({ ok: true, value: { answer: 'Baru' } });
      expect(parseEntryInput({ aliases: '' }, corpus, { partial: true })).toEqual({ ok: true, value: { aliases: [] } });
    });

    it('needs at least one field', () => {
      expect(errorsOf({}, true).join('\n')).toMatch(/Nothing to change/);
    });

    it('checks new aliases against the current question and a new question against kept aliases', () => {
      const current = { question: 'Siapa pendiri Wagner?', aliases: ['Wagner didirikan siapa'] };
      const alias = parseEntryInput({ aliases: 'siapa pendiri wagner' }, corpus, { partial: true, current });
      expect(!alias.ok && renderProblems(alias.errors, 'en')).toMatch(/same as the question/);
      const question = parseEntryInput({ question: 'Wagner didirikan siapa?' }, corpus, { partial: true, current });
      expect(!question.ok && question.errors[0]!.en).toMatch(/same as one of its aliases/);
    });
  });

  it('formats messages in either language', () => {
    const result = parseEntryInput({ ...good, answer: '@everyone' }, corpus);
    expect(!result.ok && renderProblems(result.errors, 'id')).toMatch(/^• Jawaban berisi mention/);
  });
});
