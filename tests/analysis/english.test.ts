import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { indonesianSpellings } from '../../src/analysis/english.js';

const analyzer = new Analyzer();
const readings = (question: string) => analyzer.analyzeQuery(question).map((t) => ({ surface: t.surface, kind: t.kind, terms: t.alternatives.map((a) => a.term) }));

describe('English through FreeDict eng-ind', () => {
  it('brings inflected forms to their headword', () => {
    expect(analyzer.english.lemmas('meetings')).toContain('meeting');
    expect(analyzer.english.lemmas('promised')).toContain('promise');
    expect(analyzer.english.lemmas('met')).toContain('meet');
    expect(analyzer.english.lemmas('leaders')).toContain('lead');
  });

  it('maps English words of a question onto Indonesian index terms', () => {
    const terms = readings('When did Shoigu visit Pyongyang?');
    expect(terms.find((t) => t.surface === 'visit')?.terms).toContain('kunjung');
    expect(terms.find((t) => t.surface === 'shoigu')?.kind).toBe('topic');
  });

  it('matches multi-word headwords before single words', () => {
    expect(readings('press conference').map((t) => t.surface)).toEqual(['press conference']);
  });

  it('finds a phrasal verb under its inflected first word, a noun phrase under its last', () => {
    expect(readings('Who took part in the talks?').find((t) => t.surface === 'took part')?.terms).toContain('partisipasi');
    expect(readings('Is Russia looking for weapons?').find((t) => t.surface === 'looking for')?.terms).toContain('cari');
    expect(readings('two press conferences').map((t) => t.surface)).toContain('press conferences');
  });

  it('in code-mixed Indonesian, translates the English words only', () => {
    const terms = readings('Leader Korut yang meeting sama Putin siapa namanya?');
    expect(terms.find((t) => t.surface === 'meeting')?.terms).toContain('temu');
    expect(terms.find((t) => t.surface === 'meeting')?.kind).toBe('english');
  });

  it('in an English question, reads a word both languages have both ways', () => {
    const air = readings('How bad is the air quality in Jakarta?').find((t) => t.surface === 'air');
    expect(air?.terms).toEqual(expect.arrayContaining(['air', 'udara']));
    // ... but not in an Indonesian one: "air" is water.
    expect(readings('Berapa harga air minum?').find((t) => t.surface === 'air')?.terms).toEqual(['air']);
  });

  it('drops English stopwords', () => {
    expect(readings('What did the Kremlin say about the talks?').map((t) => t.surface)).not.toContain('the');
  });
});

describe('English through WordNet, where FreeDict has no entry', () => {
  it('takes irregular forms from WordNet\'s exception lists', () => {
    expect(analyzer.english.lemmas('flew')).toContain('fly');
    expect(analyzer.english.lemmas('children')).toContain('child');
    expect(analyzer.english.lemmas('women')).toContain('woman');
  });

  it('never reads a suffix on an irregular past: "founder" is found + -er, not find', () => {
    expect(analyzer.english.lemmas('founder')).toContain('found');
    expect(analyzer.english.lemmas('founder')).not.toContain('find');
    expect(analyzer.english.lemmas('founded')).not.toContain('find');
    expect(analyzer.english.lemmas("men's")).toContain('man'); // a possessive does attach to one
  });

  it('reads a word FreeDict lacks through the headwords WordNet relates to it, at a lower factor', () => {
    const penalty = analyzer.analyzeQuery('What is the penalty?').find((t) => t.surface === 'penalty')!;
    expect(penalty.kind).toBe('english');
    const hukum = penalty.alternatives.find((a) => a.term === 'hukum');
    expect(hukum).toBeDefined();
    expect(hukum!.factor).toBeLessThan(0.85);
    expect(readings('Were any flights cancelled?').find((t) => t.surface === 'flights')?.terms).toContain('terbang');
  });

  it('keeps FreeDict\'s own translation where it has one', () => {
    const visit = analyzer.analyzeQuery('visit').find((t) => t.surface === 'visit')!;
    expect(visit.alternatives.find((a) => a.term === 'kunjung')?.factor).toBe(0.85);
  });
});

