import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { PACKAGE_ROOT } from '../../src/config/paths.js';
import { compatibleQuestionTypes, focusWordOf, frameWordsOf, questionTypes } from '../../src/analysis/questionWords.js';

const analyzer = new Analyzer();
const focus = (question: string) => focusWordOf(question, (word) => analyzer.isStopword(word));

describe('focusWordOf (the noun naming what is asked)', () => {
  it.each([
    ['Berapa umur Rafael Struick?', 'umur'],
    ['Apa agama Pratama Arhan?', 'agama'],
    ['Siapa pelatih tim nasional itu?', 'pelatih'],
    ['brp harga tiketnya', 'harga'],
    // Past a frame noun: "jumlah" frames the count, "penduduk" is what is counted.
    ['Berapa jumlah penduduk Palangka Raya?', 'penduduk'],
    ['Berapa hektare lahan yang terbakar?', 'lahan'], // past a classifier
    ['Berapa banyak beras yang boleh dibeli setiap orang?', 'beras'], // "berapa banyak" is one question word
    ['brp banyak masker yang dibagikan', 'masker'],
    // Chat puts "berapa" last, after what is measured.
    ['harga tiket ke moskow brp', 'harga'],
    ['harga emas hari ini berapa', 'harga'],
    ['beras skrg harganya brp sih', 'beras'],
    ['jumlah korbannya berapa?', 'korbannya'], // past a frame noun
    // English: after a copula, after "which", or after "what" as a determiner.
    ['What is the capital of Ukraine?', 'capital'],
    ['Which country hosted the match?', 'country'],
    ['What antivirus does the government use?', 'antivirus'],
  ])('%s -> %s', (question, word) => {
    expect(focus(question)).toBe(word);
  });

  it.each([
    'Apa yang dibawa Shoigu ke Pyongyang?', // "apa yang ...": the clause is the question
    'Siapa yang memuji pembicaraan itu?',
    'Kapan Kim Jong Un lahir?', // "kapan" is followed by the clause
    'Who founded Wagner?', // an English verb, not an attribute
    'What happened at the cosmodrome?', // "what" as a pronoun
    'What did Putin promise?',
    'Tahun berapa Wagner didirikan?',
    'Apakah ada konferensi pers?', // yes/no
    'Putin dan Kim bertemu berapa kali?', // "berapa kali" asks how often: the count is of times
    'berapa?',
    'nonton bareng sampai jam berapa?', // a time
  ])('%s has none', (question) => {
    expect(focus(question)).toBeUndefined();
  });
});

