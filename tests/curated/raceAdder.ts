/**
 * A separate process for the race test: opens the database, says "ready", waits for "go"
 * on stdin, then adds the question and prints what happened as one JSON line.
 */
import { openDatabase } from '../../src/curated/database.js';
import { FaqConflictError, FaqStore } from '../../src/curated/faqStore.js';

const [file, guildId, question, authorId] = process.argv.slice(2) as [string, string, string, string];
const store = new FaqStore(openDatabase(file));
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  try {
    const entry = store.add(guildId, { question, answer: `answer by ${authorId}`, paragraphs: [], aliases: [] }, authorId);
    process.stdout.write(`${JSON.stringify({ won: entry.id })}\n`);
  } catch (error) {
    if (!(error instanceof FaqConflictError)) throw error;
    process.stdout.write(`${JSON.stringify({ conflict: error.existingEntryId, phrase: error.phrase })}\n`);
  }
  store.db.close();
  process.exit(0);
});
