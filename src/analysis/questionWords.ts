import { plainWords } from './normalize.js';

/**
 * What a question asks for, read from its question word, in Indonesian (standard and
 * chat spellings) and English. The analyzer drops question words as stopwords, which is
 * right for finding passages; this keeps what they say: the engine checks that the best
 * sentence holds that kind of answer (a date for "kapan"), and curated matching keeps
 * "Kapan pendiri Wagner lahir?" from taking the answer of "Siapa pendiri Wagner?".
 * "apa" alone is not a type: it opens yes/no questions and "apa itu ..." alike ("apakah"
 * opens a yes/no question; between two questions, "N apa" asks which N).
 */
export type QuestionType = 'who' | 'when' | 'where' | 'why' | 'how' | 'how-to' | 'how-many' | 'how-long' | 'what-is' | 'which' | 'yes-no';

/** Question words, as written and as chat spells them (every form lexicon/informal-id.tsv lists; a test keeps the two in step). */
const SINGLE_WORDS: Record<string, QuestionType> = {
  siapa: 'who', siapakah: 'who', sapa: 'who', siape: 'who', sp: 'who', who: 'who', whom: 'who', whose: 'who',
  kapan: 'when', kapankah: 'when', kpn: 'when', kapn: 'when', bilamana: 'when', when: 'when',
  dimana: 'where', dimanakah: 'where', dmn: 'where', dmana: 'where', kemana: 'where', kmn: 'where', darimana: 'where', drmn: 'where', where: 'where',
  mengapa: 'why', mengapakah: 'why', kenapa: 'why', kenapakah: 'why', knp: 'why', napa: 'why', ngapa: 'why', kenape: 'why', why: 'why',
  bagaimana: 'how', bagaimanakah: 'how', gimana: 'how', gmn: 'how', gmana: 'how', gmna: 'how', gimn: 'how', bgmn: 'how', bagaimna: 'how', how: 'how',
  berapa: 'how-many', berapakah: 'how-many', brp: 'how-many', brapa: 'how-many', brpa: 'how-many',
};

/** "di mana", "ke mana", "dari mana"; a lone "mana" ("yang mana") means "which" and is skipped. */
const WHERE_PREFIXES = new Set(['di', 'ke', 'dari', 'dr', 'dri']);
/** "tahun berapa", "tanggal berapa", "jam berapa" ask for a time, not a count. */
const TIME_UNITS = new Set(['tahun', 'thn', 'thun', 'tanggal', 'tgl', 'bulan', 'bln', 'jam', 'jm', 'pukul', 'abad', 'hari', 'hr']);
const HOW_MANY = new Set(['many', 'much', 'old', 'far', 'big', 'large', 'tall', 'high']);
/** "berapa lama", "berapa hari", "how long": a duration, which "sampai kapan" (until when) also asks. */
const DURATION_UNITS = new Set(['lama', 'detik', 'menit', 'jam', 'jm', 'hari', 'hr', 'minggu', 'mgg', 'pekan', 'bulan', 'bln', 'tahun', 'thn', 'thun', 'abad']);

/**
 * Nouns that name what a question asks for, in place of or beside its question word:
 * "lokasi ... di mana", "apa penyebab ...", "... maksudnya apa", "what does X mean". They
 * frame the question rather than say what it is about, so curated matching gives them no
 * weight and reads the question's type from them.
 */
export const FRAME_WORDS: ReadonlyMap<string, QuestionType> = new Map<string, QuestionType>([
  ...(['lokasi', 'lokasinya'] as const).map((w) => [w, 'where'] as [string, QuestionType]),
  ...(['tanggal', 'tanggalnya', 'tgl', 'jadwal', 'jadwalnya'] as const).map((w) => [w, 'when'] as [string, QuestionType]),
  ...(['penyebab', 'penyebabnya', 'alasan', 'alasannya', 'sebabnya', 'reason', 'cause'] as const).map((w) => [w, 'why'] as [string, QuestionType]),
  ...(['jumlah', 'jumlahnya', 'banyaknya', 'number', 'amount'] as const).map((w) => [w, 'how-many'] as [string, QuestionType]),
  // "bagaimana cara ...", "... caranya?": the way to do something, which a person or a date does not answer.
  ...(['cara', 'caranya', 'way'] as const).map((w) => [w, 'how-to'] as [string, QuestionType]),
  ...(['arti', 'artinya', 'maksud', 'maksudnya', 'pengertian', 'pengertiannya', 'definisi', 'definisinya', 'singkatan', 'kepanjangan', 'kepanjangannya', 'mean', 'means', 'meaning', 'definition'] as const).map(
    (w) => [w, 'what-is'] as [string, QuestionType],
  ),
]);

