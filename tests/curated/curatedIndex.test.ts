import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { aliasGroupsOf } from '../../src/analysis/aliases.js';
import { CuratedIndex, type CuratedIndexOptions } from '../../src/curated/curatedIndex.js';
import { openDatabase } from '../../src/curated/database.js';
import { CuratedStore, type CuratedEntry } from '../../src/curated/curatedStore.js';
import { GUILD_A, GUILD_B, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());
const analyzer = new Analyzer();
let n = 0;

/** A guild FAQ that shares words on purpose (Putin, Kim, Wagner) so one shared word is not enough. */
const FAQ: [string, string[]][] = [
  ['Siapa pendiri Wagner?', ['Wagner didirikan siapa']],
  ['Kapan Putin bertemu Kim Jong Un?', ['Tanggal pertemuan Putin dan Kim']],
  ['Di mana Putin dan Kim bertemu?', ['Lokasi pertemuan Putin dan Kim']],
  ['Apa yang dibahas Putin dan Kim?', ['Topik pembicaraan Putin dan Kim']],
  ['Mengapa Rusia butuh amunisi dari Korea Utara?', []],
  ['Apa itu kosmodrom Vostochny?', []],
  ['Bagaimana Prigozhin meninggal?', ['Penyebab kematian Prigozhin']],
];

