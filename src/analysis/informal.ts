import type { RootLexicon } from './stemmer.js';

/**
 * Informal Indonesian as members type it: a table of spellings and abbreviations onto
 * standard words (gak -> tidak, udh -> sudah, yg -> yang, dikasih -> diberi; see
 * lexicon/informal-id.tsv), and the regular morphology of informal (Jakarta-style) verbs,
 * which a table cannot list: the nasal prefixes nge-/ng-/ny-/m-/n- without me-, the
 * suffix -in for -kan/-i, the passive ke-, "e" for "a" in a closed last syllable
 * (inget, dapet), a dropped initial h (abis, ilang), "2" for reduplication (hati2), and
 * the vowels dropped from a common word (dpt, mksd, pmrnth).
 */
export interface InformalData {
  informal: Map<string, string[]>;
  particles: Set<string>;
  /** How often each word is used in everyday Indonesian (read on first use). */
  readonly frequency: { counts: Map<string, number> };
}

/**
 * Vowel-dropped abbreviations are made of common words: the reading must be among this many
 * of the most frequent words, and at least ABBREVIATION_MARGIN times as frequent as the next
 * word with the same consonants ("kbr" may be kabar or kabur: neither).
 */
const ABBREVIATION_RANKS = 2000;
const ABBREVIATION_MARGIN = 3;
const VOWELLESS = /^[b-df-hj-np-tv-z]{3,7}$/;

/** Laughter and keyboard noise: wkwk, wkwkwk, haha, hehehe, xixi, awokawok. */
const LAUGHTER = /^(?:(?:wk)+w?|w?(?:kw)+k?|(?:h[aeiu]){2,}h?|(?:xi){2,}|(?:aw?ok)+(?:wk)*)$/;
const VOWELS = 'aiueo';

export class InformalIndonesian {
  /** Consonant skeleton -> candidate words, built on the first vowelless word (see abbreviated). */
  private abbreviations?: Map<string, { word: string; count: number }[]>;

  /**
   * `standardRoot` is the stemmer's root of a standard word, or undefined: an ng- form is read
   * as its standard meng- form is ("ngeluarin" as "mengeluarkan"), so that a member's word and
   * the article's reach the same root.
   */
  constructor(
    private readonly data: InformalData,
    private readonly roots: RootLexicon,
    private readonly standardRoot: (word: string) => string | undefined = () => undefined,
  ) {}

  /** The standard word(s) for a listed informal form, or undefined. */
  standardFor(word: string): string[] | undefined {
    const listed = this.data.informal.get(word);
    if (listed) return listed;
    // "hati2", "sama2": the digit 2 marks reduplication; "bener2" -> benar-benar via the table.
    const doubled = /^(\p{L}{2,})2$/u.exec(word);
    if (doubled) {
      const base = this.data.informal.get(doubled[1]!)?.join(' ') ?? doubled[1]!;
      return [`${base}-${base}`];
    }
    return undefined;
  }

  /**
   * The common word a vowelless chat abbreviation stands for ("dpt" -> dapat, "pmrnth" ->
   * pemerintah): the most frequent word with the same first letter and the same consonants,
   * when it is clearly the most frequent one; undefined otherwise.
   */
  abbreviated(word: string): string | undefined {
    if (!VOWELLESS.test(word)) return undefined;
    const candidates = (this.abbreviations ??= abbreviationTable(this.data.frequency.counts)).get(word);
    if (!candidates) return undefined;
    const [best, next] = candidates;
    return next === undefined || best!.count >= ABBREVIATION_MARGIN * next.count ? best!.word : undefined;
  }

  /** Builds now what the first vowelless word would (see Analyzer.warmUp). */
  warmUp(): void {
    this.abbreviations ??= abbreviationTable(this.data.frequency.counts);
  }

  /** A discourse particle, interjection or chat address term (sih, dong, kok, min, wkwk). */
  isParticle(word: string): boolean {
    return this.data.particles.has(word) || LAUGHTER.test(word);
  }