/**
 * Numeral classifiers (kata penggolong) and common units: after "berapa" they belong to the
 * question word ("berapa orang", "berapa ton", "brp persen"), as "lama" of "berapa lama" does.
 */
const COUNT_WORDS = new Set([
  'orang', 'org', 'orng', 'ekor', 'buah', 'biji', 'butir', 'lembar', 'helai', 'batang', 'kali', 'unit', 'potong', 'pucuk', 'tangkai', 'kuntum',
  'bidang', 'pasang', 'karung', 'botol', 'bungkus', 'kotak', 'porsi', 'ton', 'kilo', 'kilogram', 'kg', 'gram', 'liter', 'meter',
  'kilometer', 'km', 'hektare', 'hektar', 'ha', 'persen', 'rupiah', 'rp', 'dolar', 'dollar', 'juta', 'miliar', 'ribu', 'triliun',
]);
const HOW_MANY_WORDS = new Set(Object.keys(SINGLE_WORDS).filter((word) => SINGLE_WORDS[word] === 'how-many'));
/** "banyak" of "berapa banyak", and "apa", as chat spells them too (lexicon/informal-id.tsv; a test keeps them in step). */
const BANYAK = new Set(['banyak', 'bnyk', 'byk', 'bnyak']);
const APA = new Set(['apa', 'apaan']);
const isApa = (word: string) => APA.has(word) || word === 'apakah';

/**
 * The words of a question that frame it rather than say what it is about: the frame nouns
 * (FRAME_WORDS), and a classifier, unit or time word joined to "berapa" ("berapa orang",
 * "tahun berapa", "tgl brp").
 */
export function frameWordsOf(text: string): Set<string> {
  const words = plainWords(text);
  const out = new Set<string>();
  words.forEach((word, i) => {
    if (FRAME_WORDS.has(word)) out.add(word);
    else if (HOW_MANY_WORDS.has(words[i - 1] ?? '') && (COUNT_WORDS.has(word) || DURATION_UNITS.has(word) || TIME_UNITS.has(word))) out.add(word);
    else if (HOW_MANY_WORDS.has(words[i + 1] ?? '') && TIME_UNITS.has(word)) out.add(word);
  });
  return out;
}

/**
 * The time word of "tahun berapa", "tgl brp", "jam berapa": part of the question word (it
 * asks for a date, a year, an hour), which the answer gives without repeating the word
 * ("pada 1956"). Not "berapa tahun", a duration the answer states in years.
 */
export function askedTimeWordsOf(text: string): Set<string> {
  const words = plainWords(text);
  return new Set(words.filter((word, i) => TIME_UNITS.has(word) && HOW_MANY_WORDS.has(words[i + 1] ?? '')));
}

/**
 * Indonesian question words that a noun naming the asked attribute follows: "berapa
 * harga", "apa agama", "siapa pelatih". ("apakah" opens a yes/no question; "kapan",
 * "mengapa", "bagaimana" and "di mana" are followed by the clause itself.)
 */
const ATTRIBUTE_QUESTION_WORDS = new Set([...APA, 'siapa', 'siapakah', 'sapa', 'siape', 'sp', ...HOW_MANY_WORDS]);
/**
 * In English the attribute comes after a copula ("what is the capital", "who was the
 * founder"), after "which", or after "what" used as a determiner, which an auxiliary then
 * follows ("what antivirus does ...", "what weapons did ..."; not "what happened").
 */
