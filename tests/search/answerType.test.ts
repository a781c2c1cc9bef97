import { describe, expect, it } from 'vitest';
import { answerTypeOf, hasAnswerCue } from '../../src/search/answerType.js';

describe('answer types', () => {
  it.each([
    ['Kapan Kerajaan Medang didirikan?', 'time'],
    ['kapankah internet ditemukan', 'time'],
    ['Pada tahun berapa Mozart lahir?', 'time'],
    ['Berapa luas kepulauan Solomon?', 'number'],
    ['berapakah jumlah unsur dalam tabel periodik?', 'number'],
    ['Apa itu anarkisme?', 'definition'],
    ['Apakah yang dimaksud dengan monumen?', 'definition'],
    ['Siapa pendiri Wagner?', undefined],
    ['Apakah ada konferensi pers?', undefined],
  ])('%s -> %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });

  it('finds the cue each type asks for', () => {
    expect(hasAnswerCue('Ia lahir pada 27 Januari 1756.', 'time')).toBe(true);
    expect(hasAnswerCue('Kerajaan ini berdiri pada abad ke-8.', 'time')).toBe(true);
    expect(hasAnswerCue('Ia seorang komponis.', 'time')).toBe(false);
    expect(hasAnswerCue('Luasnya 28.450 km².', 'number')).toBe(true);
    expect(hasAnswerCue('Ada delapan dewa.', 'number')).toBe(true);
    // A year alone does not answer "how many".
    expect(hasAnswerCue('Pada tahun 1989 balapan ini dimulai.', 'number')).toBe(false);
    expect(hasAnswerCue('Monumen adalah jenis bangunan.', 'definition')).toBe(true);
    expect(hasAnswerCue('Monumen ini berada di Washington.', 'definition')).toBe(false);
  });
});
