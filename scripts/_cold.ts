import { loadEngineWithStatus } from '../src/search/loadEngine.js';
const t = performance.now();
const { engine, status } = loadEngineWithStatus({ corpusPath: process.argv[2], dataDir: '/tmp/w/data', logger: (m) => console.error(m) });
const a = engine.search('Siapa arsitek Balai Kota Seoul?');
console.log(status.source, Math.round(performance.now() - t), 'ms', a.results[0]?.paragraph.articleId, 'rss', Math.round(process.memoryUsage().rss / 1e6), 'peak', Math.round(process.resourceUsage().maxRSS / 1e3));
