import { citationOf } from '../corpus/types.js';
import type { Services } from './services.js';

/**
 * Curated answers cite paragraphs of the bundled corpus or of their server's articles; an
 * article shortened or removed since leaves citations that no longer exist. They are
 * dropped from answers (with a note), marked in /faq show, and listed here.
 */
export function warnAboutMissingCitations(services: Services): void {
  const bundled = new Set(services.views.base.corpus.paragraphs.map(citationOf));
  const own = new Set<string>();
  for (const article of services.serverArticles.allSummaries()) {
    for (let n = 1; n <= article.paragraphCount; n++) own.add(`${article.guildId}\u0000${article.id}#${n}`);
  }
  const missing = services.curated.citations().filter((c) => !bundled.has(c.citation) && !own.has(`${c.guildId}\u0000${c.citation}`));
  if (missing.length === 0) return;
  const examples = missing.slice(0, 5).map((m) => `#${m.entryId} ${m.citation} (server ${m.guildId})`);
  services.logger.warn(
    { count: missing.length, examples },
    `${missing.length} citation(s) of curated answers no longer exist in the corpus (article shortened or removed), e.g. ${examples.join(', ')}; see /faq show`,
  );
}