describe('CuratedIndex', () => {
  let store: CuratedStore;
  let index: CuratedIndex;
  let file: string;
  const entries = new Map<string, CuratedEntry>();
  beforeEach(() => {
    file = temp.file(`index-${++n}.sqlite`);
    store = new CuratedStore(openDatabase(file));
    entries.clear();
    for (const [question, aliases] of FAQ) {
      entries.set(question, store.add(GUILD_A, { question, answer: `Jawaban: ${question}`, paragraphs: [], aliases }, 'mod'));
    }
    index = new CuratedIndex(store, analyzer);
  });

  const matchedQuestion = (question: string, guildId = GUILD_A) => index.match(guildId, question)?.entry.question;

  it('ranks only the entries whose words the question stands for (one that shares none cannot score)', () => {
    const ranked = index.rank(GUILD_A, 'Kapan Putin bertemu Kim?').map((m) => m.entry.question);
    expect(ranked).toContain('Kapan Putin bertemu Kim Jong Un?');
    expect(ranked).not.toContain('Siapa pendiri Wagner?');
    expect(ranked).not.toContain('Apa itu kosmodrom Vostochny?');
    expect(index.rank(GUILD_A, 'Resep nasi goreng')).toEqual([]);
  });

  it.each([
    // inflection (mendirikan/didirikan), word order, fillers, via an alias
    ['siapa yang mendirikan grup Wagner', 'Siapa pendiri Wagner?'],
    ['pendiri wagner siapa ya?', 'Siapa pendiri Wagner?'],
    ['wagner itu didirikan oleh siapa sih', 'Siapa pendiri Wagner?'],
    ['SIAPA PENDIRI WAGNER', 'Siapa pendiri Wagner?'],
    ['Wagnr didirikan siapa?', 'Siapa pendiri Wagner?'], // a typo in a word no entry uses
    ['Putin bertemu Kim kapan?', 'Kapan Putin bertemu Kim Jong Un?'],
    ['kenapa rusia perlu amunisi korea utara', 'Mengapa Rusia butuh amunisi dari Korea Utara?'],
    ['Kosmodrom Vostochny itu apa', 'Apa itu kosmodrom Vostochny?'],
    ['Prigozhin meninggal karena apa', 'Bagaimana Prigozhin meninggal?'],
    ['apa penyebab kematian prigozhin?', 'Bagaimana Prigozhin meninggal?'],
  ])('matches a paraphrase: %s', (question, expected) => {
    expect(matchedQuestion(question)).toBe(expected);
  });

  it('names the closest entry of a question it does not match (for the unanswered queue), and none for a question far from every entry', () => {
    const question = 'Siapa pendiri grup tentara bayaran Wagner?';
    expect(index.match(GUILD_A, question)).toBeUndefined();
    expect(index.closest(GUILD_A, question)?.question).toBe('Siapa pendiri Wagner?');
    expect(index.closest(GUILD_A, 'Apa resep nasi goreng?')).toBeUndefined();
    expect(index.closest(GUILD_B, question)).toBeUndefined();
  });

  it.each([
    'Apa kata Putin tentang roket?', // shares only "Putin"
    'Siapa Putin?',
    'Putin',
    'Apa kata Kim tentang Putin?', // shares "Putin" and "Kim" with several entries, asks something else
    'Siapa pemimpin Wagner?', // shares "Wagner", a different role
    'Apa itu Wagner?',
    'Kapan pendiri Wagner lahir?', // same words, a different question word
    'Siapa Prigozhin?',
    'Apa Rusia akan bantu Korea Utara luncurkan satelit?',
    'siapa',
    '???',
  ])('does not match an unrelated question: %s', (question) => {
    expect(index.match(GUILD_A, question)).toBeUndefined();
  });

  it('reports the phrase that matched and its coverage', () => {
    // "mendirikan", "didirikan" and "pendiri" fold to one term (src/analysis/aliases.ts),
    // so the question and its alias cover this wording equally well.
    const match = index.match(GUILD_A, 'siapa yang mendirikan grup Wagner')!;
    expect(['Wagner didirikan siapa', 'Siapa pendiri Wagner?']).toContain(match.phrase);
    expect(match.phraseCoverage).toBe(1);
    expect(match.queryCoverage).toBeGreaterThanOrEqual(0.6);
    expect(match.score).toBe(Math.min(match.queryCoverage, match.phraseCoverage));
  });

  it('with a single entry, still refuses a question sharing one word', () => {
    const lone = new CuratedStore(openDatabase(':memory:'));
    lone.add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'x', paragraphs: [], aliases: ['Wagner didirikan siapa'] }, 'mod');
    const loneIndex = new CuratedIndex(lone, analyzer);
    expect(loneIndex.match(GUILD_A, 'Apa kata Putin tentang roket?')).toBeUndefined();
    expect(loneIndex.match(GUILD_A, 'Apa itu Wagner?')).toBeUndefined();
    expect(loneIndex.match(GUILD_A, 'siapa yang mendirikan grup Wagner')?.entry.question).toBe('Siapa pendiri Wagner?');
    expect(loneIndex.match(GUILD_A, 'pendiri wagner siapa ya?')?.phrase).toBe('Siapa pendiri Wagner?');
  });

  it('reflects adds, edits and removals immediately', () => {
    expect(index.match(GUILD_A, 'Siapa Yevgeny Prigozhin?')).toBeUndefined();
    const added = store.add(GUILD_A, { question: 'Siapa Yevgeny Prigozhin?', answer: 'x', paragraphs: [], aliases: [] }, 'mod');
    expect(index.match(GUILD_A, 'yevgeny prigozhin itu siapa')?.entry.id).toBe(added.id);

    const wagner = entries.get('Siapa pendiri Wagner?')!;
    store.edit(GUILD_A, wagner.id, { aliases: [] }, 'mod');
    // Without its alias the entry is still found: "mendirikan" folds onto "pendiri".
    expect(index.match(GUILD_A, 'siapa yang mendirikan grup Wagner')?.phrase).toBe('Siapa pendiri Wagner?');
    store.edit(GUILD_A, wagner.id, { question: 'Siapa komandan Wagner?' }, 'mod');
    expect(index.match(GUILD_A, 'pendiri wagner siapa')).toBeUndefined();
    expect(index.match(GUILD_A, 'komandan wagner siapa')?.entry.id).toBe(wagner.id);
    store.edit(GUILD_A, wagner.id, { answer: 'Jawaban baru' }, 'mod');
    expect(index.match(GUILD_A, 'komandan wagner siapa')?.entry.answer).toBe('Jawaban baru');

    store.remove(GUILD_A, wagner.id, 'mod');
    expect(index.match(GUILD_A, 'komandan wagner siapa')).toBeUndefined();
  });

  it('sees writes made through another connection to the same file', () => {
    expect(index.match(GUILD_A, 'Siapa Sergei Shoigu?')).toBeUndefined();
    const other = new CuratedStore(openDatabase(file)); // e.g. the offline console in another process
    other.add(GUILD_A, { question: 'Siapa Sergei Shoigu?', answer: 'Menhan Rusia', paragraphs: [], aliases: [] }, 'mod');
    expect(index.match(GUILD_A, 'sergei shoigu siapa')?.entry.answer).toBe('Menhan Rusia');
    other.db.close();
  });

  it('rebuilds a changed guild\'s index in the background once the changes stop, so the next question does not wait for it', async () => {
    expect(index.match(GUILD_A, 'siapa sergei shoigu')).toBeUndefined();
    store.add(GUILD_A, { question: 'Siapa Sergei Shoigu?', answer: 'Menhan Rusia', paragraphs: [], aliases: [] }, 'mod');
    store.add(GUILD_A, { question: 'Siapa Kim Jong Un?', answer: 'Pemimpin Korea Utara', paragraphs: [], aliases: [] }, 'mod');
    const reads = vi.spyOn(store, 'all');
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1), { timeout: 5000 }); // one rebuild for both changes
    expect(index.match(GUILD_A, 'siapa sergei shoigu')?.entry.answer).toBe('Menhan Rusia');
    expect(reads).toHaveBeenCalledTimes(1); // the question found it built
    reads.mockRestore();
  });

  it("rebuilds only the changed guild's index, also after a change through another connection", () => {
    store.add(GUILD_B, { question: 'Siapa pendiri Wagner?', answer: 'Jawaban guild B', paragraphs: [], aliases: [] }, 'mod-b');
    expect(index.match(GUILD_A, 'pendiri wagner siapa')).toBeDefined();
    expect(index.match(GUILD_B, 'pendiri wagner siapa')).toBeDefined();
    const reads = vi.spyOn(store, 'all');
    const other = new CuratedStore(openDatabase(file)); // another process
    other.add(GUILD_B, { question: 'Siapa Sergei Shoigu?', answer: 'Menhan Rusia', paragraphs: [], aliases: [] }, 'mod-b');
    store.add(GUILD_B, { question: 'Siapa Kim Jong Un?', answer: 'Pemimpin Korea Utara', paragraphs: [], aliases: [] }, 'mod-b');
    expect(index.match(GUILD_A, 'pendiri wagner siapa')?.entry.answer).toBe('Jawaban: Siapa pendiri Wagner?');
    expect(reads).not.toHaveBeenCalledWith(GUILD_A); // built before both changes, kept
    expect(index.match(GUILD_B, 'sergei shoigu siapa')?.entry.answer).toBe('Menhan Rusia');
    expect(reads).toHaveBeenCalledWith(GUILD_B);
    other.db.close();
    reads.mockRestore();
  });

  it('keeps guilds apart', () => {
    expect(matchedQuestion('pendiri wagner siapa', GUILD_B)).toBeUndefined();
    store.add(GUILD_B, { question: 'Siapa pendiri Wagner?', answer: 'Jawaban guild B', paragraphs: [], aliases: [] }, 'mod-b');
    expect(index.match(GUILD_B, 'pendiri wagner siapa')?.entry.answer).toBe('Jawaban guild B');
    expect(index.match(GUILD_A, 'pendiri wagner siapa')?.entry.answer).toBe('Jawaban: Siapa pendiri Wagner?');
  });

  it('suggests entries for autocomplete: literal substrings first, then word prefixes', () => {
    const wagner = entries.get('Siapa pendiri Wagner?')!;
    expect(index.suggest(GUILD_A, 'pendiri wag', 5).map((s) => s.entry.id)).toEqual([wagner.id]);
    expect(index.suggest(GUILD_A, 'wagner pendi', 5)[0]?.entry.id).toBe(wagner.id); // other order: prefix search
    const putin = index.suggest(GUILD_A, 'putin', 10).map((s) => s.entry.question);
    expect(putin).toEqual(expect.arrayContaining(['Kapan Putin bertemu Kim Jong Un?', 'Di mana Putin dan Kim bertemu?', 'Apa yang dibahas Putin dan Kim?']));
    expect(new Set(index.suggest(GUILD_A, 'kim', 10).map((s) => s.entry.id)).size).toBe(index.suggest(GUILD_A, 'kim', 10).length); // one per entry
    expect(index.suggest(GUILD_A, '', 3)).toHaveLength(3);
    expect(index.suggest(GUILD_B, 'wagner', 5)).toEqual([]);
  });

  it('stops following the store after close()', () => {
    index.close();
    const wagner = entries.get('Siapa pendiri Wagner?')!;
    expect(index.match(GUILD_A, 'pendiri wagner siapa')?.entry.id).toBe(wagner.id);
    store.remove(GUILD_A, wagner.id, 'mod'); // no event reaches a closed index, yet it must not serve stale data
    expect(index.match(GUILD_A, 'pendiri wagner siapa')).toBeUndefined();
  });
});

