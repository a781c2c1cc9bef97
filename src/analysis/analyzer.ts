import { createHash } from 'node:crypto';
import { stemmer as lightStemmer } from '@orama/stemmers/indonesian';
import { stopwords as indonesianStopwords } from '@orama/stopwords/indonesian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { ALIAS_GROUPS, buildAliasTable, capitalGroups, type AliasGroup, type AliasTable } from './aliases.js';
import { EnglishDictionary } from './english.js';
import { InformalIndonesian } from './informal.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { SpellingCorrector, swappedMisspellings } from './spelling.js';
import { BoundedMemo } from '../shared/memo.js';
import { IndonesianStemmer, rootLexiconOf } from './stemmer.js';

/**
 * Bump when the analysis code changes what it outputs: the saved index is keyed on
 * `Analyzer.fingerprint`, which holds this, the lexicon files' hash and the alias groups.
 */
export const ANALYSIS_VERSION = 16;

/**
 * Lucene's default English stop set (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET): Orama's
 * longer English list leaves out the article "a", which every other list has.
 */
const LUCENE_ENGLISH_STOPWORDS = 'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' ');
const ENGLISH_STOPWORDS = new Set([...englishStopwords, ...LUCENE_ENGLISH_STOPWORDS]);
const INDONESIAN_STOPWORDS = new Set(indonesianStopwords);
const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
/** En and em dashes separate words ("Korea Utara–Rusia"); only a hyphen joins them ("objek-objek"). */
const SEPARATING_DASHES = /[\u2012-\u2015\u2212]/g;
/** English possessive: "Russia's stocks" is about Russia, so the word is its owner. */
const POSSESSIVE = /(?<=\p{L}{2})'s$/iu;
/** Emphatic particles: "adakah" and "haruskah" are stopwords when "ada" and "harus" are. */
const PARTICLE = /^(.{2,})(kah|lah|pun)$/;

/**
 * What a word of a question is, for deciding whether the articles answer it:
 * - `topic`: a name, acronym or term no general lexicon has (Shoigu, NATO, iPhone) or a
 *   proper name hunspell lists (Rusia, Maroko): if no paragraph has it, the question is
 *   about something else;
 * - `word`: an ordinary Indonesian word (standard or informal): if no paragraph has it,
 *   it is likely phrasing;
 * - `english`: an English word (likewise phrasing when it finds nothing);
 * - `number`: digits (years, amounts).
 */
export type TermKind = 'topic' | 'word' | 'english' | 'number';

/** How an alternative was reached from what the member typed. */
export type Reading = 'word' | 'alias' | 'informal' | 'english' | 'thesaurus';

export interface Alternative {
  term: string;
  /** How sure the reading is: 1 for the word itself, less for a translation. */
  factor: number;
  via: Reading;
  /** A reading of the word's spelling correction ("terakhr" read as "terakhir"), at READING_FACTORS.misspelling of its own factor. */
  corrected?: true;
}

/** One meaningful word (or phrase) of a question and the index terms that stand for it. */
export interface QueryTerm {
  /** As written, lower case (several words for a phrase). */
  readonly surface: string;
  readonly kind: TermKind;
  /** The Indonesian root the word was read as, when there is one (for the thesaurus). */
  readonly root?: string;
  readonly alternatives: readonly Alternative[];
}

export interface AnalyzerOptions {
  /** Stopword list: Lucene's Indonesian list (default; measured best on TyDi) or Tala's longer one. */
  stopwords?: 'tala' | 'lucene';
  /** For words with no root in the lexicon: the light Orama stemmer (default) or none. */
  fallbackStemmer?: 'light' | 'none';
  /** The lexicon-backed ECS stemmer (default), or the light stemmer alone (ablation). */
  stemmer?: 'ecs' | 'light';
  /** Alias groups besides the general ones (an article's front matter). */
  extraAliases?: AliasGroup[];
  /** Read informal Indonesian (default true); off only for ablations. */
  informal?: boolean;
  /** Read English through the dictionary (default true); off only for ablations. */
  english?: boolean;
  /** Read English also through the translations two pivot languages agree on (default true); off only for ablations. */
  englishPivots?: boolean;
  /** Read English words FreeDict lacks through WordNet's related headwords (default true); off only for ablations. */
  englishRelated?: boolean;
  /** Read English words as the Indonesian loanwords they were borrowed as, too (default true); off only for ablations. */
  loanwords?: boolean;
  /** Read an English word under Indonesian affixes ("hackernya", "dibackup") as that English word (default true); off only for ablations. */
  affixedEnglish?: boolean;
  /** Read a world capital also as its country, weaker (default true); off only for ablations. */
  capitals?: boolean;
  /** Read a vowelless chat abbreviation of a common word ("dpt", "mksd") as that word (default true); off only for ablations. */
  abbreviations?: boolean;
  /** Read a word no lexicon knows, one edit from a frequent word ("terakhr"), also as that word (default true); off only for ablations. */
  spelling?: boolean;
  /** With `spelling`: read a word no lexicon knows, one edit from an affixed or informal form of a frequent root ("diasnksi"), also as that form (default true); off only for ablations. */
  formSpelling?: boolean;
  lexicon?: Lexicon;
}

