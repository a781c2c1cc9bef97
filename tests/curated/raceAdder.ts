/**
 * A separate process for the race test: opens the database, says "ready", waits for "go"
 * on stdin, then adds the question and prints what happened as one JSON line.
 */
import { openDatabase } from '../../src/curated/database.js';
import { CuratedConflictError, CuratedStore } from '../../src/curated/curatedStore.js';

const [file, guildId, question, authorId] = process.argv.slice(2) as [string, string, string, string];
const store = new CuratedStore(openDatabase(file));
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  try {
    const entry = store.add(guildId, { question, answer: `answer by ${authorId}`, paragraphs: [], aliases: [] }, authorId);
    process.stdout.write(`${JSON.stringify({ won: entry.id })}\n`);
  } catch (error) {
    if (!(error instanceof CuratedConflictError)) throw error;
    process.stdout.write(`${JSON.stringify({ conflict: error.existingEntryId, phrase: error.phrase })}\n`);
  }
  store.db.close();
  process.exit(0);
});
