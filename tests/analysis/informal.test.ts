import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { PACKAGE_ROOT } from '../../src/config/paths.js';

const analyzer = new Analyzer();
/** The index terms a question word can stand for. */
const readings = (question: string) => analyzer.analyzeQuery(question).flatMap((t) => t.alternatives.map((a) => a.term));

describe('informal Indonesian', () => {
  it('reads every form of the table as a word or a stopword, never as a name, but for the places it lists', () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const places = table.slice(table.indexOf('# Place and country short forms'));
    const forms = table.split('\n').filter((line) => line.includes('\t') && !line.startsWith('#')).map((line) => line.split('\t')[0]!);
    expect(forms.length).toBeGreaterThan(450);
    const names = forms.filter((form) => analyzer.analyzeQuery(`putin ${form}`).find((t) => t.surface === form)?.kind === 'topic');
    expect(names.filter((form) => !places.includes(`\n${form}\t`))).toEqual([]);
  });

  it.each([
    ['gak', 'tidak'],
    ['udh', 'sudah'],
    ['knp', 'kenapa'],
    ['yg', 'yang'],
    ['dikasih', 'beri'],
    ['ngomongin', 'bicara'],
    ['bilang', 'kata'],
    ['emng', 'memang'],
    ['pnya', 'punya'],
    ['lgsg', 'langsung'],
    ['srg', 'sering'],
    ['stlah', 'setelah'],
    ['jt', 'juta'],
  ])('the table maps %s to its standard form (%s)', (informal, standard) => {
    expect(analyzer.informal.standardFor(informal)?.map((w) => analyzer.stem(w))).toContain(analyzer.stem(standard));
  });

  it.each([
    ['hrg', 'harga'],
    ['mksd', 'maksud'],
    ['mslh', 'masalah'],
    ['pmrnth', 'perintah'], // pemerintah, read as the corpus is
    ['dktr', 'dokter'],
  ])('a vowelless abbreviation of a common word: %s reads as %s, and is not a name', (word, root) => {
    const [term] = analyzer.analyzeQuery(`korut ${word} apa`).filter((t) => t.surface === word);
    expect(term?.kind).toBe('word');
    expect(term?.alternatives[0]?.term).toBe(root);
  });

  it('drops the abbreviation of a stopword as it drops the stopword ("dpt" is "dapat")', () => {
    expect(analyzer.informal.abbreviated('dpt')).toBe('dapat');
    expect(readings('korut dpt apa')).toEqual(readings('korut dapat apa'));
  });

  it('reads English chat shorthand as tone, not as an abbreviation ("pls" is not "polisi")', () => {
    expect(readings('pls siapa pendiri wagner')).not.toContain('polisi');
    expect(readings('btw siapa pendiri wagner')).toEqual(readings('siapa pendiri wagner'));
  });

  it.each(['kpk', 'bmkg', 'kbr', 'brt'])('an acronym or an ambiguous skeleton (%s) is not expanded', (word) => {
    expect(analyzer.informal.abbreviated(word)).toBeUndefined();
  });

  it.each([
    ['ngingetin', 'ingat'], // ng- + inget (e for a) + -in
    ['bantuin', 'bantu'],
    ['luncurin', 'luncur'],
    ['dapet', 'dapat'],
    ['ujan', 'hujan'], // a dropped h
    ['ditangkep', 'tangkap'],
    ['mukul', 'pukul'],
    ['kebakar', 'bakar'],
  ])('regular informal morphology: %s reads as %s', (word, root) => {
    expect(readings(`kenapa ${word} roket`)).toContain(root);
  });

  it("reads an ng- form as its standard meng- form, so a member reaches the root the article's word has", () => {
    // "ngeluarin" is "mengeluarkan" (keluar), not nge- + "luar".
    for (const [informal, standard] of [['ngeluarin', 'mengeluarkan'], ['ngeselin', 'mengeselkan'], ['ngalahin', 'mengalahkan'], ['ngirim', 'mengirim'], ['ngumpulin', 'mengumpulkan']]) {
      expect(analyzer.informal.rootOf(informal!), informal).toBe(analyzer.stemmer.findRoot(standard!));
    }
    expect(analyzer.informal.rootOf('ngeluarin')).toBe('keluar');
  });

  it('keeps the word as written too, so a name is never lost to a reading', () => {
    expect(readings('ngingetin')).toContain('ngingetin');
  });

  it('does not read short names as informal verbs', () => {
    expect(readings('nato')).not.toContain('tato');
    expect(analyzer.informal.rootOf('nato')).toBeUndefined();
  });

  it('drops discourse particles and laughter, even when nothing else is left', () => {
    expect(readings('putin sih dong kok ya')).toEqual(readings('putin'));
    expect(analyzer.analyzeQuery('wkwkwk')).toEqual([]);
    expect(analyzer.analyzeQuery('hahaha hehe')).toEqual([]);
  });

  it('reads "2" as reduplication and question words under -kah', () => {
    expect(readings('hati2')).toContain('hati');
    expect(analyzer.analyzeQuery('gimanakah roket').map((t) => t.surface)).toEqual(['roket']);
  });

  it('reads a listed informal form under the clitic -nya as the form ("emangnya", "orgnya")', () => {
    expect(analyzer.analyzeQuery('emangnya roket').map((t) => t.surface)).toEqual(['roket']); // memang: a stopword
    expect(readings('orgnya')).toEqual(['orang']);
    expect(readings('benernya')).toEqual(['benar']);
    // A root with -nya is that root, whatever the table says of what is left.
    expect(readings('harganya')).toEqual(['harga']);
    expect(readings('tanya')).toEqual(['tanya']);
  });

  it('reads chat discourse words as what they stand for, not as names ("yaudah", "mulu")', () => {
    expect(analyzer.analyzeQuery('yaudah roket').map((t) => t.surface)).toEqual(['roket']);
    expect(analyzer.analyzeQuery('roket mulu').find((t) => t.surface === 'mulu')).toMatchObject({ kind: 'word', alternatives: [{ term: 'melulu' }] });
  });
});