const ENGLISH_ATTRIBUTE_WORDS = new Set(['what', 'who', 'which']);
const ENGLISH_COPULAS = new Set(['is', 'are', 'was', 'were']);
const ENGLISH_AUXILIARIES = new Set([...ENGLISH_COPULAS, 'do', 'does', 'did', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);
const ENGLISH_ARTICLES = new Set(['the', 'a', 'an']);

/**
 * The focus word of a question: the noun naming what is asked about a thing, right after
 * the question word, past a frame noun, a classifier or an English copula ("Berapa umur
 * Rafael Struick?", "berapa jumlah penduduk ...", "what is the capital of ..."). The engine
 * checks whether the articles have it at all. Undefined when the question has none ("Apa
 * yang ...", "tahun berapa ...", "who founded ..."). The word may be a name ("Siapa
 * Shoigu?"): the engine keeps only an ordinary word as a focus.
 */
export function focusWordOf(text: string, isStopword: (word: string) => boolean): string | undefined {
  const words = plainWords(text);
  const unit = (word: string) => COUNT_WORDS.has(word) || DURATION_UNITS.has(word) || TIME_UNITS.has(word);
  const content = (word: string | undefined) => word !== undefined && !isStopword(word) && !unit(word) && !FRAME_WORDS.has(word) && !(word in SINGLE_WORDS) && !/^\p{N}+$/u.test(word);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let next = i + 1;
    if (ENGLISH_ATTRIBUTE_WORDS.has(word)) {
      const copula = ENGLISH_COPULAS.has(words[next] ?? '');
      const determiner = word === 'which' || (word === 'what' && ENGLISH_AUXILIARIES.has(words[next + 1] ?? ''));
      if (copula) next++;
      else if (!determiner) continue;
      if (ENGLISH_ARTICLES.has(words[next] ?? '')) next++;
    } else if (!ATTRIBUTE_QUESTION_WORDS.has(word) || TIME_UNITS.has(words[i - 1] ?? '')) continue; // "tahun berapa" asks for a date
    // Past a frame noun or a classifier to what is counted: "berapa jumlah penduduk", "berapa hektare lahan";
    // "berapa banyak" is one question word (how many, how much).
    if (HOW_MANY_WORDS.has(word) && BANYAK.has(words[next] ?? '')) next++;
    while (next < words.length && (FRAME_WORDS.has(words[next]!) || unit(words[next]!))) next++;
    if (content(words[next])) return words[next];
  }
  // Chat puts "berapa" last, after what is measured: "harga tiket ke moskow brp", "umurnya berapa sih".
  // ("jam berapa", "tahun berapa" ask for a time, as above.)
  const last = words.findLastIndex((word) => !isStopword(word) || HOW_MANY_WORDS.has(word));
  if (last > 0 && HOW_MANY_WORDS.has(words[last]!) && !unit(words[last - 1]!)) return words.slice(0, last).find((word) => content(word));
  return undefined;
}

/**
 * Whether a question is a keyword query ("jadwal kereta api Bandung", "satelit roket
 * korut"): no question word, no question mark, no stopword. Its words are all what is
 * asked about; none is phrasing.
 */
export function isKeywordQuery(text: string, isStopword: (word: string) => boolean): boolean {
  const words = plainWords(text);
  return words.length > 0 && !text.includes('?') && questionTypes(text).size === 0 && words.every((word) => !isStopword(word) && !ATTRIBUTE_QUESTION_WORDS.has(word));
}

/**
 * Words that open a yes/no question: Indonesian "apakah" (not "apakah itu ...", "apakah yang
 * ...", which ask what), and an English auxiliary first ("Did ...", "Is ...", "Can ...").
 */
/** "how do I", "how can we", "how should one": a way to do something. */
const HOW_TO_AUXILIARIES = new Set(['do', 'does', 'can', 'could', 'should', 'would', 'will', 'may', 'might']);
const HOW_TO_SUBJECTS = new Set(['i', 'we', 'you', 'one', 'u', 'people', 'someone', 'members', 'users']);
const ENGLISH_YES_NO_OPENERS = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);

/**
 * "What is a ballistic missile?" asks for a definition; "What is the price of SPHP rice?",
 * "What is the role of NATO in ...", with a preposition after the noun, ask for something of
 * it. (English's common prepositions, as grammars list them.)
 */
const ENGLISH_ATTRIBUTE_PREPOSITIONS = new Set([
  'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'at', 'before', 'behind', 'below', 'beneath', 'beside', 'between',
  'beyond', 'by', 'despite', 'during', 'for', 'from', 'in', 'inside', 'into', 'near', 'of', 'off', 'on', 'onto', 'outside', 'over', 'past',
  'since', 'through', 'throughout', 'to', 'toward', 'towards', 'under', 'until', 'upon', 'with', 'within', 'without',
]);

/**
 * Negations, standard and as chat spells them (lexicon/informal-id.tsv's forms of tidak, belum
 * and bukan; a test keeps the two in step). "... apa nggak", "... atau belum" and a closing
 * "... gak?" or "... kan?" ask whether.
 */
