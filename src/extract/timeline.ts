// The story's timeline: every dated event the articles state, in order, each with the sentences that state it.
import { boundedMemo, pushTo, weakMemo } from '../util/collections.js';
import { articleOrder, cite } from '../model/citation.js';
import type { Article, Citation, Sentence, TimelineEvent, TimelineFilter } from '../model/types.js';
import { terms, words } from '../text/terms.js';
import { datelineDay, extractDates, type DateMention } from './dates.js';
import { sentenceEvents, type SentenceEvent } from './event-dates.js';
import { parseYmd, periodEnd, precisionRank, toDays, type Period } from '../model/periods.js';

/** One sentence (or one clause of it) stating something at one period. */
interface Mention {
  article: Article;
  sentence: Sentence;
  period: Period;
  /** What the event's text shows: the sentence, or the clause of it that tells this event when it tells two. */
  text: string;
  /** Content terms of that text, date words left out: what the event is about. */
  about: Set<string>;
  /** Content terms of the stretch of the sentence around the event's date (`coreText`): for matching across precisions. */
  core: Core;
}

/** What an event is, for matching it across precisions: the terms of its stretch, and which of them are names. */
interface Core {
  terms: Set<string>;
  names: Set<string>;
}

function coreOf(text: string): Core {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'’"“”)]\s+)\p{Lu}[\p{L}'’-]*/gu)) for (const t of terms(m[0])) names.add(t);
  return { terms: aboutTerms(text), names };
}

/** Mentions of one happening: same period, sentences about the same thing. */
interface Happening {
  period: Period;
  mentions: Mention[];
}

/** When two articles' sentences state the same happening; see `sameHappening`. */
export const defaultMergeOptions = {
  /** At least this many shared content terms… */
  minShared: 2,
  /** …carrying at least this share of the shorter sentence's term weight (terms weighted by rarity in the corpus). */
  minWeight: 0.3,
};

const DATE_WORDS = new Set(
  terms(
    'january february march april may june july august september october november december ' +
      'monday tuesday wednesday thursday friday saturday sunday weekend week weeks month months year years ' +
      'day days decade decades today yesterday tonight tomorrow morning afternoon evening night ago later earlier ' +
      'last next early late mid during since until',
  ),
);

/** What a sentence is about, for telling happenings apart: its terms minus dates and numbers. */
function aboutTerms(text: string): Set<string> {
  return new Set(terms(text).filter((t) => !DATE_WORDS.has(t) && !/^\d+(?:st|nd|rd|th|s)?$/.test(t)));
}

/** Term weights: rare terms say more about a happening than the story's ever-present names (inverse sentence frequency). */
export type TermWeight = (term: string) => number;

