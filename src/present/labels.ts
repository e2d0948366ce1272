// The words storydesk uses for the same thing wherever it shows it: the console, the CLI, the digest and Discord
// all format dates, sources and abstentions from here. A host adds only its markup (Discord links, escapes, bold).
import type { ArticleCopy, ArticleMeta, Citation, Precision } from '../model/types.js';
import type { TimelineOptionError } from '../engine/queries.js';
import { cleanEcho } from './sanitize.js';

/** What storydesk says when the articles don't answer a question. */
export const NO_ANSWER = "The articles don't say.";

/** How a passage offered after an abstention is labelled: it is about what the question names, not its answer. */
export const NOT_AN_ANSWER = 'Not an answer';

/**
 * An abstention on a question that names something in the story, before the closest passages about it: "The articles
 * don't say. They mention Edi Rama; the closest passages are below, but they don't answer the question." A host marks
 * the names (bold on Discord).
 */
export function nearbyNote(names: readonly string[], mark: (name: string) => string = (n) => n, where = 'below'): string {
  return `${NO_ANSWER} They mention ${listWords(names.map(mark))}; the closest passages are ${where}, but they don't answer the question.`;
}

/** An abstention on a question that names nothing in the story: where to look instead. A host marks the commands. */
export function browseHint(mark: (command: string) => string = (c) => c): string {
  return `${NO_ANSWER} Try ${mark('/who')} to see who is in the story, or ${mark('/timeline')} for what happened when.`;
}

/** How a follow-up is shown: the question as storydesk read it against the one before ("Read as: Where did Yair Lapid say it?"). */
export const READ_AS = 'Read as';

/** Pronouns that stand for a person or people: "I can't tell who …", not "what …". */
const WHO_WORDS = /^(?:he|him|his|she|her|hers|himself|herself|they|them|their|theirs|themselves)$/i;

/**
 * A follow-up with nothing to follow on from (a pronoun no question before names, "when?" first of all): why it isn't
 * answered, and how to ask. A host marks the word.
 */
