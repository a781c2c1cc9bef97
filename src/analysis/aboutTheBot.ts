import type { QueryTerm } from './analyzer.js';
import { plainWords } from './normalize.js';

/**
 * Questions no article answers however well it matches their words: to the bot about
 * itself (asksAboutTheBot) and about the Discord server (asksAboutTheServer, below).
 *
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
  return terms.every((t) => addressesTheBot(t.surface) || readsAsOneOf(t, ABOUT_WORDS));
}

/** Whether a term is one of `words`: as written, by its root, or by a reading of its own (not a translation). */
function readsAsOneOf(t: QueryTerm, ...words: ReadonlySet<string>[]): boolean {
  const listed = (word: string) => words.some((list) => list.has(word));
  return listed(t.surface) || (t.root !== undefined && listed(t.root)) || t.alternatives.some((a) => a.factor === 1 && listed(a.term));
}

/**
 * The community's own vocabulary: a question that names the server, its channels, roles,
 * members, admins, moderators or rules asks about the Discord server, which no article
 * describes (its moderators can: curated answers are matched before the articles).
 */
const COMMUNITY_WORDS = new Set([
  'server', 'discord', 'channel', 'kanal', 'admin', 'moderator', 'mod', 'mods', 'member', 'members', 'role', 'roles', 'rules', 'aturan', 'peraturan', 'komunitas', 'community', 'grup', 'group',
]);

/** What people ask of a server besides what the bot words cover: joining, posting, reporting, its rules. */
const COMMUNITY_ABOUT_WORDS = new Set([
  'daftar', 'gabung', 'join', 'masuk', 'ikut', 'keluar', 'jadi', 'diskusi', 'ngobrol', 'obrol', 'chat', 'posting', 'post', 'kirim', 'share', 'bagi', 'lapor', 'report', 'undang', 'invite',
  'minta', 'dapet', 'punya', 'mana', 'dimana', 'sini', 'where', 'which', 'who', 'become', 'get', 'here', 'this',
  // English function words, which stay among the terms when a question has nothing else ('Who is the admin here?')
  'the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'i', 'me', 'my', 'we', 'our',
]);

/**
 * Whether `question` asks about the Discord server rather than the articles ("siapa admin
 * server ini", "gimana cara jadi moderator", "rules server ini apa aja"): it names the
 * community (COMMUNITY_WORDS, as written: "member" is not read as "anggota" here) with a word
 * the articles do not use, and every other word is one people use to ask about a server or
 * the bot. Any other word ("nonton semifinalnya di channel apa") keeps it a question about
 * the articles. The lists are general chat vocabulary, not any article's.
 */
export function asksAboutTheServer(question: string, terms: readonly QueryTerm[], corpusHas: (term: string) => boolean): boolean {
  // As written: the analysis takes "admin" and "min" for the chat address to a moderator and drops it.
  const named = plainWords(question).filter((word) => COMMUNITY_WORDS.has(word));
  // The literal word only: an English word's translations ("member": anggota) are the articles' words too.
  const articlesUse = (t: QueryTerm) => readsAsOneOf(t, COMMUNITY_WORDS) && t.alternatives.some((a) => a.factor === 1 && corpusHas(a.term));
  if (named.length === 0 || named.some(corpusHas) || terms.some(articlesUse)) return false;
  return terms.every((t) => readsAsOneOf(t, COMMUNITY_WORDS, ABOUT_WORDS, COMMUNITY_ABOUT_WORDS));
}
