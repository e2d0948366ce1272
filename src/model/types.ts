// The story engine's data model. Nothing here knows about Discord.

/** What a citation shows of an article. */
export interface ArticleMeta {
  /** The file name, e.g. `2022-09-12-israel-offers-cyber-aid.md`. */
  id: string;
  title: string;
  outlet: string | null;
  /** YYYY-MM-DD */
  date: string;
  url: string | null;
  /** Other outlets' copies of the article (front matter `also:`); absent when there are none. */
  also?: ArticleCopy[];
}

/** A paragraph of an article's body; offsets are into `Article.body`. */
export interface Paragraph {
  /** 1-based, in reading order. */
  number: number;
  start: number;
  end: number;
}

/** One sentence; `text === article.body.slice(start, end)` always holds. */
export interface Sentence {
  /** Stable id: `${articleId}#p${paragraph}.s${index}`. */
  id: string;
  articleId: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** 1-based sentence number within the paragraph. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Another outlet's copy of an article (a wire story republished, the same text under another headline). */
export interface ArticleCopy {
  outlet: string | null;
  url: string;
}

export interface Article extends ArticleMeta {
  author: string | null;
  /** Other outlets that published this article (front matter `also:`); empty for most articles. */
  also: ArticleCopy[];
  /** The reflowed body: paragraphs joined by a blank line ("\n\n"). Every excerpt is a substring of it. */
  body: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export interface Citation {
  article: ArticleMeta;
  /** 1-based paragraph number. */
  paragraph: number;
  /** Verbatim substring of the article body. */
  excerpt: string;
}

export interface Answer {
  /**
   * The answering sentence(s), then the article's next sentences as far as fits in ~400 characters, past a paragraph
   * break only into a paragraph that goes on with the answer's subject: verbatim.
   */
  text: string;
  citation: Citation;
  /** Where in `text` the sentence(s) that answer are (character offsets, end exclusive); the rest is context. */
  focus: { start: number; end: number };
}

export interface AskResult {
  answer: Answer | null;
  citations: Citation[];
}

export type Precision = 'day' | 'week' | 'month' | 'year' | 'decade';

export interface TimelineEvent {
  /** First day of the period, YYYY-MM-DD. */
  date: string;
  precision: Precision;
  /** The sentence that states the event, verbatim, or the clause of it that tells this event when it tells two. */
  text: string;
  citations: Citation[];
  /**
   * Set by a date-range filter when the event's period only overlaps the range (its date is known only to the week,
   * month, year or decade): "earlier this year" is no September event, "in 2022" may be one.
   */
  approximate?: true;
}

export interface TimelineFilter {
  from?: string;
  to?: string;
  topic?: string;
  person?: string;
}

export type EntityKind = 'person' | 'organization' | 'place';

export interface Entity {
  name: string;
  kind: EntityKind;
  roles: string[];
  aliases: string[];
  mentions: number;
}

export interface Quote {
  /** The quotation itself, verbatim, without its quote marks. */
  text: string;
  speaker: string | null;
  citation: Citation;
  /**
   * For a quotation of one or two words (“baseless”), the sentence it stands in, verbatim: the words alone don't say
   * what they are about.
   */
  sentence?: string;
}

export interface QuoteFilter {
  speaker?: string;
  topic?: string;
}

/** A problem found in one corpus file; the file is skipped, the rest is served. */
export interface CorpusProblem {
  file: string;
  /** The front-matter field, or `file`/`body`/`encoding`/`size`. */
  field: string;
  message: string;
}