describe('CuratedIndex: what tells a paraphrase from another question', () => {
  const withAliases = new Analyzer({ extraAliases: aliasGroupsOf([['Gibran Rakabuming', 'Gibran']]) });
  const store = new CuratedStore(openDatabase(':memory:'));
  for (const question of ['Berapa harga tiket kereta ke Bandung?', 'Apa itu KRL?', 'Apa kata ekonom BPS soal inflasi?', 'Siapa Gibran Rakabuming?']) {
    store.add(GUILD_A, { question, answer: `Jawaban: ${question}`, paragraphs: [], aliases: [] }, 'mod');
  }
  const index = new CuratedIndex(store, withAliases);
  const matched = (question: string) => index.match(GUILD_A, question)?.entry.question;
  /** A store of its own holding these questions, and an index over it with these options. */
  const indexOver = (questions: string[], options: CuratedIndexOptions = {}) => {
    const local = new CuratedStore(openDatabase(':memory:'));
    for (const question of questions) local.add(GUILD_A, { question, answer: 'Jawaban.', paragraphs: [], aliases: [] }, 'mod');
    return { local, index: new CuratedIndex(local, withAliases, options) };
  };

  it('a word in place of one of the entry\'s is another question, not a paraphrase', () => {
    expect(matched('tiket kereta ke bandung brp')).toBe('Berapa harga tiket kereta ke Bandung?');
    expect(matched('Berapa harga tiket pesawat ke Bandung?')).toBeUndefined();
    const swapped = index.rank(GUILD_A, 'Berapa harga tiket pesawat ke Bandung?')[0]!;
    expect(swapped.score).toBeLessThan(Math.min(swapped.phraseCoverage, swapped.queryCoverage));
  });

  it('an English word that shares no reading with the phrasing weighs less as a substitution ("affect" for "pengaruh"), and another thing asked stays another question', () => {
    const entries = ['Apa pengaruh asap terhadap kesehatan anak?', 'Berapa harga tiket kereta ke Bandung?'];
    const { index: relaxed } = indexOver(entries);
    const { index: strict } = indexOver(entries, { englishSubstitution: 1 });
    expect(relaxed.match(GUILD_A, "How does the smoke affect children's health?")?.entry.question).toBe('Apa pengaruh asap terhadap kesehatan anak?');
    expect(strict.match(GUILD_A, "How does the smoke affect children's health?")).toBeUndefined();
    // Flights for health, a plane ticket for a train ticket: the question's coverage of the entry stays too low.
    expect(relaxed.match(GUILD_A, 'How does the smoke affect flights?')).toBeUndefined();
    expect(relaxed.match(GUILD_A, 'How much is the plane ticket to Bandung?')).toBeUndefined();
    expect(relaxed.match(GUILD_A, 'How much is a train ticket to Bandung?')?.entry.question).toBe('Berapa harga tiket kereta ke Bandung?');
  });

  it('nouns that name the question\'s type ("maksudnya", "mean") frame it and weigh nothing', () => {
    expect(matched('KRL maksudnya apa')).toBe('Apa itu KRL?');
    expect(matched('What does KRL mean?')).toBe('Apa itu KRL?');
    expect(matched('KRL singkatan dari apa?')).toBe('Apa itu KRL?');
  });

  it('an acronym in capitals is a name: another institution is another question', () => {
    expect(matched('ekonom BPS bilang apa soal inflasi')).toBe('Apa kata ekonom BPS soal inflasi?');
    expect(matched('Apa kata ekonom CORE soal inflasi?')).toBeUndefined();
  });

  it('a synonym counts by the word as written: the thesaurus lists "meninggal" (a derived word) under "mati"', () => {
    const match = indexOver(['Bagaimana Gibran meninggal?']).index.rank(GUILD_A, 'gibran mati gimana')[0]!;
    expect(match.similarity.largestUnexplained).toBe(0);
    expect(match.queryCoverage).toBeGreaterThan(0.7);
  });

  it('a short question asking the same specific thing may mention less of a long phrasing', () => {
    const { local, index: relieved } = indexOver(['Menurut laporan pedagang, sudah berapa lama harga cabai naik di pasar Kramat Jati?', 'Apa itu KRL?']);
    const strict = new CuratedIndex(local, withAliases, { sameTypeRelief: false });
    const question = 'harga cabai udh naik brp lama';
    expect(relieved.match(GUILD_A, question)?.entry.question).toMatch(/^Menurut laporan pedagang/);
    expect(strict.match(GUILD_A, question)).toBeUndefined();
    // Another question word is another question, however much of it the entry explains.
    expect(relieved.match(GUILD_A, 'kenapa harga cabai naik')).toBeUndefined();
  });

  it('a way to do something ("gimana caranya", "how can I") is a specific thing to ask: a short question may mention less of the phrasing, and a question for a person is another question', () => {
    const { index: howTo } = indexOver(['Bagaimana cara mengusulkan artikel untuk dibahas?']);
    expect(howTo.match(GUILD_A, 'gmn cara ngusulin artikel')?.entry.question).toMatch(/^Bagaimana cara mengusulkan/);
    expect(howTo.match(GUILD_A, 'How can I suggest an article?')?.entry.question).toMatch(/^Bagaimana cara mengusulkan/);
    expect(howTo.match(GUILD_A, 'Siapa yang mengusulkan artikel untuk dibahas?')).toBeUndefined();
  });

  it('a classifier after "berapa" is part of the question word, not a word the entry must explain', () => {
    const question = 'berapa orang penumpang KRL yang terlambat';
    const { local, index: counted } = indexOver(['Berapa penumpang KRL yang terlambat?']);
    const match = counted.rank(GUILD_A, question)[0]!;
    expect(match.similarity.largestUnexplained).toBe(0);
    expect(match.score).toBeGreaterThan(new CuratedIndex(local, withAliases, { frameWords: false }).rank(GUILD_A, question)[0]!.score);
  });

  it('a misspelt word of a name of several words still names it', () => {
    expect(matched('gibran rakabumin itu siapa')).toBe('Siapa Gibran Rakabuming?');
  });
});

