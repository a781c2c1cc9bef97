import { describe, expect, it, vi } from 'vitest';
import { aliasGroupsOf, ALIAS_GROUPS } from '../../src/analysis/aliases.js';
import { Analyzer, type Alternative, type QueryTerm } from '../../src/analysis/analyzer.js';

const analyzer = new Analyzer();
const terms = (text: string) => analyzer.analyze(text);
/** Every index term a question can stand for. */
const readings = (text: string) => analyzer.queryTermSet(text);
const surfaces = (text: string) => analyzer.analyzeQuery(text).map((t) => t.surface);

describe('Analyzer: normalisation and tokenisation', () => {
  it('lower-cases', () => {
    expect(terms('WAGNER Wagner wagner')).toEqual(['wagner', 'wagner', 'wagner']);
  });

  it('applies NFKC to full-width letters before matching', () => {
    expect(terms('ＷＡＧＮＥＲ')).toEqual(terms('Wagner'));
    expect(terms('ＳＨＯＩＧＵ')).toEqual(['shoigu']);
    // Full-width acronym still folds as an alias.
    expect(terms('ＡＳ')).toEqual(terms('AS'));
  });

  it('treats curly apostrophes like straight ones and folds dashes', () => {
    expect(terms('Jum\u2019at')).toEqual(terms("Jum'at"));
    expect(terms("Jum'at")).toContain("jum'at");
    // En dashes separate words ("Korea Utara\u2013Rusia"); only hyphens join them.
    expect(terms('objek\u2011objek')).toEqual(terms('objek-objek'));
    expect(terms('Korea Utara\u2013Rusia')).toEqual([...terms('Korea Utara'), ...terms('Rusia')]);
  });

  it("reads an English possessive as its owner (\"Russia's\" is Russia)", () => {
    expect(terms("Russia's stocks")).toEqual(terms('Russia stocks'));
    expect(terms("the US's position")).toContain('amerikaserikat');
  });

  it('strips control and zero-width characters instead of splitting words on them', () => {
    expect(terms('Pri\u200Bgo\u200Dzhin')).toEqual(['prigozhin']);
    expect(terms('Wag\u0007ner\uFEFF')).toEqual(['wagner']);
  });

  it('treats curly quotes as punctuation', () => {
    expect(terms('\u201Ckekuatan jahat\u201D')).toEqual(terms('kekuatan jahat'));
    expect(terms('\u201Ckekuatan jahat\u201D').length).toBeGreaterThan(0);
  });

  it('keeps reduplications whole (as their root) and also yields their base', () => {
    expect(terms('objek-objek')).toContain('objek');
    expect(terms('Kami akan menunjukkan objek-objek baru kami')).toEqual(expect.arrayContaining(terms('objek')));
    expect(terms('AS-Korut')).toEqual(expect.arrayContaining([...terms('AS'), 'koreautara']));
  });

  it('keeps digits and does not stem numbers', () => {
    expect(terms('2023')).toEqual(['2023']);
    expect(terms('CNN')).toEqual(['cnn']);
  });

  it('returns nothing for empty, punctuation-only or emoji-only text', () => {
    expect(terms('')).toEqual([]);
    expect(terms('?!... ,,, --- \u201C\u201D')).toEqual([]);
    expect(terms('\u{1F642}\u{1F642}')).toEqual([]);
  });
});

describe('Analyzer: stopwords', () => {
  it("removes Lucene's Indonesian stopwords", () => {
    expect(terms('yang dan adalah')).toEqual([]);
    expect(terms('ini itu dengan dari pada ke di')).toEqual([]);
    const t = terms('Putin dan Kim adalah pemimpin yang berjabat tangan');
    for (const stop of ['yang', 'dan', 'adalah', 'ada']) expect(t).not.toContain(stop);
    expect(t).toContain('putin');
  });

  it('drops question words, their -kah forms and chat spellings from questions', () => {
    for (const word of ['siapa', 'apa', 'bagaimana', 'mengapa', 'kenapa', 'kapan', 'berapa', 'apakah', 'siapakah', 'kapankah', 'bagaimanakah', 'berapakah', 'adakah']) {
      expect(terms(word), word).toEqual([]);
    }
    for (const word of ['dimana', 'dimanakah', 'gimana', 'knp', 'brp']) expect(surfaces(`${word} roket`), word).toEqual(['roket']);
    expect(readings('Siapakah Sergei Shoigu?')).toEqual(readings('Sergei Shoigu'));
  });

  it('removes English stopwords', () => {
    expect(terms('what is the of and where who')).toEqual([]);
    expect(surfaces('What is the founder of Wagner?')).toEqual(['founder', 'wagner']);
    // Orama's English list lacks the article "a"; Lucene's default set has it.
    expect(surfaces('What is a mercenary?')).toEqual(['mercenary']);
  });

  it('keeps stopwords when asked to', () => {
    expect(analyzer.analyze('yang dan', { removeStopwords: false })).toEqual(['yang', 'dan']);
  });

  it('falls back to the stopwords for a stopword-only question instead of returning nothing', () => {
    expect(readings('siapa dia?')).toEqual(expect.arrayContaining(['siapa', 'dia']));
    expect(readings('yang dan adalah').length).toBeGreaterThan(0);
  });

  it('returns no terms for a question without any word', () => {
    expect(analyzer.analyzeQuery('')).toEqual([]);
    expect(analyzer.analyzeQuery('???')).toEqual([]);
  });

  it('does not repeat terms in a question', () => {
    expect(surfaces('Putin Putin PUTIN putin')).toEqual(['putin']);
    expect(readings('AS US USA Amerika Serikat')).toContain('amerikaserikat');
    expect(analyzer.analyzeQuery('AS US USA Amerika Serikat')).toHaveLength(1);
  });
});