describe('English through pivot languages (Finnish, Greek, Polish), two agreeing', () => {
  const withoutPivots = new Analyzer({ englishPivots: false });
  const reading = (a: Analyzer, question: string, surface: string) => a.analyzeQuery(question).find((t) => t.surface === surface)!;

  it('translates a word eng-ind lacks at the dictionary\'s own factor ("founder" -> "pendiri")', () => {
    const founder = reading(analyzer, 'Who is the founder of Wagner?', 'founder');
    expect(founder.alternatives.find((a) => a.term === 'diri')?.factor).toBe(0.85);
    expect(reading(withoutPivots, 'Who is the founder of Wagner?', 'founder').alternatives.map((a) => a.term)).not.toContain('diri');
  });

  it('adds a sense eng-ind leaves out beside its own, weaker ("speed": "laju", and "kecepatan")', () => {
    const speed = reading(analyzer, 'What is the top speed?', 'speed');
    expect(speed.alternatives.find((a) => a.term === 'laju')?.factor).toBe(0.85);
    const cepat = speed.alternatives.find((a) => a.term === 'cepat');
    expect(cepat?.factor).toBeGreaterThan(0.5);
    expect(cepat!.factor).toBeLessThan(0.85);
    expect(reading(withoutPivots, 'What is the top speed?', 'speed').alternatives.map((a) => a.term)).not.toContain('cepat');
  });

  it('keeps only what two pivot languages agree on: one alone strays ("flight" through Finnish "kerros", a floor)', () => {
    expect(analyzer.lexicon.englishPivot.get('founder')).toEqual(['pendiri']);
    expect(analyzer.lexicon.englishPivot.has('flight')).toBe(false);
    // Nothing eng-ind already gives for the word is repeated.
    for (const [english, pivoted] of analyzer.lexicon.englishPivot) {
      for (const indonesian of analyzer.lexicon.english.get(english) ?? []) expect(pivoted).not.toContain(indonesian);
    }
  });

  it('reads a word only the pivots know, but corrects no misspelling into one (the dictionary\'s own words only)', () => {
    expect(reading(analyzer, 'When is the anniversary?', 'anniversary').alternatives.map((a) => a.term)).toContain('ulang');
    expect(analyzer.english.correct('anniversery')).toBeUndefined();
  });
});

describe('English compounds with a hyphen', () => {
  it('reads "high-speed" through its words, not as an unknown name', () => {
    const [compound] = readings('the high-speed train').filter((t) => t.surface === 'high-speed');
    expect(compound?.kind).toBe('english');
    expect(compound?.terms).toContain('tinggi');
  });

  it('leaves Indonesian reduplications and pairs of names alone', () => {
    expect(readings('objek-objek')[0]?.kind).toBe('word');
    expect(readings('Jakarta-Bandung')[0]?.kind).not.toBe('english');
  });
});

describe('English words under Indonesian affixes (chat: "hackernya", "dibackup")', () => {
  const term = (question: string, surface: string, options?: ConstructorParameters<typeof Analyzer>[0]) =>
    (options ? new Analyzer(options) : analyzer).analyzeQuery(question).find((t) => t.surface === surface);

  it('reads the English word inside, with its translations, where it was a name no paragraph has', () => {
    expect(term('hackernya minta duit', 'hackernya')).toMatchObject({ kind: 'english' });
    expect(term('hackernya minta duit', 'hackernya')!.alternatives.map((a) => a.term)).toContain('retas');
    expect(term('datanya udah dibackup?', 'dibackup')!.alternatives.map((a) => a.term)).toContain('cadang');
    expect(term('filenya mau didownload', 'didownload')!.alternatives.map((a) => a.term)).toContain('unduh');
    expect(term('kapan mereka mengupload videonya', 'mengupload')!.alternatives.map((a) => a.term)).toContain('unggah');
    expect(term('deal-nya apa', 'deal-nya')!.alternatives.map((a) => a.term)).toContain('sepakat');
    // Without the reading, each is a name: "hacker", no "peretas".
    expect(term('hackernya minta duit', 'hackernya', { affixedEnglish: false })).toMatchObject({ kind: 'topic' });
  });

  it('leaves Indonesian words, and names written with a capital, as they were', () => {
    expect(term('siapa presidennya', 'presidennya')).toMatchObject({ kind: 'word', root: 'presiden' });
    expect(term('kebanyakan orang', 'kebanyakan')).toMatchObject({ kind: 'word' });
    expect(term('Pak Dimas datang', 'dimas')?.kind).not.toBe('english');
  });
});

