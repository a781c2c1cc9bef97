import type { QuestionType } from '../analysis/questionWords.js';
import { BoundedMemo } from '../shared/memo.js';

/**
 * Answer cues: whether a sentence holds the kind of thing a question word asks for. A
 * "kapan" (when) question is answered by a sentence with a date, a year or a time
 * expression; "berapa" (how many) by a number; "siapa" (who) by a person (a name or a
 * word for a person); "di mana" (where) by a place; "apa itu" (what is) by a defining
 * sentence ("X adalah ..."). The engine uses the cue twice: as a small ranking bonus, and
 * as one of the signals of whether the articles answer at all ("Kapan Kim Jong Un
 * lahir?" finds sentences about Kim, none with a date).
 */
export type AnswerType = 'time' | 'number' | 'person' | 'place' | 'definition' | Quantity;

/**
 * A measured attribute, which a bare number does not answer: "Berapa umur X?" wants an age,
 * "berapa harga ..." a sum of money, "berapa lama ..." a duration, each with its unit.
 */
export type Quantity = 'age' | 'money' | 'speed' | 'length' | 'weight' | 'area' | 'temperature' | 'percentage' | 'duration';

/**
 * The attribute nouns of Indonesian and English that name a measured quantity, as the
 * analysis reads them (roots: "kecepatan" is "cepat", "harganya" "harga"). A general list
 * of what such questions ask for, not of any article's words.
 */
const QUANTITY_NOUNS: ReadonlyMap<string, Quantity> = new Map<string, Quantity>([
  ...(['umur', 'usia', 'age'] as const).map((w) => [w, 'age'] as [string, Quantity]),
  ...(['harga', 'biaya', 'ongkos', 'tarif', 'gaji', 'upah', 'honor', 'modal', 'anggaran', 'bujet', 'dana', 'tebus', 'denda', 'utang', 'hutang', 'pinjam', 'rugi', 'price', 'cost', 'fare', 'fee', 'salary', 'wage', 'budget', 'ransom', 'debt', 'loan'] as const).map(
    (w) => [w, 'money'] as [string, Quantity],
  ),
  ...(['cepat', 'laju', 'speed', 'velocity'] as const).map((w) => [w, 'speed'] as [string, Quantity]),
  ...(['jarak', 'panjang', 'lebar', 'tinggi', 'distance', 'length', 'width', 'height'] as const).map((w) => [w, 'length'] as [string, Quantity]),
  ...(['berat', 'bobot', 'weight'] as const).map((w) => [w, 'weight'] as [string, Quantity]),
  ...(['luas'] as const).map((w) => [w, 'area'] as [string, Quantity]),
  ...(['suhu', 'temperatur', 'temperature'] as const).map((w) => [w, 'temperature'] as [string, Quantity]),
  ...(['persentase', 'percentage'] as const).map((w) => [w, 'percentage'] as [string, Quantity]),
]);

const ANSWER_TYPES: Partial<Record<QuestionType, AnswerType>> = {
  when: 'time',
  'how-many': 'number',
  'how-long': 'duration',
  who: 'person',
  where: 'place',
  'what-is': 'definition',
};

/**
 * The answer type of a question's types (time wins over number: "tanggal berapa"); a count
 * of a measured attribute (its focus word, as the analysis reads it: `focusReadings`) asks
 * for that quantity ("Berapa umur Rafael Struick?": an age).
 */
export function answerTypeOf(types: Set<QuestionType>, focusReadings: readonly string[] = []): AnswerType | undefined {
  for (const type of ['when', 'how-long', 'how-many', 'what-is', 'where', 'who'] as const) {
    if (!types.has(type)) continue;
    if (type === 'how-many') for (const reading of focusReadings) if (QUANTITY_NOUNS.has(reading)) return QUANTITY_NOUNS.get(reading);
    return ANSWER_TYPES[type];
  }
  return undefined;
}

