import type { QueryTerm } from './analyzer.js';
import { plainWords } from './normalize.js';

/**
 * Questions to the bot about itself ("bot ini bisa ngapain aja?", "kamu siapa?", "what
 * can you do?", "halo bot, apa kabar?"): no article answers them, and the closest
 * passage would be a guess that happens to share a verb. A question is about the bot when
 * it addresses the bot (a second-person word, or "bot" when no article speaks of bots)
 * and every other word is one people use to ask a bot what it is, what it can do or how
 * to use it. Any other word ("kamu tau gak kim naik mobil apa") makes it a question about
 * the articles. The lists are general Indonesian and English chat vocabulary, not any
 * article's.
 */
/** Second-person words, with every chat form of "kamu" lexicon/informal-id.tsv lists (a test keeps them in step). */
const SECOND_PERSON = new Set(['kamu', 'kmu', 'km', 'kau', 'engkau', 'dikau', 'dirimu', 'anda', 'lu', 'lo', 'loe', 'lw', 'elu', 'elo', 'ente', 'you', 'u']);
const BOT_WORDS = new Set(['bot', 'botnya', 'bots', 'chatbot']);

/** Roots and words of "what are you / what can you do / how do I use you / hello". */
const ABOUT_WORDS = new Set([
  // ability and function
  'bisa', 'dapat', 'mampu', 'sanggup', 'laku', 'kerja', 'fungsi', 'guna', 'fitur', 'perintah', 'menu', 'bantu', 'bantuan', 'tolong',
  'cara', 'pakai', 'pake', 'jawab', 'tanya', 'tahu', 'tau', 'ngerti', 'erti', 'paham', 'bahas', 'info', 'informasi', 'artikel', 'berita', 'topik',
  'ngapain', 'ngapa', 'apa', 'apaan', 'aja', 'saja', 'gimana', 'bagaimana',
  // identity and maker
  'nama', 'siapa', 'buat', 'bikin', 'cipta', 'kembang', 'asal', 'manusia', 'robot', 'ai',
  // greetings and small talk
  'halo', 'hallo', 'helo', 'hai', 'hei', 'hey', 'hi', 'hello', 'kabar', 'selamat', 'pagi', 'siang', 'sore', 'malam', 'makasih', 'terima', 'kasih', 'thanks', 'thank',
  // English
  'can', 'could', 'do', 'does', 'what', 'who', 'are', 'is', 'help', 'command', 'commands', 'feature', 'features', 'made', 'make', 'built', 'build',
  'work', 'works', 'use', 'using', 'how', 'answer', 'answers', 'know', 'ask', 'question', 'questions', 'article', 'articles', 'topic', 'topics',
  'able', 'name', 'human', 'real', 'good', 'morning', 'afternoon', 'evening',
]);

/**
 * Whether `question` asks the bot about itself. `terms` are the question's analysed terms
 * (stopwords removed); `corpusHas` tells whether the articles have an index term, so that
 * "bot" stays an ordinary word in a corpus about bots.
 */
export function asksAboutTheBot(question: string, terms: readonly QueryTerm[], corpusHas: (term: string) => boolean): boolean {
  const botIsAWordOfTheArticles = ['bot', 'chatbot'].some(corpusHas);
  const addressesTheBot = (word: string) => SECOND_PERSON.has(word) || (BOT_WORDS.has(word) && !botIsAWordOfTheArticles);
  if (!plainWords(question).some(addressesTheBot)) return false;
  return terms.every(
    (t) => addressesTheBot(t.surface) || ABOUT_WORDS.has(t.surface) || (t.root !== undefined && ABOUT_WORDS.has(t.root)) || t.alternatives.some((a) => a.factor === 1 && ABOUT_WORDS.has(a.term)),
  );
}
