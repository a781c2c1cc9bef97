/**
 * English in questions ("When did Shoigu visit Pyongyang?", "Korut bakal supply senjata?"):
 * an English word is brought to its dictionary form (inflection rules and the common
 * irregular forms, checked against the dictionary's headwords), then looked up in the
 * English-Indonesian dictionary (FreeDict eng-ind). Multi-word headwords ("press
 * conference") are matched before single words.
 */
export interface EnglishLexicon {
  english: Map<string, string[]>;
  englishWords: Set<string>;
}

/** Irregular past tenses, participles and plurals of common English words. */
const IRREGULAR: Record<string, string> = {
  was: 'be', were: 'be', been: 'be', is: 'be', are: 'be', am: 'be', did: 'do', done: 'do', does: 'do', had: 'have', has: 'have',
  went: 'go', gone: 'go', made: 'make', took: 'take', taken: 'take', gave: 'give', given: 'give', came: 'come', got: 'get', gotten: 'get',
  saw: 'see', seen: 'see', knew: 'know', known: 'know', thought: 'think', told: 'tell', said: 'say', found: 'find', met: 'meet',
  brought: 'bring', bought: 'buy', sold: 'sell', sent: 'send', spent: 'spend', built: 'build', began: 'begin', begun: 'begin',
  became: 'become', ran: 'run', shook: 'shake', shaken: 'shake', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall',
  left: 'leave', lost: 'lose', kept: 'keep', meant: 'mean', paid: 'pay', caught: 'catch', taught: 'teach', stood: 'stand',
  understood: 'understand', struck: 'strike', spoke: 'speak', spoken: 'speak', broke: 'break', broken: 'break', chose: 'choose',
  chosen: 'choose', drove: 'drive', driven: 'drive', wrote: 'write', written: 'write', ate: 'eat', eaten: 'eat', flew: 'fly',
  flown: 'fly', grew: 'grow', grown: 'grow', threw: 'throw', thrown: 'throw', wore: 'wear', worn: 'wear', won: 'win', led: 'lead',
  held: 'hold', fought: 'fight', felt: 'feel', heard: 'hear', sat: 'sit', slept: 'sleep', fed: 'feed', hid: 'hide', hidden: 'hide',
  forgot: 'forget', forgotten: 'forget', sought: 'seek', swore: 'swear', sworn: 'swear', bore: 'bear', born: 'bear', drew: 'draw',
  drawn: 'draw', froze: 'freeze', frozen: 'freeze', rode: 'ride', ridden: 'ride', sang: 'sing', sung: 'sing', sank: 'sink',
  sunk: 'sink', stole: 'steal', stolen: 'steal', woke: 'wake', woken: 'wake', dealt: 'deal', lent: 'lend', lit: 'light',
  men: 'man', women: 'woman', children: 'child', people: 'person', feet: 'foot', teeth: 'tooth', mice: 'mouse', geese: 'goose',
  lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', halves: 'half', crises: 'crisis', analyses: 'analysis',
};

export class EnglishDictionary {
  private readonly maxPhraseWords: number;

  constructor(private readonly lexicon: EnglishLexicon) {
    let max = 1;
    for (const headword of lexicon.english.keys()) max = Math.max(max, headword.split(' ').length);
    this.maxPhraseWords = Math.min(max, 3);
  }

  /** Whether a lower-case word is English (a headword, a gloss word, or an inflection of one). */
  isEnglish(word: string): boolean {
    return this.lemmas(word).some((lemma) => this.lexicon.englishWords.has(lemma) || this.lexicon.english.has(lemma));
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
    add(IRREGULAR[word]);
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
    if (w.endsWith('er') && w.length > 4) add(w.slice(0, -2)); // bigger, leader
    if (w.endsWith('ly') && w.length > 4) add(w.slice(0, -2)); // officially
    return out;
  }
}
