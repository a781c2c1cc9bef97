import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { suggestQuestions } from '../../src/answer/suggest.js';
import { createServices } from '../../src/bot/startup.js';
import { silentLogger } from '../../src/config/logger.js';
import { openDatabase } from '../../src/curated/database.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { loadEngine } from '../../src/search/loadEngine.js';

const GUILD = '111111111111111111';
let engine: SearchEngine;

beforeAll(async () => {
  engine = await loadEngine({ corpusPath: 'corpus', persist: false });
});

afterEach(() => vi.restoreAllMocks());

describe('suggestQuestions (autocomplete of /ask)', () => {
  it('reads the text as still being typed: no misspelt-form search on every keystroke', () => {
    const db = openDatabase(':memory:');
    const services = createServices(engine, db, silentLogger);
    try {
      const reads = vi.spyOn(engine.analyzer, 'analyzeQuery');
      const choices = suggestQuestions({ engine, curatedIndex: services.curatedIndex }, GUILD, 'kenapa rusia diasnksi');
      expect(choices[0]?.value).toBe('kenapa rusia diasnksi'); // what the member typed comes first
      expect(reads).toHaveBeenCalled();
      for (const [, options] of reads.mock.calls) expect(options?.typing).toBe(true);
    } finally {
      services.curatedIndex.close();
      db.close();
    }
  });
});
