/**
 * English in questions ("When did Shoigu visit Pyongyang?", "Korut bakal supply senjata?"):
 * an English word is brought to its dictionary form (inflection rules and WordNet's
 * irregular forms, checked against the dictionary's headwords), then looked up in the
 * English-Indonesian dictionary (FreeDict eng-ind), with the translations two pivot
 * languages agree on ("founder" -> "pendiri", which eng-ind lacks). Multi-word headwords ("press
 * conference") are matched before single words. A word FreeDict lacks ("penalty",
 * "flight") is read through the headwords WordNet relates to it ("punishment", "fly").
 */
import { oneLetterDeletions, withinEdits } from './spelling.js';

export interface EnglishLexicon {
  english: Map<string, string[]>;
  englishPivot: Map<string, string[]>;
  englishWords: Set<string>;
  englishIrregular: Map<string, string>;
  englishRelated: Map<string, string[]>;
}


/** A misspelt English word shorter than this is one edit from too many others to be read. */
const MIN_CORRECTED_LENGTH = 6;

export class EnglishDictionary {
  private readonly maxPhraseWords: number;
  private deletions?: Map<string, string[]>;

  private readonly pivot: Map<string, string[]>;

  /** `pivots`: also the translations through pivot languages (default true; off only for ablations). */
  constructor(private readonly lexicon: EnglishLexicon, options: { pivots?: boolean } = {}) {
    this.pivot = options.pivots === false ? new Map() : lexicon.englishPivot;
    let max = 1;
    for (const headword of lexicon.english.keys()) max = Math.max(max, headword.split(' ').length);
    this.maxPhraseWords = Math.min(max, 3);
  }

  /** Whether a lower-case word is English (a headword, a gloss word, or an inflection of one). */
  isEnglish(word: string): boolean {
    return this.lemmas(word).some((lemma) => this.lexicon.englishWords.has(lemma) || this.lexicon.english.has(lemma) || this.lexicon.englishRelated.has(lemma));
  }

  /** Indonesian translations of a lower-case word, through its dictionary form; undefined if none. */
  translate(word: string): string[] | undefined {
    for (const lemma of this.lemmas(word)) {
      const translations = this.lexicon.english.get(lemma);
      if (translations?.length) return translations;
    }
    return undefined;
  }

  /**
   * The translations two pivot languages agree on and eng-ind does not give, for the same
   * dictionary form translate() uses ("founder" -> "pendiri", a word eng-ind lacks;
   * "speed" -> "kecepatan" beside eng-ind's "laju"); undefined if none.
   */
  translatePivot(word: string): string[] | undefined {
    for (const lemma of this.lemmas(word)) {
      const pivoted = this.pivot.get(lemma);
      if (pivoted?.length) return pivoted;
      if (this.lexicon.english.get(lemma)?.length) return undefined;
    }
    return undefined;
  }

  /**
   * Indonesian translations of the headwords WordNet relates to a word FreeDict lacks
   * ("suggests" -> propose, advise -> "mengusulkan", "menasihati"...); undefined if none.
   */
  translateRelated(word: string): string[] | undefined {
    for (const lemma of this.lemmas(word)) {
      const related = this.lexicon.englishRelated.get(lemma);
      if (!related) continue;
      const translations = [...new Set(related.flatMap((headword) => this.lexicon.english.get(headword) ?? []))];
      if (translations.length) return translations;
    }
    return undefined;
  }

