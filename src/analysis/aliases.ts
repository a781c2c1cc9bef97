/**
 * Aliases fold names and abbreviations that mean the same thing onto one index term,
 * at index time and at query time, so "AS" finds "Amerika Serikat" and "Korut" finds
 * "Korea Utara". Only general names (countries, cities, organisations) and the common
 * abbreviations of Indonesian news belong here; an article's own names (its people,
 * places, spelling variants) go in its front matter (`aliases:`, see README "Corpus
 * format"). Ordinary words are not aliased: English goes through the dictionary, informal
 * Indonesian through its table (src/analysis/english.ts, informal.ts).
 *
 * Each group: the canonical term, then its phrasings. Phrasings are lower-case word
 * sequences; ACRONYMS (listed separately) only match when written in capitals, because
 * "as", "us" and "un" are ordinary words in lower case.
 */
export interface AliasGroup {
  canonical: string;
  phrases: string[];
  acronyms?: string[];
  /**
   * `name` (default): a proper name, a topic of its own (a country, a person); `phrase`:
   * an ordinary phrase and its abbreviation (pemilu, menhan, wali kota).
   */
  kind?: 'name' | 'phrase';
  /** A capital: the index term of the country it stands for in news, a weaker reading ("Moskow menolak"). */
  standsFor?: string;
}

export const ALIAS_GROUPS: AliasGroup[] = [
  // Countries and cities, with their English names and chat short forms.
  { canonical: 'amerikaserikat', phrases: ['amerika serikat', 'united states', 'amerika', 'amrik'], acronyms: ['AS', 'US', 'USA'] },
  { canonical: 'koreautara', phrases: ['korea utara', 'korut', 'north korea', 'dprk'], acronyms: ['DPRK', 'RRDK'] },
  { canonical: 'koreaselatan', phrases: ['korea selatan', 'korsel', 'south korea'] },
  { canonical: 'rusia', phrases: ['rusia', 'russia', 'russian', 'rusian'] },
  { canonical: 'ukraina', phrases: ['ukraina', 'ukraine', 'ukrainian'] },
  { canonical: 'tiongkok', phrases: ['tiongkok', 'cina', 'china', 'chinese', 'rrt', 'rrc'] },
  { canonical: 'jepang', phrases: ['jepang', 'japan', 'japanese'] },
  { canonical: 'inggris', phrases: ['inggris', 'britania raya', 'britain', 'england', 'british'], acronyms: ['UK'] },
  { canonical: 'indonesia', phrases: ['indonesia', 'indonesian'], acronyms: ['RI', 'NKRI'] },
  { canonical: 'moskow', phrases: ['moskow', 'moskwa', 'moscow'] },
  { canonical: 'jakarta', phrases: ['jakarta', 'jkt'] },
  { canonical: 'timurtengah', phrases: ['timur tengah', 'middle east'] },
  // International organisations.
  { canonical: 'perserikatanbangsabangsa', phrases: ['perserikatan bangsa-bangsa', 'perserikatan bangsa bangsa', 'united nations', 'pbb'], acronyms: ['UN'] },
  { canonical: 'unieropa', phrases: ['uni eropa', 'european union'], acronyms: ['UE', 'EU'] },
  { canonical: 'nato', phrases: ['nato', 'pakta pertahanan atlantik utara', 'north atlantic treaty organization'] },
  { canonical: 'asean', phrases: ['asean', 'perhimpunan bangsa-bangsa asia tenggara'] },
  // Abbreviations of Indonesian news.
  { canonical: 'pemilihanumum', phrases: ['pemilihan umum', 'pemilu'], kind: 'phrase' },
  { canonical: 'pemilihanpresiden', phrases: ['pemilihan presiden', 'pilpres'], kind: 'phrase' },
  { canonical: 'pemilihankepaladaerah', phrases: ['pemilihan kepala daerah', 'pilkada'], kind: 'phrase' },
  { canonical: 'calonpresiden', phrases: ['calon presiden', 'capres'], kind: 'phrase' },
  { canonical: 'wakilpresiden', phrases: ['wakil presiden', 'wapres'], kind: 'phrase' },
  { canonical: 'menteripertahanan', phrases: ['menteri pertahanan', 'menhan'], kind: 'phrase' },
  { canonical: 'menteriluarnegeri', phrases: ['menteri luar negeri', 'menlu'], kind: 'phrase' },
  { canonical: 'menteridalamnegeri', phrases: ['menteri dalam negeri', 'mendagri'], kind: 'phrase' },
  { canonical: 'menterikeuangan', phrases: ['menteri keuangan', 'menkeu'], kind: 'phrase' },
  { canonical: 'dutabesar', phrases: ['duta besar', 'dubes'], kind: 'phrase' },
  { canonical: 'konferensitingkattinggi', phrases: ['konferensi tingkat tinggi', 'ktt'], kind: 'phrase' },
  { canonical: 'dewanperwakilanrakyat', phrases: ['dewan perwakilan rakyat', 'dpr'], kind: 'phrase' },
  { canonical: 'hakasasimanusia', phrases: ['hak asasi manusia'], acronyms: ['HAM'], kind: 'phrase' },
  { canonical: 'ibukota', phrases: ['ibu kota', 'ibukota'], kind: 'phrase' },
  { canonical: 'walikota', phrases: ['wali kota', 'walikota'], kind: 'phrase' },
];