const NEGATIONS = new Set([
  'tidak', 'tak', 'belum', 'bukan', 'gak', 'ga', 'gk', 'g', 'ngga', 'nggak', 'nggk', 'ngak', 'enggak', 'engga', 'egak', 'kagak', 'kaga',
  'gag', 'tdk', 'ndak', 'nda', 'ora', 'bkn', 'blm', 'blom', 'belom', 'lom',
]);
/** "kan" closing a sentence is "bukan" shortened: "Putin ketemu Kim kan?". */
const CLOSING_TAGS = new Set([...NEGATIONS, 'kan']);
/** Particles that may follow a closing tag ("gak sih", "belum ya"). */
const CLOSING_PARTICLES = new Set(['sih', 'ya', 'yah', 'yaa', 'dong', 'deh', 'nih', 'tuh', 'kah', 'toh', 'lho', 'loh']);

/** Whether a question closes on a negation tag ("jadi resign gak", "udah dibuka belum ya"). */
function closesOnTag(words: readonly string[]): boolean {
  let last = words.length - 1;
  while (last > 0 && CLOSING_PARTICLES.has(words[last]!)) last--;
  return last >= 2 && CLOSING_TAGS.has(words[last]!);
}

/**
 * Words of cause that make "apa" ask why ("karena apa", "gara-gara apa"), as written and as
 * chat spells them (lexicon/informal-id.tsv's forms of karena, but "soalnya", which is also
 * "its question"; a test keeps the two in step). "gara-gara" splits into "gara", "gara".
 */
const CAUSES = new Set(['karena', 'krn', 'krna', 'karna', 'sebab', 'akibat', 'lantaran', 'gara', 'gara2']);

/** "yang" and its chat spelling. */
const YANG = new Set(['yang', 'yg']);

/**
 * Words before "apa" that do not make it "which N": demonstratives, particles, conjunctions,
 * prepositions ("itu apa", "yang apa"), and their chat spellings in lexicon/informal-id.tsv, as
 * the lists of units and prepositions above have theirs (a test keeps them in step).
 */
const APA_NOT_WHICH = new Set([
  'itu', 'ini', 'tuh', 'nih', 'yang', 'yg', 'dan', 'atau', 'ato', 'atw', 'ataw', 'untuk', 'utk', 'untk', 'buat', 'dengan', 'dgn', 'dg', 'sama', 'sm', 'ama',
  'dari', 'dr', 'dri', 'di', 'ke', 'oleh', 'pada', 'kalau', 'kalo', 'klo', 'kl', 'klau', 'jadi', 'terus', 'trus', 'trs', 'tros', 'lalu', 'bahwa', 'tentang', 'soal', 'kira', 'kira-kira',
]);