  /**
   * The root of an informal verb form, or undefined. Only readings that end on a root
   * hunspell lets take affixes count, and a bare nasal (m-, n-) needs a marker elsewhere
   * (-in, or a longer word), so names such as "Nato" are not read as "tato".
   */
  rootOf(word: string): string | undefined {
    if (word.length < 4) return undefined;
    const standard = NG_BEFORE_VOWEL.test(word) ? this.asStandardMeng(word) : undefined;
    if (standard) return standard;
    const bodies = new Set<string>();
    const addBody = (body: string, marked: boolean) => {
      // The bare word counts too, for its other spellings only (ujan -> hujan, bener -> benar).
      for (const { rest, strong } of prefixReadings(body)) if (rest.length >= 3 && (strong || marked || rest === body)) bodies.add(rest);
    };
    for (const { body, marked } of suffixReadings(word)) addBody(body, marked);
    for (const body of bodies) {
      for (const candidate of spellings(body)) {
        if (candidate !== word && this.roots.has(candidate) && this.roots.takesAffixes(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** The root of an ng- form read as its standard meng- form, the informal -in as -kan or -i ("ngeluarin": mengeluarkan, keluar). */
  private asStandardMeng(word: string): string | undefined {
    const body = word.endsWith('nya') && word.length > 6 ? word.slice(0, -3) : word;
    const verb = `me${body}`;
    if (!body.endsWith('in')) return this.standardRoot(verb);
    const stem = verb.slice(0, -2);
    return this.standardRoot(`${stem}kan`) ?? this.standardRoot(`${stem}i`);
  }
}

/** "ngirim", "ngeluarin", "ngalahin": the informal form of a meng- verb. */
const NG_BEFORE_VOWEL = /^ng[aiueo]/;

/** Consonant skeleton -> the words among the most frequent that have it (same first letter), most frequent first. */
function abbreviationTable(counts: Map<string, number>): Map<string, { word: string; count: number }[]> {
  const frequent = [...counts].filter(([word]) => /^\p{Ll}+$/u.test(word)).sort((a, b) => b[1] - a[1]);
  const table = new Map<string, { word: string; count: number }[]>();
  frequent.forEach(([word, count], rank) => {
    const skeleton = word.replace(/[aiueo]/g, '');
    // Only words that start with a consonant keep their first letter when the vowels go.
    if (skeleton === word || skeleton[0] !== word[0] || skeleton.length < 3) return;
    const list = table.get(skeleton);
    if (list) {
      // A rival, however rare, can make the reading ambiguous.
      if (list.length < 2) list.push({ word, count });
    } else if (rank < ABBREVIATION_RANKS) {
      table.set(skeleton, [{ word, count }]);
    }
  });
  return table;
}

/** The word without informal suffixes: -in (-kan/-i), -nya, -an; `marked` when one was there. */
function suffixReadings(word: string): { body: string; marked: boolean }[] {
  const out: { body: string; marked: boolean }[] = [{ body: word, marked: false }];
  const base = word.endsWith('nya') && word.length > 6 ? word.slice(0, -3) : word;
  if (base !== word) out.push({ body: base, marked: true });
  for (const suffix of ['in', 'an']) if (base.endsWith(suffix) && base.length > suffix.length + 2) out.push({ body: base.slice(0, -suffix.length), marked: true });
  return out;
}

/**
 * Informal prefixes and the root's first letter they absorbed. `strong` readings
 * (nge-, ng-, ny-, ke-, di-, and m-/n- in longer words) mark a word as informal on their own.
 */
function prefixReadings(body: string): { rest: string; strong: boolean }[] {
  const out: { rest: string; strong: boolean }[] = [{ rest: body, strong: false }];
  const vowelAt = (i: number) => VOWELS.includes(body[i] ?? '');
  if (body.startsWith('nge') && body.length > 5) out.push({ rest: body.slice(3), strong: true });
  if (body.startsWith('ng') && vowelAt(2)) out.push({ rest: body.slice(2), strong: true }, { rest: `k${body.slice(2)}`, strong: true });
  if (body.startsWith('ny') && vowelAt(2)) out.push({ rest: `s${body.slice(2)}`, strong: true }, { rest: `c${body.slice(2)}`, strong: true });
  // A bare m-/n- (mukul, nulis) only from five letters: "Nato" is not "tato".
  if (body.startsWith('m') && vowelAt(1)) out.push({ rest: `p${body.slice(1)}`, strong: body.length >= 5 });
  if (body.startsWith('n') && vowelAt(1)) out.push({ rest: `t${body.slice(1)}`, strong: body.length >= 5 });
  if (body.startsWith('ke') && body.length > 5) out.push({ rest: body.slice(2), strong: true });
  if (body.startsWith('di') && body.length > 5) out.push({ rest: body.slice(2), strong: true });
  return out;
}

/** The body as written, with "a" for the "e" of a closed last syllable, and with an initial h restored. */
function spellings(body: string): string[] {
  const out = [body];
  const closed = /^(.*[^aiueo]?)e([^aiueo]+)$/.exec(body);
  if (closed) out.push(`${closed[1]}a${closed[2]}`);
  for (const form of [...out]) if (VOWELS.includes(form[0]!)) out.push(`h${form}`);
  return out;
}
