import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { ALIAS_GROUPS, buildAliasTable } from '../../src/analysis/aliases.js';

const analyzer = new Analyzer();
const terms = (text: string) => analyzer.analyze(text);
const query = (text: string) => analyzer.analyzeQuery(text);

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
    expect(terms('Korea Utara\u2013Rusia')).toEqual(['koreautara', 'rusia']);
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

  it('keeps reduplications whole and also yields their base', () => {
    expect(terms('objek-objek')).toEqual(['objek-objek', 'objek']);
    const words = terms('Kami akan menunjukkan objek-objek baru kami');
    expect(words).toContain('objek-objek');
    expect(words).toContain('objek');
    // The base form alone finds the reduplicated one.
    expect(words).toEqual(expect.arrayContaining(terms('objek')));
  });

  it('keeps digits and does not stem short words or numbers', () => {
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
  it('removes Lucene Indonesian stopwords', () => {
    expect(terms('yang dan adalah')).toEqual([]);
    expect(terms('ini itu dengan dari pada ke di')).toEqual([]);
    expect(terms('Putin dan Kim adalah pemimpin yang')).not.toEqual(expect.arrayContaining(['yang']));
    const t = terms('Putin dan Kim adalah pemimpin yang berjabat tangan');
    for (const stop of ['yang', 'dan', 'adalah', 'ada']) expect(t).not.toContain(stop);
    expect(t).toContain('putin');
  });

  it('removes question words and -kah forms', () => {
    for (const word of [
      'siapa', 'apa', 'bagaimana', 'mengapa', 'kenapa', 'kapan', 'berapa', 'dimana',
      'apakah', 'siapakah', 'dimanakah', 'kapankah', 'bagaimanakah', 'berapakah', 'mengapakah', 'manakah',
    ]) {
      expect(terms(word), word).toEqual([]);
    }
    expect(terms('Siapakah Sergei Shoigu?')).toEqual(terms('Sergei Shoigu'));
    expect(terms('Dimanakah kosmodrom itu?')).toEqual(terms('kosmodrom'));
  });

  it('removes English stopwords', () => {
    expect(terms('what is the of and where who')).toEqual([]);
    expect(terms('What is the founder of Wagner?')).toEqual(terms('founder Wagner'));
  });

  it('keeps stopwords when asked to', () => {
    expect(analyzer.analyze('yang dan', { removeStopwords: false })).toEqual(['yang', 'dan']);
  });

  it('falls back to the stopwords for a stopword-only query instead of returning nothing', () => {
    const q = query('siapa dia?');
    expect(q.length).toBeGreaterThan(0);
    expect(q).toEqual(expect.arrayContaining(['siapa', 'dia']));
    expect(query('yang dan adalah').length).toBeGreaterThan(0);
  });

  it('returns no terms for a query without any word', () => {
    expect(query('')).toEqual([]);
    expect(query('???')).toEqual([]);
  });

  it('does not repeat terms in a query', () => {
    expect(query('Putin Putin PUTIN putin')).toEqual(['putin']);
    expect(query('AS US USA Amerika Serikat')).toEqual(['amerikaserikat']);
  });
});

describe('Analyzer: stemming', () => {
  it.each([
    ['pembicaraan', 'bicara'],
    ['memasok', 'pasok'],
    ['diandalkan', 'andal'],
    ['mengandalkan', 'andal'],
  ])('stems %s to %s', (word, stem) => {
    expect(terms(word)).toEqual([stem]);
  });

  it('gives inflected forms the same term as the base', () => {
    expect(terms('dipasok')).toEqual(terms('memasok'));
    expect(terms('pembicaraan')).toEqual(terms('bicara'));
  });
});

