import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asksAboutTheBot, asksAboutTheServer } from '../../src/analysis/aboutTheBot.js';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { PACKAGE_ROOT } from '../../src/config/paths.js';

const analyzer = new Analyzer();
const about = (question: string, corpusTerms: string[] = []) =>
  asksAboutTheBot(question, analyzer.analyzeQuery(question), (term) => corpusTerms.includes(term));

describe('asksAboutTheBot', () => {
  it.each(['bot ini bisa ngapain aja?', 'kamu siapa?', 'What can you do?', 'halo bot, apa kabar?', 'gmn cara pakai bot ini', 'lu bisa jawab apa aja sih', 'who made you?'])(
    'reads "%s" as a question to the bot about itself',
    (question) => expect(about(question)).toBe(true),
  );

  it.each([
    'kamu tau gak kim naik mobil apa', // addressed to the bot, asks about the article
    'Bot, siapa pendiri Wagner?',
    'Can you tell me where Putin met Kim?',
    'Apa fungsi kosmodrom?', // no one is addressed
    'bisa apa saja?',
  ])('reads "%s" as a question about the articles', (question) => expect(about(question)).toBe(false));

  it('knows every chat form of "kamu" the informal table lists', () => {
    const table = readFileSync(join(PACKAGE_ROOT, 'lexicon', 'informal-id.tsv'), 'utf8');
    const forms = table.split('\n').map((line) => line.split('\t')).filter(([, standard]) => standard === 'kamu').map(([form]) => form!);
    expect(forms.length).toBeGreaterThan(3);
    for (const form of forms) expect(about(`${form} bisa apa aja`), form).toBe(true);
  });

  it('keeps "bot" an ordinary word when the articles speak of bots', () => {
    expect(about('bot ini bisa apa?', ['bot'])).toBe(false);
    expect(about('kamu bisa apa?', ['bot'])).toBe(true);
  });
});

const aboutServer = (question: string, corpusTerms: string[] = []) =>
  asksAboutTheServer(question, analyzer.analyzeQuery(question), (term) => corpusTerms.includes(term));

describe('asksAboutTheServer', () => {
  it.each([
    'siapa admin server ini',
    'gimana cara jadi moderator',
    'rules server ini apa aja',
    'gimana cara daftar jadi member server ini',
    'ada channel buat diskusi gak',
    'Who is the admin here?',
    'how do I become a moderator?',
  ])('reads "%s" as a question about the server', (question) => expect(aboutServer(question)).toBe(true));

  it.each([
    'nonton semifinalnya di channel apa', // a TV channel: "nonton" and "semifinal" are the articles' business
    'Korut member NATO bukan?',
    'apa peran korut dalam perang',
    'aturan sanksi PBB apa',
    'Siapa pendiri Wagner?',
  ])('reads "%s" as a question about the articles', (question) => expect(aboutServer(question)).toBe(false));

  it('keeps a community word ordinary when the articles use it', () => {
    // The ransomware article's data-centre servers: "Ke server mana ... dipindahkan?" asks the article.
    expect(aboutServer('server ini di mana', ['server'])).toBe(false);
    expect(aboutServer('server ini di mana')).toBe(true);
  });
});

