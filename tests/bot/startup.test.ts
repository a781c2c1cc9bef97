import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_RETENTION_MS, startBot } from '../../src/bot/startup.js';
import { silentLogger } from '../../src/config/logger.js';
import { openDatabase } from '../../src/curated/database.js';
import { FeedbackStore } from '../../src/curated/feedback.js';

const GUILD = '123456789012345678';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('startBot', () => {
  it('deletes answer records (and so their votes) older than the retention period, keeps recent ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'startup-'));
    dirs.push(dataDir);
    const db = openDatabase(join(dataDir, 'bot.db'));
    const old = new FeedbackStore(db, () => Date.now() - ANSWER_RETENTION_MS - 60_000).recordAnswer(GUILD, 'lama', { abstained: false });
    const recent = new FeedbackStore(db).recordAnswer(GUILD, 'baru', { abstained: false });
    new FeedbackStore(db).vote(GUILD, old, 'user-1', 'up');
    db.close();

    const bot = await startBot({ corpusDir: 'corpus', dataDir }, silentLogger);
    try {
      expect(bot.services.feedback.getAnswer(GUILD, old)).toBeUndefined();
      expect(bot.services.feedback.getAnswer(GUILD, recent)?.question).toBe('baru');
      const reader = new Database(join(dataDir, 'bot.db'), { readonly: true });
      expect(reader.prepare('SELECT COUNT(*) AS n FROM answer_votes').get()).toEqual({ n: 0 });
      reader.close();
    } finally {
      bot.close();
    }
  });
});
