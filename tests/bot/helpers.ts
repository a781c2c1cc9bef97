import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type Bot } from '../../src/bot/startup.js';
import { silentLogger } from '../../src/config/logger.js';

/** Bots started in temporary folders by a test file; call `cleanup` after each test. */
export function testBots(): { tempDir: () => string; start: (corpusDir?: string, dataDir?: string) => Promise<Bot>; cleanup: () => void } {
  const dirs: string[] = [];
  const bots: Bot[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-test-'));
    dirs.push(dir);
    return dir;
  };
  return {
    tempDir,
    async start(corpusDir = 'corpus', dataDir = tempDir()) {
      const bot = await startBot({ corpusDir, dataDir }, silentLogger);
      bots.push(bot);
      return bot;
    },
    cleanup() {
      bots.splice(0).forEach((bot) => bot.close());
      dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    },
  };
}