describe('CuratedIndex: what two questions ask', () => {
  const store = new CuratedStore(openDatabase(':memory:'));
  const add = (question: string, answer: string, aliases: string[] = []) => store.add(GUILD_A, { question, answer, paragraphs: [], aliases }, 'mod');
  add('Siapa Budi Arie Setiadi?', 'Menteri Komunikasi dan Informatika saat serangan terjadi.', ['Budi Arie', 'Menkominfo']);
  add('Apakah pemerintah membayar tebusan?', 'Tidak: pemerintah menolak membayar tebusan.');
  add('Apa itu SPHP?', 'SPHP adalah beras stabilisasi pasokan dan harga pangan dari Bulog.', ['beras stabilisasi pasokan dan harga pangan']);
  add('Apa hukuman bagi pembakar lahan?', 'Penjara hingga sepuluh tahun.');
  add('Kapan hujan diperkirakan turun?', 'Pekan depan.');
  add('Sanksi terhadap Rusia dijatuhkan karena apa?', 'Karena invasi ke Ukraina.');
  const matched = (question: string, options: CuratedIndexOptions = {}) => new CuratedIndex(store, analyzer, options).match(GUILD_A, question)?.entry.question;

  it('a yes/no question is not answered by who someone is, though it names them', () => {
    expect(matched('Did Budi Arie resign?')).toBeUndefined();
    expect(matched('Apakah Budi Arie mundur?')).toBeUndefined();
    expect(matched('Did the government pay the ransom?')).toBe('Apakah pemerintah membayar tebusan?');
    expect(matched('Who is Budi Arie?')).toBe('Siapa Budi Arie Setiadi?');
  });

  it('a question for an attribute of a thing is not answered by what the thing is', () => {
    expect(matched('What is the price of SPHP rice?')).toBeUndefined();
    expect(matched('Berapa harga beras SPHP?')).toBeUndefined();
    expect(matched('What is SPHP?')).toBe('Apa itu SPHP?');
    expect(matched('sphp tuh apa')).toBe('Apa itu SPHP?');
  });

  it('"which sanctions" is not "why sanctions"', () => {
    expect(matched('Sanksi apa saja yang dijatuhkan ke Rusia?')).toBeUndefined();
    expect(matched('Kenapa Rusia dijatuhi sanksi?')).toBe('Sanksi terhadap Rusia dijatuhkan karena apa?');
  });

  it("an English word's dictionary translation counts as the word itself", () => {
    expect(matched('What is the penalty for burning land?')).toBe('Apa hukuman bagi pembakar lahan?');
    expect(matched('When will it rain?')).toBe('Kapan hujan diperkirakan turun?');
    // At the article search's factor (0.85) a fully translated question falls under the threshold.
    expect(matched('When will it rain?', { fullTranslations: false })).toBeUndefined();
  });

  it("a misspelt word's spelling correction counts as the word itself", () => {
    const score = (question: string, options: CuratedIndexOptions = {}) => new CuratedIndex(store, analyzer, options).rank(GUILD_A, question)[0]?.score;
    expect(score('kapan hujan turnu')).toBeCloseTo(score('kapan hujan turun')!, 6);
    expect(score('pemerintah bayar tebusna gak')).toBe(1);
    // At the article search's factor (0.8) the misspelt word counts for less.
    expect(score('kapan hujan turnu', { fullCorrections: false })).toBeLessThan(score('kapan hujan turun')! - 0.03);
  });

  it('reads what a question asks through its misspellings ("kareza apa" asks why, as "karena apa" does)', () => {
    expect(matched('Sanksi apa saja yang dijatuhkan ke Rusia?')).toBeUndefined();
    expect(matched('rusia dijatuhi sanksi kareza apa')).toBe('Sanksi terhadap Rusia dijatuhkan karena apa?');
  });
});

