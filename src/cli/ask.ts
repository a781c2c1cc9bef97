/**
 * The engine's scripting interface.
 *   npm run ask -- "pertanyaan"            readable answer with citations
 *   npm run ask -- --json "pertanyaan"     one JSON object
 *   npm run ask -- --jsonl < questions.txt one JSON object per input line
 * Options: --limit N (default 3), --corpus PATH (folder of articles or JSONL of passages),
 *          --no-abstain (always return the best matches),
 *          --faq FILE.jsonl (curated answers, src/curated/curatedFile.ts: they are loaded into a
 *          throwaway store and matched first, as for one server; every JSON answer then
 *          carries "curated": {"question", "answer"} or "curated": null).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { citationOf, CorpusError } from '../corpus/types.js';
import { parseCuratedFile } from '../curated/curatedFile.js';
import { CuratedIndex } from '../curated/curatedIndex.js';
import { CuratedStore } from '../curated/curatedStore.js';
import { openDatabase } from '../curated/database.js';
import type { Answer, SearchEngine } from '../search/engine.js';
import { loadEngine } from '../search/loadEngine.js';
import { stripBidiControls } from '../shared/text.js';
import { checkQuestion, QUESTION_PROBLEMS } from '../search/question.js';
import { shorten } from '../shared/text.js';
import { endQuietlyWhenStdoutCloses, flushAndExit, writeLine } from './exit.js';
import { warnIfBuildIsStale } from './staleBuild.js';

interface JsonAnswer {
  query: string;
  abstained: boolean;
  /** "sure", or "unsure" for the closest passage under a caveat (absent when abstained). */
  certainty?: 'sure' | 'unsure';
  error?: string;
  results: { articleId: string; articleTitle: string; paragraph: number; score: number; confidence: number; text: string; highlight: string }[];
  /** With --faq: the curated entry that answered, or null. */
  curated?: { question: string; answer: string } | null;
}

/** A throwaway store of the --faq file's entries, matched as one server's. */
interface CuratedSet {
  index: CuratedIndex;
  guildId: string;
}

function toJson(answer: Answer): JsonAnswer {
  return {
    query: answer.query,
    abstained: answer.abstained,
    ...(answer.certainty ? { certainty: answer.certainty } : {}),
    results: answer.results.map((hit) => ({
      articleId: hit.paragraph.articleId,
      articleTitle: stripBidiControls(hit.paragraph.articleTitle),
      paragraph: hit.paragraph.number,
      score: Math.round(hit.score * 1000) / 1000,
      confidence: Math.round(hit.confidence * 1000) / 1000,
      text: hit.paragraph.text,
      highlight: hit.highlight,
    })),
  };
}

function answerOne(engine: SearchEngine, input: string, limit: number, noAbstain: boolean, curated?: CuratedSet): JsonAnswer {
  const check = checkQuestion(input);
  if (!check.ok) return { query: shorten(input.toWellFormed(), 200), abstained: true, error: QUESTION_PROBLEMS[check.problem].en, results: [], ...(curated ? { curated: null } : {}) };
  const json = toJson(engine.search(check.question, { limit, noAbstain }));
  if (!curated) return json;
  const match = curated.index.match(curated.guildId, check.question);
  return { ...json, curated: match ? { question: match.entry.question, answer: match.entry.answer } : null };
}

function loadCuratedSet(file: string, engine: SearchEngine): CuratedSet {
  const store = new CuratedStore(openDatabase(':memory:'));
  const guildId = 'local';
  for (const entry of parseCuratedFile(file, readFileSync(file, 'utf8'), engine.corpus)) store.add(guildId, entry, 'faq-file');
  return { index: new CuratedIndex(store, engine.analyzer), guildId };
}

function printReadable(answer: JsonAnswer): void {
  if (answer.error) {
    console.log(answer.error);
    return;
  }
  console.log(`? ${answer.query}\n`);
  if (answer.curated) console.log(`Curated answer (moderators): ${answer.curated.answer}\n   for "${answer.curated.question}"\n`);
  if (answer.certainty === 'unsure') console.log('Not sure: the closest passage follows. / Belum yakin: berikut paragraf yang paling dekat.\n');
  if (answer.abstained) {
    console.log('The corpus does not answer this question. / Artikel tidak menjawab pertanyaan ini.');
    return;
  }
  answer.results.forEach((r, i) => {
    console.log(`${i + 1}. ¶${r.paragraph} · ${r.articleTitle} (${citationOf({ articleId: r.articleId, number: r.paragraph })}) · score ${r.score}`);
    console.log(`   » ${r.highlight}`);
    console.log(`   ${r.text}\n`);
  });
}

/**
 * Input lines split on "\n" only (a trailing "\r" is dropped), so one input line always
 * gives one output line; readline would also split on a lone "\r".
 */
async function* linesOf(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  let pending = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    const parts = (pending + String(chunk)).split('\n');
    pending = parts.pop()!;
    for (const part of parts) yield part.replace(/\r$/, '');
  }
  if (pending) yield pending.replace(/\r$/, '');
}

async function main(): Promise<number> {
  endQuietlyWhenStdoutCloses();
  warnIfBuildIsStale(import.meta.url);
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      limit: { type: 'string', default: '3' },
      corpus: { type: 'string' },
      'no-abstain': { type: 'boolean', default: false },
      faq: { type: 'string' },
    },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    console.error('--limit must be a whole number from 1 to 100');
    return 2;
  }
  // The same settings as the bot (environment and .env): CORPUS_DIR, DATA_DIR for the saved index.
  const config = loadConfig();
  const engine = await loadEngine({ corpusPath: values.corpus ?? config.corpusDir, dataDir: config.dataDir });
  const noAbstain = values['no-abstain'] ?? false;
  const curated = values.faq ? loadCuratedSet(values.faq, engine) : undefined;

  if (values.jsonl) {
    // Waits while stdout's buffer is full: every input line comes out, however slow the reader.
    for await (const line of linesOf(process.stdin)) await writeLine(process.stdout, JSON.stringify(answerOne(engine, line, limit, noAbstain, curated)) + '\n');
    return 0;
  }
  const question = positionals.join(' ');
  if (!question.trim()) {
    console.error('Usage: npm run ask -- [--json] [--limit N] [--corpus PATH] [--faq FILE.jsonl] "your question"');
    return 2;
  }
  const answer = answerOne(engine, question, limit, noAbstain, curated);
  if (values.json) console.log(JSON.stringify(answer));
  else printReadable(answer);
  return answer.error ? 2 : 0;
}

main().then(
  (code) => flushAndExit(code),
  (error: unknown) => {
    const known = error instanceof CorpusError || error instanceof ConfigError || error instanceof AggregateError || (error as Error)?.name === 'TypeError';
    console.error(known ? (error as Error).message : String(error));
    return flushAndExit(1);
  },
);