function rarityWeights(articles: Article[]): TermWeight {
  const df = new Map<string, number>();
  let n = 0;
  for (const a of articles) {
    for (const s of a.sentences) {
      n++;
      for (const t of aboutTerms(s.text)) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  return (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
}

/** Articles are immutable once loaded: their dated mentions are computed once, so a changed corpus only pays for what changed. */
const articleMentions = weakMemo((article: Article): Mention[] => findArticleMentions(article));

function overlaps(a: Period, b: Period): boolean {
  return a.date <= periodEnd(b) && b.date <= periodEnd(a);
}

/** Where a sentence's stretches part: punctuation, and the words that open a subordinate phrase. */
const STRETCH_BREAK = /[,;:()—–]|\s(?=(?:that|which|who|whom|whose|when|where|after|before|while|citing|including|because|although)\s)/gi;

/**
 * The stretch of the clause [from, to) that holds the date at [start, end) — between punctuation and subordinate
 * words — and the next one when it is only the date ("Last week, | Albania blamed Iran for a July 15 cyberattack |
 * that …"): what the event itself is, without the sentence's background.
 */
export function coreText(sentence: string, from: number, to: number, start: number, end: number, others: number[] = []): string {
  const breaks = [...sentence.slice(from, to).matchAll(STRETCH_BREAK)].map((m) => from + m.index!);
  const cuts = [from, ...[...breaks, ...others.filter((o) => o > from && o < to && o !== start)].sort((a, b) => a - b), to];
  const i = cuts.findIndex((c, k) => k > 0 && c >= end) - 1;
  if (i < 0) return sentence.slice(from, to);
  let stretch = sentence.slice(cuts[i]!, cuts[i + 1]!);
  const dateOnly = stretch.replace(sentence.slice(start, end), '').replace(/[^\p{L}]+/gu, ' ').trim().split(' ').filter((w) => w.length > 3).length < 2;
  if (dateOnly && i + 2 < cuts.length) stretch = sentence.slice(cuts[i]!, cuts[i + 2]!);
  return stretch;
}

/** A sentence without what it quotes ("“…”"): the report's own words. */
function withoutQuotations(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, ' ');
}

/** How many sentences open an article: the lead, whose day may be the story's day (see `storyFrame`). */
const LEAD_SENTENCES = 2;

/**
 * The story's day, when the lead tells of a day a week or two before the report (a weekly's "proved last Monday"):
 * the report's later bare weekdays ("On Thursday, the first day of the Masters") are the days before it.
 */
function storyFrame(period: Period, reference: string): string | undefined {
  if (period.precision !== 'day') return undefined;
  const daysBefore = toDays(parseYmd(reference)) - toDays(parseYmd(period.date));
  return daysBefore >= 5 && daysBefore <= 14 ? period.date : undefined;
}

/**
 * The dated events of one article, in reading order: each sentence's events (`sentenceEvents`: the dates that
 * govern its verbs, not its background dates). Relative days count from the dateline's day when the article opens
 * with one ("Washington, Feb. 9 — … today"), else from the article's date; "a month later" from the previous date.
 */
function findArticleMentions(article: Article): Mention[] {
  const out: Mention[] = [];
  let previous: Period | null = null;
  const first = article.sentences[0];
  const dateline = first ? datelineDay(first.text, article.date) : null;
  const reference = dateline ?? article.date;
  // A report that says "yesterday" or "tomorrow" for the days beside its own says "today" for its own day too: its
  // bare weekday that falls on its date is a week off ("the Sunday storm" in a Sunday paper).
  const sameDayIsToday = !dateline && article.sentences.some((s) => /\b(?:yesterday|tomorrow|last night)\b/i.test(withoutQuotations(s.text)));
  let frame: string | undefined;
  const told: { sentence: Sentence; found: DateMention[]; events: SentenceEvent[] }[] = [];
  article.sentences.forEach((sentence, i) => {
    const found = extractDates(sentence.text, reference, previous, { ...(frame ? { frame } : {}), ...(sameDayIsToday ? { sameDayIsToday } : {}) });
    const events = found.length === 0 ? [] : sentenceEvents(sentence.text, found, { quoted: opensQuoted(article, sentence) });
    if (found.length > 0) told.push({ sentence, found, events });
    if (i < LEAD_SENTENCES && frame === undefined) for (const event of events) frame ??= storyFrame(event.mention.period, reference);
    if (found.length > 0) previous = found.at(-1)!.period;
  });
  narrativeYears(told.flatMap((t) => t.found.map((mention) => ({ mention, sentence: t.sentence }))), reference);
  for (const { sentence, events } of told) {
    for (const event of events) {
      // "The July incident was …" after the article told of a July attack: that event again, not a new one.
      if (event.anaphoric && out.some((m) => m.article === article && overlaps(m.period, event.mention.period))) continue;
      const whole = event.start === 0 && event.end === sentence.text.length;
      const text = whole ? sentence.text : sentence.text.slice(event.start, event.end);
      const others = events.filter((e) => e !== event).map((e) => e.mention.start);
      const core = coreOf(coreText(sentence.text, event.start, event.end, event.mention.start, event.mention.end, others));
      out.push({ article, sentence, period: event.mention.period, text, about: aboutTerms(text), core });
    }
  }
  return out;
}

/**
 * A month or day without a year takes the year its narrative establishes, not the article's: a history piece's "on
 * July 10 dispatched paratroops" told before "by the end of the three-month period, in October 1960" is July 1960
 * (a narrative tells a date before a later one), and "In 1940 the plant closed. On July 10 it reopened" is July 1940
 * (an explicit year of an earlier sentence of the paragraph). A date counted from the article's ("yesterday", "last week", "on
 * Monday") between them brings the narrative back to the story's present and breaks the link. Mutates the periods.
 */
function narrativeYears(mentions: { mention: DateMention; sentence: Sentence }[], reference: string): void {
  mentions.forEach(({ mention: m, sentence }, i) => {
    if (!m.yearless || (m.period.precision !== 'day' && m.period.precision !== 'month')) return;
    // "The first broadcast on Dec. 9 will introduce her as Lucia", after "first sang Lucia … in 1959": a date the
    // sentence puts ahead of the report is the story's present's, not the narrative's.
    if (m.period.date > reference) return;
    // "who resigned last September": counted from the story's present, whatever year a later sentence names.
    if (/\b(?:last|this|next|past|coming)\s+$/i.test(sentence.text.slice(0, m.start))) return;
    // "cracked the 3,000 mark in March for the first time this year": the sentence says whose year it is.
    if (/\bthis (?:year|season)\b/i.test(sentence.text)) return;
    const { y, m: month, d } = parseYmd(m.period.date);
    const at = (year: number): Period => ({ date: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, precision: m.period.precision });
    // The next explicit month or day of a later sentence ("in August; in August of 1960, he sold seven" is a
    // contrast), with no date of the story's present before it.
    for (let j = i + 1; j < mentions.length; j++) {
      if (mentions[j]!.sentence === sentence) continue;
      const n = mentions[j]!.mention;
      if (n.deictic) break;
      if (!n.explicitYear) continue;
      // "compared with March 1960 new car sales, this March was off": a contrast with the story's present.
      if (THIS_YEAR_OR_MONTH.test(mentions[j]!.sentence.text)) break;
      if (n.period.precision !== 'day' && n.period.precision !== 'month') break;
      // A year back at most: a later sentence recalling an older time ("his September 2013 address") is no narrative
      // that a date of the story's year ("his March 3 address", in March 2015) belongs to.
      const end = periodEnd(n.period);
      if (at(y - 1).date <= end && at(y).date > end) m.period = at(y - 1);
      return;
    }
    // An explicit year of an earlier sentence of the same paragraph, with no date of the story's present after it.
    for (let j = i - 1; j >= 0 && mentions[j]!.sentence.paragraph === sentence.paragraph; j--) {
      if (mentions[j]!.sentence === sentence) continue; // "who led the firm until 2017, was found guilty on Nov. 19"
      const p = mentions[j]!.mention;
      if (p.deictic) return;
      if (!p.explicitYear && !p.yearless) continue;
      const year = parseYmd(p.period.date).y;
      if (year < y && at(year).date >= p.period.date) m.period = at(year);
      return;
    }
  });
}

/** Does the sentence open inside a quotation that an earlier sentence of its paragraph began? */
function opensQuoted(article: Article, sentence: Sentence): boolean {
  const paragraph = article.paragraphs[sentence.paragraph - 1];
  if (!paragraph || paragraph.start >= sentence.start) return false;
  const before = article.body.slice(paragraph.start, sentence.start);
  return (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length || (before.match(/"/g) ?? []).length % 2 === 1;
}

/** Do two sentences describe the same happening? Enough shared content terms, weighted by rarity. */
export function sameHappening(a: Set<string>, b: Set<string>, weight: TermWeight = () => 1, options = defaultMergeOptions): boolean {
  const sum = (ts: Iterable<string>): number => [...ts].reduce((n, t) => n + weight(t), 0);
  const shared = [...a].filter((t) => b.has(t));
  const shorter = Math.min(sum(a), sum(b));
  return shared.length >= options.minShared && shorter > 0 && sum(shared) / shorter >= options.minWeight;
}

/** Two terms of one family: the same, or one the other's stem inside a longer word ("attack" in "cyberattack", "iran" in "iranian"). */
function kindred(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length > short.length + 1 && (long.startsWith(short) || long.endsWith(short));
}

/** When two articles tell one happening at two precisions (a day inside a month); see `relatedHappening`. */
export const crossPrecisionMergeOptions = {
  minShared: 2,
  /** Lower than `defaultMergeOptions.minWeight`: the dates already agree, and the coarser sentence says less. */
  minWeight: 0.2,
};

/**
 * How strongly two articles' sentences at two precisions tell one happening: the shared share of term weight
 * (0 when fewer than `minShared` terms are shared), terms of one family counting as shared ("a July 15
 * cyberattack" and "an attack … in July").
 */
export function relatedHappening(a: Core, b: Core, weight: TermWeight = () => 1, options = crossPrecisionMergeOptions): number {
  const sum = (ts: Iterable<string>): number => [...ts].reduce((n, t) => n + weight(t), 0);
  const shared = [...a.terms].filter((t) => b.terms.has(t) || [...b.terms].some((u) => kindred(t, u)));
  const shorter = Math.min(sum(a.terms), sum(b.terms));
  if (shared.length < options.minShared || shorter <= 0) return 0;
  // Names alone ("Albania", "Iran") are in every sentence of a story: something must be told alike.
  if (shared.every((t) => a.names.has(t) || b.names.has(t))) return 0;
  const score = sum(shared) / shorter;
  return score >= options.minWeight ? score : 0;
}

/**
 * Groups mentions of the same period that state the same happening: the same sentence, or another article's
 * sentence sharing enough content (single link). Within one article, two sentences are two events: a writer
 * does not report one happening twice, and names shared by every sentence would merge distinct ones.
 */
function groupHappenings(mentions: Mention[], weight: TermWeight): Happening[] {
  const happenings: Happening[] = [];
  // Only happenings of the same period can match: look among those, not all (large corpora have many).
  const byPeriod = new Map<string, Happening[]>();
  for (const mention of mentions) {
    const key = `${mention.period.date}/${mention.period.precision}`;
    const candidates = byPeriod.get(key) ?? [];
    const match = candidates.find(
      (h) =>
        h.mentions.some(
          (m) =>
            m.text === mention.text ||
            (m.article.id !== mention.article.id && sameHappening(m.about, mention.about, weight)),
        ),
    );
    if (match) match.mentions.push(mention);
    else {
      const happening = { period: mention.period, mentions: [mention] };
      happenings.push(happening);
      candidates.push(happening);
      byPeriod.set(key, candidates);
    }
  }
  return mergeAcrossPrecisions(happenings, weight);
}

/** Does period `inner` lie within `outer` and is it finer? */
function finerWithin(inner: Period, outer: Period): boolean {
  return precisionRank(inner.precision) < precisionRank(outer.precision) && inner.date >= outer.date && periodEnd(inner) <= periodEnd(outer);
}

/** The month and year keys a period is filed under for `mergeAcrossPrecisions` ("2022-07", "2022"). */
function containerKeys(p: Period): string[] {
  return [p.date.slice(0, 7), p.date.slice(0, 4)];
}

/**
 * The same happening told at two precisions by two articles ("a July 15 cyberattack" here, "an attack … in July"
 * there) is one event, at the finer date: a month's or a year's happening joins a finer one of another article
 * inside its period when their sentences share enough content. Decades are too wide to tell.
 */
function mergeAcrossPrecisions(happenings: Happening[], weight: TermWeight): Happening[] {
  const finer = new Map<string, Happening[]>();
  for (const h of happenings) if (h.period.precision === 'day' || h.period.precision === 'week' || h.period.precision === 'month') for (const k of containerKeys(h.period)) pushTo(finer, k, h);
  // Within one month or year, the finer happenings by term: a coarse happening is compared only with those sharing one.
  const indexes = new Map<string, Map<string, Set<Happening>>>();
  const indexOf = (key: string): Map<string, Set<Happening>> => {
    let index = indexes.get(key);
    if (!index) {
      index = new Map();
      for (const g of finer.get(key) ?? []) for (const m of g.mentions) for (const t of m.core.terms) pushToSet(index, t, g);
      indexes.set(key, index);
    }
    return index;
  };
  const gone = new Set<Happening>();
  for (const h of happenings) {
    if (h.period.precision !== 'month' && h.period.precision !== 'year') continue;
    const key = h.period.precision === 'month' ? h.period.date.slice(0, 7) : h.period.date.slice(0, 4);
    if (!finer.has(key)) continue;
    const index = indexOf(key);
    const articles = new Set(h.mentions.map((m) => m.article.id));
    const candidates = new Set<Happening>();
    for (const n of h.mentions) for (const t of n.core.terms) for (const g of index.get(t) ?? []) candidates.add(g);
    let best: Happening | undefined;
    let bestScore = 0;
    for (const g of candidates) {
      if (g === h || gone.has(g) || !finerWithin(g.period, h.period) || g.mentions.some((m) => articles.has(m.article.id))) continue;
      for (const m of g.mentions) {
        for (const n of h.mentions) {
          const score = relatedHappening(m.core, n.core, weight);
          const finerTie = score === bestScore && best !== undefined && precisionRank(g.period.precision) < precisionRank(best.period.precision);
          if (score > bestScore || (score > 0 && finerTie)) [best, bestScore] = [g, score];
        }
      }
    }
    if (!best) continue;
    best.mentions.push(...h.mentions);
    gone.add(h);
  }
  return gone.size === 0 ? happenings : happenings.filter((h) => !gone.has(h));
}

function pushToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function byArticleOrder(a: Mention, b: Mention): number {
  return a.article.date.localeCompare(b.article.date) || a.article.id.localeCompare(b.article.id) || a.sentence.start - b.sentence.start;
}

/** Chronological; at the same first day the coarser period first (a year holds its days), then by article. */
function chronological(a: Happening, b: Happening): number {
  return (
    a.period.date.localeCompare(b.period.date) ||
    precisionRank(b.period.precision) - precisionRank(a.period.precision) ||
    byArticleOrder(a.mentions[0]!, b.mentions[0]!)
  );
}

function toEvent(h: Happening): TimelineEvent {
  const citations: Citation[] = [];
  const seen = new Set<string>();
  for (const m of h.mentions) {
    const key = `${m.article.id}#${m.sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const citation = cite(m.article, m.sentence.start, m.sentence.end);
    citationCore.set(citation, m.core);
    citations.push(citation);
  }
  return { date: h.period.date, precision: h.period.precision, text: h.mentions[0]!.text, citations };
}

/**
 * Every dated event of the articles, chronological. An event's text is the sentence stating it (verbatim) and
 * its citations are every sentence, in any article, that states the same happening at the same period.
 */
export function buildTimeline(articles: Article[]): TimelineEvent[] {
  const ordered = [...articles].sort(articleOrder);
  const mentions = ordered.flatMap(articleMentions);
  const happenings = groupHappenings(mentions, rarityWeights(ordered));
  for (const h of happenings) h.mentions.sort(byArticleOrder);
  return happenings.sort(chronological).map(toEvent);
}

// ---------------------------------------------------------------------------------------------
// Keeping a timeline up to date one article at a time.

/** Term weights from sentence frequencies kept elsewhere (the search index's): the same weights `buildTimeline` computes. */
export function weightsFrom(stats: { sentences: number; frequency(term: string): number }): TermWeight {
  return (t) => Math.log((stats.sentences + 1) / (stats.frequency(t) + 1)) + 1;
}

/** The content terms of a cited sentence, computed once per citation. */
const citationAboutMemo = new WeakMap<Citation, Set<string>>();

function citationAbout(c: Citation): Set<string> {
  let about = citationAboutMemo.get(c);
  if (!about) {
    about = aboutTerms(c.excerpt);
    citationAboutMemo.set(c, about);
  }
  return about;
}

/** Where a citation's sentence starts in its article body: for ordering two events first stated in one article. */
type CitationStart = (c: Citation) => number;

function citationStartIn(articles: ReadonlyMap<string, Article>, known: WeakMap<Citation, number>): CitationStart {
  return (c) => {
    let start = known.get(c);
    if (start === undefined) {
      const article = articles.get(c.article.id);
      const from = article?.paragraphs.find((p) => p.number === c.paragraph)?.start ?? 0;
      start = article ? article.body.indexOf(c.excerpt, from) : 0;
      known.set(c, start);
    }
    return start;
  };
}

const citationStarts = new WeakMap<Citation, number>();

/** The core of a citation made in this process (`Mention.core`); a citation read from the cache has its sentence's. */
const citationCore = new WeakMap<Citation, Core>();

function citationOrder(start: CitationStart): (a: Citation, b: Citation) => number {
  return (a, b) =>
articleOrder(a.article, b.article) || start(a) - start(b);
}

/** `chronological` for events: period, coarser first, then where the first citation stands in article order. */
function eventOrder(start: CitationStart): (a: TimelineEvent, b: TimelineEvent) => number {
  const byCitation = citationOrder(start);
  return (a, b) =>
    a.date.localeCompare(b.date) ||
    precisionRank(b.precision) - precisionRank(a.precision) ||
    byCitation(a.citations[0]!, b.citations[0]!);
}

/**
 * The timeline without one article: its citations leave their events, and events it alone stated go. An event the
 * article's sentence was linking to another article's is not split (a rebuild might split it).
 */
export function removeFromTimeline(events: TimelineEvent[], articleId: string, articles: ReadonlyMap<string, Article>): TimelineEvent[] {
  let changed = false;
  const out: TimelineEvent[] = [];
  const start = citationStartIn(articles, citationStarts);
  for (const e of events) {
    if (!e.citations.some((c) => c.article.id === articleId)) {
      out.push(e);
      continue;
    }
    changed = true;
    const citations = e.citations.filter((c) => c.article.id !== articleId);
    if (citations.length === 0) continue;
    // An event told at two precisions keeps the finer date only while an article still tells it at that date.
    const own = citations.map((c) => {
      const article = articles.get(c.article.id);
      return article ? articleMentions(article).find((m) => m.sentence.start === start(c) && overlaps(m.period, e)) : undefined;
    });
    const atDate = own.some((m) => m === undefined || (m.period.date === e.date && m.period.precision === e.precision));
    const finest = atDate ? undefined : own.reduce((a, b) => (precisionRank(b!.period.precision) < precisionRank(a!.period.precision) ? b : a));
    const text = citations[0] === e.citations[0] ? e.text : (own[0]?.text ?? citations[0]!.excerpt);
    out.push(finest ? { date: finest.period.date, precision: finest.period.precision, text, citations } : { date: e.date, precision: e.precision, text, citations });
  }
  return changed ? out.sort(eventOrder(start)) : events;
}

/**
 * The timeline with one more article (not already in it): each of its dated mentions joins the first event of its
 * period that states the same happening — the same sentence, or another article's sentence sharing enough content
 * by `weight` — as `buildTimeline` would group it, else starts an event. Unchanged events are kept as they are.
 * A rebuild can differ where the added article falls between others' grouping decisions: weights move a little
 * with every article, and a rebuild's single-link grouping can join two events through the new sentence.
 */
export function addToTimeline(
  events: TimelineEvent[],
  article: Article,
  weight: TermWeight,
  articles: ReadonlyMap<string, Article>,
): TimelineEvent[] {
  const mentions = articleMentions(article);
  if (mentions.length === 0) return events;
  const key = (p: { date: string; precision: string }): string => `${p.date}/${p.precision}`;
  type Group = { event: TimelineEvent; period: Period; citations: Citation[] };
  const byPeriod = new Map<string, Group[]>();
  const groups: Group[] = events.map((event) => ({ event, period: { date: event.date, precision: event.precision }, citations: event.citations }));
  for (const g of groups) pushTo(byPeriod, key(g.period), g);
  // The events within a period (for telling one happening at two precisions): the timeline is in date order, so
  // those of the old events are a run found by binary search; the few new ones are looked at one by one.
  const known = groups.length;
  const within = (p: Period): Group[] => {
    const from = p.date;
    const to = periodEnd(p);
    let lo = 0;
    let hi = known;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (groups[mid]!.period.date < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Group[] = [];
    for (let i = lo; i < known && groups[i]!.period.date <= to; i++) out.push(groups[i]!);
    for (let i = known; i < groups.length; i++) if (groups[i]!.period.date >= from && groups[i]!.period.date <= to) out.push(groups[i]!);
    return out;
  };
  /** The month and year events that hold a period (by their exact keys). */
  const holding = (p: Period): Group[] => {
    const { y, m } = parseYmd(p.date);
    const month = `${y}-${String(m).padStart(2, '0')}-01`;
    return [...(byPeriod.get(`${month}/month`) ?? []), ...(byPeriod.get(`${y}-01-01/year`) ?? [])];
  };
  const clauseOf = new Map<Citation, string>();
  const changed = new Set<Group>();
  const otherArticles = (g: Group): boolean => g.citations.every((c) => c.article.id !== article.id);
  const tellsIt = (g: Group, m: Mention): number =>
    Math.max(0, ...g.citations.map((c) => relatedHappening(citationCore.get(c) ?? coreOf(c.excerpt), m.core, weight)));
  /** The group telling the mention's happening best among those `fits` allows. */
  const bestOf = (pool: Group[], m: Mention, fits: (g: Group) => boolean): Group | undefined => {
    let best: Group | undefined;
    let bestScore = 0;
    for (const g of pool) {
      if (!fits(g)) continue;
      const score = tellsIt(g, m);
      const finerTie = score === bestScore && best !== undefined && precisionRank(g.period.precision) < precisionRank(best.period.precision);
      if (score > bestScore || (score > 0 && finerTie)) [best, bestScore] = [g, score];
    }
    return best;
  };
  for (const m of mentions) {
    const k = key(m.period);
    const candidates = byPeriod.get(k) ?? [];
    let match = candidates.find((g) =>
      g.citations.some((c) => c.excerpt === m.sentence.text || (c.article.id !== article.id && sameHappening(citationAbout(c), m.about, weight))),
    );
    if (!match && m.period.precision !== 'decade') {
      // The same happening at another precision (`mergeAcrossPrecisions`): join a finer event inside this period, or
      // bring a coarser event of other articles down to this finer date.
      match =
        (m.period.precision === 'month' || m.period.precision === 'year'
          ? bestOf(within(m.period), m, (g) => finerWithin(g.period, m.period) && otherArticles(g))
          : undefined) ??
        bestOf(holding(m.period), m, (g) => finerWithin(m.period, g.period) && otherArticles(g));
      if (match && finerWithin(m.period, match.period)) {
        match.period = m.period;
        pushTo(byPeriod, k, match);
      }
    }
    const citation = cite(article, m.sentence.start, m.sentence.end);
    citationStarts.set(citation, m.sentence.start);
    citationAboutMemo.set(citation, m.about);
    citationCore.set(citation, m.core);
    clauseOf.set(citation, m.text);
    // A sentence gives one mention per period (`findArticleMentions`), so each joins an event once.
    if (match) {
      if (!changed.has(match)) match.citations = [...match.citations];
      match.citations.push(citation);
      changed.add(match);
    } else {
      const g: Group = { event: { date: m.period.date, precision: m.period.precision, text: m.text, citations: [] }, period: m.period, citations: [citation] };
      groups.push(g);
      changed.add(g);
      candidates.push(g);
      byPeriod.set(k, candidates);
    }
  }
  const start = citationStartIn(articles, citationStarts);
  const byCitation = citationOrder(start);
  const out = groups.map((g) => {
    if (!changed.has(g)) return g.event;
    const citations = g.citations.sort(byCitation);
    const first = citations[0]!;
    const text = first === g.event.citations[0] ? g.event.text : (clauseOf.get(first) ?? first.excerpt);
    return { date: g.period.date, precision: g.period.precision, text, citations };
  });
  return out.sort(eventOrder(start));
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "this year", "this March": the story's present, named (see `narrativeYears`). */
const THIS_YEAR_OR_MONTH = new RegExp(`\\bthis (?:year|season|${MONTH_NAMES.join('|')})\\b`);

/** An event's date as a reader should see it, at its precision: "15 July 2022", "week of 5 September 2022", "July 2022", "2022", "the 1990s". */
export function periodLabel(event: Pick<TimelineEvent, 'date' | 'precision'>): string {
  const { y, m, d } = parseYmd(event.date);
  const month = MONTH_NAMES[m - 1]!;
  switch (event.precision) {
    case 'day':
      return `${d} ${month} ${y}`;
    case 'week':
      return `week of ${d} ${month} ${y}`;
    case 'month':
      return `${month} ${y}`;
    case 'year':
      return String(y);
    case 'decade':
      return `the ${y - (y % 10)}s`;
  }
}

// ---------------------------------------------------------------------------------------------
// Filters

/** Default person match: the person's surname (last name word), or all of their name words, appear in the text. */
export function nameInText(text: string, person: string): boolean {
  const name = words(person);
  if (name.length === 0) return false;
  const present = wordsOf(text);
  return present.has(name.at(-1)!) || name.every((w) => present.has(w));
}

/** Topic match on search stems: all topic terms for one or two, at least two thirds for longer topics. */
function topicInTerms(topic: string[], eventTerms: Set<string>): boolean {
  const hit = (t: string): boolean => eventTerms.has(t) || (t.length >= 4 && [...eventTerms].some((e) => e.startsWith(t)));
  const found = topic.filter(hit).length;
  const needed = topic.length <= 2 ? topic.length : Math.ceil((topic.length * 2) / 3);
  return found >= needed;
}

function checkFilterDate(field: 'from' | 'to', value: string | undefined): void {
  if (value === undefined) return;
  try {
    parseYmd(value);
  } catch {
    throw new Error(`storydesk: timeline filter "${field}" is "${value}"; expected a date as YYYY-MM-DD`);
  }
}

/** The words of event sentences, kept between calls (bounded): person filters test every event's sentences. */
const wordsOf = boundedMemo((text: string): Set<string> => new Set(words(text)), 200_000);

/** An event's search terms, computed once per event: topic filters run over every event on each call. */
const eventTerms = weakMemo((e: TimelineEvent): Set<string> => new Set(eventTexts(e).flatMap((text) => terms(text))));

/** Everything an event says: its sentence and every cited excerpt. */
function eventTexts(e: TimelineEvent): string[] {
  return [e.text, ...e.citations.map((c) => c.excerpt)];
}

/**
 * The events matching every given filter: `from`/`to` keep events whose period overlaps [from, to];
 * `topic` keeps events whose sentences hold (most of) the topic's search terms; `person` keeps events whose
 * sentences name the person, by `personMatches` (default: `nameInText`).
 */
export function filterTimeline(
  events: TimelineEvent[],
  filter: TimelineFilter,
  personMatches: (eventText: string, person: string) => boolean = nameInText,
): TimelineEvent[] {
  checkFilterDate('from', filter.from);
  checkFilterDate('to', filter.to);
  const topic = filter.topic ? [...new Set(terms(filter.topic))] : [];
  const person = filter.person?.trim();
  return events
    .filter((e) => {
      if (filter.from && periodEnd(e) < filter.from) return false;
      if (filter.to && e.date > filter.to) return false;
      const texts = eventTexts(e);
      if (topic.length > 0 && !topicInTerms(topic, eventTerms(e))) return false;
      if (person && !texts.some((t) => personMatches(t, person))) return false;
      return true;
    })
    .map((e) => markApproximate(e, filter, periodEnd(e)));
}

/** The event as a date-range filter returns it: marked `approximate` when its period reaches outside [from, to]. */
function markApproximate(e: TimelineEvent, filter: TimelineFilter, end: string): TimelineEvent {
  const outside = (filter.from !== undefined && e.date < filter.from) || (filter.to !== undefined && end > filter.to);
  return outside ? { ...e, approximate: true } : e;
}

// ---------------------------------------------------------------------------------------------
// The same filters over a word index: what doesn't depend on the question is computed once per timeline.

/** An event's words, text by text (each text's distinct words; arrays are leaner than sets, and short). */
const eventWords = weakMemo((e: TimelineEvent): string[][] => eventTexts(e).map((t) => [...new Set(words(t))]));

/** Word → positions of the events holding it, and search term → positions; built once per timeline array. */
interface TimelineIndex {
  byWord: Map<string, number[]>;
  byTerm: Map<string, number[]>;
}

const timelineIndex = weakMemo((events: readonly TimelineEvent[]): TimelineIndex => {
  const byWord = new Map<string, number[]>();
  const byTerm = new Map<string, number[]>();
  events.forEach((e, i) => {
    for (const text of eventWords(e)) for (const w of text) pushPosition(byWord, w, i);
    for (const t of eventTerms(e)) pushPosition(byTerm, t, i);
  });
  return { byWord, byTerm };
});

/** Appends `position` to the key's list of positions (once: positions come in increasing order). */
export function pushPosition(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [position]);
  else if (list.at(-1) !== position) list.push(position);
}

/** Last days of periods, by period: a date filter tests every event's, and a timeline has few distinct periods. */
const periodEnds = boundedMemo((key: string): string => {
  const [date, precision] = key.split('/') as [string, Period['precision']];
  return periodEnd({ date, precision });
}, 100_000);

function periodEndOf(e: TimelineEvent): string {
  return periodEnds(`${e.date}/${e.precision}`);
}

/** Does one of the names match the text's words as `nameInText` does? Names given as their words. */
function namesInWords(present: string[], names: string[][]): boolean {
  return names.some((name) => present.includes(name.at(-1)!) || name.every((w) => present.includes(w)));
}

/**
 * `filterTimeline` with the person given as the names to look for (an entity's name and aliases): the same events
 * as `filterTimeline(events, filter, (text) => names.some((n) => nameInText(text, n)))`, but a person or topic
 * filter looks only at the events its words index points to instead of every event.
 */
export function filterTimelineByNames(events: TimelineEvent[], filter: TimelineFilter, names: string[]): TimelineEvent[] {
  checkFilterDate('from', filter.from);
  checkFilterDate('to', filter.to);
  const topic = filter.topic ? [...new Set(terms(filter.topic))] : [];
  const person = filter.person?.trim();
  const nameWords = names.map((n) => words(n)).filter((w) => w.length > 0);
  if (person && nameWords.length === 0) return [];
  const index = person || topic.length > 0 ? timelineIndex(events) : null;
  let candidates: number[] | null = null;
  if (person) {
    const found = new Set<number>();
    for (const name of nameWords) {
      for (const i of index!.byWord.get(name.at(-1)!) ?? []) found.add(i);
      // All of the name's words: among the events holding its rarest word (checked text by text below).
      const lists = name.map((w) => index!.byWord.get(w) ?? []);
      const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
      for (const i of rarest) found.add(i);
    }
    candidates = [...found];
  }
  if (topic.length > 0) {
    const counts = new Map<number, number>();
    for (const t of topic) {
      const hits = new Set<number>(index!.byTerm.get(t) ?? []);
      if (t.length >= 4) for (const [term, positions] of index!.byTerm) if (term.startsWith(t)) for (const i of positions) hits.add(i);
      for (const i of hits) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const needed = topic.length <= 2 ? topic.length : Math.ceil((topic.length * 2) / 3);
    const inTopic = [...counts].filter(([, n]) => n >= needed).map(([i]) => i);
    const only = candidates ? new Set(candidates) : null;
    candidates = only ? inTopic.filter((i) => only.has(i)) : inTopic;
  }
  const positions = candidates ? candidates.sort((a, b) => a - b) : events.map((_, i) => i);
  const out: TimelineEvent[] = [];
  for (const i of positions) {
    const e = events[i]!;
    if (filter.from && periodEndOf(e) < filter.from) continue;
    if (filter.to && e.date > filter.to) continue;
    if (person && !eventWords(e).some((present) => namesInWords(present, nameWords))) continue;
    out.push(filter.from || filter.to ? markApproximate(e, filter, periodEndOf(e)) : e);
  }
  return out;
}