const MONTHS = 'januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|january|february|march|june|july|august|october|december|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des';
const DAYS = 'senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const UNITS = 'detik|menit|jam|hari|minggu|pekan|bulan|tahun|abad|dekade|dasawarsa|windu';
const TIME_CUE = new RegExp(
  [
    `(?<![\\p{L}\\p{N}])(?:1\\d{3}|20\\d{2})(?![\\p{L}\\p{N}])`, // a year
    `(?<![\\p{L}])(?:${MONTHS}|${DAYS})(?![\\p{L}])`,
    `(?<![\\p{L}])(?:${UNITS})\\s+(?:lalu|silam|depan|kemarin|sebelumnya|berikutnya|ini|itu)(?![\\p{L}])`, // bulan lalu
    `(?<![\\p{L}])(?:kemarin|kemarin|besok|lusa|tadi|semalam|dahulu|kelak|abad|era|masa|zaman|periode)(?![\\p{L}])`,
    `(?<![\\p{L}])(?:pukul|jam)\\s+\\d`,
    `(?<![\\p{L}])(?:sejak|semenjak|hingga|sampai)\\s+(?:\\d|${MONTHS}|tahun|awal|akhir)`,
    `\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}`,
  ].join('|'),
  'iu',
);
const NUMBER_WORDS = 'satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|sejuta|semiliar|belas|puluh|puluhan|ratus|ratusan|ribu|ribuan|juta|jutaan|miliar|triliun|setengah|separuh|seperempat|sepertiga|ganda|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|half|dozen';
const NUMBER_CUE = new RegExp(
  [
    `(?<![\\p{N}])(?!(?:1\\d{3}|20\\d{2})(?![\\p{N}]))\\p{N}`, // a digit that is not a year
    `(?<![\\p{L}])(?:${NUMBER_WORDS})(?![\\p{L}])`,
    `(?<![\\p{L}])se(?:${UNITS}|kilo|meter|liter|persen)(?![\\p{L}])`, // setahun, sebulan
    `(?<![\\p{L}])(?:persen|%)`,
  ].join('|'),
  'iu',
);
const NUMBER = `(?:\\p{N}[\\p{N}.,]*|(?:${NUMBER_WORDS})(?:\\s+(?:${NUMBER_WORDS}))*)`;
/** A number and then, a word or two on, one of `units` ("350 kilometer per jam", "7,2 miliar dolar AS"). */
const numberThen = (units: string) => `(?<![\\p{L}])${NUMBER}\\s*(?:[\\p{L}]+\\s+){0,2}?(?:${units})(?![\\p{L}])`;
const ENGLISH_UNITS = 'seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)';
/** "Rafael Struick (20)": news gives a person's age in brackets after the name (capitalised, so without the flag i). */
const AGE_AFTER_NAME = /\p{Lu}[\p{L}'-]*\s*\(\d{1,3}\)/u;
/** The unit cues of each measured quantity (see QUANTITY_NOUNS). */
const QUANTITY_CUES: Record<Quantity, RegExp> = {
  // "berusia 20 tahun", "20 tahun", "Rafael Struick (20)", as news gives a person's age.
  age: new RegExp([numberThen('tahun|thn|years?\\s+old|yo'), `(?<![\\p{L}])(?:berusia|berumur|usia|umur|aged?)\\s+${NUMBER}`, `\\d+-year-old`].join('|'), 'iu'),
  money: new RegExp(
    [
      `(?<![\\p{L}])(?:rp|idr|usd|us\\$|s\\$|rm)\\s*\\.?\\s*\\p{N}`,
      `[$€£¥]\\s*\\p{N}`,
      numberThen('rupiah|dolar|dollars?|euro|yen|yuan|renminbi|won|ringgit|baht|peso|rupee|riyal|dirham|rubel|rubles?|pound(?:sterling)?|franc|frank|sen|cents?'),
      `(?<![\\p{L}])(?:gratis|cuma-cuma)(?![\\p{L}])`,
    ].join('|'),
    'iu',
  ),
  speed: new RegExp([numberThen('km/jam|km\\s*/\\s*jam|km per jam|kilometer per jam|km/h|kph|kpj|mph|knot|knots|meter per detik|m/s|mach'), `(?<![\\p{L}])mach\\s+\\p{N}`].join('|'), 'iu'),
  length: new RegExp(numberThen('km|kilometer|kilometres?|kilometers?|meter|metres?|meters?|m|mdpl|mil|miles?|cm|sentimeter|mm|milimeter|kaki|feet|ft|inci|inch(?:es)?'), 'iu'),
  weight: new RegExp(numberThen('kg|kilogram|kilo|ton|tonnes?|tons?|gram|gr|g|kuintal|ons|pon|pounds?|lbs?'), 'iu'),
  area: new RegExp(numberThen('hektare|hektar|ha|km2|km²|kilometer persegi|meter persegi|m2|m²|are|acres?|square'), 'iu'),
  temperature: new RegExp([numberThen('derajat|celsius|fahrenheit|kelvin|degrees?'), `\\p{N}\\s*°`].join('|'), 'iu'),
  percentage: new RegExp([numberThen('persen|percent|per cent'), `\\p{N}\\s*%`].join('|'), 'iu'),
  // A number of time units ("selama tiga pekan"), a unit of one ("sebulan"), a span from a start ("sejak Februari 2022").
  duration: new RegExp(
    [
      numberThen(`${UNITS}|${ENGLISH_UNITS}`),
      `(?<![\\p{L}])se(?:${UNITS})(?![\\p{L}])`,
      `(?<![\\p{L}])ber(${UNITS})-\\1(?![\\p{L}])`,
      `(?<![\\p{L}])(?:sejak|semenjak|since)(?![\\p{L}])`,
    ].join('|'),
    'iu',
  ),
};

/** Words for people that answer "siapa" without a name (a reporter asked ...). */
const PERSON_WORDS = 'presiden|menteri|pejabat|pemimpin|pendiri|reporter|wartawan|jurnalis|juru bicara|jubir|kepala|ketua|direktur|gubernur|walikota|wali kota|raja|ratu|perdana menteri|jenderal|komandan|tokoh|pengusaha|penulis|pengarang|pelukis|penyanyi|pemain|pelatih|dokter|ilmuwan|penemu|seorang|mereka|dia|ia|beliau|bos|pimpinan|panglima|duta|diplomat|anggota|warga|penduduk|rakyat|tentara|pasukan|polisi|hakim|jaksa|pengacara';
const PERSON_WORD = new RegExp(`(?<![\\p{L}])(?:${PERSON_WORDS})(?![\\p{L}])`, 'iu');
const PLACE_WORDS = 'kota|negara|negeri|wilayah|daerah|provinsi|kabupaten|kecamatan|desa|pulau|kepulauan|semenanjung|benua|kawasan|perbatasan|ibu kota|ibukota|pelabuhan|bandara|bandar|gedung|istana|markas|kantor|pangkalan|kosmodrom|stadion|sungai|gunung|laut|selat|teluk|danau|jalan|kampus|sekolah';
const PLACE_WORD = new RegExp(`(?<![\\p{L}])(?:${PLACE_WORDS})(?![\\p{L}])`, 'iu');
/** A capitalised word inside a sentence (not its first word): a name. */
const NAME = /(?<=[^.!?\s]\s+)\p{Lu}[\p{L}'-]+/gu;
/** A capitalised word after a locative preposition: a place name. */
const PLACE_NAME = /(?<![\p{L}])(?:di|ke|dari|in|at|from)\s+(\p{Lu}[\p{L}'-]+)/gu;
const DEFINITION_CUE = /(?<![\p{L}])(?:adalah|merupakan|ialah|yaitu|yakni|disebut|dikenal sebagai|is a|is an|was a|was an|refers to)(?![\p{L}])/iu;

/** What a sentence holds for an answer type, before the question's own names are set aside. */
interface Cue {
  /** A cue that needs no check against the question (a date, a number, "adalah", a word for a person or place). */
  found: boolean;
  /** Names that would answer, unless the question names them itself. */
  names: readonly string[];
}

function cueOf(text: string, type: AnswerType): Cue {
  switch (type) {
    case 'time':
      return { found: TIME_CUE.test(text), names: [] };
    case 'number':
      return { found: NUMBER_CUE.test(text), names: [] };
    case 'definition':
      return { found: DEFINITION_CUE.test(text), names: [] };
    case 'person':
      return PERSON_WORD.test(text) ? { found: true, names: [] } : { found: false, names: [...text.matchAll(NAME)].map((m) => m[0]) };
    case 'place':
      return PLACE_WORD.test(text) ? { found: true, names: [] } : { found: false, names: [...text.matchAll(PLACE_NAME)].map((m) => m[1]!) };
    default:
      return { found: QUANTITY_CUES[type].test(text) || (type === 'age' && AGE_AFTER_NAME.test(text)), names: [] };
  }
}

/** Every answer type, for warmUpAnswerCues. */
const ALL_ANSWER_TYPES: readonly AnswerType[] = ['time', 'number', 'person', 'place', 'definition', ...(Object.keys(QUANTITY_CUES) as Quantity[])];
/**
 * Sentences that hold some cues and none: each pattern both stops early and runs to the end.
 * Each also with curly quotes, which make it a two-byte string: V8 compiles a pattern
 * separately for one-byte and two-byte text.
 */
const WARM_UP_SENTENCES = ['Pada 12 Juli 2023 pukul 10 pagi, sekitar 350 orang di Kota Bogor membayar Rp 7.000, berusia 20 tahun, 5 km, 3 kg, 2 ha, 30 derajat, 5 persen.', 'Kata pejabat Ahmad Dahlan di Jakarta bahwa itu adalah rencana.', 'tidak ada apa-apa di sini'].flatMap((s) => [s, `“${s}”`]);

/**
 * Compiles every cue pattern now (see src/bot/warmUp.ts). V8 compiles a pattern on its
 * first use and again to machine code on its second; with the Unicode and case-insensitive
 * flags that took 1-8 ms a pattern, paid by the first question of each answer type.
 */
export function warmUpAnswerCues(): void {
  for (let pass = 0; pass < 2; pass++) for (const type of ALL_ANSWER_TYPES) for (const sentence of WARM_UP_SENTENCES) cueOf(sentence, type);
}

/** Cues by answer type and sentence: the same paragraphs' sentences are checked question after question. */
const cues = new BoundedMemo<Cue>(50_000);

/**
 * Whether a text holds what the answer type asks for. Names the question itself uses
 * (`known`, lower-case words) do not count: "Siapa pendiri Toyota?" is not answered by a
 * sentence whose only name is Toyota.
 */
export function hasAnswerCue(text: string, type: AnswerType, known: Set<string> = new Set()): boolean {
  const cue = cues.get(`${type}\u0000${text}`, () => cueOf(text, type));
  return cue.found || cue.names.some((name) => !name.toLowerCase().split(/[\s'-]+/).some((w) => known.has(w)));
}