/**
 * Alias groups for world capitals (lexicon/capitals-id.tsv), each reading also as its
 * country: news names a government by its capital ("sanksi untuk Moskow"). A capital
 * already listed (Moskow) gets the reading added; a spelling that is also an ordinary
 * Indonesian or English word ("lima", "baku", "kabul", "male") is left out, and so is a
 * capital whose country has no single index term (`countryTerm` gives none).
 */
export function capitalGroups(
  capitals: { spellings: string[]; country: string }[],
  groups: AliasGroup[],
  isOrdinaryWord: (word: string) => boolean,
  countryTerm: (country: string, table: AliasTable) => string | undefined,
): AliasGroup[] {
  const table = buildAliasTable(groups);
  const out = groups.map((g) => ({ ...g }));
  const byPhrase = new Map(out.flatMap((g) => g.phrases.map((p) => [p, g] as const)));
  for (const { spellings, country } of capitals) {
    const term = countryTerm(country, table);
    const phrases = spellings.map((s) => s.toLowerCase()).filter((s) => s.includes(' ') || !isOrdinaryWord(s));
    if (!term || phrases.length === 0) continue;
    const listed = phrases.map((p) => byPhrase.get(p)).find((g) => g !== undefined);
    if (listed) listed.standsFor ??= term;
    else out.push({ canonical: phrases[0]!.replace(/[\s'-]+/g, ''), phrases, standsFor: term });
  }
  return out;
}

export interface AliasTable {
  /** First word of a phrase -> phrases (as word arrays) starting with it, longest first. */
  byFirstWord: Map<string, { words: string[]; canonical: string }[]>;
  acronyms: Map<string, string>;
  /** Canonical term -> its group. */
  groups: Map<string, AliasGroup>;
}

/** Alias groups from phrasings (an article's front matter): the first phrasing is canonical. */
export function aliasGroupsOf(phraseGroups: string[][]): AliasGroup[] {
  return phraseGroups.filter((g) => g.length >= 2).map((phrases) => ({ canonical: phrases[0]!.replace(/[\s'-]+/g, ''), phrases }));
}

export function buildAliasTable(groups: AliasGroup[] = ALIAS_GROUPS): AliasTable {
  const byFirstWord: AliasTable['byFirstWord'] = new Map();
  const acronyms = new Map<string, string>();
  for (const group of groups) {
    for (const phrase of group.phrases) {
      const words = phrase.split(/\s+/);
      const list = byFirstWord.get(words[0]!) ?? [];
      if (!list.some((p) => p.words.join(' ') === words.join(' '))) list.push({ words, canonical: group.canonical });
      byFirstWord.set(words[0]!, list);
    }
    for (const acronym of group.acronyms ?? []) acronyms.set(acronym, group.canonical);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, acronyms, groups: new Map(groups.map((g) => [g.canonical, g])) };
}