export function unresolvedNote(word: string, mark: (word: string) => string = (w) => `“${w}”`): string {
  const who = WHO_WORDS.test(word);
  const what = who ? `who ${mark(word)} is` : /^(?:it|its|that|this|there)$/i.test(word) ? `what ${mark(word)} refers to` : `what ${mark(word)} follows on from`;
  return `I can't tell ${what}: name ${who ? 'them' : 'it'} in the question, or ask right after the answer it follows on from (within 5 minutes).`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** Marks that open or close a quotation. */
const OPENING_QUOTE = /^["“„«‘'‚‹]/;
const CLOSING_QUOTE = /["”»’'›]$/;

/**
 * An excerpt in quotation marks, “like this”, for plain text, unless it starts or ends with a quotation mark of its
 * own: “"We will reopen it," Lind said.” or ““We will…”” reads as a mistake, so such an excerpt is shown as it is.
 */
export function quoteMarks(excerpt: string): string {
  return OPENING_QUOTE.test(excerpt) || CLOSING_QUOTE.test(excerpt) ? excerpt : `“${excerpt}”`;
}

/** The digest's texts, the same in its plain-text and Discord forms. */
export const DigestLabels = {
  nothingNew: 'Nothing new since the last digest.',
  storySoFar: 'The story so far',
  onThisDay: 'On this day',
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date at the precision it is known to: "12 Sep 2022", "week of 5 Sep 2022", "Sep 2022", "2022", "1990s". It reads
 * inside a sentence; `capitalise` it where it starts a line. Text that is not a YYYY-MM-DD date is shown as written.
 */
export function dateLabel(date: string, precision: Precision = 'day'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const month = MONTHS[Number(mo) - 1] ?? mo;
  switch (precision) {
    case 'decade':
      return `${y.slice(0, 3)}0s`;
    case 'year':
      return y;
    case 'month':
      return `${month} ${y}`;
    case 'week':
      return `week of ${Number(d)} ${month} ${y}`;
    case 'day':
      return `${Number(d)} ${month} ${y}`;
  }
}

/** "week of 5 Sep 2022" → "Week of 5 Sep 2022", for a label that starts a line or a heading. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "paragraph 4" where there is room, "¶4" where there is not. */
export function paragraphLabel(paragraph: number, form: 'word' | 'mark'): string {
  return form === 'word' ? `paragraph ${paragraph}` : `¶${paragraph}`;
}

/**
 * How a source line shows a citation. Every source line names, in this order, the article's title, its outlet, its
 * date and the paragraph; a style says which of them it shows and how.
 */
export interface SourceStyle {
  /** The title as it appears (quoted in text, a link on Discord); null leaves it out, and the outlet leads. */
  title: ((article: ArticleMeta) => string) | null;
  /** The outlet as it appears (Discord escapes or italicises it). Default: as written. */
  outlet?: (outlet: string) => string;
  /** What stands for a missing outlet. Default: nothing, the part is left out. */
  noOutlet?: (article: ArticleMeta) => string;
  /** `iso` as the article gives it ("2022-09-12"), `label` as a reader says it ("12 Sep 2022"). */
  date: 'iso' | 'label';
  paragraph: 'word' | 'mark';
  /** Between the parts. Default ", ". */
  separator?: string;
  /** Whether the article's url follows, in angle brackets. Default: no. */
  url?: boolean;
  /** How another outlet's copy is named after "also in" (Discord links it). Default: its outlet, else its host. */
  copy?: (copy: ArticleCopy) => string;
}

function quotedTitle(article: ArticleMeta): string {
  return `"${article.title}"`;
}

/** The plain-text source lines. */
export const SourceStyles = {
  /** `"Title", Outlet, 2022-09-12, paragraph 4 <url>`: under a quoted excerpt. */
  full: { title: quotedTitle, date: 'iso', paragraph: 'word', url: true },
  /** `"Title", Outlet, 2022-09-12, ¶4`: one line in a list, where several articles may share an outlet and a date. */
  short: { title: quotedTitle, date: 'iso', paragraph: 'mark' },
  /** `Outlet, 2022-09-12, ¶4` (the title when there is no outlet): inside the article's own section of a digest. */
  outlet: { title: null, noOutlet: (a) => a.title, date: 'iso', paragraph: 'mark' },
} as const satisfies Record<string, SourceStyle>;

/** Where a citation comes from, in the given style. */
export function sourceLine(c: Citation, style: SourceStyle): string {
  const a = c.article;
  const parts: string[] = [];
  if (style.title) parts.push(style.title(a));
  const outlet = a.outlet ? (style.outlet ? style.outlet(a.outlet) : a.outlet) : style.noOutlet?.(a);
  if (outlet !== undefined) parts.push(outlet);
  parts.push(style.date === 'label' ? dateLabel(a.date) : a.date, paragraphLabel(c.paragraph, style.paragraph));
  const also = alsoIn(a, style.copy);
  if (also) parts.push(also);
  const line = parts.join(style.separator ?? ', ');
  return style.url && a.url ? `${line} <${a.url}>` : line;
}

/** The outlets named in "also in …" at most; more are counted ("and 3 more"). */
const MAX_COPIES_NAMED = 3;

/** A copy's outlet as written, else its URL's host. */
export function copyName(copy: ArticleCopy): string {
  if (copy.outlet?.trim()) return copy.outlet.trim();
  try {
    return new URL(copy.url).hostname.replace(/^www\./, '');
  } catch {
    return copy.url;
  }
}

/** "also in Coastal Wire Daily and Reuters" for an article other outlets published too; '' when none did. */
export function alsoIn(article: Pick<ArticleMeta, 'also'>, name: (copy: ArticleCopy) => string = copyName): string {
  const copies = article.also ?? [];
  if (copies.length === 0) return '';
  const named = copies.slice(0, MAX_COPIES_NAMED).map(name);
  const more = copies.length - named.length;
  return `also in ${listWords(more > 0 ? [...named, `${more} more`] : named)}`;
}

/** What a person is told when a /timeline option is refused: the same words in the console, the CLI and Discord. */
export function timelineOptionMessage(error: TimelineOptionError): string {
  switch (error.code) {
    case 'not-a-date':
      return `\`${error.option}\` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “${cleanEcho(error.value).slice(0, 100)}” isn't one.`;
    case 'too-long':
      return `\`${error.option}\` is too long: ${error.value.length} characters, at most ${error.max}.`;
    case 'to-before-from':
      return `\`to\` (${error.to}) is before \`from\` (${error.from}).`;
  }
}
