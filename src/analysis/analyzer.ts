import { stemmer as indonesianStemmer } from '@orama/stemmers/indonesian';
import { stopwords as indonesianStopwords } from '@orama/stopwords/indonesian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { buildAliasTable, type AliasTable } from './aliases.js';
import { normalizeText } from './normalize.js';

/**
 * Bump when analysis output changes: persisted indexes are keyed on it, so a
 * saved index built by an older analyzer is rebuilt instead of trusted.
 */
export const ANALYSIS_VERSION = 4;

/**
 * Question words and chatty fillers that Lucene's list lacks. Questions are phrased
 * with them but passages rarely contain them, so they only add noise to a query.
 */
const EXTRA_STOPWORDS = [
  'dimana', 'dimanakah', 'manakah', 'kemana', 'darimana', 'mengapakah', 'kenapakah', 'bilamana',
  'berapakah', 'apakah', 'siapakah', 'kapankah', 'bagaimanakah', 'yg', 'dgn', 'utk', 'gimana',
  'sih', 'deh', 'nih', 'aja', 'udah', 'gak', 'nggak', 'tdk', 'saja', 'tolong', 'jelaskan', 'sebutkan',
  // Function words of Tala's fuller Indonesian list that Lucene's shorter one lacks.
  'atas', 'cara', 'caranya', 'kedua', 'keduanya',
  // English question scaffolding: verbs that carry the question, not its topic.
  'say', 'says', 'said', 'tell', 'told', 'happen', 'happened', 'mean', 'means', 'know', 'think',
];

const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
/** En and em dashes separate words ("Korea Utara–Rusia"); only a hyphen joins them ("objek-objek"). */
const SEPARATING_DASHES = /[\u2012-\u2015\u2212]/g;
/** English possessive: "Russia's stocks" is about Russia, so the word is its owner. */
const POSSESSIVE = /(?<=\p{L}{2})'s$/iu;
/** Emphatic particles: "adakah" and "haruskah" are stopwords when "ada" and "harus" are. */
const PARTICLE = /^(.{2,})(kah|lah|pun)$/;

export interface AnalyzerOptions {
  /** Drop stopwords (default true). Queries made only of stopwords are retried without. */
  removeStopwords?: boolean;
}

/**
 * The Indonesian analysis chain: normalise, tokenise (keeping reduplications such as
 * "objek-objek"), fold aliases, drop stopwords, stem. The same chain runs at index
 * time and at query time, which is what makes terms comparable.
 */
export class Analyzer {
  readonly stopwords: Set<string>;
  private readonly aliases: AliasTable;
  private readonly stemCache = new Map<string, string>();

  constructor(aliases: AliasTable = buildAliasTable()) {
    this.aliases = aliases;
    this.stopwords = new Set([...indonesianStopwords, ...englishStopwords, ...EXTRA_STOPWORDS]);
  }

  /** Index terms of a text, in order, with repeats (term frequency matters). */
  analyze(text: string, options: AnalyzerOptions = {}): string[] {
    return this.run(text, options.removeStopwords ?? true);
  }

  /**
   * Like `analyzeQuery`, with the word each term came from (before stemming and alias
   * folding), so that typo tolerance can also compare the written form.
   */
  analyzeQueryTerms(text: string): { term: string; surface: string }[] {
    let surfaces: string[] = [];
    let terms = this.run(text, true, surfaces);
    if (terms.length === 0) terms = this.run(text, false, (surfaces = []));
    const seen = new Set<string>();
    const out: { term: string; surface: string }[] = [];
    terms.forEach((term, i) => {
      if (seen.has(term)) return;
      seen.add(term);
      out.push({ term, surface: surfaces[i]! });
    });
    return out;
  }

  private run(text: string, removeStopwords: boolean, surfaces?: string[]): string[] {
    const raw = (normalizeText(text.replace(SEPARATING_DASHES, ' ')).match(TOKEN) ?? []).map((t) => t.replace(POSSESSIVE, ''));
    const lower = raw.map((t) => t.toLowerCase());
    const terms: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const acronym = this.aliases.acronyms.get(raw[i]!);
      if (acronym) {
        terms.push(acronym);
        surfaces?.push(lower[i]!);
        continue;
      }
      const phrase = this.matchPhrase(lower, i);
      if (phrase) {
        terms.push(phrase.canonical);
        surfaces?.push(lower.slice(i, i + phrase.length).join(''));
        i += phrase.length - 1;
        continue;
      }
      const before = terms.length;
      this.pushWord(raw[i]!, lower[i]!, removeStopwords, terms);
      // A plain word's surface is the word; a compound's terms stand for themselves.
      if (surfaces) for (let k = before; k < terms.length; k++) surfaces.push(terms.length - before === 1 ? lower[i]! : terms[k]!);
    }
    return terms;
  }

  /**
   * Terms of a query, without repeats. A query made only of stopwords ("siapa dia?")
   * is analysed again with the stoplist off rather than coming back empty.
   */
  analyzeQuery(text: string): string[] {
    let terms = this.analyze(text);
    if (terms.length === 0) terms = this.analyze(text, { removeStopwords: false });
    return [...new Set(terms)];
  }

  stem(word: string): string {
    let stem = this.stemCache.get(word);
    if (stem === undefined) {
      stem = /\p{L}/u.test(word) && word.length > 3 ? indonesianStemmer(word) : word;
      if (this.stemCache.size > 200_000) this.stemCache.clear();
      this.stemCache.set(word, stem);
    }
    return stem;
  }

  isStopword(word: string): boolean {
    if (this.stopwords.has(word)) return true;
    const particle = PARTICLE.exec(word);
    return particle !== null && this.stopwords.has(particle[1]!);
  }

  private pushWord(raw: string, word: string, removeStopwords: boolean, out: string[]): void {
    if (!word.includes('-') && !word.includes("'")) {
      if (!(removeStopwords && this.isStopword(word))) out.push(this.stem(word));
      return;
    }
    // Compounds and reduplications: keep the whole form, and its parts so that
    // "objek" also finds "objek-objek" and "AS-Korut" finds both countries.
    if (!(removeStopwords && this.isStopword(word))) out.push(word);
    const rawParts = raw.split(/['-]/);
    const seen = new Set<string>([word]);
    word.split(/['-]/).forEach((part, k) => {
      const term = this.aliases.acronyms.get(rawParts[k] ?? '') ?? this.singleWordAlias(part);
      if (!term && (part.length < 2 || (removeStopwords && this.isStopword(part)))) return;
      const stem = term ?? this.stem(part);
      if (!seen.has(stem)) {
        seen.add(stem);
        out.push(stem);
      }
    });
  }

  private singleWordAlias(word: string): string | undefined {
    return this.aliases.byFirstWord.get(word)?.find((p) => p.words.length === 1)?.canonical;
  }

  private matchPhrase(lower: string[], start: number): { canonical: string; length: number } | undefined {
    const candidates = this.aliases.byFirstWord.get(lower[start]!);
    if (!candidates) return undefined;
    for (const { words, canonical } of candidates) {
      if (words.every((w, k) => lower[start + k] === w)) return { canonical, length: words.length };
    }
    return undefined;
  }
}