describe('Analyzer: aliases (both sides)', () => {
  it('folds AS and Amerika Serikat to the same single term', () => {
    expect(terms('AS')).toHaveLength(1);
    expect(terms('AS')).toEqual(terms('Amerika Serikat'));
    expect(terms('US')).toEqual(terms('amerika serikat'));
    expect(terms('USA')).toEqual(terms('United States'));
  });

  it('folds Korut / Korea Utara / North Korea / DPRK', () => {
    const t = terms('Korea Utara');
    expect(t).toHaveLength(1);
    for (const variant of ['Korut', 'korea utara', 'KOREA UTARA', 'North Korea', 'DPRK']) {
      expect(terms(variant), variant).toEqual(t);
    }
  });

  it('folds Russia onto Rusia and Moscow onto Moskow', () => {
    expect(terms('Russia')).toEqual(terms('Rusia'));
    expect(terms('Russian')).toEqual(terms('Rusia'));
    expect(terms('Moscow')).toEqual(terms('Moskow'));
  });

  it('folds pemilu onto pemilihan umum', () => {
    expect(terms('pemilu')).toEqual(terms('pemilihan umum'));
    expect(terms('pemilu')).toHaveLength(1);
  });

  it('folds multi-word names in the middle of text, on the index side too', () => {
    const paragraph = 'ada peringatan dari pejabat AS bahwa Korea Utara dan Rusia tengah mempertimbangkan';
    const t = terms(paragraph);
    for (const q of ['Amerika Serikat', 'Korut', 'Russia']) {
      expect(t, q).toEqual(expect.arrayContaining(query(q)));
    }
    // The parts of a folded phrase are not indexed separately.
    expect(t).not.toContain('utara');
  });

  it('does NOT fold lower-case English "as" / "us" to Amerika Serikat', () => {
    const canonical = terms('AS')[0]!;
    for (const text of ['as', 'us', 'As you know', 'tell us', 'as soon as possible']) {
      expect(terms(text), text).not.toContain(canonical);
      expect(query(text), text).not.toContain(canonical);
    }
  });

  it('prefers the longest phrase (Kim Jong Un is one term, like Kim)', () => {
    expect(terms('Kim Jong Un')).toEqual(terms('Kim'));
    expect(terms('Kim Jong-un')).toEqual(terms('Kim'));
    expect(terms('Vladimir Putin')).toEqual(terms('Putin'));
    expect(terms('Perserikatan Bangsa-Bangsa')).toEqual(terms('PBB'));
  });

  it('every alias phrase and acronym of the shipped table maps onto its group term', () => {
    for (const group of ALIAS_GROUPS) {
      const expected = terms(group.phrases[0]!);
      expect(expected, group.canonical).toHaveLength(1);
      for (const phrase of group.phrases) expect(terms(phrase), phrase).toEqual(expected);
      for (const acronym of group.acronyms ?? []) expect(terms(acronym), acronym).toEqual(expected);
    }
  });

  it('accepts a custom alias table', () => {
    const custom = new Analyzer(buildAliasTable([{ canonical: 'wagnergroup', phrases: ['grup wagner', 'wagner'], acronyms: ['PMC'] }]));
    expect(custom.analyze('Grup Wagner')).toEqual(['wagnergroup']);
    expect(custom.analyze('PMC')).toEqual(['wagnergroup']);
    expect(custom.analyze('pmc')).toEqual(['pmc']);
    // Built-in aliases are not active in the custom table.
    expect(custom.analyze('Korut')).toEqual(['korut']);
  });
});

describe('Analyzer: query and index sides agree', () => {
  it('a question and the sentence that answers it share terms', () => {
    const sentence = 'Pada bulan Juli, Menteri Pertahanan Rusia, Sergei Shoigu berkunjung ke Pyongyang dengan dikatakan membawa “daftar belanja”.';
    const indexed = new Set(terms(sentence));
    const q = query('Siapa Menhan Russia yang berkunjung ke Pyongyang?');
    expect(q.length).toBeGreaterThanOrEqual(3);
    for (const term of q) expect(indexed.has(term), term).toBe(true);
  });
});

describe('Analyzer: known bugs (flip `it.fails` to `it` once fixed)', () => {
  // BUG (src/analysis/analyzer.ts, analyze/matchPhrase/pushWord): aliases are matched on
  // whole tokens only, and a hyphen (or an en dash, folded to "-") glues words into one
  // token. So "Korea Utara–Rusia" yields ['korea', 'utara-rusia', 'utara', 'rusia'] with
  // no 'koreautara', and "AS-Korut" yields ['as-korut', 'korut'] (AS dropped as the
  // English stopword "as", Korut not folded). News text writes these pairs all the time.
  it('folds aliases inside hyphenated pairs ("Korea Utara–Rusia", "AS-Korut")', () => {
    expect(terms('Korea Utara\u2013Rusia')).toEqual(expect.arrayContaining(terms('Korea Utara')));
    expect(terms('AS-Korut')).toEqual(expect.arrayContaining([...terms('AS'), ...terms('Korut')]));
  });

  // BUG (src/analysis/analyzer.ts, EXTRA_STOPWORDS / pushWord): stopwords are checked
  // before stemming, so -kah question forms missing from the lists survive as the stem
  // of a stopword: "adakah" -> 'ada' (itself a stopword), also "haruskah" -> 'harus'.
  it('drops the question form "adakah" like "apakah"', () => {
    expect(terms('Adakah konferensi pers?')).toEqual(terms('Apakah konferensi pers?'));
  });
});
