/**
 * A separate process for the durability test: adds an entry, prints its id (the
 * acknowledgement), then hangs with the database still open until it is SIGKILLed.
 */
import { openDatabase } from '../../src/curated/database.js';
import { FaqStore } from '../../src/curated/faqStore.js';

const [file, guildId] = process.argv.slice(2) as [string, string];
const store = new FaqStore(openDatabase(file));
const entry = store.add(guildId, { question: 'Apakah jawaban ini selamat?', answer: 'Ya, sudah di-fsync.', paragraphs: [], aliases: [] }, 'mod');
process.stdout.write(`${entry.id}\n`);
setInterval(() => {}, 1000);
