/**
 * Behaviour of the answering engine on the bundled article. Ranking and abstention are
 * being tuned, so these tests assert robust behaviour (right paragraph first, abstain on
 * unrelated questions, well-formed results), never exact scores.
 * The questions are written for these tests; none is in ../shared/eval/dev.jsonl.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/articleFile.js';
import { corpusOf, loadCorpus } from '../../src/corpus/loadCorpus.js';
import { citationOf, type Corpus } from '../../src/corpus/types.js';
import { askedTimeWordsOf } from '../../src/analysis/questionWords.js';
import { DEFAULT_MODEL, thresholdFor } from '../../src/search/confidence.js';
import { SearchEngine, type Answer } from '../../src/search/engine.js';
import { splitSentences } from '../../src/search/sentences.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let corpus: Corpus;
let engine: SearchEngine;
beforeAll(() => {
  corpus = loadCorpus(resolve(ROOT, 'corpus'));
  engine = new SearchEngine(corpus);
});

/** Structural invariants every answer must satisfy. */
function expectWellFormed(answer: Answer, query: string, limit = 3): void {
  expect(answer.query).toBe(query);
  expect(typeof answer.abstained).toBe('boolean');
  expect(Array.isArray(answer.results)).toBe(true);
  expect(answer.results.length).toBeLessThanOrEqual(limit);
  if (answer.abstained) {
    expect(answer.results).toEqual([]);
    expect(['empty-query', 'no-match', 'low-confidence', 'about-the-bot', 'about-the-server']).toContain(answer.reason);
  } else {
    expect(answer.results.length).toBeGreaterThan(0);
  }
  const seen = new Set<string>();
  let previous = Infinity;
  for (const hit of answer.results) {
    expect(Number.isFinite(hit.score)).toBe(true);
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThanOrEqual(previous);
    previous = hit.score;
    const citation = citationOf(hit.paragraph);
    expect(seen.has(citation), `duplicate ${citation}`).toBe(false);
    seen.add(citation);
    expect(corpus.paragraphs).toContain(hit.paragraph);
    expect(splitSentences(hit.paragraph.text)).toContain(hit.highlight);
  }
}

// Question -> the paragraph that answers it (¶ numbers are 1-based).
const ROUTED: [string, number][] = [
  ['Siapa Menteri Pertahanan Rusia yang berkunjung ke Pyongyang?', 3],
  ['Apa kata reporter kepada Putin tentang satelit?', 6],
  ['Prigozhin pendiri Wagner', 7],
  ['limusin', 2],
  ['Apa yang masih terbungkus dalam misteri?', 1],
  ['Mengapa rezim Kim terisolasi?', 5],
  ['Apakah NATO ikut memasok amunisi ke Ukraina?', 4],
  ['Korut program nuklir rudal balistik', 5],
  ['mobil limusin buatan Rusia', 2],
  ['Shoigu membawa apa ke Pyongyang?', 3],
  ['arsenal besar di Semenanjung Korea', 3],
  ['Siapa yang menolak tuduhan gosip dan spekulasi?', 7],
  ['teknologi luar angkasa', 6],
  ['Apakah ada konferensi pers setelah pertemuan?', 2],
  ['Siapa yang mengandalkan berkurangnya dukungan untuk Ukraina?', 4],
  ['akses ke teknologi canggih Rusia', 5],
];

describe('SearchEngine on the bundled article: routing', () => {
  it.each(ROUTED)('%s -> ¶%i first', (question, paragraph) => {
    const answer = engine.search(question);
    expectWellFormed(answer, question);
    expect(answer.abstained, `abstained (${answer.reason})`).toBe(false);
    expect(answer.results[0]!.paragraph.number).toBe(paragraph);
    expect(answer.results[0]!.paragraph.articleId).toBe('putin-kim-vostochny');
  });

  it('finds the same paragraph through aliases and typography variants', () => {
    const top = (q: string) => engine.search(q).results[0]?.paragraph.number;
    expect(top('Menhan Russia berkunjung ke Pyongyang')).toBe(3);
    expect(top('ＰＲＩＧＯＺＨＩＮ ｐｅｎｄｉｒｉ ＷＡＧＮＥＲ')).toBe(7);
    expect(top('\u201Ckonferensi pers\u201D')).toBe(2);
    expect(top('program nuklir Korea Utara')).toBe(top('program nuklir Korut'));
  });

  it('reads two swapped letters of a name as one slip ("Ukriana", "Prigozihn")', () => {
    const answer = (q: string) => engine.search(q);
    expect(answer('udh brp lama perang di ukriana').abstained).toBe(false);
    expect(answer('udh brp lama perang di ukriana').results[0]!.paragraph.number).toBe(answer('udh brp lama perang di ukraina').results[0]!.paragraph.number);
    expect(answer('Prigozihn pendiri apa?').results[0]?.paragraph.number).toBe(7);
  });

  it('reads what a question asks through its misspellings ("tahun berpaa" asks for a year, as "tahun berapa" does)', () => {
    const ranking = (q: string) => engine.search(q, { noAbstain: true }).results.map((h) => [h.paragraph.number, h.confidence]);
    expect(ranking('Tahun berpaa Rusia menginvasi Ukraina?')).toEqual(ranking('Tahun berapa Rusia menginvasi Ukraina?'));
  });

  it('is deterministic and unaffected by earlier searches', () => {
    const first = engine.search('Prigozhin pendiri Wagner');
    engine.search('Putin Kim Rusia Korea Utara Ukraina', { limit: 7, noAbstain: true });
    engine.search('Resep nasi goreng');
    engine.search('');
    const again = engine.search('Prigozhin pendiri Wagner');
    expect(again).toEqual(first);
  });

  it('gives the same answers from a second engine over the same corpus', () => {
    const other = new SearchEngine(loadCorpus(resolve(ROOT, 'corpus')));
    for (const [question] of ROUTED.slice(0, 5)) {
      const a = engine.search(question);
      const b = other.search(question);
      expect(b.results.map((h) => citationOf(h.paragraph))).toEqual(a.results.map((h) => citationOf(h.paragraph)));
    }
  });
});

