/**
 * Derives lexicon/id-frequency.tsv, how often each Indonesian word is used in everyday
 * language, from Hermit Dave's FrequencyWords list (OpenSubtitles 2018, Indonesian, top
 * 50,000 words; CC BY-SA 4.0; see lexicon/README.md).
 *   npm run lexicon:frequency -- FILE
 * FILE is content/2018/id/id_50k.txt of https://github.com/hermitdave/FrequencyWords
 * (commit bd9e231); the machines this project runs on cannot reach GitHub, so the file is
 * fetched by hand. Kept: words of letters (and inner hyphens), with their counts; dropped:
 * subtitle markup ("4ch000000", "fncandara") and one-letter tokens.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEXICON_DIR } from '../../src/config/paths.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run lexicon:frequency -- path/to/id_50k.txt');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const counts = new Map<string, number>();
for (const line of text.split('\n')) {
  const [word = '', count = ''] = line.trim().split(' ');
  if (!/^\p{Ll}{2,}(?:-\p{Ll}+)*$/u.test(word) || !/^\d+$/.test(count)) continue;
  counts.set(word, (counts.get(word) ?? 0) + Number(count));
}
const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(join(LEXICON_DIR, 'id-frequency.tsv'), rows.map(([w, c]) => `${w}\t${c}`).join('\n') + '\n');
const sha256 = createHash('sha256').update(text).digest('hex');
const sourcesFile = join(LEXICON_DIR, 'SOURCES.json');
const sources = existsSync(sourcesFile) ? (JSON.parse(readFileSync(sourcesFile, 'utf8')) as Record<string, unknown>) : {};
sources['frequencywords-id'] = { url: 'https://github.com/hermitdave/FrequencyWords/blob/bd9e23103f0a7f89b4c604ecf8638e6f62ee0211/content/2018/id/id_50k.txt', sha256 };
writeFileSync(sourcesFile, JSON.stringify(sources, null, 2) + '\n');
console.log(`id-frequency.tsv: ${rows.length} words (source sha256 ${sha256})`);