describe('questionTypes: yes/no questions and English definitions', () => {
  it.each([
    ['Apakah pemerintah membayar tebusan?', ['yes-no']],
    ['Menurut Putin, apakah Rusia akan membantu?', ['yes-no']],
    ['Did Budi Arie resign?', ['yes-no']],
    ['Is Singapore also hit by the haze?', ['yes-no']],
    ['Apakah itu ransomware?', ['what-is']], // "apakah itu" asks what, not whether
    ['What is a ballistic missile?', ['what-is']], // a definition, however long
    ['What is SPHP?', ['what-is']],
    ['What is the price of SPHP rice?', []], // something of SPHP rice, not what it is
    ['What was the final score against South Korea?', []],
    ['Siapa Budi Arie Setiadi?', ['who']],
  ])('%s -> %j (between two questions)', (question, types) => {
    expect([...questionTypes(question, { longDefinitions: true })]).toEqual(types);
  });

  it('between two questions, "N apa" asks which N', () => {
    expect([...questionTypes('Sanksi apa saja yang dijatuhkan ke Rusia?', { frames: true })]).toEqual(['which']);
    expect([...questionTypes('kim naik mobil apa sih', { frames: true })]).toEqual(['which']);
    expect([...questionTypes('Pyongyang itu apa?', { frames: true })]).toEqual([]);
    expect([...questionTypes('daftar belanja maksudnya apa', { frames: true })]).toEqual(['what-is']);
    expect([...questionTypes('Sanksi terhadap Rusia dijatuhkan karena apa?', { frames: true })]).toEqual(['why']);
  });

  it.each([
    ['budi arie mau mundur apa nggak', ['yes-no']], // not "which mundur"
    ['Sekolah sudah dibuka atau belum?', ['yes-no']],
    ['menkominfo jadi resign gak', ['yes-no']],
    ['tiketnya udah bisa dibeli belum ya', ['yes-no']],
    ['Putin ketemu Kim di kosmodrom kan?', ['yes-no']],
    ['kenapa gak?', ['why']], // a closing tag after a question word asks that
    ['siapa yang belum', ['who']],
    ['gak', []],
    ['apa yg dimaksud daftar belanja', ['what-is']], // the chat spelling of "yang"
    ['siapa yang dimaksud kekuatan jahat', ['who', 'what-is']], // whom it stands for
    ['sp yg dimaksud kekuatan jahat', ['who', 'what-is']],
    ['Apakah yg dimaksud dengan ransomware?', ['what-is']],
    ['siapa yang datang', ['who']],
  ])('%s -> %j (alternatives, closing tags, what is meant)', (question, types) => {
    expect([...questionTypes(question, { frames: true })]).toEqual(types);
  });

  it("every chat form of tidak, belum and bukan in the informal table closes a yes/no question", () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const negations = table.split('\n').map((line) => line.split('\t')).filter(([, standard]) => ['tidak', 'belum', 'bukan'].includes(standard ?? '')).map(([form]) => form!);
    expect(negations.length).toBeGreaterThan(20);
    for (const form of [...negations, 'tidak', 'belum', 'bukan']) {
      expect([...questionTypes(`sekolah libur apa ${form}`, { frames: true })], form).toEqual(['yes-no']);
      expect([...questionTypes(`sekolah libur ${form}`)], form).toEqual(['yes-no']);
    }
  });

  it('every chat form of a question word in the informal table asks what the word asks', () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const standards: Record<string, string> = { siapa: 'who', kapan: 'when', 'di mana': 'where', 'ke mana': 'where', 'dari mana': 'where', kenapa: 'why', bagaimana: 'how', berapa: 'how-many' };
    const forms = table.split('\n').map((line) => line.split('\t')).filter(([, standard]) => (standard ?? '') in standards);
    expect(forms.length).toBeGreaterThan(20);
    for (const [form, standard] of forms) expect([...questionTypes(`beras impor ${form}`)], form).toEqual([standards[standard!]]);
  });

  it('the chat spellings of time words, units, prepositions and conjunctions work as the words do', () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const formsOf = (standard: string) => table.split('\n').map((line) => line.split('\t')).filter(([, s]) => s === standard).map(([form]) => form!);
    const types = (text: string) => [...questionTypes(text, { frames: true })];
    for (const unit of ['tahun', 'tanggal', 'bulan', 'jam', 'hari']) for (const form of formsOf(unit)) expect(types(`${form} berapa dia lahir`), form).toEqual(['when']);
    for (const unit of ['tahun', 'bulan', 'jam', 'hari', 'minggu']) for (const form of formsOf(unit)) expect(types(`berapa ${form} perangnya`), form).toEqual(['how-long']);
    for (const form of formsOf('orang')) expect(frameWordsOf(`berapa ${form} korban`), form).toContain(form);
    for (const form of ['di', 'ke', 'dari'].flatMap(formsOf)) expect(types(`${form} mana dia`), form).toEqual(['where']);
    for (const word of ['dengan', 'sama', 'untuk', 'kalau', 'terus', 'atau', 'dari']) for (const form of formsOf(word)) expect(types(`mobil ${form} apa`), form).not.toContain('which');
  });

  it('"berapa banyak" and "apa" work however chat spells them', () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const formsOf = (standard: string) => table.split('\n').map((line) => line.split('\t')).filter(([, s]) => s === standard).map(([form]) => form!);
    const isStopword = (word: string) => analyzer.isStopword(word);
    expect(formsOf('banyak').length).toBeGreaterThan(1);
    for (const form of ['banyak', ...formsOf('banyak')]) expect(focusWordOf(`brapa ${form} peluru yang dikirim`, isStopword), form).toBe('peluru');
    for (const form of ['apa', ...formsOf('apa')]) {
      expect(focusWordOf(`${form} penyebab banjir di Kalimantan?`, isStopword), form).toBe('banjir');
      expect([...questionTypes(`dia diusir karena ${form}`)], form).toEqual(['why']);
    }
  });

  it('"apa" after a word of cause asks why, however chat spells it', () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const forms = table.split('\n').map((line) => line.split('\t')).filter(([form, standard]) => standard === 'karena' && form !== 'soalnya').map(([form]) => form!);
    expect(forms.length).toBeGreaterThan(1);
    for (const cause of [...forms, 'karena', 'sebab', 'akibat', 'lantaran', 'gara-gara', 'gara2']) {
      expect([...questionTypes(`dia diusir ${cause} apa`, { frames: true })], cause).toEqual(['why']);
    }
  });

  it('between two questions, "cara" and "how to" ask the way to do something, which no person, date or definition answers', () => {
    const types = (q: string) => [...questionTypes(q, { frames: true, longDefinitions: true })];
    expect(types('Bagaimana cara mengusulkan artikel untuk dibahas?')).toEqual(['how-to']);
    expect(types('gmn cara ngusulin artikel')).toEqual(['how-to']);
    expect(types('mau kasih usul berita, caranya?')).toEqual(['how-to']);
    expect(types('How can I suggest an article?')).toEqual(['how-to']);
    expect(types('How do I report a wrong answer?')).toEqual(['how-to']);
    expect(types('how to watch the semifinal')).toEqual(['how-to']);
    // Any other "how" stays the all-purpose one.
    expect(types('Bagaimana Prigozhin meninggal?')).toEqual(['how']);
    expect(types('How did Prigozhin die?')).toEqual(['how']);
    expect(types('How can Indonesia qualify for the Olympics?')).toEqual(['how']);
    expect(compatibleQuestionTypes(new Set(['how-to']), new Set(['who']))).toBe(false);
    expect(compatibleQuestionTypes(new Set(['how-to']), new Set(['what-is']))).toBe(false);
    expect(compatibleQuestionTypes(new Set(['how-to']), new Set(['where']))).toBe(true); // "di mana bisa nonton", "gimana cara nonton"
    expect(compatibleQuestionTypes(new Set(['how-to']), new Set(['how']))).toBe(true);
    expect(compatibleQuestionTypes(new Set(['how-to']), new Set())).toBe(true);
  });

  it('for checking a passage, a long English "what is" question is not a definition question', () => {
    expect([...questionTypes('What is a ballistic missile?')]).toEqual([]);
    expect([...questionTypes('What is SPHP?')]).toEqual(['what-is']);
  });
});