describe('SearchEngine on the bundled article: abstention', () => {
  it.each([
    'Bagaimana cuaca di Jakarta hari ini?',
    'Resep nasi goreng',
    'Berapa harga bitcoin sekarang?',
    'jadwal kereta api Bandung',
    'How do I bake bread?',
  ])('abstains on an unrelated question: %s', (question) => {
    const answer = engine.search(question);
    expectWellFormed(answer, question);
    expect(answer.abstained).toBe(true);
    expect(answer.results).toEqual([]);
    expect(['no-match', 'low-confidence']).toContain(answer.reason);
  });

  it.each(['bot ini bisa ngapain aja?', 'kamu siapa?', 'What can you do?'])('does not answer a question to the bot about itself with a passage: %s', (question) => {
    expect(engine.search(question)).toMatchObject({ abstained: true, reason: 'about-the-bot', results: [] });
  });

  it.each(['gimana cara jadi moderator', 'rules server ini apa aja', 'ada channel buat diskusi gak'])('does not answer a question about the server with a passage: %s', (question) => {
    expect(engine.search(question)).toMatchObject({ abstained: true, reason: 'about-the-server', results: [] });
  });

  it('still looks the words of a question to the bot up for /search', () => {
    expect(engine.search('bot ini bisa ngapain aja?', { noAbstain: true }).abstained).toBe(false);
  });

  it('answers a question about the article that addresses the bot', () => {
    const answer = engine.search('bot, kamu tau gak siapa pendiri Wagner?');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]!.paragraph.number).toBe(7);
  });

  it.each([
    'Kapan NATO didirikan?', // the article names NATO but never says when it was founded
    'Tanggal berapa Putin dan Kim bertemu di Vostochny?', // ... nor gives the date
    'Apakah Bank Indonesia menaikkan suku bunga acuan?',
  ])('abstains on a near-topic question the article does not answer: %s', (question) => {
    expect(engine.search(question).abstained).toBe(true);
  });

  it('answers a question phrased with ordinary words the article does not use', () => {
    // "ngingetin" (warned), "deal" and "korut" are not the article's words.
    const answer = engine.search('yg ngingetin soal deal korut rusia siapa');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]!.paragraph.number).toBe(3);
  });

  it.each([
    ['What are the evil forces Kim mentioned?', 2],
    ['What is the shopping list Shoigu brought?', 3],
  ])('answers a long English "what is" question about something the article names without defining it: %s', (question, paragraph) => {
    // A definition cue ("adalah", "is a") would be too strict a test here: only short "what is X?" questions ask for one.
    const answer = engine.search(question);
    expect(answer.certainty).toBe('sure');
    expect(answer.results[0]!.paragraph.number).toBe(paragraph);
  });

  it('says when it is not sure: the closest passage alone, marked unsure', () => {
    const unsureAt = thresholdFor(DEFAULT_MODEL.unsureAt, engine.smallness);
    const answerAt = thresholdFor(DEFAULT_MODEL.answerAt, engine.smallness);
    for (const [question] of ROUTED) {
      const answer = engine.search(question);
      const top = answer.results[0]!;
      expect(top.confidence).toBeGreaterThanOrEqual(unsureAt);
      expect(answer.certainty).toBe(top.confidence >= answerAt ? 'sure' : 'unsure');
      if (answer.certainty === 'unsure') expect(answer.results).toHaveLength(1);
    }
  });
});

