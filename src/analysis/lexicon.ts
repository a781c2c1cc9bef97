import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEXICON_DIR } from '../config/paths.js';

/**
 * The lexical data the analysis stands on, read from `lexicon/` (see its README for
 * sources and licences): derived from Debian's packages by scripts/lexicon/build.ts, plus
 * the project's own informal-Indonesian table and particle list.
 */
export interface Lexicon {
  /** Indonesian root words (hunspell-id) -> whether hunspell lets them take affixes. */
  roots: Map<string, boolean>;
  /** Proper names hunspell-id lists capitalised (countries, months, religions), lower-cased. */
  names: Set<string>;
  /** English headword or phrase (FreeDict eng-ind) -> Indonesian translations. */
  english: Map<string, string[]>;
  /**
   * English word -> Indonesian translations that eng-ind lacks, reached through Finnish,
   * Greek and Polish (FreeDict/WikDict), two of the three agreeing ("speed" -> "kecepatan").
   */
  englishPivot: Map<string, string[]>;
  /** English words seen in lower case in FreeDict's headwords and glosses. */
  englishWords: Set<string>;
  /** English irregular form -> its base form (WordNet's exception lists: "flew" -> "fly"). */
  englishIrregular: Map<string, string>;
  /** English word FreeDict lacks -> FreeDict headwords related to it in WordNet ("penalty" -> "punishment"). */
  englishRelated: Map<string, string[]>;
  /** Informal spelling -> standard word(s). */
  informal: Map<string, string[]>;
  /** Discourse particles, interjections, chat address terms. */
  particles: Set<string>;
  /** World capitals (spellings) and the country each stands for in news ("Moskow" for Russia's government). */
  capitals: { spellings: string[]; country: string }[];
  /** Tala's complete Indonesian stopword list. */
  stopwords: string[];
  /** Word counts of everyday Indonesian (OpenSubtitles, FrequencyWords), with the highest and lowest count. Read on first use. */
  readonly frequency: { counts: Map<string, number>; max: number; min: number };
  /** Indonesian thesaurus (mythes-id): word -> synonyms. Read on first use. */
  readonly thesaurus: Map<string, string[]>;
  /** Hash of every file above: part of the saved index's key. */
  fingerprint: string;
}

export const LEXICON_FILES = {
  roots: 'id-roots.tsv',
  names: 'id-names.txt',
  english: 'en-id.tsv',
  englishPivot: 'en-id-pivot.tsv',
  englishWords: 'en-words.txt',
  englishIrregular: 'en-irregular.tsv',
  englishRelated: 'en-related.tsv',
  informal: 'informal-id.tsv',
  particles: 'particles-id.txt',
  stopwords: 'stopwords-id.txt',
  capitals: 'capitals-id.tsv',
  frequency: 'id-frequency.tsv',
  thesaurus: 'id-thesaurus.tsv',
} as const;

const cache = new Map<string, Lexicon>();

/** Loads (once per folder) the lexicon. Throws with the missing file's path. */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  let lexicon = cache.get(dir);
  if (!lexicon) {
    lexicon = readLexicon(dir);
    cache.set(dir, lexicon);
  }
  return lexicon;
}

function readLexicon(dir: string): Lexicon {
  const hash = createHash('sha256');
  const read = (name: string) => {
    const file = join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`lexicon file ${file} is missing (${(error as NodeJS.ErrnoException).code}); it ships with the code, see lexicon/README.md`);
    }
    hash.update(`${name}\u0000${text}\u0001`);
    return text;
  };
  const lines = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('#'));
  const pairs = (text: string) => lines(text).map((line) => line.split('\t') as [string, string?]);

  const roots = new Map(pairs(read(LEXICON_FILES.roots)).map(([word, flags]) => [word, Boolean(flags)]));
  const names = new Set(lines(read(LEXICON_FILES.names)));
  const english = new Map(pairs(read(LEXICON_FILES.english)).map(([word, list]) => [word, (list ?? '').split('|').filter(Boolean)]));
  const englishPivot = new Map(pairs(read(LEXICON_FILES.englishPivot)).map(([word, list]) => [word, (list ?? '').split('|').filter(Boolean)]));
  const englishWords = new Set(lines(read(LEXICON_FILES.englishWords)));
  const englishIrregular = new Map(pairs(read(LEXICON_FILES.englishIrregular)).map(([form, base]) => [form, base ?? form]));
  const englishRelated = new Map(pairs(read(LEXICON_FILES.englishRelated)).map(([word, list]) => [word, (list ?? '').split('|').filter(Boolean)]));
  const informal = new Map(pairs(read(LEXICON_FILES.informal)).map(([word, standard]) => [word.trim(), (standard ?? '').trim().split(/\s+/)]));
  const particles = new Set(lines(read(LEXICON_FILES.particles)).map((w) => w.trim()));
  const stopwords = lines(read(LEXICON_FILES.stopwords)).map((w) => w.trim());
  const capitals = pairs(read(LEXICON_FILES.capitals)).map(([spellings, country]) => ({ spellings: spellings.split('|'), country: country ?? '' }));
  const thesaurusText = read(LEXICON_FILES.thesaurus);
  const frequencyText = read(LEXICON_FILES.frequency);
  const fingerprint = hash.digest('hex');

  let thesaurus: Map<string, string[]> | undefined;
  let frequency: Lexicon['frequency'] | undefined;
  return {
    roots,
    names,
    english,
    englishPivot,
    englishWords,
    englishIrregular,
    englishRelated,
    informal,
    particles,
    stopwords,
    capitals,
    get thesaurus() {
      thesaurus ??= new Map(pairs(thesaurusText).map(([word, list]) => [word, (list ?? '').split('|')]));
      return thesaurus;
    },
    get frequency() {
      if (!frequency) {
        const counts = new Map(pairs(frequencyText).map(([word, count]) => [word, Number(count)]));
        let max = 1;
        let min = Infinity;
        for (const c of counts.values()) {
          if (c > max) max = c;
          if (c < min) min = c;
        }
        frequency = { counts, max, min: Math.min(min, max / 2) };
      }
      return frequency;
    },
    fingerprint,
  };
}
