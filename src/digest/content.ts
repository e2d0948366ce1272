// What a daily digest says, built from the engine alone (no Discord): the articles new since the
// last digest with their key events and quotes, the latest events of the story, and "on this day".
// Every line carries a Citation built by the engine, so every excerpt is verbatim.
import type { StoryEngine } from '../engine/engine.js';
import type { Article, ArticleMeta, Citation, Precision, Quote, TimelineEvent } from '../model/types.js';
import { articleMeta } from '../model/citation.js';

export interface DigestEvent {
  /** First day of the event's period, YYYY-MM-DD. */
  date: string;
  precision: Precision;
  /** The sentence stating the event, verbatim. */
  text: string;
  citation: Citation;
}

export interface DigestQuote {
  text: string;
  speaker: string | null;
  citation: Citation;
}

export interface DigestArticle {
  article: ArticleMeta;
  /** ISO time storydesk first saw the article; null when unknown (no database). */
  firstSeen: string | null;
  events: DigestEvent[];
  quotes: DigestQuote[];
}

/** Plain data: `JSON.stringify(digest)` is the `cli digest --json` output. */
export interface Digest {
  /** The digest's day, YYYY-MM-DD (local to the server). */
  date: string;
  /** Articles first seen after `since` (ISO) and up to `until` (ISO) are new; null = unbounded. */
  since: string | null;
  until: string | null;
  newArticles: DigestArticle[];
  /** New articles beyond `limits.newArticles`, not listed. */
  moreNewArticles: number;
  storySoFar: DigestEvent[];
  onThisDay: DigestEvent[];
  /** Nothing new since the last digest. */
  empty: boolean;
}

export interface DigestLimits {
  /** New articles listed. Default 10. */
  newArticles: number;
  /** Key events listed per new article. Default 3. */
  eventsPerArticle: number;
  /** Quotes listed per new article. Default 2. */
  quotesPerArticle: number;
  /** Events in "the story so far". Default 5. */
  storySoFar: number;
  /** Events in "on this day". Default 5. */
  onThisDay: number;
}

export const defaultDigestLimits: DigestLimits = {
  newArticles: 10,
  eventsPerArticle: 3,
  quotesPerArticle: 2,
  storySoFar: 5,
  onThisDay: 5,
};

export interface BuildDigestOptions {
  /** ISO time of the last digest (exclusive), or a day YYYY-MM-DD (inclusive); null: every article is new. */
  since: string | null;
  /** The digest's local day, YYYY-MM-DD: "on this day" and the end of "the story so far". */
  date: string;
  /** Upper bound of the new-articles window (ISO); default none. A retried digest reuses its window. */
  until?: string | null;
  /** Article id → ISO time first seen. Articles missing here count from their publication date. */
  firstSeen?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  limits?: Partial<DigestLimits>;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const PRECISION_RANK: Record<Precision, number> = { day: 0, week: 1, month: 2, year: 3, decade: 4 };

function instant(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`storydesk: digest ${what} ${JSON.stringify(value)} is not a time; expected ISO 8601 or YYYY-MM-DD`);
  return ms;
}

function checkDay(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error(`storydesk: digest date ${JSON.stringify(date)} is not a day; expected YYYY-MM-DD`);
  }
}

function lookup(firstSeen: BuildDigestOptions['firstSeen'], id: string): string | undefined {
  if (!firstSeen) return undefined;
  return firstSeen instanceof Map ? firstSeen.get(id) : (firstSeen as Readonly<Record<string, string>>)[id];
}

function toEvent(event: TimelineEvent): DigestEvent | null {
  const citation = event.citations[0];
  return citation ? { date: event.date, precision: event.precision, text: event.text, citation } : null;
}

function citesArticle(citation: Citation, id: string): boolean {
  return citation.article.id === id;
}

