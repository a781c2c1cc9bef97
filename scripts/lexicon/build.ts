/**
 * Rebuilds the derived lexical data in lexicon/ from Debian's packages.
 *   npm run lexicon            (needs `apt-get update` to have run once; no install, no root)
 *   npm run lexicon -- --from DIR   (use .deb files already downloaded into DIR)
 *
 * Sources (see lexicon/README.md for the licences):
 *   hunspell-id            LibreOffice Indonesian dictionary: the root words (kata dasar)
 *   dict-freedict-eng-ind  FreeDict/WikDict English-Indonesian: English words to Indonesian
 *   mythes-id              LibreOffice Indonesian thesaurus: synonyms
 *   wamerican              SCOWL American English word list: tells an English word in a mixed question
 *   wordnet-base           Princeton WordNet 3.0: English irregular forms, and for an English word
 *                          FreeDict lacks, the related words (synonyms, derived forms) it has
 *   dict-freedict-{eng-fin,fin-eng,fin-ind,ell-eng,ell-ind,pol-eng,pol-ind}
 *                          FreeDict/WikDict through Finnish, Greek and Polish: English-Indonesian
 *                          translations that two of the three pivot languages agree on
 * Each package is fetched with `apt-get download` and unpacked with `dpkg-deb -x`; the
 * outputs are plain UTF-8 text, sorted, so a rebuild from the same packages is byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { LEXICON_DIR } from '../../src/config/paths.js';

/** The WikDict dictionaries (CC BY-SA 3.0, like eng-ind) through which English reaches Indonesian by a third language. */
const PIVOTS = [
  { language: 'fin', toEnglish: 'fin-eng', fromEnglish: 'eng-fin', toIndonesian: 'fin-ind' },
  { language: 'ell', toEnglish: 'ell-eng', toIndonesian: 'ell-ind' },
  { language: 'pol', toEnglish: 'pol-eng', toIndonesian: 'pol-ind' },
] as const;
const PIVOT_PACKAGES = PIVOTS.flatMap(({ language: _, ...pairs }) => Object.values(pairs)).map((pair) => `dict-freedict-${pair}`);
/** Pivot languages that must agree on a translation: one alone strays too often ("flight" -> Finnish "lento" and "kerros"... -> "lantai", floor). */
const PIVOTS_AGREEING = 2;

const PACKAGES = ['hunspell-id', 'dict-freedict-eng-ind', 'mythes-id', 'wamerican', 'wordnet-base', ...PIVOT_PACKAGES] as const;

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string', default: LEXICON_DIR } } });
const outDir = values.out!;

