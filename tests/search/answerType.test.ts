import { describe, expect, it } from 'vitest';
import { frameWordsOf, questionTypes } from '../../src/analysis/questionWords.js';
import { answerTypeOf, hasAnswerCue } from '../../src/search/answerType.js';

const typeOf = (question: string) => answerTypeOf(questionTypes(question));

describe('answer types', () => {
  it.each([
    ['Kapan Kerajaan Medang didirikan?', 'time'],
    ['kapankah internet ditemukan', 'time'],
    ['Pada tahun berapa Mozart lahir?', 'time'],
    ['pertemuan putin kim tgl brp sih', 'time'],
    ['When did Shoigu visit Pyongyang?', 'time'],
    ['Berapa luas kepulauan Solomon?', 'number'],
    ['berapakah jumlah unsur dalam tabel periodik?', 'number'],
    ['udh brp lama perang di ukraina', 'number'],
    ['How many flights were delayed?', 'number'],
    ['Apa itu anarkisme?', 'definition'],
    ['Apakah yang dimaksud dengan monumen?', 'definition'],
    ['Siapa pendiri Wagner?', 'person'],
    ['Di mana Putin menemui Kim?', 'place'],
    ['Di stasiun mana kereta itu diresmikan?', 'place'], // at which station
    ['ke negara mana senjata dikirim', 'place'],
    // "manakah" is "mana" with the question particle: after di/ke/dari it is still where.
    ['Di manakah letak Gunung Kelud?', 'place'],
    ['Dari manakah asal wiracarita Mahabharata?', 'place'],
    ['Kota manakah yang terbesar?', undefined], // which city
    ['Kim Jong Un pemimpin negara mana?', undefined], // which country: not asked as a place
    ['Apakah ada konferensi pers?', undefined],
  ])('%s -> %s', (question, type) => {
    expect(typeOf(question)).toBe(type);
  });

  it('finds the cue each type asks for', () => {
    expect(hasAnswerCue('Ia lahir pada 27 Januari 1756.', 'time')).toBe(true);
    expect(hasAnswerCue('Kerajaan ini berdiri pada abad ke-8.', 'time')).toBe(true);
    expect(hasAnswerCue('Pesawatnya jatuh bulan lalu.', 'time')).toBe(true);
    expect(hasAnswerCue('Ia seorang komponis.', 'time')).toBe(false);
    expect(hasAnswerCue('Luasnya 28.450 km².', 'number')).toBe(true);
    expect(hasAnswerCue('Ada delapan dewa.', 'number')).toBe(true);
    expect(hasAnswerCue('Setelah setahun setengah pertempuran.', 'number')).toBe(true);
    // A year alone does not answer "how many".
    expect(hasAnswerCue('Pada tahun 1989 balapan ini dimulai.', 'number')).toBe(false);
    expect(hasAnswerCue('Monumen adalah jenis bangunan.', 'definition')).toBe(true);
    expect(hasAnswerCue('Monumen ini berada di Washington.', 'definition')).toBe(false);
    expect(hasAnswerCue('Monumen ini berada di Washington.', 'place')).toBe(true);
  });

  it('does not take a name the question itself uses as the answer to "who"', () => {
    const known = new Set(['pendiri', 'toyota']);
    expect(hasAnswerCue('Pabrik mobil itu kini menjadi Toyota yang besar.', 'person', known)).toBe(false);
    expect(hasAnswerCue('Perusahaan itu didirikan oleh Kiichiro Toyoda.', 'person', known)).toBe(true);
    // The same sentence asked again by a question that does not name Toyota: remembered cues are the sentence's, not the question's.
    expect(hasAnswerCue('Pabrik mobil itu kini menjadi Toyota yang besar.', 'person')).toBe(true);
    expect(hasAnswerCue('Pabrik mobil itu kini menjadi Toyota yang besar.', 'person', known)).toBe(false);
  });
});

describe('questionTypes with frame nouns', () => {
  it('reads the type from a noun that names it only when asked to', () => {
    expect([...questionTypes('lokasi operasi pasar', { frames: true })]).toEqual(['where']);
    expect([...questionTypes('KRL maksudnya apa', { frames: true })]).toEqual(['what-is']);
    expect([...questionTypes('apa penyebab banjir', { frames: true })]).toEqual(['why']);
    expect(questionTypes("What did Putin mean by 'that'?").size).toBe(0);
  });
});

describe('frameWordsOf', () => {
  it('gives the frame nouns and the classifier, unit or time word joined to "berapa"', () => {
    expect([...frameWordsOf('lokasi operasi pasar di mana')]).toEqual(['lokasi']);
    expect([...frameWordsOf('berapa orang yang jadi tersangka')]).toEqual(['orang']);
    expect([...frameWordsOf('cadangan beras brp ton')]).toEqual(['ton']);
    expect([...frameWordsOf('tgl brp pertemuannya')]).toEqual(['tgl']);
    expect([...frameWordsOf('udh jalan berapa tahun')]).toEqual(['tahun']);
  });

  it('leaves the same words alone elsewhere: "orang Rusia" is what the question is about', () => {
    expect(frameWordsOf('berapa banyak orang Rusia yang datang').size).toBe(0);
    expect(frameWordsOf('tahun lalu ada apa').size).toBe(0);
  });
});
