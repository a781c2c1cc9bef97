/**
 * Splits a paragraph into sentences for highlighting. A sentence ends at . ! or ?
 * (optionally followed by a closing quote) before white space and a capital letter,
 * digit or opening quote; abbreviations such as "Dr." or "A.S." are not ends.
 */
const ABBREVIATIONS = /(?:^|\s)(?:dr|prof|ir|h|hj|st|no|jl|tn|ny|sdr|mr|mrs|ms|vs|dll|dsb|dkk|a\.s|u\.s|[a-z])\.$/i;

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]+["'\u201D\u2019)]*(?=\s+["'\u201C\u2018(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index! + match[0].length;
    const candidate = paragraph.slice(start, end);
    if (ABBREVIATIONS.test(paragraph.slice(start, match.index! + 1))) continue;
    if (candidate.trim()) sentences.push(candidate.trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
