/**
 * English in questions ("When did Shoigu visit Pyongyang?", "Korut bakal supply senjata?"):
 * an English word is brought to its dictionary form (inflection rules and WordNet's
 * irregular forms, checked against the dictionary's headwords), then looked up in the
 * English-Indonesian dictionary (FreeDict eng-ind). Multi-word headwords ("press
 * conference") are matched before single words. A word FreeDict lacks ("penalty",
 * "flight") is read through the headwords WordNet relates to it ("punishment", "fly").
 */
export interface EnglishLexicon {
  english: Map<string, string[]>;
  englishWords: Set<string>;
  englishIrregular: Map<string, string>;
  englishRelated: Map<string, string[]>;
}


export class EnglishDictionary {
  private readonly maxPhraseWords: number;

  constructor(private readonly lexicon: EnglishLexicon) {
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
   * A multi-word headword starting at words[start] (longest first), as its length and
   * translations; the last word may be inflected ("press conferences").
   */
  phrase(words: string[], start: number): { length: number; translations: string[] } | undefined {
    for (let length = Math.min(this.maxPhraseWords, words.length - start); length >= 2; length--) {
      const head = words.slice(start, start + length - 1).join(' ');
      for (const last of this.lemmas(words[start + length - 1]!)) {
        const translations = this.lexicon.english.get(`${head} ${last}`);
        if (translations?.length) return { length, translations };
      }
    }
    return undefined;
  }

  /** The word and the dictionary forms it may be an inflection of, most likely first ("leaders" -> leader, lead). */
  lemmas(word: string): string[] {
    const out = this.inflections(word);
    for (const lemma of [...out]) for (const deeper of this.inflections(lemma)) if (!out.includes(deeper)) out.push(deeper);
    return out;
  }

  private inflections(word: string): string[] {
    const out = [word];
    const add = (lemma: string | undefined) => {
      if (lemma && lemma.length >= 2 && !out.includes(lemma)) out.push(lemma);
    };
    add(this.lexicon.englishIrregular.get(word));
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