describe('SearchEngine: highlights', () => {
  it.each(ROUTED)('the highlight for %s is a sentence of the paragraph sharing a query term', (question) => {
    const answer = engine.search(question);
    expectWellFormed(answer, question);
    const hit = answer.results[0]!;
    const queryTerms = new Set(engine.analyzer.queryTermSet(question));
    const sentenceTerms = engine.analyzer.analyze(hit.highlight);
    expect(sentenceTerms.some((t) => queryTerms.has(t)), `"${hit.highlight}" shares no term with "${question}"`).toBe(true);
  });

  it('picks the sentence with the answer, not just the first one', () => {
    expect(engine.search('Siapa Menteri Pertahanan Rusia yang berkunjung ke Pyongyang?').results[0]!.highlight).toMatch(/Shoigu/);
    expect(engine.search('Prigozhin pendiri Wagner').results[0]!.highlight).toMatch(/Prigozhin, pendiri Wagner/);
    expect(engine.search('limusin').results[0]!.highlight).toMatch(/limusin/);
    expect(engine.search('teknologi luar angkasa').results[0]!.highlight).toMatch(/luar angkasa/);
  });

  it('every result (not only the first) carries a sentence of its own paragraph', () => {
    const answer = engine.search('Putin Kim Rusia', { limit: 7, noAbstain: true });
    expect(answer.results.length).toBeGreaterThan(1);
    expectWellFormed(answer, 'Putin Kim Rusia', 7);
  });
});

describe('SearchEngine: limit and noAbstain', () => {
  it('respects the limit (default 3)', () => {
    const q = 'Putin Korea Utara Rusia Ukraina';
    expect(engine.search(q, { noAbstain: true }).results.length).toBe(3);
    expect(engine.search(q, { noAbstain: true, limit: 1 }).results).toHaveLength(1);
    expect(engine.search(q, { noAbstain: true, limit: 2 }).results).toHaveLength(2);
    const all = engine.search(q, { noAbstain: true, limit: 100 });
    expectWellFormed(all, q, 100);
    expect(all.results.length).toBeLessThanOrEqual(corpus.paragraphs.length);
    expect(all.results.length).toBeGreaterThanOrEqual(5);
    // A smaller limit is a prefix of a larger one.
    expect(engine.search(q, { noAbstain: true, limit: 2 }).results.map((h) => h.paragraph.number)).toEqual(
      all.results.slice(0, 2).map((h) => h.paragraph.number),
    );
  });

  it('limit 1 keeps the best result', () => {
    for (const [question, paragraph] of ROUTED.slice(0, 4)) {
      const answer = engine.search(question, { limit: 1 });
      expect(answer.results).toHaveLength(1);
      expect(answer.results[0]!.paragraph.number).toBe(paragraph);
    }
  });

  it('noAbstain returns the best matches of a question the engine would not answer', () => {
    const question = 'Siapa presiden Indonesia sekarang?'; // Indonesia: a name no paragraph has
    expect(engine.search(question).abstained).toBe(true);
    const forced = engine.search(question, { noAbstain: true });
    expectWellFormed(forced, question);
    expect(forced.abstained).toBe(false);
    expect(forced.results.length).toBeGreaterThan(0);
    expect(forced.results.some((hit) => /presiden/i.test(hit.paragraph.text))).toBe(true);
  });

  it('noAbstain does not change the ranking of answered questions; without it, hits that do not answer are left out', () => {
    for (const [question] of ROUTED) {
      const normal = engine.search(question);
      const forced = engine.search(question, { noAbstain: true });
      expect(forced.abstained).toBe(false);
      const shown = normal.results.map((h) => citationOf(h.paragraph));
      expect(forced.results.map((h) => citationOf(h.paragraph)).slice(0, shown.length)).toEqual(shown);
      const answerAt = thresholdFor(DEFAULT_MODEL.answerAt, engine.smallness);
      for (const hit of normal.results.slice(1)) expect(hit.confidence).toBeGreaterThanOrEqual(answerAt);
    }
  });
});

