import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../src/shared/limits.js';
import { checkQuestion, QUESTION_PROBLEMS } from '../../src/search/question.js';

describe('checkQuestion', () => {
  it('accepts a normal question and normalises its spacing', () => {
    expect(checkQuestion('Siapa pendiri Wagner?')).toEqual({ ok: true, question: 'Siapa pendiri Wagner?' });
    expect(checkQuestion('  Siapa \t pendiri\n\nWagner?  ')).toEqual({ ok: true, question: 'Siapa pendiri Wagner?' });
  });

  it('normalises typography (NFKC, quotes, dashes, zero-width) without rejecting', () => {
    expect(checkQuestion('Ａｐａ \u201Ckekuatan jahat\u201D \u2013 Pu\u200Btin?')).toEqual({ ok: true, question: 'Apa "kekuatan jahat" - Putin?' });
  });

  it('accepts a single word or number', () => {
    expect(checkQuestion('Wagner').ok).toBe(true);
    expect(checkQuestion('2023').ok).toBe(true);
  });

  it('rejects empty and whitespace-only input', () => {
    expect(checkQuestion('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkQuestion('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkQuestion(' \t\n \n ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkQuestion('\u200B\uFEFF\u200D')).toEqual({ ok: false, problem: 'empty' });
  });

  it('rejects 10,000 characters as too long, and accepts exactly the maximum', () => {
    expect(checkQuestion('a'.repeat(10_000))).toEqual({ ok: false, problem: 'too-long' });
    expect(checkQuestion('Siapa pendiri Wagner? '.repeat(455))).toEqual({ ok: false, problem: 'too-long' });
    expect(checkQuestion('a'.repeat(MAX_QUESTION_LENGTH)).ok).toBe(true);
    expect(checkQuestion('a'.repeat(MAX_QUESTION_LENGTH + 1))).toEqual({ ok: false, problem: 'too-long' });
    // Surrounding blanks do not count.
    expect(checkQuestion(`   ${'a'.repeat(MAX_QUESTION_LENGTH)}   `).ok).toBe(true);
  });

  it('rejects control characters', () => {
    for (const input of ['Siapa\u0000 pendiri?', 'a\u0007b', '\u001B[31mmerah', 'x\u007Fy', 'a\u0008b', 'vertical\u000Btab', 'a\rb']) {
      expect(checkQuestion(input), JSON.stringify(input)).toEqual({ ok: false, problem: 'control-characters' });
    }
    // Even when the rest is fine or too long.
    expect(checkQuestion('a'.repeat(10_000) + '\u0007')).toEqual({ ok: false, problem: 'control-characters' });
  });

  it('never lets C1 control characters through into the question', () => {
    for (const input of ['Putin\u0085Kim', 'Putin\u009B31m']) {
      const check = checkQuestion(input);
      if (check.ok) expect(check.question).not.toMatch(/[\u0080-\u009F]/);
    }
  });

  it('rejects input with no letters or digits', () => {
    for (const input of ['???', '!!! ... ,,,', '\u201C\u201D \u2014 -', '\u{1F642}\u{1F642}']) {
      expect(checkQuestion(input), input).toEqual({ ok: false, problem: 'no-words' });
    }
  });

  it('has an English and an Indonesian message for every problem', () => {
    for (const problem of ['empty', 'too-long', 'control-characters', 'no-words'] as const) {
      expect(QUESTION_PROBLEMS[problem].en.length).toBeGreaterThan(10);
      expect(QUESTION_PROBLEMS[problem].id.length).toBeGreaterThan(10);
    }
    expect(QUESTION_PROBLEMS['too-long'].en).toContain(String(MAX_QUESTION_LENGTH));
  });
});
