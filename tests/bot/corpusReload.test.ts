import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { startCorpusReload } from '../../src/bot/corpusReload.js';
import { silentLogger } from '../../src/config/logger.js';
import { testBots } from './helpers.js';

const GUILD = '123456789012345678';
const bots = testBots();
afterEach(() => {
  bots.cleanup();
  vi.restoreAllMocks();
});

describe('startCorpusReload', () => {
  it('warms the reloaded engine before it serves, then rebuilds the curated index of the servers in use', async () => {
    const root = bots.tempDir();
    const corpusDir = join(root, 'corpus');
    mkdirSync(corpusDir);
    copyFileSync('corpus/putin-kim-vostochny.md', join(corpusDir, 'putin-kim-vostochny.md'));
    const { services } = await bots.start(corpusDir, join(root, 'data'));
    services.curated.add(GUILD, { question: 'Siapa pendiri Wagner?', answer: 'Yevgeny Prigozhin.', paragraphs: [], aliases: [] }, 'mod-1');
    expect(services.curatedIndex.match(GUILD, 'pendiri wagner siapa')).toBeDefined(); // the server is in use
    const before = services.views.base;

    // Another article, with aliases of its own: the analysis changes, so every curated index is dropped.
    copyFileSync('tests/fixtures/second-article/kabut-asap-palangka-raya.md', join(corpusDir, 'kabut-asap-palangka-raya.md'));
    // Which engine serves when the reloaded one's analysis tables are built.
    const servingWhileWarmed: unknown[] = [];
    const original = Analyzer.prototype.warmUpSteps;
    vi.spyOn(Analyzer.prototype, 'warmUpSteps').mockImplementation(function (this: Analyzer) {
      servingWhileWarmed.push(services.views.base);
      return original.call(this);
    });
    const reads = vi.spyOn(services.curated, 'all');
    const reload = startCorpusReload({ corpusDir, dataDir: join(root, 'data') }, services, silentLogger);
    try {
      await reload.reload();
      expect(services.views.base).not.toBe(before);
      expect(services.views.base.corpus.articles).toHaveLength(2);
      expect(servingWhileWarmed).toEqual([before]); // warmed once, while the old engine still served
      await vi.waitFor(() => expect(reads).toHaveBeenCalledWith(GUILD)); // rebuilt in the background, before any question
    } finally {
      reload.close();
    }
  });
});