describe('Analyzer: stemming', () => {
  it.each([
    ['pembicaraan', 'bicara'],
    ['memasok', 'pasok'],
    ['diandalkan', 'andal'],
    ['mengandalkan', 'andal'],
    ['bertemu', 'temu'],
  ])('stems %s to %s', (word, stem) => {
    expect(terms(word)).toEqual([stem]);
  });

  it('gives inflected forms the same term as the base', () => {
    expect(terms('dipasok')).toEqual(terms('memasok'));
    expect(terms('pembicaraan')).toEqual(terms('bicara'));
  });
});

describe('Analyzer: aliases (both sides)', () => {
  it('folds AS and Amerika Serikat to the same term', () => {
    expect(terms('AS')).toEqual(['amerikaserikat']);
    expect(terms('Amerika Serikat')[0]).toBe('amerikaserikat');
    expect(readings('US')).toContain('amerikaserikat');
    expect(readings('United States')).toContain('amerikaserikat');
  });

  it('folds Korut / Korea Utara / North Korea / DPRK', () => {
    for (const variant of ['Korut', 'korea utara', 'KOREA UTARA', 'North Korea', 'DPRK']) expect(terms(variant)[0], variant).toBe('koreautara');
  });

  it('indexes the words of a folded name too, so one of them alone still finds it', () => {
    expect(terms('Korea Utara')).toEqual(['koreautara', 'korea', 'utara']);
    expect(terms('pemilihan presiden')).toEqual(expect.arrayContaining(['pemilihanpresiden', 'pilih', 'presiden']));
  });

  it('reads an abbreviation of an ordinary phrase also as that phrase\'s words', () => {
    const pemilu = analyzer.analyzeQuery('pemilu')[0]!;
    expect(pemilu.kind).toBe('word');
    expect(pemilu.alternatives.map((a) => a.term)).toEqual(['pemilihanumum', 'pilih', 'umum']);
    // A country's name is not read by its words.
    expect(analyzer.analyzeQuery('NATO')[0]!.alternatives.map((a) => a.term)).toEqual(['nato']);
  });

  it('folds Russia onto Rusia and Moscow onto Moskow', () => {
    expect(terms('Russia')).toEqual(terms('Rusia'));
    expect(terms('Russian')).toEqual(terms('Rusia'));
    expect(terms('Moscow')).toEqual(terms('Moskow'));
  });

  it('does NOT fold lower-case English "as" / "us" to Amerika Serikat', () => {
    for (const text of ['as', 'us', 'As you know', 'tell us', 'as soon as possible']) {
      expect(terms(text), text).not.toContain('amerikaserikat');
      expect(readings(text), text).not.toContain('amerikaserikat');
    }
  });

  it('every alias phrase and acronym of the shipped table maps onto its group term', () => {
    for (const group of ALIAS_GROUPS) {
      for (const phrase of group.phrases) expect(terms(phrase)[0], phrase).toBe(group.canonical);
      for (const acronym of group.acronyms ?? []) expect(terms(acronym), acronym).toEqual([group.canonical]);
    }
  });

  it("takes an article's own aliases from its front matter, beside the general ones", () => {
    const custom = new Analyzer({ extraAliases: aliasGroupsOf([['kim jong un', 'kim jong-un', 'kim']]) });
    expect(custom.analyze('Kim')).toEqual(['kimjongun']);
    expect(custom.analyze('Kim Jong Un')[0]).toBe('kimjongun');
    expect(custom.analyze('Korut')).toEqual(['koreautara']);
    expect(custom.fingerprint).not.toBe(analyzer.fingerprint);
  });
});