  /**
   * The English headword a misspelling stands for ("isolnted" -> isolated, "meetbng" ->
   * meeting): the one word the dictionary translates (directly or through WordNet) that is
   * one edit (a swap of neighbours included) from the word or one of its dictionary forms.
   * Undefined for short words (one edit from too many) and when two fit ("sactions":
   * sanction or action).
   */
  correct(word: string): string | undefined {
    if (word.length < MIN_CORRECTED_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
    // The form as written first: "isolnted" is "isolated" (a headword of its own) before "isolate".
    for (const form of this.lemmas(word)) {
      const near = this.headwordsNear(form);
      if (near.length === 0) continue;
      // Two forms of one word ("meetings", "meeting") are one answer: the shorter.
      const [first, ...rest] = near.sort((a, b) => a.length - b.length);
      return rest.every((w) => this.lemmas(w).includes(first!)) ? first : undefined;
    }
    return undefined;
  }

  /** Builds now what the first misspelt English word would (see Analyzer.warmUp). */
  warmUp(): void {
    this.deletions ??= this.indexDeletions();
  }

  /** Headwords within one edit of `form`, found through their one-letter deletions (as SymSpell does). */
  private headwordsNear(form: string): string[] {
    const byDeletion = (this.deletions ??= this.indexDeletions());
    const candidates = new Set<string>(byDeletion.get(form) ?? []); // a letter left out
    for (const shorter of oneLetterDeletions(form)) {
      if (this.isHeadword(shorter)) candidates.add(shorter); // a letter added
      for (const headword of byDeletion.get(shorter) ?? []) candidates.add(headword); // changed or swapped
    }
    return [...candidates].filter((headword) => headword !== form && withinEdits(form, headword, 1));
  }

  private isHeadword(word: string): boolean {
    // Not the pivots' words: a misspelling is read as a word of the dictionary's own.
    return this.lexicon.english.has(word) || this.lexicon.englishRelated.has(word);
  }

  /** Each single-word headword under each of its one-letter deletions; built on the first misspelling. */
  private indexDeletions(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const headword of new Set([...this.lexicon.english.keys(), ...this.lexicon.englishRelated.keys()])) {
      if (headword.length < MIN_CORRECTED_LENGTH - 1 || !/^[a-z]+$/.test(headword)) continue;
      for (const shorter of new Set(oneLetterDeletions(headword))) {
        const list = out.get(shorter);
        if (list) list.push(headword);
        else out.set(shorter, [headword]);
      }
    }
    return out;
  }

  /**
   * Indonesian words that an English word FreeDict lacks was borrowed as ("ballistic" ->
   * "balistik", "missile" -> "misil"): its dictionary forms respelt by the loanword rules,
   * kept when `isWord` (the Indonesian lexicon) knows the spelling.
   */
  loanwords(word: string, isWord: (spelling: string) => boolean): string[] {
    const out = new Set<string>();
    for (const lemma of this.lemmas(word)) for (const spelling of indonesianSpellings(lemma)) if (spelling !== lemma && isWord(spelling)) out.add(spelling);
    return [...out];
  }

  /**
   * A multi-word headword starting at words[start] (longest first), as its length and
   * translations. A noun phrase inflects its last word ("press conferences"), a phrasal
   * verb its first ("took part", "gave up", "looking for"); never both.
   */
  phrase(words: string[], start: number): { length: number; translations: string[] } | undefined {
    for (let length = Math.min(this.maxPhraseWords, words.length - start); length >= 2; length--) {
      const phrase = words.slice(start, start + length);
      const middle = phrase.slice(1, -1).join(' ');
      const [first, last] = [phrase[0]!, phrase[length - 1]!];
      const written = (f: string, l: string) => (middle ? `${f} ${middle} ${l}` : `${f} ${l}`);
      const forms = [...this.lemmas(last).map((l) => written(first, l)), ...this.lemmas(first).slice(1).map((f) => written(f, last))];
      for (const form of forms) {
        const translations = this.lexicon.english.get(form);
        if (translations?.length) return { length, translations };
      }
    }
    return undefined;
  }

  /** The word and the dictionary forms it may be an inflection of, most likely first ("leaders" -> leader, lead). */
  lemmas(word: string): string[] {
    const out = this.inflections(word, true);
    // A suffix attaches to a base form, never to an irregular past ("founder" is not "find" + -er);
    // only a possessive does ("men's").
    for (const lemma of [...out]) for (const deeper of this.inflections(lemma, word === `${lemma}'s`)) if (!out.includes(deeper)) out.push(deeper);
    return out;
  }