/** English question words; inside a sentence they are mostly conjunctions ("when he raised his glass"). */
const ENGLISH_WH = new Set(['who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'what', 'which']);
const ENGLISH_PREPOSITIONS = new Set(['in', 'at', 'on', 'from', 'since', 'until', 'by', 'for', 'to', 'with', 'and', 'so']);

/**
 * The types a question asks for. With `frames`, nouns that name the type count too
 * (FRAME_WORDS), and "N apa" asks which N: right between two questions, but not for checking
 * a passage's sentence ("What did Putin mean by ..." asks what he meant, not for a
 * definition). With
 * `longDefinitions`, an English "What is ...?" of any length asks for a definition unless a
 * preposition follows the noun ("What is a ballistic missile?", not "What is the price of
 * SPHP rice?"): right between two questions, but as a passage's cue too strict a test
 * ("What is the shopping list Shoigu brought?" is answered by a sentence that defines
 * nothing), so without it only questions of four words or fewer are.
 */
export function questionTypes(text: string, options: { frames?: boolean; longDefinitions?: boolean } = {}): Set<QuestionType> {
  const words = plainWords(text);
  const types = new Set<QuestionType>();
  // An English question word counts where a question starts: first, or after a preposition ("In which year").
  const englishStart = words.findIndex((w) => !ENGLISH_PREPOSITIONS.has(w));
  // "apa yang dimaksud", "apa yg dimaksud": what is meant.
  const meant = (i: number) => YANG.has(words[i + 1] ?? '') && words[i + 2] === 'dimaksud';
  words.forEach((word, i) => {
    if (ENGLISH_WH.has(word) && i !== englishStart) return;
    const previous = words[i - 1];
    const next = words[i + 1];
    const mana = word === 'mana' || word === 'manakah';
    if (mana && previous !== undefined && WHERE_PREFIXES.has(previous)) types.add('where');
    // "di stasiun mana", "ke negara mana": at which place, a place.
    else if (mana && i >= 2 && WHERE_PREFIXES.has(words[i - 2]!)) types.add('where');
    // "negara mana", "yang mana": which one.
    else if (mana || (word === 'which' && i === 0)) types.add('which');
    // "karena apa", "sebab apa", "gara-gara apa": why.
    else if (isApa(word) && previous !== undefined && CAUSES.has(previous)) types.add('why');
    // "mundur apa nggak", "sudah atau belum": whether or not.
    else if ((APA.has(word) || word === 'atau') && next !== undefined && NEGATIONS.has(next)) types.add('yes-no');
    // "sanksi apa (saja)", "mobil apa": which kind of thing, not why or when.
    else if (APA.has(word) && options.frames && previous !== undefined && !APA_NOT_WHICH.has(previous) && !FRAME_WORDS.has(previous) && !(previous in SINGLE_WORDS)) types.add('which');
    else if (word === 'how' && next === 'long') types.add('how-long');
    // "how to ...", "how do I ...", "how can we ...": the way to do something.
    else if (word === 'how' && options.frames && (next === 'to' || (next !== undefined && HOW_TO_AUXILIARIES.has(next) && HOW_TO_SUBJECTS.has(words[i + 2] ?? '')))) types.add('how-to');
    else if (word === 'how' && next !== undefined && HOW_MANY.has(next)) types.add('how-many');
    else if (HOW_MANY_WORDS.has(word) && next !== undefined && DURATION_UNITS.has(next)) types.add('how-long');
    else if (word === 'what' && (next === 'year' || next === 'date' || next === 'time')) types.add('when');
    else if ((word === 'what' || word === 'who') && (next === 'is' || next === 'are' || next === 'was') && i === 0 && (words.length <= 4 || (options.longDefinitions === true && !words.slice(2).some((w) => ENGLISH_ATTRIBUTE_PREPOSITIONS.has(w))))) types.add(word === 'what' ? 'what-is' : 'who');
    else if (isApa(word) && (next === 'itu' || meant(i) || next === 'arti' || next === 'pengertian' || next === 'definisi')) types.add('what-is');
    // "siapa yang dimaksud X": whom X stands for, which an entry "Apa maksud X?" answers too.
    else if (SINGLE_WORDS[word] === 'who' && meant(i)) types.add('who').add('what-is');
    else if (HOW_MANY_WORDS.has(word) && previous !== undefined && TIME_UNITS.has(previous)) types.add('when');
    // "Apakah pemerintah membayar tebusan?", "Did Budi Arie resign?": whether, not who or what.
    else if (word === 'apakah' && next !== 'itu' && !YANG.has(next ?? '')) types.add('yes-no');
    else if (i === englishStart && ENGLISH_YES_NO_OPENERS.has(word) && next !== undefined) types.add('yes-no');
    else {
      const type = SINGLE_WORDS[word] ?? (options.frames ? FRAME_WORDS.get(word) : undefined);
      if (type) types.add(type);
    }
  });
  // A closing tag asks whether, when nothing else names what is asked ("kenapa gak?" asks why).
  if (types.size === 0 && closesOnTag(words)) types.add('yes-no');
  // "bagaimana cara": the way to do something, not any "how".
  if (types.has('how-to')) types.delete('how');
  return types;
}

/**
 * Types that may answer each other: a duration and "until when" ("berapa lama" / "sampai
 * kapan"), a duration and a count. "bagaimana" (how) asks for a manner, a cause, a state or
 * a way, so it is compatible with every other type.
 */
const RELATED: [QuestionType, QuestionType][] = [
  ['how-long', 'when'],
  ['how-long', 'how-many'],
  // "which one" names a person, a place or a thing.
  ['which', 'who'],
  ['which', 'where'],
  ['which', 'what-is'],
  // "di mana bisa nonton" and "gimana cara nonton" ask for the same thing.
  ['how-to', 'where'],
];

/** False only when both questions name what they ask for and have nothing in common. */
export function compatibleQuestionTypes(a: Set<QuestionType>, b: Set<QuestionType>): boolean {
  if (a.size === 0 || b.size === 0 || a.has('how') || b.has('how')) return true;
  for (const type of a) if (b.has(type)) return true;
  return RELATED.some(([x, y]) => (a.has(x) && b.has(y)) || (a.has(y) && b.has(x)));
}