describe('Analyzer: capitals stand for their countries', () => {
  const reading = (question: string, surface: string) => analyzer.analyzeQuery(question).find((t) => t.surface === surface);

  it.each([
    ['Sanksi buat Moskow itu karena apa?', 'moskow', 'rusia'],
    ['amunisi ke Kyiv', 'kyiv', 'ukraina'],
    ['Pyongyang menolak', 'pyongyang', 'koreautara'],
    ['delegasi Kuala Lumpur', 'kuala lumpur', 'malaysia'],
  ])('%s: %s also reads, weaker, as %s', (question, surface, country) => {
    const term = reading(question, surface)!;
    expect(term.kind).toBe('topic');
    expect(term.alternatives[0]).toMatchObject({ factor: 1 });
    expect(term.alternatives.find((a) => a.term === country)?.factor).toBeLessThan(1);
  });

  it('a capital spelled like an ordinary word is not read as a country ("lima orang", "baku")', () => {
    expect(readings('lima orang')).not.toContain('peru');
    expect(readings('bahasa baku')).not.toContain('azerbaijan');
  });

  it('indexes a capital of several words as one term, and the country reading is for questions only', () => {
    expect(terms('Pertemuan di Kuala Lumpur')).toContain('kualalumpur');
    expect(terms('Pertemuan di Moskow')).not.toContain('rusia');
  });

  it('can be turned off for ablations', () => {
    expect(new Analyzer({ capitals: false }).queryTermSet('Moskow')).toEqual(['moskow']);
  });
});

describe('Analyzer: query and index sides agree', () => {
  it('a question and the sentence that answers it share terms', () => {
    const sentence = 'Pada bulan Juli, Menteri Pertahanan Rusia, Sergei Shoigu berkunjung ke Pyongyang dengan dikatakan membawa “daftar belanja”.';
    const indexed = new Set(terms(sentence));
    const question = analyzer.analyzeQuery('Siapa Menhan Russia yang berkunjung ke Pyongyang?');
    expect(question.length).toBeGreaterThanOrEqual(3);
    for (const term of question) expect(term.alternatives.some((a) => indexed.has(a.term)), term.surface).toBe(true);
  });
});

describe('Analyzer: fingerprint', () => {
  it('is stable for the same analysis and changes with any option', () => {
    expect(new Analyzer().fingerprint).toBe(analyzer.fingerprint);
    expect(new Analyzer({ stopwords: 'tala' }).fingerprint).not.toBe(analyzer.fingerprint);
    expect(new Analyzer({ fallbackStemmer: 'none' }).fingerprint).not.toBe(analyzer.fingerprint);
  });
});

describe('Analyzer: names and question phrases read from the writing', () => {
  const analyzer = new Analyzer();
  const kinds = (q: string) => Object.fromEntries(analyzer.analyzeQuery(q).map((t) => [t.surface, t.kind]));

  it('reads a word in capitals inside a sentence as an acronym, a name', () => {
    expect(kinds('Apa kata ekonom CORE soal inflasi?').core).toBe('topic');
    expect(kinds('apa kata ekonom core soal inflasi?').core).toBe('english');
    // A question written all in capitals is shouting, not acronyms.
    expect(kinds('APA KATA EKONOM SOAL HARGA?').harga).toBe('word');
  });

  it('drops "long" of "how long": it asks for a duration, not a length', () => {
    expect(analyzer.analyzeQuery('How long did the meeting last?').map((t) => t.surface)).not.toContain('long');
    expect(analyzer.analyzeQuery('a long meeting').map((t) => t.surface)).toContain('long');
  });
});

describe('Analyzer: a question is read once for all its readers', () => {
  it('gives the same frozen reading to the curated answers and the article search, and reads it again once it is no longer recent', () => {
    const fresh = new Analyzer();
    const first = fresh.analyzeQuery('Siapa pendiri Wagner?');
    expect(fresh.analyzeQuery('Siapa pendiri Wagner?')).toBe(first);
    // Shared, so no reader may change it.
    expect(() => (first as QueryTerm[]).push(first[0]!)).toThrow(TypeError);
    expect(() => ((first[0]!.alternatives as Alternative[])[0]!.factor = 0)).toThrow(TypeError);
    for (let i = 0; i < 70; i++) fresh.analyzeQuery(`pertanyaan nomor ${i}`);
    const again = fresh.analyzeQuery('Siapa pendiri Wagner?');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('Analyzer: warm-up', () => {
  it('runs the misspelt-form search on dozens of words (hundreds of spellings each through the stemmer), and reads questions as a fresh analyzer does', () => {
    const warmed = new Analyzer();
    const spellings = vi.spyOn(warmed.stemmer, 'rootOfSpelling');
    for (const step of warmed.warmUpSteps()) step();
    // 48 words of 6-14 letters, each some hundreds of one-edit spellings.
    expect(spellings.mock.calls.length).toBeGreaterThan(48 * 300);
    for (const question of ['kenapa rusia diasnksi', 'pyongayng dapat untung apa', 'dibgiin apa aja sih']) expect(warmed.analyzeQuery(question)).toEqual(new Analyzer().analyzeQuery(question));
  });
});
