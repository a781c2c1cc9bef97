/** One article of the corpus, as loaded from `corpus/`. */
export interface Article {
  id: string;
  title: string;
  language: string;
  sourceUrl?: string;
  date?: string;
  /** Where it was loaded from, for error messages. */
  file: string;
  /** The article's own name variants (front matter `aliases`), each group's phrasings in lower case. */
  aliases?: string[][];
  paragraphs: Paragraph[];
}

/** The unit of retrieval and citation. */
export interface Paragraph {
  articleId: string;
  articleTitle: string;
  /** 1-based position inside the article. */
  number: number;
  text: string;
  sourceUrl?: string;
}

export interface Corpus {
  articles: Article[];
  /** Every paragraph of every article, in load order; the search index refers to them by position. */
  paragraphs: Paragraph[];
}

/** The stable citation of a paragraph: `<article-id>#<n>`. */
export function citationOf(paragraph: Pick<Paragraph, 'articleId' | 'number'>): string {
  return `${paragraph.articleId}#${paragraph.number}`;
}

export class CorpusError extends Error {
  constructor(message: string, readonly file?: string, readonly line?: number) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
    this.name = 'CorpusError';
  }
}