/** How a question is read. */
export interface ReadingOptions {
  /**
   * The member is still typing it (autocomplete): each keystroke brings a new, often
   * unfinished last word, so the costly misspelt-form search (see readWord) is left out.
   */
  typing?: boolean;
}

/** Words of one question searched as misspelt affixed or informal forms at most (each search costs a few ms, once per word). */
const FORM_SEARCHES_PER_QUESTION = 2;

/** Specificity of an English word the dictionary cannot translate (the frequency list is of Indonesian). */
const ENGLISH_SPECIFICITY = 0.5;

/** A pivot sense of a word eng-ind translates counts as a WordNet-related word does (0.85 x 0.7 ~ 0.6): a sense the dictionary left out. */
const PIVOT_SENSE_SCALE = 0.7;

/** Factors of readings that are not the word itself. */
export const READING_FACTORS = { misspelling: 0.8, informalRule: 0.95, english: 0.85, loanword: 0.85, englishPhrasePart: 0.6, englishRelated: 0.6, aliasPart: 0.6, capital: 0.6, thesaurus: 0.6 } as const;

/** A term no caller can change: the readings of recent questions are shared. */
function frozenTerm(term: QueryTerm): QueryTerm {
  return Object.freeze({ ...term, alternatives: Object.freeze(term.alternatives.map((a) => Object.freeze({ ...a }))) });
}

/** A question's terms, and the misspelt words its reading corrected (see Analyzer.spellingCorrections). */
interface QueryReading {
  terms: readonly QueryTerm[];
  corrections: ReadonlyMap<string, string>;
}

/** Questions whose reading is remembered (see Analyzer.recentQuery). */
const RECENT_QUERIES = 64;

/** Spellings no list has, of each kind the spelling search meets: an affixed form, an informal one, an English word, a name-like word. */
const WARM_UP_MISSPELLINGS = ['diasnksi', 'menyatakn', 'dibgiin', 'govermnent', 'kosmodromnya', 'qzxvbnmle'];
/**
 * Form searches the warm-up runs on misspelt frequent words (see swappedMisspellings), so
 * many steps of so many: V8 optimises the stemmer's code only after it has run a while, and
 * a few words left the first members' misspelt words paying 2-3 times the steady cost.
 */
const WARM_UP_FORM_SEARCHES = 48;
const WARM_UP_FORMS_PER_STEP = 12;

/**
 * The analysis chain. Documents: normalise, tokenise (keeping reduplications such as
 * "objek-objek"), fold aliases, drop stopwords, stem with the lexicon-backed stemmer.
 * Questions go through the same chain and, for the words it cannot place, also through
 * the informal-Indonesian table and rules and the English dictionary, each word becoming
 * a `QueryTerm` with its alternative index terms.
 */
export class Analyzer {
  readonly stopwords: Set<string>;
  readonly lexicon: Lexicon;
  readonly stemmer: IndonesianStemmer;
  readonly informal: InformalIndonesian;
  readonly english: EnglishDictionary;
  /** Hash of everything the output depends on; the saved index is keyed on it. */
  readonly fingerprint: string;
  private readonly aliases: AliasTable;
  private readonly options: Required<Omit<AnalyzerOptions, 'lexicon' | 'extraAliases'>>;
  private readonly stemCache = new BoundedMemo<string>(200_000);
  /** Synonym lists by word (each question looks them up again, for every word the articles lack). */
  private readonly synonymTermCache = new BoundedMemo<readonly string[]>(50_000);
  private readonly synonymWordCache = new BoundedMemo<readonly string[]>(50_000);
  /** Questions read lately: /ask reads each twice (curated answers, then the articles). */
  private readonly recentQueries = new BoundedMemo<QueryReading>(RECENT_QUERIES);
  /** While a question is read: its misspelt words and their corrections (see spellingCorrections). */
  private corrections?: Map<string, string>;
  /** While a question is read: how many more of its words may be searched as misspelt forms (see readWord). */
  private formSearchesLeft = 0;
  private spellingCorrector?: SpellingCorrector;

