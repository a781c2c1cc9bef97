/**
 * Aliases fold names and abbreviations that mean the same thing onto one index term,
 * at index time and at query time, so "AS" finds "Amerika Serikat" and an English
 * question finds the Indonesian name. Keep this to proper names, abbreviations and
 * common news vocabulary; it is not a place to patch individual questions.
 *
 * Each group: the canonical term, then its phrasings. Phrasings are lower-case word
 * sequences; ACRONYMS (listed separately) only match when written in capitals, because
 * "as", "us" and "un" are ordinary words in lower case.
 */
export interface AliasGroup {
  canonical: string;
  phrases: string[];
  acronyms?: string[];
}

export const ALIAS_GROUPS: AliasGroup[] = [
  { canonical: 'amerikaserikat', phrases: ['amerika serikat', 'united states'], acronyms: ['AS', 'US', 'USA'] },
  { canonical: 'koreautara', phrases: ['korea utara', 'korut', 'north korea', 'dprk'], acronyms: ['DPRK'] },
  { canonical: 'koreaselatan', phrases: ['korea selatan', 'korsel', 'south korea'] },
  { canonical: 'rusia', phrases: ['rusia', 'russia', 'russian', 'rusian'] },
  { canonical: 'ukraina', phrases: ['ukraina', 'ukraine', 'ukrainian'] },
  { canonical: 'tiongkok', phrases: ['tiongkok', 'cina', 'china', 'chinese', 'rrt'] },
  { canonical: 'moskow', phrases: ['moskow', 'moskwa', 'moscow'] },
  { canonical: 'jepang', phrases: ['jepang', 'japan', 'japanese'] },
  { canonical: 'inggris', phrases: ['inggris', 'britania raya', 'britain', 'england', 'british'], acronyms: ['UK'] },
  { canonical: 'perserikatanbangsabangsa', phrases: ['perserikatan bangsa-bangsa', 'perserikatan bangsa bangsa', 'united nations', 'pbb'], acronyms: ['UN'] },
  { canonical: 'unieropa', phrases: ['uni eropa', 'european union'], acronyms: ['UE', 'EU'] },
  { canonical: 'pemilihanumum', phrases: ['pemilihan umum', 'pemilu', 'election', 'elections'] },
  { canonical: 'kosmodrom', phrases: ['kosmodrom', 'cosmodrome', 'spaceport', 'bandar antariksa'] },
  { canonical: 'limusin', phrases: ['limusin', 'limousine', 'limo'] },
  { canonical: 'amunisi', phrases: ['amunisi', 'ammunition', 'munitions', 'munisi'] },
  { canonical: 'sanksi', phrases: ['sanksi', 'sanction', 'sanctions'] },
  { canonical: 'satelit', phrases: ['satelit', 'satellite', 'satellites'] },
  { canonical: 'roket', phrases: ['roket', 'rocket', 'rockets'] },
  { canonical: 'rudal', phrases: ['rudal', 'misil', 'missile', 'missiles', 'peluru kendali'] },
  { canonical: 'nuklir', phrases: ['nuklir', 'nuclear'] },
  { canonical: 'senjata', phrases: ['senjata', 'weapon', 'weapons', 'arms'] },
  { canonical: 'perang', phrases: ['perang', 'war'] },
  { canonical: 'presiden', phrases: ['presiden', 'president'] },
  { canonical: 'pemimpin', phrases: ['pemimpin', 'leader', 'leaders'] },
  { canonical: 'pendiri', phrases: ['pendiri', 'founder', 'founders', 'didirikan', 'mendirikan', 'pendirian', 'founded', 'established'] },
  // Synonyms of the verbs questions turn on; the canonical is the stem of the
  // Indonesian words, so their other inflections still meet it through the stemmer.
  { canonical: 'mati', phrases: ['meninggal dunia', 'meninggal', 'meninggalnya', 'wafat', 'wafatnya', 'tewas', 'tewasnya', 'mangkat', 'mendiang', 'died', 'death', 'dies', 'dead'] },
  { canonical: 'lahir', phrases: ['born', 'birth', 'birthplace'] },
  { canonical: 'ibukota', phrases: ['ibu kota', 'ibukota', 'capital'] },
  // Common English news words, folded onto the Indonesian stem, for English questions.
  { canonical: 'bantu', phrases: ['help', 'helps', 'helped', 'assist', 'aid'] },
  { canonical: 'luncur', phrases: ['launch', 'launches', 'launched', 'launching'] },
  { canonical: 'janji', phrases: ['promise', 'promises', 'promised', 'pledge', 'pledged', 'vowed'] },
  { canonical: 'stok', phrases: ['stock', 'stocks', 'stockpile', 'stockpiles'] },
  { canonical: 'jabat', phrases: ['shake hands', 'shook hands', 'handshake'] },
  { canonical: 'temu', phrases: ['meet', 'met', 'meeting', 'meetings', 'summit'] },
  { canonical: 'bicara', phrases: ['talks', 'talk', 'talked', 'discussion', 'discussions'] },
  { canonical: 'kunjung', phrases: ['visit', 'visits', 'visited', 'visiting'] },
  { canonical: 'dukung', phrases: ['support', 'supports', 'supported', 'backing'] },
  { canonical: 'pasok', phrases: ['supply', 'supplies', 'supplied', 'supplying', 'resupply'] },
  { canonical: 'tuduh', phrases: ['accuse', 'accused', 'accusation', 'accusations', 'allegation', 'allegations'] },
  { canonical: 'resmi', phrases: ['official', 'officially'] },
  { canonical: 'nyata', phrases: ['statement', 'statements'] },
  { canonical: 'sepakat', phrases: ['agreement', 'agreements', 'deal', 'deals', 'agreed'] },
  { canonical: 'tarik', phrases: ['interested', 'interest'] },
  { canonical: 'tempur', phrases: ['fighting', 'battle', 'battles', 'combat'] },
  { canonical: 'untung', phrases: ['benefit', 'benefits', 'gain', 'gains', 'profit'] },
  { canonical: 'canggih', phrases: ['advanced', 'sophisticated'] },
  { canonical: 'menteripertahanan', phrases: ['menteri pertahanan', 'menhan', 'defense minister', 'defence minister'] },
  { canonical: 'teknologi', phrases: ['teknologi', 'technology'] },
  { canonical: 'invasi', phrases: ['invasi', 'invasion'] },
  { canonical: 'pesawat', phrases: ['pesawat', 'plane', 'aircraft'] },
  { canonical: 'kecelakaan', phrases: ['kecelakaan', 'crash', 'accident'] },
  { canonical: 'tentarabayaran', phrases: ['tentara bayaran', 'mercenary', 'mercenaries'] },
  { canonical: 'kim', phrases: ['kim jong un', 'kim jong-un', 'kim'] },
  { canonical: 'putin', phrases: ['vladimir putin', 'putin'] },
];

export interface AliasTable {
  /** First word of a phrase -> phrases (as word arrays) starting with it, longest first. */
  byFirstWord: Map<string, { words: string[]; canonical: string }[]>;
  acronyms: Map<string, string>;
  canonicals: Set<string>;
}

export function buildAliasTable(groups: AliasGroup[] = ALIAS_GROUPS): AliasTable {
  const byFirstWord: AliasTable['byFirstWord'] = new Map();
  const acronyms = new Map<string, string>();
  for (const group of groups) {
    for (const phrase of group.phrases) {
      const words = phrase.split(/\s+/);
      const list = byFirstWord.get(words[0]!) ?? [];
      list.push({ words, canonical: group.canonical });
      byFirstWord.set(words[0]!, list);
    }
    for (const acronym of group.acronyms ?? []) acronyms.set(acronym, group.canonical);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, acronyms, canonicals: new Set(groups.map((g) => g.canonical)) };
}
