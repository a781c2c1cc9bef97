import { stripBidiControls, withoutInvisible } from './text.js';

/**
 * What would read as a ping: @everyone, @here and Discord's mention syntax. Replies go out
 * with mentions disabled, so none of these could ping anyone; text that is stored and shown
 * again (curated answers, titles of articles moderators add) refuses them, so that it never
 * looks like one. A bare "@name" ("Mention @BotBerita lalu tulis pertanyaanmu") is plain
 * text in Discord and is allowed.
 */
const MENTION_PATTERNS: RegExp[] = [
  /@(everyone|here)\b/i,
  /<@[!&]?\d+>/, // user, nickname and role mentions
];

/**
 * Checked as written and after normalisation: full-width "＠everyone", "@\u200Beveryone",
 * "@" + soft hyphen or a bidi isolate + "everyone" all fold into a ping.
 */
export function containsMention(text: string): boolean {
  const display = withoutInvisible(stripBidiControls(text.toWellFormed().normalize('NFKC')));
  return MENTION_PATTERNS.some((pattern) => pattern.test(text) || pattern.test(display));
}
