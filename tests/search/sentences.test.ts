import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { splitSentences } from '../../src/search/sentences.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('splitSentences', () => {
  it('splits on . ! and ? before a capital letter', () => {
    expect(splitSentences('Apa ini? Itu benar! Ya. Tidak.')).toEqual(['Apa ini?', 'Itu benar!', 'Ya.', 'Tidak.']);
  });

  it('splits after a closing curly or straight quote', () => {
    expect(splitSentences('Putin menjawab, “Itulah sebabnya kami datang kemari.” Dia menambahkan sesuatu.')).toEqual([
      'Putin menjawab, “Itulah sebabnya kami datang kemari.”',
      'Dia menambahkan sesuatu.',
    ]);
    expect(splitSentences('Dia berkata "tidak." Lalu pergi.')).toEqual(['Dia berkata "tidak."', 'Lalu pergi.']);
    expect(splitSentences('Dia bertanya ‘mengapa?’ Kami diam.')).toEqual(['Dia bertanya ‘mengapa?’', 'Kami diam.']);
  });

  it('splits before an opening quote or a digit', () => {
    expect(splitSentences('Dia tiba. “Selamat datang,” katanya.')).toEqual(['Dia tiba.', '“Selamat datang,” katanya.']);
    expect(splitSentences('Harga naik. 20 orang hadir.')).toEqual(['Harga naik.', '20 orang hadir.']);
  });

  it('does not split after abbreviations and initials', () => {
    expect(splitSentences('Dr. Ernest datang ke Jakarta. Dia pulang.')).toEqual(['Dr. Ernest datang ke Jakarta.', 'Dia pulang.']);
    expect(splitSentences('Prof. Budi dan Ir. Joko hadir. Mereka berbicara.')).toEqual(['Prof. Budi dan Ir. Joko hadir.', 'Mereka berbicara.']);
    expect(splitSentences('Pejabat A.S. Mengatakan itu. Lalu pergi.')).toEqual(['Pejabat A.S. Mengatakan itu.', 'Lalu pergi.']);
    expect(splitSentences('Presiden J. Doe tiba. Dia disambut.')).toEqual(['Presiden J. Doe tiba.', 'Dia disambut.']);
    expect(splitSentences('Kantor di Jl. Sudirman No. 5 buka. Silakan datang.')).toEqual(['Kantor di Jl. Sudirman No. 5 buka.', 'Silakan datang.']);
  });

  it('does not split on decimals or lower-case continuations', () => {
    expect(splitSentences('Harga naik 3.5 persen hari ini.')).toEqual(['Harga naik 3.5 persen hari ini.']);
    expect(splitSentences('kalimat kecil. lalu huruf kecil.')).toEqual(['kalimat kecil. lalu huruf kecil.']);
    expect(splitSentences('Ini akhir... Lalu mulai lagi.')).toEqual(['Ini akhir...', 'Lalu mulai lagi.']);
  });

  it('handles text without a final stop, empty and blank input', () => {
    expect(splitSentences('Satu kalimat tanpa titik')).toEqual(['Satu kalimat tanpa titik']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('trims sentences', () => {
    expect(splitSentences('  Satu.   Dua?  Tiga!  ')).toEqual(['Satu.', 'Dua?', 'Tiga!']);
  });

  it('splits every paragraph of the bundled article into pieces that rebuild it', () => {
    const corpus = loadCorpus(resolve(ROOT, 'corpus'));
    const counts = corpus.paragraphs.map((p) => {
      const sentences = splitSentences(p.text);
      expect(sentences.join(' ')).toBe(p.text.replace(/\s+/g, ' ').trim());
      for (const s of sentences) expect(s.length).toBeGreaterThan(0);
      return sentences.length;
    });
    expect(counts).toEqual([1, 4, 2, 2, 4, 3, 3]);
    // The quote case from ¶6: kemari.” Dia ...
    const p6 = splitSentences(corpus.paragraphs[5]!.text);
    expect(p6[0]).toMatch(/kemari\.”$/);
    expect(p6[1]).toMatch(/^Dia menambahkan/);
  });
});