describe('SearchEngine: degenerate queries do not throw', () => {
  it.each([
    '',
    '   ',
    '\t\n',
    '???',
    '!!! ... ,,, ---',
    '\u201C\u201D\u2014',
    '\u{1F642}\u{1F642}',
    '\u0007\u0000',
    '\u200B\uFEFF',
    'siapa dia?',
    'yang dan adalah',
    'apakah bagaimana siapakah',
    'a',
    '.*+?^${}()|[]\\',
    "'; DROP TABLE paragraphs; --",
    '北朝鮮 ロシア',
    'x'.repeat(10_000),
    'Putin '.repeat(2000),
    Array.from({ length: 300 }, (_, i) => `kata${i}`).join(' '),
  ])('%j', (query) => {
    for (const options of [{}, { noAbstain: true }, { limit: 1 }]) {
      let answer!: Answer;
      expect(() => (answer = engine.search(query, options))).not.toThrow();
      expectWellFormed(answer, query, options.limit ?? 3);
    }
  });

  it('queries without any word abstain as empty queries', () => {
    for (const query of ['', '   ', '???', '\u{1F642}', '\u201C\u201D']) {
      for (const options of [{}, { noAbstain: true }]) {
        const answer = engine.search(query, options);
        expect(answer.abstained).toBe(true);
        expect(answer.reason).toBe('empty-query');
        expect(answer.results).toEqual([]);
      }
    }
  });

  it('a stopword-only question does not answer from an arbitrary paragraph', () => {
    for (const query of ['siapa dia?', 'yang dan adalah', 'apakah itu?']) {
      expect(engine.search(query).abstained, query).toBe(true);
    }
  });

  // How fast is for `npm run bench`, not for a test: here only that it answers.
  it('answers a very long query', () => {
    const answer = engine.search(Array.from({ length: 2000 }, (_, i) => `Putin${i % 50} Rusia`).join(' '), { noAbstain: true });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results[0]!.paragraph.text).toMatch(/Rusia/);
  });
});

describe('SearchEngine on a small custom corpus', () => {
  const article = (id: string, title: string, paragraphs: string[]) =>
    parseArticle(`${id}.md`, ['---', `id: ${id}`, `title: ${title}`, 'language: id', '---', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));

  it('answers from the right article and cites it', () => {
    const small = corpusOf([
      article('banjir-jakarta', 'Banjir di Jakarta', [
        'Hujan deras sejak Senin malam membuat sungai Ciliwung meluap.',
        'Ribuan warga Kampung Melayu mengungsi ke masjid dan sekolah terdekat.',
      ]),
      article('gempa-cianjur', 'Gempa Cianjur', [
        'Gempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat.',
        'Petugas BNPB mendirikan tenda darurat bagi para pengungsi gempa.',
      ]),
    ]);
    const smallEngine = new SearchEngine(small);
    const answer = smallEngine.search('Di mana warga Kampung Melayu mengungsi?');
    expect(answer.abstained).toBe(false);
    expect(citationOf(answer.results[0]!.paragraph)).toBe('banjir-jakarta#2');
    expect(answer.results[0]!.paragraph.articleTitle).toBe('Banjir di Jakarta');
    expect(citationOf(smallEngine.search('tenda darurat BNPB').results[0]!.paragraph)).toBe('gempa-cianjur#2');
    expect(smallEngine.search('Prigozhin pendiri Wagner').abstained).toBe(true);
  });

  it('reads "tahun berapa" as asking for a year: the paragraph with the year answers, not the one that says "tahun"', () => {
    const small = corpusOf([
      article('olimpiade', 'Indonesia di Olimpiade', [
        'Indonesia terakhir kali tampil di Olimpiade sepak bola pada 1956 di Melbourne.',
        'Setiap empat tahun Indonesia mengirim atlet ke Olimpiade; tahun ini Indonesia mengirim 29 atlet.',
        'Tiga tim teratas lolos otomatis ke Olimpiade, tim keempat menjalani play-off.',
      ]),
    ]);
    const answer = new SearchEngine(small).search('Indonesia terakhir ke Olimpiade tahun berapa?');
    expect(answer.abstained).toBe(false);
    expect(citationOf(answer.results[0]!.paragraph)).toBe('olimpiade#1');
    expect(askedTimeWordsOf('Indonesia terakhir ke Olimpiade tahun berapa?')).toEqual(new Set(['tahun']));
    expect(askedTimeWordsOf('sudah berapa tahun perang berlangsung?')).toEqual(new Set()); // a duration, stated in years
  });
});

describe('SearchEngine: known bugs (flip `it.fails` to `it` once fixed)', () => {
  // BUG (src/search/engine.ts, rank): with limit 0 (or negative) the top-k selection
  // reads top[depth - 1] of an empty array and throws "Cannot read properties of
  // undefined (reading 'score')". Worse, the throw leaves the shared scratch arrays
  // (scores/matched/touched) dirty, so every later search on that engine misses the
  // paragraphs touched by the failed one (e.g. 'Prigozhin pendiri Wagner' -> no-match).
  // Expected: no results (or a clear RangeError) and an engine that still works.
  it('limit 0 returns no results and leaves the engine usable (was a bug)', () => {
    const own = new SearchEngine(corpus);
    let threw = false;
    try {
      expect(own.search('Putin Wagner', { limit: 0, noAbstain: true }).results).toEqual([]);
    } catch {
      threw = true;
    }
    expect(own.search('Prigozhin pendiri Wagner').results[0]?.paragraph.number).toBe(7);
    expect(threw).toBe(false);
  });
});
