// The story's timeline: every dated event the articles state, in order, each with the sentences that state it.
import { boundedMemo, pushTo, weakMemo } from '../util/collections.js';
import { articleOrder, cite } from '../model/citation.js';
import type { Article, Citation, Sentence, TimelineEvent, TimelineFilter } from '../model/types.js';
import { terms, words } from '../text/terms.js';
import { extractDates } from './dates.js';
import { parseYmd, periodEnd, precisionRank, type Period } from '../model/periods.js';

/** One sentence stating something at one period. */
interface Mention {
  article: Article;
  sentence: Sentence;
  period: Period;
  /** Content terms of the sentence, date words left out: what the sentence is about. */
  about: Set<string>;
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

/** The dated mentions of one article, in reading order; "a month later" counts from the previous mention. */
function findArticleMentions(article: Article): Mention[] {
  const out: Mention[] = [];
  let previous: Period | null = null;
  for (const sentence of article.sentences) {
    const found = extractDates(sentence.text, article.date, previous);
    const about = aboutTerms(sentence.text);
    const seen = new Set<string>();
    for (const { period } of found) {
      const key = `${period.date}/${period.precision}`;
      if (seen.has(key)) continue; // "in July … the July attack" in one sentence is one event
      seen.add(key);
      out.push({ article, sentence, period, about });
    }
    if (found.length > 0) previous = found.at(-1)!.period;
  }
  return out;
}

/** Do two sentences describe the same happening? Enough shared content terms, weighted by rarity. */
export function sameHappening(a: Set<string>, b: Set<string>, weight: TermWeight = () => 1, options = defaultMergeOptions): boolean {
  const sum = (ts: Iterable<string>): number => [...ts].reduce((n, t) => n + weight(t), 0);
  const shared = [...a].filter((t) => b.has(t));
  const shorter = Math.min(sum(a), sum(b));
  return shared.length >= options.minShared && shorter > 0 && sum(shared) / shorter >= options.minWeight;
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
            m.sentence.text === mention.sentence.text ||
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
  return happenings;
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
    citations.push(cite(m.article, m.sentence.start, m.sentence.end));
  }
  return { date: h.period.date, precision: h.period.precision, text: h.mentions[0]!.sentence.text, citations };
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
  for (const e of events) {
    if (!e.citations.some((c) => c.article.id === articleId)) {
      out.push(e);
      continue;
    }
    changed = true;
    const citations = e.citations.filter((c) => c.article.id !== articleId);
    if (citations.length > 0) out.push({ date: e.date, precision: e.precision, text: citations[0]!.excerpt, citations });
  }
  return changed ? out.sort(eventOrder(citationStartIn(articles, citationStarts))) : events;
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
  const byPeriod = new Map<string, { event: TimelineEvent; citations: Citation[] }[]>();
  const groups = events.map((event) => ({ event, citations: event.citations }));
  for (const g of groups) pushTo(byPeriod, key(g.event), g);
  const changed = new Set<(typeof groups)[number]>();
  for (const m of mentions) {
    const k = key(m.period);
    const candidates = byPeriod.get(k) ?? [];
    const match = candidates.find((g) =>
      g.citations.some(
        (c) => c.excerpt === m.sentence.text || (c.article.id !== article.id && sameHappening(citationAbout(c), m.about, weight)),
      ),
    );
    const citation = cite(article, m.sentence.start, m.sentence.end);
    citationStarts.set(citation, m.sentence.start);
    citationAboutMemo.set(citation, m.about);
    // A sentence gives one mention per period (`findArticleMentions`), so each joins an event once.
    if (match) {
      if (!changed.has(match)) match.citations = [...match.citations];
      match.citations.push(citation);
      changed.add(match);
    } else {
      const g = { event: { date: m.period.date, precision: m.period.precision, text: m.sentence.text, citations: [] }, citations: [citation] };
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
    return { date: g.event.date, precision: g.event.precision, text: citations[0]!.excerpt, citations };
  });
  return out.sort(eventOrder(start));
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
  return events.filter((e) => {
    if (filter.from && periodEnd(e) < filter.from) return false;
    if (filter.to && e.date > filter.to) return false;
    const texts = eventTexts(e);
    if (topic.length > 0 && !topicInTerms(topic, eventTerms(e))) return false;
    if (person && !texts.some((t) => personMatches(t, person))) return false;
    return true;
  });
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
    out.push(e);
  }
  return out;
}
