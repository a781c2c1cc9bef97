/**
 * A separate process for the durability test: adds an entry, prints its id (the
 * acknowledgement), then hangs with the database still open until it is SIGKILLed.
 */
import { openDatabase } from '../../src/curated/database.js';
import { CuratedStore } from '../../src/curated/curatedStore.js';

const [file, guildId] = process.argv.slice(2) as [string, string];
const store = new CuratedStore(openDatabase(file));
const entry = store.add(guildId, { question: 'Apakah jawaban ini selamat?', answer: 'Ya, sudah di-fsync.', paragraphs: [], aliases: [] }, 'mod');
process.stdout.write(`${entry.id}\n`);
setInterval(() => {}, 1000);