export function buildDigest(engine: StoryEngine, options: BuildDigestOptions): Digest {
  checkDay(options.date);
  const limits = { ...defaultDigestLimits, ...options.limits };
  // A bare day ("--since 2024-05-02") includes that day; an ISO time is exclusive, so windows chain.
  const sinceAt = options.since === null ? null : instant(options.since, 'since');
  const since = sinceAt === null ? null : sinceAt - (DAY_ONLY.test(options.since!) ? 1 : 0);
  const until = options.until == null ? null : instant(options.until, 'until');
  const timeline = engine.timeline();
  const quotes = engine.quotes();
  const seenAt = (a: Article) => lookup(options.firstSeen, a.id) ?? `${a.date}T00:00:00.000Z`;
  const fresh = engine
    .articles()
    .filter((a) => {
      const t = Date.parse(seenAt(a));
      return (since === null || t > since) && (until === null || t <= until);
    })
    .sort((a, b) => b.date.localeCompare(a.date) || seenAt(b).localeCompare(seenAt(a)) || a.id.localeCompare(b.id));
  const listed = fresh.slice(0, limits.newArticles);
  const newArticles = listed.map((a) => ({
    article: articleMeta(a),
    firstSeen: lookup(options.firstSeen, a.id) ?? null,
    events: keyEvents(timeline, a.id, limits.eventsPerArticle),
    quotes: keyQuotes(quotes, a.id, limits.quotesPerArticle),
  }));
  const shown = new Set(newArticles.flatMap((a) => a.events.map((e) => e.text)));
  return {
    date: options.date,
    since: sinceAt === null ? null : new Date(sinceAt).toISOString(),
    until: until === null ? null : new Date(until).toISOString(),
    newArticles,
    moreNewArticles: fresh.length - listed.length,
    storySoFar: storySoFar(timeline, options.date, shown, limits.storySoFar),
    onThisDay: onThisDay(timeline, options.date, limits.onThisDay),
    empty: fresh.length === 0,
  };
}

/**
 * An article's key events: the timeline events it is cited for, the most precisely dated first and,
 * among those, the earliest in the article (news puts what matters first); listed by date.
 */
export function keyEvents(timeline: TimelineEvent[], articleId: string, limit: number): DigestEvent[] {
  const own = timeline
    .map((event) => {
      const citation = event.citations.find((c) => citesArticle(c, articleId));
      return citation ? { date: event.date, precision: event.precision, text: event.text, citation } : null;
    })
    .filter((e): e is DigestEvent => e !== null);
  const ranked = [...own].sort(
    (a, b) => PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || a.citation.paragraph - b.citation.paragraph,
  );
  return dedupeByText(ranked).slice(0, limit).sort((a, b) => a.date.localeCompare(b.date));
}

/** An article's quotes with a known speaker first, then in reading order. */
export function keyQuotes(quotes: Quote[], articleId: string, limit: number): DigestQuote[] {
  return quotes
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => citesArticle(q.citation, articleId))
    .sort((a, b) => Number(a.q.speaker === null) - Number(b.q.speaker === null) || a.q.citation.paragraph - b.q.citation.paragraph || a.i - b.i)
    .slice(0, limit)
    .map(({ q }) => ({ text: q.text, speaker: q.speaker, citation: q.citation }));
}

/** The latest events dated on or before the digest's day, oldest first, skipping any already listed. */
export function storySoFar(timeline: TimelineEvent[], date: string, exclude: ReadonlySet<string>, limit: number): DigestEvent[] {
  const events = timeline
    .filter((e) => e.date <= date && !exclude.has(e.text))
    .map(toEvent)
    .filter((e): e is DigestEvent => e !== null)
    .sort((a, b) => b.date.localeCompare(a.date) || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision]);
  return dedupeByText(events).slice(0, limit).reverse();
}

/** Day-precise events on this calendar day (month and day) in earlier years, most recent year first. */
export function onThisDay(timeline: TimelineEvent[], date: string, limit: number): DigestEvent[] {
  const monthDay = date.slice(5);
  const year = date.slice(0, 4);
  const events = timeline
    .filter((e) => e.precision === 'day' && e.date.slice(5) === monthDay && e.date.slice(0, 4) < year)
    .map(toEvent)
    .filter((e): e is DigestEvent => e !== null)
    .sort((a, b) => b.date.localeCompare(a.date));
  return dedupeByText(events).slice(0, limit);
}

function dedupeByText<T extends { text: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.text) && Boolean(seen.add(item.text)));
}

/** The JSON of `cli digest --json`: the digest itself plus a format version for scripts. */
export function digestJson(digest: Digest): { format: 'storydesk.digest/1' } & Digest {
  return { format: 'storydesk.digest/1', ...digest };
}
