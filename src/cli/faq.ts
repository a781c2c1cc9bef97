/**
 * Curated answers in and out of DATA_DIR/bot.db as JSONL (see src/curated/curatedFile.ts),
 * for moderators' backups and moves between servers.
 *   npm run faq -- export --guild ID > answers.jsonl
 *   npm run faq -- import answers.jsonl --guild ID [--author ID]
 * An import is all or nothing: a line that does not validate, or a question or alias the
 * server already has, and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { CorpusError } from '../corpus/types.js';
import { curatedLineOf, parseCuratedFile } from '../curated/curatedFile.js';
import { CuratedConflictError, CuratedStore } from '../curated/curatedStore.js';
import { openDatabase, writeTransaction } from '../curated/database.js';
import { isEntryPoint } from './entryPoint.js';
import { endQuietlyWhenStdoutCloses, flushAndExit, writeLine } from './exit.js';

const USAGE = 'Usage: npm run faq -- export --guild ID   |   npm run faq -- import FILE --guild ID [--author ID]';
const SNOWFLAKE = /^\d{17,20}$/;

export async function runFaqCli(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { guild: { type: 'string' }, author: { type: 'string', default: 'import' } },
  });
  const [command, file] = positionals;
  const guildId = values.guild?.trim() ?? '';
  if ((command !== 'export' && command !== 'import') || (command === 'import' && !file)) {
    console.error(USAGE);
    return 2;
  }
  if (!SNOWFLAKE.test(guildId) && guildId !== 'local') {
    console.error('--guild must be a server id (17-20 digits; "Copy Server ID" in Discord), or "local" for the offline console');
    return 2;
  }
  const config = loadConfig();
  // Refuses a file that is not a healthy database with the path and the fix (DataDirError).
  const db = openDatabase(join(config.dataDir, 'bot.db'));
  try {
    const store = new CuratedStore(db);
    if (command === 'export') {
      for (const entry of store.all(guildId)) await writeLine(process.stdout, curatedLineOf(entry) + '\n');
      return 0;
    }
    const entries = parseCuratedFile(file!, readFileSync(file!, 'utf8'), loadCorpus(config.corpusDir));
    try {
      writeTransaction(db, () => {
        for (const entry of entries) store.add(guildId, entry, values.author!);
      });
    } catch (error) {
      if (!(error instanceof CuratedConflictError)) throw error;
      console.error(`Nothing was imported: "${error.phrase}" is already curated answer #${error.existingEntryId} of this server (or twice in the file).`);
      return 1;
    }
    console.log(`Imported ${entries.length} curated answer(s) into server ${guildId}.`);
    return 0;
  } finally {
    db.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  runFaqCli(process.argv.slice(2)).then(
    (code) => flushAndExit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof CorpusError || error instanceof AggregateError || (error as Error)?.name === 'DataDirError';
      console.error(known ? (error as Error).message : String(error));
      return flushAndExit(1);
    },
  );
}