  constructor(options: AnalyzerOptions = {}) {
    this.options = {
      stopwords: options.stopwords ?? 'lucene',
      fallbackStemmer: options.fallbackStemmer ?? 'light',
      stemmer: options.stemmer ?? 'ecs',
      informal: options.informal ?? true,
      english: options.english ?? true,
      englishPivots: options.englishPivots ?? true,
      englishRelated: options.englishRelated ?? true,
      loanwords: options.loanwords ?? true,
      affixedEnglish: options.affixedEnglish ?? true,
      capitals: options.capitals ?? true,
      abbreviations: options.abbreviations ?? true,
      spelling: options.spelling ?? true,
      formSpelling: options.formSpelling ?? true,
    };
    this.lexicon = options.lexicon ?? loadLexicon();
    const list = this.options.stopwords === 'tala' ? this.lexicon.stopwords : indonesianStopwords;
    this.stopwords = new Set([...list, ...ENGLISH_STOPWORDS, ...this.lexicon.particles]);
    const rootLexicon = rootLexiconOf(this.lexicon.roots);
    const fallback = this.options.fallbackStemmer === 'light' ? (w: string) => (w.length > 3 ? lightStemmer(w) : w) : undefined;
    this.stemmer = new IndonesianStemmer(this.options.stemmer === 'ecs' ? rootLexicon : { has: () => false, takesAffixes: () => false }, fallback);
    const named = [...ALIAS_GROUPS, ...(options.extraAliases ?? [])];
    const isOrdinaryWord = (w: string) => rootLexicon.takesAffixes(w) || this.lexicon.englishWords.has(w);
    const groups = this.options.capitals ? capitalGroups(this.lexicon.capitals, named, isOrdinaryWord, (country, table) => this.countryTerm(country, table)) : named;
    this.aliases = buildAliasTable(groups);
    this.informal = new InformalIndonesian(this.lexicon, rootLexicon, (word) => this.stemmer.findRoot(word));
    this.english = new EnglishDictionary(this.lexicon, { pivots: this.options.englishPivots });
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify({ version: ANALYSIS_VERSION, lexicon: this.lexicon.fingerprint, options: this.options, groups, stopwords: [...this.stopwords].sort() }))
      .digest('hex');
  }

  /** Index terms of a text, in order, with repeats (term frequency matters). */
  analyze(text: string, options: { removeStopwords?: boolean } = {}): string[] {
    const removeStopwords = options.removeStopwords ?? true;
    const terms: string[] = [];
    this.scan(text, (token) => {
      if (!token.alias) return this.pushWord(token.raw, token.lower, removeStopwords, terms);
      terms.push(token.alias);
      // A name of several words also gives its words: "pemilihan" alone still finds "pemilihan presiden".
      const parts = token.surface.split(' ');
      if (parts.length > 1) for (const part of parts) if (!(removeStopwords && this.isStopword(part))) terms.push(this.stem(part));
    });
    return terms;
  }

  /**
   * The meaningful words of a question, each with its alternative index terms, without
   * repeats. A question made only of stopwords ("siapa dia?") is read again with the
   * stoplist off rather than coming back empty.
   */
  analyzeQuery(text: string, options: { keepStopwordsIfNothingElse?: boolean } & ReadingOptions = {}): readonly QueryTerm[] {
    const terms = this.recentQuery(text, true, options).terms;
    if (terms.length > 0 || options.keepStopwordsIfNothingElse === false) return terms;
    return this.recentQuery(text, false, options).terms;
  }

  /** queryTerms, remembered for up to RECENT_QUERIES questions (frozen: callers share them). */
  private recentQuery(text: string, removeStopwords: boolean, { typing = false }: ReadingOptions): QueryReading {
    return this.recentQueries.get((removeStopwords ? '1' : '0') + (typing ? 't' : 'q') + text, () => {
      const corrections = new Map<string, string>();
      this.corrections = corrections;
      this.formSearchesLeft = typing ? 0 : FORM_SEARCHES_PER_QUESTION;
      try {
        return { terms: Object.freeze(this.queryTerms(text, removeStopwords).map(frozenTerm)), corrections };
      } finally {
        this.corrections = undefined;
        this.formSearchesLeft = 0;
      }
    });
  }

  /** The index terms of a question, flattened (for matching questions against questions). */
  queryTermSet(text: string): string[] {
    return [...new Set(this.analyzeQuery(text).flatMap((t) => t.alternatives.map((a) => a.term)))];
  }

  /**
   * The misspelt words of a question and what its reading corrected them to ("dimakud" →
   * "dimaksud", "kareza" → "karena", though a stopword then drops out): see SpellingCorrector.
   */
  spellingCorrections(text: string, options: ReadingOptions = {}): ReadonlyMap<string, string> {
    return this.recentQuery(text, true, options).corrections;
  }

  /**
   * `text` with its misspelt words put right, for reading what a question asks ("siapa yg
   * dimakud" asks what "siapa yg dimaksud" asks); names and words a lexicon knows stay.
   */
  withCorrectedSpelling(text: string, options: ReadingOptions = {}): string {
    const corrections = this.spellingCorrections(text, options);
    if (corrections.size === 0) return text;
    return text.replace(/[\p{L}\p{N}]+/gu, (raw) => corrections.get(raw.toLowerCase()) ?? raw);
  }

  stem(word: string): string {
    return this.stemCache.get(word, (w) => (/\p{L}/u.test(w) ? this.stemmer.stem(w) : w));
  }

  /**
   * The tables otherwise built on first use (the word-frequency list, the spelling
   * corrector's rank, the English misspelling index, the chat-abbreviation table, the
   * thesaurus), one step each: each costs the first question that needs it 30-110 ms.
   * Lazy by default, so the console, which answers one question, starts fast; the Discord
   * bot runs the steps once it is connected (src/bot/warmUp.ts). Then a step reads a few
   * made-up misspellings: the search for a misspelt form tries hundreds of spellings
   * through the stemmer, and the first words to need it ran that code cold (the first
   * first-time questions with such words: median total 26.5 -> 15.9 ms over 10 runs).
   * Last, batches of form searches on misspelt frequent words, until V8 has optimised that
   * code (bench:bot /ask p99, six alternating runs: median 8.5 -> 7.6 ms).
   */
  warmUpSteps(): (() => void)[] {
    // The misspellings come from the frequency list, which the first step reads: listed when the batches run, not now.
    let misspelt: string[] | undefined;
    const formBatch = (from: number) => () => {
      misspelt ??= swappedMisspellings(this.lexicon.frequency.counts, WARM_UP_FORM_SEARCHES);
      for (const word of misspelt.slice(from, from + WARM_UP_FORMS_PER_STEP)) this.misspeltForm(word);
    };
    const batches = Array.from({ length: Math.ceil(WARM_UP_FORM_SEARCHES / WARM_UP_FORMS_PER_STEP) }, (_, i) => formBatch(i * WARM_UP_FORMS_PER_STEP));
    return [
      () => void this.lexicon.frequency,
      () => this.spelling.warmUp(),
      () => this.english.warmUp(),
      () => this.informal.warmUp(),
      () => void this.lexicon.thesaurus,
      () => {
        for (const word of WARM_UP_MISSPELLINGS) this.analyzeQuery(word);
      },
      ...batches,
    ];
  }

  /**
   * The affixed or informal form a misspelt word no list has stands for ("diasnksi":
   * disanksi), or undefined: SpellingCorrector.correctForm with this analysis's roots,
   * remembered. Costs milliseconds the first time (see readWord).
   */
  misspeltForm(word: string): string | undefined {
    return this.spelling.correctForm(word, (spelling) => this.rootOfSpelling(spelling));
  }

  private get spelling(): SpellingCorrector {
    // A listed informal form is a word people write too ("gimaan" is "gimana").
    return (this.spellingCorrector ??= new SpellingCorrector(this.lexicon.frequency.counts, (c) => this.isStopword(c) || this.stemmer.findRoot(c) !== undefined || this.lexicon.informal.has(c), (c) => this.lexicon.roots.has(c)));
  }

  isStopword(word: string): boolean {
    if (this.stopwords.has(word)) return true;
    const particle = PARTICLE.exec(word);
    return particle !== null && this.stopwords.has(particle[1]!);
  }

  /**
   * How much a word says about what is asked, in 0..1, from how often it is used in
   * everyday Indonesian (lexicon/id-frequency.tsv): a name or a word the list lacks is
   * specific (1); "soal", "kena", "bilang" much less. The word as written is looked up,
   * then its reading.
   */
  specificity(term: QueryTerm): number {
    if (term.kind === 'topic' || term.kind === 'number') return 1;
    if (term.kind === 'english') {
      // The list is of Indonesian: an English word counts as specific as its translation, else as middling.
      const translated = term.alternatives.filter((a) => a.via === 'english').map((a) => this.wordSpecificity(a.term));
      return translated.length ? Math.min(...translated) : ENGLISH_SPECIFICITY;
    }
    return this.wordSpecificity(term.surface, term.root);
  }

  private wordSpecificity(word: string, root?: string): number {
    const frequency = this.lexicon.frequency;
    // The commoner of the word as written and its reading: "demen" is as common as "suka".
    const counts = [frequency.counts.get(word), root ? frequency.counts.get(root) : undefined].filter((c): c is number => c !== undefined);
    if (counts.length === 0) return 1;
    const count = Math.max(...counts);
    return Math.min(1, Math.max(0.05, Math.log(frequency.max / count) / Math.log(frequency.max / frequency.min)));
  }

  /**
   * Synonyms of an Indonesian root (mythes-id) that are root words themselves, as index
   * terms: "ikrar" gives "janji" and "sumpah", not "penetapan" (a derived word, whose root
   * "tetap" means something else).
   */
  synonymTerms(root: string): readonly string[] {
    return this.synonymTermCache.get(root, () => {
      const out = new Set<string>();
      for (const synonym of this.lexicon.thesaurus.get(root) ?? []) {
        if (synonym === root || !this.lexicon.roots.has(synonym) || this.isStopword(synonym)) continue;
        out.add(synonym);
      }
      return Object.freeze([...out]);
    });
  }

  /**
   * Single-word synonyms of a word as written, derived words included ("mati" gives
   * "meninggal" and "tewas"): for comparing two phrasings word by word, where the
   * written words carry the meaning that their roots may not.
   */
  synonymWords(word: string): readonly string[] {
    return this.synonymWordCache.get(word, () => Object.freeze((this.lexicon.thesaurus.get(word) ?? []).filter((synonym) => synonym !== word && !synonym.includes(' ') && !this.isStopword(synonym))));
  }

  private queryTerms(text: string, removeStopwords: boolean): QueryTerm[] {
    const out: QueryTerm[] = [];
    const seen = new Set<string>();
    const add = (term: QueryTerm) => {
      const key = term.alternatives.map((a) => a.term).join('|');
      if (!key || seen.has(key)) return;
      seen.add(key);
      out.push(term);
    };
    let english: boolean | undefined;
    const shouting = !/\p{Ll}/u.test(text);
    this.scan(text, (token, words, index) => {
      english ??= this.options.english && this.looksEnglish(words);
      if (token.alias) return add(this.aliasTerm(token.surface, token.alias, removeStopwords));
      const phrase = this.options.english && (english || !this.stemmer.findRoot(token.lower)) ? this.english.phrase(words, index) : undefined;
      if (phrase) {
        token.skip = phrase.length - 1;
        return add({ surface: words.slice(index, index + phrase.length).join(' '), kind: 'english', alternatives: this.translationAlternatives(phrase.translations) });
      }
      // "how long" asks for a duration (see questionWords.ts); "long" is not "panjang".
      if (token.lower === 'long' && words[index - 1] === 'how') return;
      // Capitals tell names only in a question that is not written all in capitals.
      let term = this.readWord(shouting ? token.lower : token.raw, token.lower, removeStopwords, index > 0);
      if (!term) return;
      // Written in capitals inside a sentence that is not ("ekonom CORE", "lembaga WHO"): an acronym, a name.
      if (term.kind !== 'topic' && term.kind !== 'number' && !shouting && isAcronym(token.raw)) term = { ...term, kind: 'topic' };
      // In an English question a word both languages have ("air", "data") is read both ways.
      const translations = english && term.kind === 'word' ? this.english.translate(token.lower) : undefined;
      if (translations) {
        const own = term.alternatives;
        term = { ...term, alternatives: [...own, ...this.translationAlternatives(translations).filter((a) => !own.some((b) => b.term === a.term))] };
      }
      add(term);
    });
    return out;
  }

  /** Whether more of a question's words are English only than Indonesian only. */
  private looksEnglish(words: string[]): boolean {
    let english = 0;
    let indonesian = 0;
    for (const word of words) {
      const isEnglish = ENGLISH_STOPWORDS.has(word) || this.lexicon.englishWords.has(word);
      const isIndonesian = INDONESIAN_STOPWORDS.has(word) || this.lexicon.informal.has(word) || this.stemmer.findRoot(word) !== undefined;
      if (isEnglish && !isIndonesian) english++;
      else if (isIndonesian && !isEnglish) indonesian++;
    }
    return english > indonesian;
  }

  /**
   * A name or abbreviation folded by an alias: its canonical term, and the words of its
   * full phrasing as weaker readings ("pemilu" also reads "pemilihan", which "pilpres"
   * shares).
   */
  private aliasTerm(surface: string, canonical: string, removeStopwords: boolean): QueryTerm {
    const group = this.aliases.groups.get(canonical);
    const alternatives: Alternative[] = [{ term: canonical, factor: 1, via: 'alias' }];
    // Only ordinary phrases: the words of a name ("pakta pertahanan atlantik utara") are not its readings.
    const full = group?.kind === 'phrase' ? group.phrases.find((p) => p.includes(' ')) : undefined;
    if (full) {
      for (const word of full.split(' ')) {
        if (removeStopwords && this.isStopword(word)) continue;
        const term = this.stem(word);
        if (!alternatives.some((a) => a.term === term)) alternatives.push({ term, factor: READING_FACTORS.aliasPart, via: 'alias' });
      }
    }
    if (group?.standsFor && !alternatives.some((a) => a.term === group.standsFor)) alternatives.push({ term: group.standsFor, factor: READING_FACTORS.capital, via: 'alias' });
    return { surface, kind: group?.kind === 'phrase' ? 'word' : 'topic', alternatives };
  }

  /** The index term of a country's name: its alias ("Korea Utara"), or its one word stemmed; none for other names of several words. */
  private countryTerm(country: string, table: AliasTable): string | undefined {
    const words = country.toLowerCase().split(/\s+/);
    const alias = table.byFirstWord.get(words[0]!)?.find((p) => p.words.length === words.length && p.words.every((w, i) => w === words[i]));
    if (alias) return alias.canonical;
    return words.length === 1 ? this.stem(words[0]!) : undefined;
  }

  /** One word of a question: stopword, listed informal form, Indonesian root, name, English, informal verb, or unknown. */
  private readWord(raw: string, word: string, removeStopwords: boolean, inSentence = false): QueryTerm | undefined {
    // Capitalised inside a sentence: a name, not a loanword nor a misspelling to correct.
    const writtenAsName = inSentence && /^\p{Lu}/u.test(raw);
    // An English word under Indonesian affixes ("hackernya", "dibackup", "deal-nya") is read as the English word.
    const mayBeAffixedEnglish = this.options.english && this.options.affixedEnglish && !writtenAsName;
    if (mayBeAffixedEnglish && word.includes('-') && hyphenatesAnAffix(word)) {
      const affixed = this.affixedEnglish(word, removeStopwords, inSentence);
      if (affixed) return affixed;
    }
    if (word.includes('-') || word.includes("'")) {
      const compound = this.englishCompound(word);
      if (compound) return compound;
      const terms: string[] = [];
      this.pushWord(raw, word, removeStopwords, terms);
      if (terms.length === 0) return undefined;
      const kind: TermKind = this.stemmer.findRoot(word) || word.split(/['-]/).some((p) => this.stemmer.findRoot(p)) ? 'word' : 'topic';
      return { surface: word, kind, alternatives: [...new Set(terms)].map((term) => ({ term, factor: 1, via: 'word' as const })) };
    }
    // Particles and laughter carry no topic, even in a question made only of them ("wkwk").
    if (this.informal.isParticle(word) || (removeStopwords && this.isStopword(word))) return undefined;
    // "dimanakah", "gimanakah": the listed form under an emphatic particle; "emangnya": under the clitic -nya.
    const standard = this.options.informal ? this.informal.standardFor(word) ?? this.informal.standardFor(PARTICLE.exec(word)?.[1] ?? '') ?? this.informalUnderNya(word) : undefined;
    if (standard) {
      const terms = standard.flatMap((w) => (removeStopwords && this.isStopword(w) ? [] : this.analyze(w, { removeStopwords })));
      if (terms.length === 0) return undefined;
      return { surface: word, kind: 'word', root: terms.length === 1 ? terms[0] : undefined, alternatives: [...new Set(terms)].map((term) => ({ term, factor: 1, via: 'informal' as const })) };
    }
    const literal = this.stem(word);
    if (/\d/.test(word)) return { surface: word, kind: 'number', alternatives: [{ term: literal, factor: 1, via: 'word' }] };
    const root = this.stemmer.findRoot(word);
    // hunspell-id lists some place names in lower case, without affixes ("australia"):
    // written with a capital inside a sentence, such a word is a name.
    const capitalisedName = writtenAsName && root === word && this.lexicon.roots.get(word) === false;
    if (root && !capitalisedName) return { surface: word, kind: 'word', root, alternatives: [{ term: root, factor: 1, via: 'word' }] };
    if (capitalisedName) return { surface: word, kind: 'topic', alternatives: [{ term: literal, factor: 1, via: 'word' }] };
    if (this.lexicon.names.has(word)) return { surface: word, kind: 'topic', alternatives: [{ term: literal, factor: 1, via: 'word' }] };
    const self: Alternative = { term: literal, factor: 1, via: 'word' };
    if (this.options.english) {
      const translations = this.english.translate(word);
      // The loanword everyday Indonesian uses, which FreeDict may not list ("score": "partitur", but "skor").
      if (translations) {
        // Senses eng-ind does not list that two pivot languages agree on ("speed": "laju", and "kecepatan"), weaker.
        const pivoted = this.english.translatePivot(word);
        const alternatives = [self, ...this.translationAlternatives(translations), ...this.loanAlternatives(word, writtenAsName), ...(pivoted ? this.translationAlternatives(pivoted, PIVOT_SENSE_SCALE) : [])];
        return { surface: word, kind: 'english', alternatives: withoutRepeats(alternatives) };
      }
    }
    if (this.options.informal) {
      const informalRoot = this.informal.rootOf(word);
      if (informalRoot) return { surface: word, kind: 'word', root: informalRoot, alternatives: [{ term: informalRoot, factor: READING_FACTORS.informalRule, via: 'informal' }, self] };
    }
    // A vowelless chat abbreviation of a common word ("dpt", "mksd") is phrasing, not a name.
    const expanded = this.options.informal && this.options.abbreviations ? this.informal.abbreviated(word) : undefined;
    if (expanded) {
      if (removeStopwords && this.isStopword(expanded)) return undefined;
      const root = this.stem(expanded);
      return { surface: word, kind: 'word', root, alternatives: [{ term: root, factor: READING_FACTORS.informalRule, via: 'informal' }, self] };
    }
    if (this.options.english && this.english.isEnglish(word)) {
      // A word FreeDict lacks: what two pivot languages agree it translates to ("founder",
      // "pendiri"), the Indonesian word it was borrowed as ("ballistic", "balistik"), and the
      // words WordNet relates to it, weaker, as a synonym is.
      const pivoted = this.english.translatePivot(word);
      const related = this.options.englishRelated ? this.english.translateRelated(word) : undefined;
      return {
        surface: word,
        kind: 'english',
        alternatives: withoutRepeats([self, ...(pivoted ? this.translationAlternatives(pivoted) : []), ...this.loanAlternatives(word, writtenAsName), ...(related ? this.translationAlternatives(related, READING_FACTORS.englishRelated) : [])]),
      };
    }
    const affixed = mayBeAffixedEnglish ? this.affixedEnglish(word, removeStopwords, inSentence) : undefined;
    if (affixed) return affixed;
    // A misspelt common word ("terakhr", "signifkan"); a capitalised word inside a sentence is a name, left to the engine's typo tolerance.
    const mayBeMisspelt = this.options.spelling && !writtenAsName;
    const corrected = mayBeMisspelt ? this.spelling.correct(word) : undefined;
    if (corrected) return this.readCorrected(word, corrected, self, removeStopwords, inSentence);
    // Or a misspelt English word ("isolnted"), unless everyday Indonesian uses the spelling (a name, a common typo).
    const english = mayBeMisspelt && this.options.english && !this.lexicon.frequency.counts.has(word) ? this.english.correct(word) : undefined;
    if (english) {
      this.corrections?.set(word, english);
      const translations = this.english.translate(english);
      const related = !translations && this.options.englishRelated ? this.english.translateRelated(english) : undefined;
      const corrected = (alternatives: Alternative[]) => alternatives.map((a) => ({ ...a, corrected: true as const }));
      if (translations) return { surface: word, kind: 'english', alternatives: [self, ...corrected(this.translationAlternatives(translations, READING_FACTORS.misspelling))] };
      if (related) return { surface: word, kind: 'english', alternatives: [self, ...corrected(this.translationAlternatives(related, READING_FACTORS.misspelling * READING_FACTORS.englishRelated))] };
    }
    // Last, a misspelt affixed or informal form ("diasnksi", "dibgiin"), which the frequency list need not have;
    // the search costs milliseconds, so only a question's first few such words get one (the same ones every time).
    if (mayBeMisspelt && this.options.formSpelling && this.formSearchesLeft > 0 && this.spelling.mayBeMisspeltForm(word)) {
      this.formSearchesLeft--;
      const form = this.misspeltForm(word);
      if (form) return this.readCorrected(word, form, self, removeStopwords, inSentence);
    }
    return { surface: word, kind: 'topic', alternatives: [self] };
  }

  /** A misspelt word read as the word it corrects to is ("ketmu" as "ketemu", an informal "bertemu"), a little weaker. */
  private readCorrected(word: string, corrected: string, self: Alternative, removeStopwords: boolean, inSentence: boolean): QueryTerm | undefined {
    this.corrections?.set(word, corrected);
    const reading = this.readWord(corrected, corrected, removeStopwords, inSentence);
    if (!reading) return undefined;
    const alternatives = reading.alternatives.map((a) => ({ ...a, factor: a.factor * READING_FACTORS.misspelling, corrected: true as const }));
    return { surface: word, kind: 'word', root: reading.root ?? this.stem(corrected), alternatives: withoutRepeats([...alternatives, self]) };
  }

  /** The root a candidate spelling of a misspelt word would be read as: a root with standard affixes, or an informal form's. */
  private rootOfSpelling(spelling: string): string | undefined {
    return this.stemmer.rootOfSpelling(spelling) ?? (this.options.informal ? this.informal.rootOf(spelling) : undefined);
  }

  /**
   * The standard words of a listed informal form under the clitic -nya ("emangnya",
   * "gimananya"), unless the word is another root with its affixes ("tanya", "harganya").
   */
  private informalUnderNya(word: string): string[] | undefined {
    if (!word.endsWith('nya') || word.length < 6) return undefined;
    const base = word.slice(0, -3);
    const root = this.stemmer.findRoot(word);
    return root === undefined || root === base ? this.informal.standardFor(base) : undefined;
  }

  /**
   * The reading of an English word that Indonesian affixes wrap (affixedEnglishBases), as the
   * bare English word reads, under the word as written; undefined when no way of taking
   * the affixes off leaves a word the English dictionaries know.
   */
  private affixedEnglish(word: string, removeStopwords: boolean, inSentence: boolean): QueryTerm | undefined {
    for (const base of affixedEnglishBases(word)) {
      if (this.stemmer.findRoot(base) || !this.english.isEnglish(base)) continue;
      const term = this.readWord(base, base, removeStopwords, inSentence);
      if (term?.kind !== 'english') continue;
      // The word as written stays a reading: a paragraph may have the same mixed form (a hyphenated one is indexed by its parts).
      const self: Alternative[] = word.includes('-') ? [] : [{ term: this.stem(word), factor: 1, via: 'word' }];
      return { surface: word, kind: 'english', alternatives: withoutRepeats([...self, ...term.alternatives]) };
    }
    return undefined;
  }

  /**
   * An English compound ("high-speed", "long-term") read through its words, as a phrase of
   * them would be: the compound as written, and each word's translations, weaker. Not an
   * Indonesian reduplication or compound ("objek-objek", "Jakarta-Bandung").
   */
  private englishCompound(word: string): QueryTerm | undefined {
    if (!this.options.english || !word.includes('-')) return undefined;
    const parts = word.split('-').filter(Boolean);
    if (parts.length < 2 || new Set(parts).size < parts.length) return undefined;
    if (this.stemmer.findRoot(word) || parts.some((p) => this.stemmer.findRoot(p) || !this.english.isEnglish(p))) return undefined;
    const whole = this.english.translate(word) ?? this.english.translate(parts.join(' '));
    const alternatives: Alternative[] = [{ term: word, factor: 1, via: 'word' }];
    const add = (alt: Alternative) => {
      if (!alternatives.some((a) => a.term === alt.term)) alternatives.push(alt);
    };
    if (whole) this.translationAlternatives(whole).forEach(add);
    // Each word alone counts as a part of a phrase does (englishPhrasePart), not as a full translation.
    else for (const part of parts) if (!ENGLISH_STOPWORDS.has(part)) this.translationAlternatives(this.english.translate(part) ?? [], READING_FACTORS.englishPhrasePart / READING_FACTORS.english).forEach(add);
    return { surface: word, kind: 'english', alternatives };
  }

  /** Index terms of dictionary translations: one-term translations whole, compounds by their most specific word. */
  /** The Indonesian loanwords an English word was borrowed as, where hunspell-id has the spelling; none for a name. */
  private loanAlternatives(word: string, writtenAsName: boolean): Alternative[] {
    if (!this.options.loanwords || writtenAsName) return [];
    const loans = this.english.loanwords(word, (spelling) => this.lexicon.roots.has(spelling) && !this.isStopword(spelling));
    return loans.map((loan) => ({ term: this.stem(loan), factor: READING_FACTORS.loanword, via: 'english' }));
  }

  private translationAlternatives(translations: string[], scale = 1): Alternative[] {
    const out = new Map<string, Alternative>();
    const add = (term: string, factor: number) => {
      if ((out.get(term)?.factor ?? 0) < factor * scale) out.set(term, { term, factor: factor * scale, via: 'english' });
    };
    for (const translation of translations) {
      const words = translation.split(/\s+/).filter((w) => !this.isStopword(w));
      const terms = [...new Set(this.analyze(translation))];
      if (terms.length === 1) add(terms[0]!, READING_FACTORS.english);
      else if (words.length > 1) {
        // A compound ("kata sandi" for "password") stands for its most specific word, not for "kata".
        const specific = words.reduce((a, b) => (this.wordSpecificity(b) > this.wordSpecificity(a) ? b : a));
        for (const term of this.analyze(specific)) add(term, READING_FACTORS.englishPhrasePart);
      }
    }
    return [...out.values()];
  }

  /**
   * Tokenises and calls `visit` for each token (aliases folded: acronyms as written,
   * phrases by their lower-case words); `visit` may set `skip` to consume following tokens.
   */
  private scan(text: string, visit: (token: ScanToken, lowerWords: string[], index: number) => void): void {
    const raw = (normalizeText(text.replace(SEPARATING_DASHES, ' ')).match(TOKEN) ?? []).map((t) => t.replace(POSSESSIVE, ''));
    const lower = raw.map((t) => t.toLowerCase());
    for (let i = 0; i < raw.length; i++) {
      const acronym = this.aliases.acronyms.get(raw[i]!);
      const phrase = acronym ? undefined : this.matchPhrase(lower, i);
      const token: ScanToken = {
        raw: raw[i]!,
        lower: lower[i]!,
        surface: phrase ? lower.slice(i, i + phrase.length).join(' ') : lower[i]!,
        alias: acronym ?? phrase?.canonical,
        skip: phrase ? phrase.length - 1 : 0,
      };
      visit(token, lower, i);
      i += token.skip;
    }
  }

  private pushWord(raw: string, word: string, removeStopwords: boolean, out: string[]): void {
    if (!word.includes('-') && !word.includes("'")) {
      if (!(removeStopwords && this.isStopword(word))) out.push(this.stem(word));
      return;
    }
    // Compounds and reduplications: keep the whole form, and its parts so that
    // "objek" also finds "objek-objek" and "AS-Korut" finds both countries.
    const whole = this.stemmer.findRoot(word);
    if (!(removeStopwords && this.isStopword(word))) out.push(whole ?? word);
    const rawParts = raw.split(/['-]/);
    const seen = new Set<string>([whole ?? word]);
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

interface ScanToken {
  raw: string;
  lower: string;
  surface: string;
  alias?: string;
  skip: number;
}

/** Two to six capital letters (digits allowed after the first): "PBB", "CORE", "G20". */
function isAcronym(raw: string): boolean {
  return /^\p{Lu}[\p{Lu}\d]{1,5}$/u.test(raw);
}

/** The first alternative for each index term, in order. */
function withoutRepeats(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => !seen.has(a.term) && (seen.add(a.term), true));
}

/**
 * Indonesian affixes chat puts on an English word ("hackernya", "dibackup", "ngedownload",
 * "mengupload", "deal-nya", "di-hack", "share-in"): the passive and active verb prefixes,
 * the colloquial nge-, and the clitics and suffixes a noun or verb takes.
 */
const AFFIX_PREFIXES = ['meng', 'nge', 'mem', 'men', 'ter', 'di', 'ke', 'ng', 'me'];
const AFFIX_SUFFIXES = ['nya', 'kan', 'lah', 'kah', 'in', 'an', 'ku', 'mu'];

/** Whether a hyphenated word is an affix and a word ("deal-nya", "di-hack"), not a compound or a reduplication. */
function hyphenatesAnAffix(word: string): boolean {
  const parts = word.split('-');
  return parts.length === 2 && (AFFIX_PREFIXES.includes(parts[0]!) || AFFIX_SUFFIXES.includes(parts[1]!));
}

/** Suffixes that also end many bare words and names ("putin", "martin", "latin"): taken off only after a prefix or a hyphen. */
const AMBIGUOUS_SUFFIXES = new Set(['in', 'an', 'ku', 'mu']);

/**
 * The ways of taking Indonesian affixes off a word, longest affixes first: "dibackupnya"
 * gives "backup"; "mengupload" gives "upload" before "gupload". Only words that carry an
 * affix (a bare word is not one of its own bases), and bases of four letters or more.
 */
function affixedEnglishBases(word: string): string[] {
  const bases: string[] = [];
  const hyphenated = word.includes('-');
  const plain = word.replace(/-/g, '');
  for (const prefix of [...AFFIX_PREFIXES, '']) {
    if (!plain.startsWith(prefix)) continue;
    for (const suffix of [...AFFIX_SUFFIXES, '']) {
      if ((prefix === '' && suffix === '') || !plain.endsWith(suffix)) continue;
      if (prefix === '' && !hyphenated && AMBIGUOUS_SUFFIXES.has(suffix)) continue;
      const base = plain.slice(prefix.length, plain.length - suffix.length);
      if (base.length >= 4 && !bases.includes(base)) bases.push(base);
    }
  }
  return bases;
}