describe('English loanwords, where FreeDict has no entry', () => {
  it('respells an English word by the loanword rules (suffixes, then letters)', () => {
    expect(indonesianSpellings('ballistic')).toContain('balistik');
    expect(indonesianSpellings('technology')).toContain('teknologi');
    expect(indonesianSpellings('sanction')).toContain('sanksi');
    expect(indonesianSpellings('university')).toContain('universitas');
    expect(indonesianSpellings('satellite')).toContain('satelit');
  });

  it('borrows a verb through its noun (-ate, -ize, -ify), keeping the plain respelling too', () => {
    expect(indonesianSpellings('evacuate')).toEqual(expect.arrayContaining(['evakuasi', 'evakuat']));
    expect(indonesianSpellings('modernize')).toContain('modernisasi');
    expect(indonesianSpellings('verify')).toContain('verifikasi');
    const inaugurated = analyzer.analyzeQuery('When was the station inaugurated?').find((t) => t.surface === 'inaugurated')!;
    expect(inaugurated.alternatives.map((a) => a.term)).toContain('inaugurasi');
    // "promise" ends like "-ise" but no lexicon has "promisasi".
    expect(analyzer.english.loanwords('promise', (w) => analyzer.lexicon.roots.has(w))).not.toContain('promisasi');
  });

  it('reads the word as the loanword when the Indonesian lexicon has that spelling', () => {
    const ballistic = analyzer.analyzeQuery('What is a ballistic missile?').find((t) => t.surface === 'ballistic')!;
    expect(ballistic.alternatives.map((a) => a.term)).toContain('balistik');
    // A respelling no lexicon has is not a reading.
    expect(analyzer.english.loanwords('summit', (w) => analyzer.lexicon.roots.has(w))).toEqual([]);
  });

  it('does not respell a name written with a capital inside a sentence', () => {
    const readingsOf = (question: string) => analyzer.analyzeQuery(question).find((t) => t.surface === 'ballistic')?.alternatives.map((a) => a.term);
    expect(readingsOf('was the ballistic test a success')).toContain('balistik');
    expect(readingsOf('was the Ballistic test a success')).not.toContain('balistik');
    expect(new Analyzer({ loanwords: false }).analyzeQuery('ballistic').flatMap((t) => t.alternatives.map((a) => a.term))).not.toContain('balistik');
  });
});

describe('loanwords', () => {
  it('reads an English word FreeDict translates as its loanword too ("score": partitur, and skor)', () => {
    const score = analyzer.analyzeQuery('What was the final score?').find((t) => t.surface === 'score')!;
    expect(score.alternatives.map((a) => a.term)).toEqual(expect.arrayContaining(['partitur', 'skor']));
    expect(analyzer.analyzeQuery('ammunition stocks').find((t) => t.surface === 'stocks')!.alternatives.map((a) => a.term)).toContain('stok');
  });
});

describe('misspelt English words', () => {
  const reading = (question: string, surface: string) => analyzer.analyzeQuery(question).find((t) => t.surface === surface)!;

  it('reads a misspelling as the one English word it is an edit from, below the correct spelling', () => {
    const isolated = reading('Why is Kim so isolnted?', 'isolnted');
    expect(isolated.kind).toBe('english');
    const pisah = isolated.alternatives.find((a) => a.term === 'pisah');
    expect(pisah).toBeDefined();
    const right = reading('Why is Kim so isolated?', 'isolated').alternatives.find((a) => a.term === 'pisah')!;
    expect(pisah!.factor).toBeLessThan(right.factor);
    expect(reading('Leader Korut yang meetbng sama Putin', 'meetbng').alternatives.map((a) => a.term)).toContain('temu'); // a swap or a changed letter
  });

  it('leaves a spelling alone when two words fit, when it is short, or when it is a name', () => {
    expect(reading('Did Russia back sactions?', 'sactions').kind).toBe('topic'); // sanctions or actions
    expect(reading('Why is the regie isolated?', 'regie').kind).toBe('topic'); // five letters
    expect(reading('Apa kata Isolnted?', 'isolnted').kind).toBe('topic'); // capitalised inside a sentence
  });
});