function main(): void {
const work = mkdtempSync(join(tmpdir(), 'lexicon-'));
try {
  const debDir = values.from ?? download(work);
  const sources: Record<string, { version: string; sha256: string; deb: string }> = {};
  const trees: Record<string, string> = {};
  for (const name of PACKAGES) {
    const deb = readdirSync(debDir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
    if (!deb) throw new Error(`${name}_*.deb not found in ${debDir}`);
    const file = join(debDir, deb);
    const tree = join(work, name);
    execFileSync('dpkg-deb', ['-x', file, tree]);
    trees[name] = tree;
    sources[name] = {
      version: execFileSync('dpkg-deb', ['-f', file, 'Version'], { encoding: 'utf8' }).trim(),
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      deb,
    };
  }
  mkdirSync(outDir, { recursive: true });

  const { roots, names } = readHunspell(join(trees['hunspell-id']!, 'usr/share/hunspell/id_ID.dic'));
  write('id-roots.tsv', [...roots].map(([root, flags]) => (flags ? `${root}\t${flags}` : root)));
  write('id-names.txt', names);

  const { translations, englishWords } = readFreedict(join(trees['dict-freedict-eng-ind']!, 'usr/share/dictd'));
  write('en-id.tsv', [...translations].map(([en, ids]) => `${en}\t${[...ids].join('|')}`));
  const scowl = readFileSync(join(trees['wamerican']!, 'usr/share/dict/american-english'), 'utf8').split('\n').filter((w) => /^[a-z]{2,}$/.test(w));
  write('en-words.txt', [...new Set([...englishWords, ...scowl])].sort(byCodePoint));

  const pivoted = triangulate(trees, new Set([...englishWords, ...scowl]), translations);
  write('en-id-pivot.tsv', [...pivoted].map(([en, ids]) => `${en}\t${ids.join('|')}`));

  const wordnet = readWordnet(join(trees['wordnet-base']!, 'usr/share/wordnet'), translations, new Set(scowl));
  write('en-irregular.tsv', [...wordnet.irregular].map(([form, base]) => `${form}\t${base}`));
  write('en-related.tsv', [...wordnet.related].map(([word, related]) => `${word}\t${related.join('|')}`));

  const thesaurus = readMythes(join(trees['mythes-id']!, 'usr/share/mythes/th_id_ID_v2.dat'));
  write('id-thesaurus.tsv', [...thesaurus].map(([word, synonyms]) => `${word}\t${[...synonyms].join('|')}`));

  // Keep the entries of sources this script does not fetch (the frequency list).
  const sourcesFile = join(outDir, 'SOURCES.json');
  const previous = existsSync(sourcesFile) ? (JSON.parse(readFileSync(sourcesFile, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(sourcesFile, JSON.stringify({ ...previous, ...sources }, null, 2) + '\n');
  copyLicences(trees);
  console.log(`lexicon written to ${outDir}: ${roots.size} roots, ${names.length} names, ${translations.size} English headwords, ${englishWords.length} English words from FreeDict (plus SCOWL's), ${pivoted.size} English words with translations through pivots, ${thesaurus.size} thesaurus entries, ${wordnet.irregular.size} English irregular forms, ${wordnet.related.size} English words related to a FreeDict headword`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
}

/** The licence texts the derived files need beside them (Debian ships the GNU ones in common-licenses). */
function copyLicences(trees: Record<string, string>): void {
  const dir = join(outDir, 'licences');
  mkdirSync(dir, { recursive: true });
  for (const name of ['LGPL-3', 'LGPL-2.1']) copyFileSync(join('/usr/share/common-licenses', name), join(dir, name));
  const scowl = readFileSync(join(trees['wamerican']!, 'usr/share/doc/wamerican/copyright'), 'utf8');
  const notice = /Copyright 2000-\d+ by Kevin Atkinson[\s\S]*?without express or implied warranty\./.exec(scowl);
  if (notice) writeFileSync(join(dir, 'SCOWL'), notice[0] + '\n');
  const wordnet = readFileSync(join(trees['wordnet-base']!, 'usr/share/doc/wordnet-base/copyright'), 'utf8');
  const licence = /License: WordNet3\.0\n([\s\S]*?)\n\nFiles:/.exec(wordnet);
  if (licence) writeFileSync(join(dir, 'WordNet'), licence[1]!.split('\n').map((l) => l.replace(/^ \.?/, '')).join('\n') + '\n');
}

function download(dir: string): string {
  try {
    execFileSync('apt-get', ['download', ...PACKAGES], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const detail = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    throw new Error(`apt-get download failed (run "apt-get update" once first, or pass --from DIR):\n${detail}`);
  }
  return dir;
}

function write(name: string, lines: string[]): void {
  writeFileSync(join(outDir, name), lines.join('\n') + '\n');
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * id_ID.dic: one entry per line, `word/FLAGS`, in ISO-8859-1 (the .aff says SET
 * ISO8859-1). Lower-case entries are root words, written with their affix flags (which
 * affixes hunspell allows on them: a root without flags takes none, so the stemmer never
 * strips a word down to it); capitalised ones are proper names (countries, months,
 * religions), kept apart because they are topic words.
 */
function readHunspell(file: string): { roots: Map<string, string>; names: string[] } {
  const roots = new Map<string, string>();
  const names = new Set<string>();
  const lines = readFileSync(file, 'latin1').split(/\r?\n/).slice(1); // the first line is the entry count
  for (const line of lines) {
    const [entry = '', flags = ''] = line.trim().split('/');
    if (!entry || /[^\p{L}\-]/u.test(entry) || entry.startsWith('-') || entry.endsWith('-')) continue;
    const word = entry.toLowerCase();
    if (/^\p{Lu}/u.test(entry)) names.add(word);
    else roots.set(word, (roots.get(word) ?? '') + flags);
  }
  const sorted = new Map([...roots].sort(([a], [b]) => byCodePoint(a, b)));
  return { roots: sorted, names: [...names].filter((n) => !roots.has(n)).sort(byCodePoint) };
}

/**
 * FreeDict's dictd files: `.index` lines are `headword TAB offset TAB length` (base64
 * numbers) into the dictzip'd `.dict` (gzip-compatible). An entry is a header line
 * (`headword /pronunciation/ <pos>`), then for each sense a line of Indonesian
 * translations (numbered `1. a, b` when there are several senses) and usually a line
 * of English gloss. Translations become the headword's Indonesian terms; the gloss
 * lines give a list of English words, which tells English in a mixed question.
 */
function readFreedict(dir: string): { translations: Map<string, Set<string>>; englishWords: string[] } {
  const english = new Set<string>();
  const translations = readDictd(dir, 'eng-ind', {
    keyPattern: /^[a-z][a-z' -]*$/,
    // Proper names (<pn>, or written with a capital) are not English words: "Libya" is a topic.
    onEntry: (key, header) => {
      if (!/<pn>/.test(header) && /^[a-z]/.test(header)) for (const word of key.split(/[ -]/)) english.add(word);
    },
    // Gloss words as written: only those in lower case, so names in glosses stay out.
    onGloss: (text) => {
      for (const word of text.match(/[A-Za-z]+(?:'[a-z]+)?/g) ?? []) if (/^[a-z]/.test(word)) english.add(word);
    },
  });
  return { translations, englishWords: [...english].filter((w) => w.length > 1).sort(byCodePoint) };
}

/**
 * One FreeDict dictionary (`freedict-PAIR.index` and `.dict.dz` in `dir`): headword ->
 * translations, both lower-cased, sorted; entries of affixes skipped, and headwords or
 * translations of more than three words.
 */
function readDictd(dir: string, pair: string, hooks: { keyPattern?: RegExp; onEntry?: (key: string, header: string) => void; onGloss?: (text: string) => void } = {}): Map<string, Set<string>> {
  const index = readFileSync(join(dir, `freedict-${pair}.index`), 'utf8');
  const dict = gunzipSync(readFileSync(join(dir, `freedict-${pair}.dict.dz`)));
  const translations = new Map<string, Set<string>>();
  for (const line of index.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00database')) continue;
    const body = dict.subarray(decodeBase64Number(offset), decodeBase64Number(offset) + decodeBase64Number(length)).toString('utf8');
    const [header, ...rest] = body.split('\n').filter((l) => l.trim());
    if (!header || /<(suffix|prefix)>/.test(header)) continue;
    const key = headword.toLowerCase().trim();
    if (!(hooks.keyPattern ?? /^[\p{L}][\p{L}' -]*$/u).test(key) || key.split(' ').length > 3) continue;
    hooks.onEntry?.(key, header);
    rest.forEach((text, i) => {
      const numbered = /^\s*\d+\.\s*(.*)$/.exec(text);
      if (i > 0 && !numbered) {
        hooks.onGloss?.(text);
        return;
      }
      const senses = (numbered ? numbered[1]! : text).replace(/\s*\d+\.\s*$/, '');
      for (const raw of senses.split(',')) {
        const term = raw.replace(/\(.*?\)/g, '').trim().toLowerCase();
        if (!term || !/^[\p{L}][\p{L}' -]*$/u.test(term) || term.split(' ').length > 3 || term === key) continue;
        const set = translations.get(key) ?? new Set<string>();
        set.add(term);
        translations.set(key, set);
      }
    });
  }
  return new Map([...translations].sort(([a], [b]) => byCodePoint(a, b)).map(([k, v]) => [k, new Set([...v].sort(byCodePoint))]));
}

/**
 * English -> Indonesian through a third language (triangulation): an English word's
 * translations into each pivot language (its eng-X entry, and the X headwords whose English
 * translations name it), then those words' Indonesian translations. A translation counts
 * only when PIVOTS_AGREEING pivot languages reach it, which keeps the right sense ("speed"
 * -> "kecepatan", "founder" -> "pendiri") and drops the homonyms a single pivot brings.
 * Kept for English words (SCOWL's and FreeDict's) and only what eng-ind does not already give.
 */
function triangulate(trees: Record<string, string>, englishWords: Set<string>, direct: Map<string, Set<string>>): Map<string, string[]> {
  const dictd = (pair: string) => readDictd(join(trees[`dict-freedict-${pair}`]!, 'usr/share/dictd'), pair);
  const reached = new Map<string, Map<string, Set<string>>>(); // English -> Indonesian -> pivot languages
  for (const pivot of PIVOTS) {
    const toIndonesian = dictd(pivot.toIndonesian);
    const pivotWordsOf = new Map<string, Set<string>>(); // English -> pivot-language words
    const link = (english: string, word: string) => {
      if (!englishWords.has(english)) return;
      const set = pivotWordsOf.get(english) ?? new Set<string>();
      set.add(word);
      pivotWordsOf.set(english, set);
    };
    for (const [word, englishes] of dictd(pivot.toEnglish)) for (const english of englishes) link(english, word);
    if ('fromEnglish' in pivot) for (const [english, words] of dictd(pivot.fromEnglish)) for (const word of words) link(english, word);
    for (const [english, words] of pivotWordsOf) {
      for (const word of words) {
        for (const indonesian of toIndonesian.get(word) ?? []) {
          const byWord = reached.get(english) ?? new Map<string, Set<string>>();
          const languages = byWord.get(indonesian) ?? new Set<string>();
          languages.add(pivot.language);
          byWord.set(indonesian, languages);
          reached.set(english, byWord);
        }
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const [english, byWord] of [...reached].sort(([a], [b]) => byCodePoint(a, b))) {
    const agreed = [...byWord].filter(([indonesian, languages]) => languages.size >= PIVOTS_AGREEING && !direct.get(english)?.has(indonesian)).map(([indonesian]) => indonesian);
    if (agreed.length) out.set(english, agreed.sort(byCodePoint));
  }
  return out;
}

/** dictd numbers: base64 digits, most significant first. */
function decodeBase64Number(text: string): number {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = 0;
  for (const c of text) n = n * 64 + digits.indexOf(c);
  return n;
}

/**
 * MyThes .dat (ISO-8859-1 after its first line): `word|senses`, then per sense
 * `[pos]|syn|syn...`. Antonym lines (`[ant]`) are skipped; multi-word synonyms are kept.
 */
function readMythes(file: string): Map<string, Set<string>> {
  const lines = readFileSync(file, 'latin1').split(/\r?\n/).slice(1);
  const out = new Map<string, Set<string>>();
  let current: string | undefined;
  for (const line of lines) {
    if (!line.trim()) continue;
    if (!line.startsWith('[') && !line.startsWith('(')) {
      current = line.split('|')[0]!.trim().toLowerCase();
      continue;
    }
    if (!current || /^\[ant\]/.test(line)) continue;
    const synonyms = line.split('|').slice(1).map((s) => s.trim().toLowerCase()).filter((s) => s && s !== current && /^[\p{L}][\p{L} -]*$/u.test(s));
    if (synonyms.length === 0) continue;
    const set = out.get(current) ?? new Set<string>();
    for (const s of synonyms) set.add(s);
    out.set(current, set);
  }
  return new Map([...out].sort(([a], [b]) => byCodePoint(a, b)).map(([k, v]) => [k, new Set([...v].sort(byCodePoint))]));
}

/** Senses of a word searched for related headwords: WordNet lists senses most frequent first, and the rare ones stray. */
const WORDNET_SENSES = 2;
/** Related headwords kept per word, closest sense first. */
const WORDNET_RELATED = 4;

/**
 * WordNet 3.0's database files. `*.exc` list irregular forms (`flew fly`); `index.POS`
 * lines are `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt
 * synset_offset...` (offsets most frequent sense first); `data.POS` lines are `offset
 * lex_filenum ss_type w_cnt word lex_id... p_cnt [symbol offset pos source/target]... | gloss`.
 * For each single English word of SCOWL's list that FreeDict has no entry for, the FreeDict
 * headwords among its synonyms and the derivationally related forms of it and its synonyms
 * (the `+` pointers, which link one word to one word: "economist" to "economy"; "flight,
 * flying" to "fly"), in its first senses, become its related words; at run time their translations are its readings.
 */
function readWordnet(dir: string, headwords: Map<string, Set<string>>, common: Set<string>): { irregular: Map<string, string>; related: Map<string, string[]> } {
  const irregular = new Map<string, string>();
  for (const pos of ['verb', 'noun', 'adj', 'adv']) {
    for (const line of readFileSync(join(dir, `${pos}.exc`), 'utf8').split('\n')) {
      const [form, base] = line.trim().split(/\s+/);
      if (form && base && form !== base && /^[a-z]+$/.test(form) && /^[a-z]+$/.test(base) && !irregular.has(form)) irregular.set(form, base);
    }
  }
  const posFiles = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
  type Synset = { words: string[]; derived: { source: number; offset: string; pos: string; target: number }[] };
  const synsets = new Map<string, Synset>();
  for (const [pos, file] of Object.entries(posFiles)) {
    for (const line of readFileSync(join(dir, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const fields = line.split(' | ')[0]!.split(' ');
      const count = parseInt(fields[3]!, 16);
      const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
      let at = 4 + 2 * count;
      const pointers = Number(fields[at++]);
      const derived: Synset['derived'] = [];
      for (let i = 0; i < pointers; i++, at += 4) {
        const [symbol, offset, targetPos, sourceTarget] = fields.slice(at, at + 4) as [string, string, string, string];
        if (symbol === '+') derived.push({ source: parseInt(sourceTarget.slice(0, 2), 16), offset, pos: targetPos === 's' ? 'a' : targetPos, target: parseInt(sourceTarget.slice(2), 16) });
      }
      synsets.set(`${pos}${fields[0]}`, { words, derived });
    }
  }
  const isHeadword = (word: string) => /^[a-z]+$/.test(word) && headwords.has(word);
  const related = new Map<string, string[]>();
  for (const [pos, file] of Object.entries(posFiles)) {
    for (const line of readFileSync(join(dir, `index.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0]!;
      if (!/^[a-z]{3,}$/.test(lemma) || headwords.has(lemma) || !common.has(lemma)) continue;
      const pointerCount = Number(fields[3]);
      const offsets = fields.slice(4 + pointerCount + 2).slice(0, WORDNET_SENSES);
      const out = related.get(lemma) ?? [];
      const add = (word: string) => {
        if (word !== lemma && isHeadword(word) && !out.includes(word)) out.push(word);
      };
      for (const offset of offsets) {
        const synset = synsets.get(`${pos}${offset}`);
        if (!synset) continue;
        synset.words.forEach(add);
        // The word's own derived forms first, then its synonyms' ("flight, flying" gives "fly").
        const self = synset.words.indexOf(lemma) + 1;
        const derived = [...synset.derived.filter((d) => d.source === self), ...synset.derived.filter((d) => d.source !== self)];
        for (const d of derived) add(synsets.get(`${d.pos}${d.offset}`)?.words[d.target - 1] ?? '');
      }
      if (out.length) related.set(lemma, out.slice(0, WORDNET_RELATED));
    }
  }
  const sortedRelated = new Map([...related].sort(([a], [b]) => byCodePoint(a, b)));
  return { irregular: new Map([...irregular].sort(([a], [b]) => byCodePoint(a, b))), related: sortedRelated };
}

main();