  private inflections(word: string, irregular: boolean): string[] {
    const out = [word];
    const add = (lemma: string | undefined) => {
      if (lemma && lemma.length >= 2 && !out.includes(lemma)) out.push(lemma);
    };
    if (irregular) add(this.lexicon.englishIrregular.get(word));
    const w = word;
    if (w.endsWith("'s")) add(w.slice(0, -2));
    if (w.endsWith('ies') && w.length > 4) add(`${w.slice(0, -3)}y`);
    if (w.endsWith('es') && w.length > 3) add(w.slice(0, -2));
    if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) add(w.slice(0, -1));
    if (w.endsWith('ied') && w.length > 4) add(`${w.slice(0, -3)}y`);
    if (w.endsWith('ed') && w.length > 4) {
      add(w.slice(0, -2));
      add(w.slice(0, -1));
      if (w[w.length - 3] === w[w.length - 4]) add(w.slice(0, -3)); // stopped, planned
    }
    if (w.endsWith('ing') && w.length > 5) {
      add(w.slice(0, -3));
      add(`${w.slice(0, -3)}e`);
      if (w[w.length - 4] === w[w.length - 5]) add(w.slice(0, -4)); // running
    }
    if (w.endsWith('men') && w.length > 4) add(`${w.slice(0, -3)}man`); // women, chairmen
    if (w.endsWith('er') && w.length > 4) add(w.slice(0, -2)); // bigger, leader
    if (w.endsWith('ly') && w.length > 4) add(w.slice(0, -2)); // officially
    return out;
  }
}

/**
 * English suffixes and their Indonesian forms in borrowed words, longest first: the
 * adaptation rules of the Pedoman Umum Pembentukan Istilah (-tion -> -si, -ic -> -ik,
 * -ity -> -itas, -ary -> -er, ...).
 */
const LOANWORD_SUFFIXES: [string, string][] = [
  ['ization', 'isasi'], ['isation', 'isasi'], ['ication', 'ikasi'], ['ational', 'asional'], ['tional', 'sional'], ['ation', 'asi'], ['ction', 'ksi'], ['tion', 'si'], ['sion', 'si'],
  ['ical', 'is'], ['ics', 'ika'], ['ic', 'ik'], ['ity', 'itas'], ['ism', 'isme'], ['ist', 'is'], ['ive', 'if'],
  ['ary', 'er'], ['ery', 'eri'], ['ency', 'ensi'], ['ence', 'ensi'], ['ancy', 'ansi'], ['ance', 'ansi'], ['acy', 'asi'],
  ['logy', 'logi'], ['graphy', 'grafi'], ['ure', 'ur'], ['ile', 'il'], ['ine', 'in'], ['ide', 'id'], ['ite', 'it'], ['ate', 'at'], ['y', 'i'],
  // A verb is borrowed through its noun, from which Indonesian makes its verbs ("evacuate":
  // "evakuasi", mengevakuasi; "modernize": "modernisasi"; "verify": "verifikasi").
  ['ate', 'asi'], ['ize', 'isasi'], ['ise', 'isasi'], ['ify', 'ifikasi'],
];

/** An English word's possible Indonesian spellings as a loanword: with and without the suffix rules (every rule of its longest matching suffix), then the letter rules. */
export function indonesianSpellings(word: string): string[] {
  const stems = [word];
  const matching = LOANWORD_SUFFIXES.filter(([english]) => word.endsWith(english) && word.length > english.length + 2);
  const longest = Math.max(0, ...matching.map(([english]) => english.length));
  const rules = matching.filter(([english]) => english.length === longest);
  stems.unshift(...rules.map(([english, indonesian]) => word.slice(0, -english.length) + indonesian));
  if (word.endsWith('e')) stems.push(word.slice(0, -1)); // "satellite" -> "satelit"
  return [...new Set(stems.map(respell))];
}

/** The letter rules: ph -> f, th -> t, ch -> k, qu -> kw, x -> ks, c -> s before e/i, else k; doubled consonants single; y -> i. */
function respell(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ch/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'kw')
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/([b-df-hj-np-tv-z])\1/g, '$1')
    .replace(/(?<=.)y/g, 'i');
}
