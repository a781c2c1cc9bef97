import { describe, expect, it } from 'vitest';
import { frameWordsOf, questionTypes } from '../../src/analysis/questionWords.js';
import { resolve } from 'node:path';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { answerTypeOf, hasAnswerCue } from '../../src/search/answerType.js';
import { SearchEngine } from '../../src/search/engine.js';

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
    ['udh brp lama perang di ukraina', 'duration'],
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

describe('measured quantities', () => {
  it.each([
    ['Berapa umur Rafael Struick?', ['umur'], 'age'],
    ['harganya berapa', ['harganya', 'harga'], 'money'],
    ['Berapa kecepatan maksimal kereta itu?', ['kecepatan', 'cepat'], 'speed'],
    ['How much is the fare?', ['fare'], 'money'],
    ['Berapa jarak Jakarta-Bandung?', ['jarak'], 'length'],
    ['Berapa jumlah korban?', ['korban'], 'number'], // a count: any number answers it
    ['Kapan harga naik?', ['harga'], 'time'], // asks when, whatever it asks about
  ])('%s (focus %j) -> %s', (question, readings, type) => {
    expect(answerTypeOf(questionTypes(question), readings)).toBe(type);
  });

  it('wants the unit of the quantity, not any number', () => {
    expect(hasAnswerCue('Rafael Struick (20) mencetak dua gol.', 'age')).toBe(true);
    expect(hasAnswerCue('Pemain berusia 20 tahun itu mencetak gol.', 'age')).toBe(true);
    expect(hasAnswerCue('Dua gol dicetak Rafael Struick pada menit ke-15.', 'age')).toBe(false);
    expect(hasAnswerCue('Ia menang (2) kali.', 'age')).toBe(false); // brackets after a word in lower case
    expect(hasAnswerCue('Harga tiket Rp300.000 untuk kelas premium.', 'money')).toBe(true);
    expect(hasAnswerCue('Biaya proyek membengkak menjadi 7,27 miliar dolar AS.', 'money')).toBe(true);
    expect(hasAnswerCue('Uji coba untuk warga gratis.', 'money')).toBe(true);
    expect(hasAnswerCue('Proyek itu melibatkan 7.000 pekerja.', 'money')).toBe(false);
    expect(hasAnswerCue('Kereta melaju hingga 350 kilometer per jam.', 'speed')).toBe(true);
    expect(hasAnswerCue('Kereta melayani 350 penumpang.', 'speed')).toBe(false);
    expect(hasAnswerCue('Jalurnya sepanjang 142,3 km.', 'length')).toBe(true);
    expect(hasAnswerCue('Suhu mencapai 38 derajat Celsius.', 'temperature')).toBe(true);
    expect(hasAnswerCue('Inflasi naik 3,2 persen.', 'percentage')).toBe(true);
  });

  it('takes a span of time, a unit of one or a start as a duration, not a count', () => {
    expect(hasAnswerCue('Perang sudah berlangsung lebih dari dua tahun.', 'duration')).toBe(true);
    expect(hasAnswerCue('Sekolah diliburkan selama sepekan.', 'duration')).toBe(true);
    expect(hasAnswerCue('Rusia menginvasi Ukraina sejak Februari 2022.', 'duration')).toBe(true);
    expect(hasAnswerCue('Warga menunggu berjam-jam.', 'duration')).toBe(true);
    expect(hasAnswerCue('Sebanyak 67 orang meninggal.', 'duration')).toBe(false);
  });

  it('makes the engine see that a paragraph naming the person gives no age', () => {
    const engine = new SearchEngine(loadCorpus(resolve(import.meta.dirname, '../fixtures/fifth-article')));
    const top = (question: string) => engine.search(question, { noAbstain: true, limit: 1 }).results[0]!.signals;
    // The article names the player with the minutes of his goals, never his age.
    expect(top('Berapa usia Rafael Struick?').typeMissing).toBe(1);
    // The score of the shootout is a count, which the article gives.
    expect(top('Berapa skor adu penalti Indonesia lawan Korea Selatan?').typeFound).toBe(1);
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
