import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer, type QueryTerm } from '../../src/analysis/analyzer.js';
import { PACKAGE_ROOT } from '../../src/config/paths.js';
import { CreditIndex, termCredit } from '../../src/curated/phraseMatch.js';

const analyzer = new Analyzer();
const synonyms = (term: QueryTerm) => new Set([...analyzer.synonymWords(term.surface), ...(term.root ? analyzer.synonymWords(term.root) : [])]);

/** A test article's curated entries (phrasings) and the members' questions written for them. */
function curatedSet(article: string): { phrasings: string[]; questions: string[] } {
  const lines = readFileSync(join(PACKAGE_ROOT, 'tests/fixtures', article, 'curated.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const cases = lines.map((l) => JSON.parse(l) as { entry: { question: string; aliases?: string[] }; positives: string[]; negatives: string[] });
  return {
    phrasings: cases.flatMap((c) => [c.entry.question, ...(c.entry.aliases ?? [])]),
    questions: cases.flatMap((c) => [...c.positives, ...c.negatives]),
  };
}

describe('CreditIndex', () => {
  it.each(['second-article', 'fourth-article'])('gives every pair of terms what termCredit gives it (%s: readings, synonyms, near spellings)', (article) => {
    const { phrasings, questions } = curatedSet(article);
    const entryTerms = [...new Set(phrasings.flatMap((p) => analyzer.analyzeQuery(p)))];
    const credits = new CreditIndex(entryTerms, synonyms);
    const seen = { shared: 0, synonym: 0, spelling: 0 };
    for (const question of [...questions, 'whosh diresmikan', 'siapa fairid naparn']) {
      for (const term of analyzer.analyzeQuery(question)) {
        const row = credits.row(term);
        for (const entryTerm of entryTerms) {
          const expected = termCredit(term, entryTerm, synonyms);
          expect(row.get(entryTerm) ?? 0, `${term.surface} ~ ${entryTerm.surface}`).toBeCloseTo(expected, 12);
          if (expected === 0.5 || expected === 0.25) seen.synonym++;
          else if (expected === 0.8 && !term.alternatives.some((a) => entryTerm.alternatives.some((b) => a.term === b.term))) seen.spelling++;
          else if (expected > 0) seen.shared++;
        }
      }
    }
    // The sets exercise every way a term can stand for another.
    expect(seen.shared).toBeGreaterThan(0);
    expect(seen.synonym).toBeGreaterThan(0);
    expect(seen.spelling).toBeGreaterThan(0);
  });

  it('finds every near spelling a pairwise check finds: each kind of edit, at the length bounds (4, 5, 8, 9 letters), two edits from nine', () => {
    const names = ['kcic', 'bogor', 'shoigu', 'wagnerr', 'kremlinn', 'pyongyang', 'prigozhin', 'vostochnyy'];
    const entryTerms = [...new Set(names.flatMap((name) => analyzer.analyzeQuery(name)))];
    const credits = new CreditIndex(entryTerms, synonyms);
    const variants = new Set<string>();
    for (const name of names) {
      for (let i = 0; i < name.length; i++) {
        variants.add(name.slice(0, i) + name.slice(i + 1)); // deletion
        variants.add(name.slice(0, i) + 'x' + name.slice(i + 1)); // substitution
        variants.add(name.slice(0, i) + 'q' + name.slice(i)); // insertion
        if (i + 1 < name.length) variants.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)); // swap
        if (i + 2 < name.length) variants.add(name.slice(0, i) + 'zz' + name.slice(i + 2)); // two substitutions
      }
      variants.add(name + 'zz');
    }
    let near = 0;
    for (const variant of variants) {
      for (const term of analyzer.analyzeQuery(variant)) {
        const row = credits.row(term);
        for (const entryTerm of entryTerms) {
          const expected = termCredit(term, entryTerm, synonyms);
          expect(row.get(entryTerm) ?? 0, `${term.surface} ~ ${entryTerm.surface}`).toBeCloseTo(expected, 12);
          if (expected === 0.8) near++;
        }
      }
    }
    expect(near).toBeGreaterThan(100);
  });
});
