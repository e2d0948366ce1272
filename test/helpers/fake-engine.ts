// The one hand-made StoryEngine of the tests, for what the real engine can't give: exact events and quotes (digest
// tests must not depend on how the engine extracts them), an engine that throws, results long enough to page.
// It serves what it is given, records what the adapters asked it, and fails on demand. Every citation is built with
// cite(), so excerpts stay verbatim. `FakeEngine.fixture()` is a small ready-made story for Discord tests: a harbour
// bridge closed by a storm, and the ferry that replaced it (questions naming Ana Lind or the ferry that it doesn't
// answer get passages about them from nearby()).
import { cite } from '../../src/model/citation.js';
import { resolveFollowUp, type NamedRef } from '../../src/ask/follow-up.js';
import type { Exchange, FollowUpAnswer, Nearby, StoryEngine, WhoResult } from '../../src/engine/engine.js';
import type { Article, AskResult, Citation, Entity, Precision, Quote, QuoteFilter, TimelineEvent, TimelineFilter } from '../../src/model/types.js';
import { makeArticle } from './articles.js';

export interface FakeEngineOptions {
  /** Who the articles name, most mentioned first. Default: no one. */
  people?: Entity[];
  /** How ask() answers. Default: the articles don't say. */
  answer?: (question: string) => AskResult;
  /** What nearby() finds for a question ask() abstained on. Default: no names, no passages. */
  nearby?: (question: string) => Nearby;
  /** The passages whoIs() cites for a person it finds. Default: none. */
  mentionsOf?: (entity: Entity) => Citation[];
}

export class FakeEngine implements StoryEngine {
  /** Methods named here throw. */
  readonly failing = new Set<keyof StoryEngine>();
  /** Questions ask() received, in order. */
  readonly asked: string[] = [];
  /** Questions askFollowUp() received, in order, with the previous exchange it was given (its question, or null). */
  readonly followUps: { question: string; previous: string | null }[] = [];
  /** Questions nearby() received, in order. */
  readonly nearbyAsked: string[] = [];
  /** Filters timeline() and quotes() received, in order. */
  readonly filters: { timeline: TimelineFilter[]; quotes: QuoteFilter[] } = { timeline: [], quotes: [] };

  /** The stored articles, events and quotes may be changed between calls, as a live reload would. */
  constructor(
    public articleList: Article[],
    public events: TimelineEvent[] = [],
    public quoteList: Quote[] = [],
    private readonly options: FakeEngineOptions = {},
  ) {}

  /** The harbour story: two articles, `events` dated events (one a day; enough to page when > 12), two quotes, three names. */
  static fixture(options: { events?: number } = {}): FakeEngine {
    const [harbour, ferry] = fixtureArticles as [Article, Article];
    const events: TimelineEvent[] = Array.from({ length: options.events ?? 9 }, (_, i) => ({
      // One a day from 10 March 2024.
      date: new Date(Date.UTC(2024, 2, 10 + i)).toISOString().slice(0, 10),
      precision: 'day',
      text: `Event number ${i + 1} happened at the harbour.`,
      citations: [i % 2 ? citeText(ferry, 'The ferry doubled its crossings on Wednesday.') : citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.')],
    }));
    const quotes: Quote[] = [
      quoteIn(harbour, 'We will reopen it as soon as it is safe,', 'Ana Lind', '"We will reopen it as soon as it is safe," Lind told reporters.'),
      quoteIn(ferry, 'Demand is huge,', 'Bo Strand', '"Demand is huge," said captain Bo Strand.'),
    ];
    return new FakeEngine(fixtureArticles, events, quotes, {
      people: fixturePeople,
      answer: fixtureAnswer,
      nearby: fixtureNearby,
      mentionsOf: () => [citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.')],
    });
  }

  articles(): Article[] {
    this.guard('articles');
    return [...this.articleList].sort((a, b) => b.date.localeCompare(a.date));
  }

  problems() {
    this.guard('problems');
    return [];
  }

  ask(question: string): AskResult {
    this.guard('ask');
    this.asked.push(question);
    return this.options.answer?.(question) ?? { answer: null, citations: [] };
  }

  /** Read as the real engine reads follow-ups (resolveFollowUp), with `people` as the names it knows; then ask(). */
  askFollowUp(question: string, previous: Exchange | null): FollowUpAnswer {
    this.guard('askFollowUp');
    this.followUps.push({ question, previous: previous?.question ?? null });
    const read = resolveFollowUp(question, previous, { namesIn: (text) => this.namesIn(text) });
    const base = { asked: read.question, reading: read.kind, unresolved: read.unresolved, readings: read.readings };
    if (read.kind === 'unresolved') return { ...base, result: { answer: null, citations: [] } };
    // A question that stands alone reaches ask() as typed, as the real engine reads it.
    return { ...base, result: this.ask(read.kind === 'standalone' ? question : read.question) };
  }

  /** The people (names or aliases) a text gives, in the order it gives them. */
  private namesIn(text: string): NamedRef[] {
    const found: { at: number; ref: NamedRef }[] = [];
    for (const p of this.options.people ?? []) {
      for (const form of [p.name, ...p.aliases]) {
        const at = text.search(new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'));
        if (at >= 0) {
          found.push({ at, ref: { name: p.name, surface: text.slice(at, at + form.length), kind: p.kind } });
          break;
        }
      }
    }
    return found.sort((a, b) => a.at - b.at).map((f) => f.ref);
  }

  nearby(question: string): Nearby {
    this.guard('nearby');
    this.nearbyAsked.push(question);
    return this.options.nearby?.(question) ?? { names: [], citations: [] };
  }

  /** The events in from–to, oldest first; topic and person are recorded, not applied. */
  timeline(filter: TimelineFilter = {}): TimelineEvent[] {
    this.guard('timeline');
    this.filters.timeline.push(filter);
    return this.events
      .filter((e) => (!filter.from || e.date >= filter.from) && (!filter.to || e.date <= filter.to))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  who(): Entity[] {
    this.guard('who');
    return this.options.people ?? [];
  }

  whoIs(name: string): WhoResult {
    this.guard('whoIs');
    const entity = (this.options.people ?? []).find((p) => p.name.toLowerCase().includes(name.toLowerCase())) ?? null;
    return { entity, citations: entity ? (this.options.mentionsOf?.(entity) ?? []) : [] };
  }

  suggestEntities(prefix: string, limit = 25): Entity[] {
    this.guard('suggestEntities');
    return (this.options.people ?? []).filter((p) => p.name.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit);
  }

  /** The quotes whose speaker's name holds `speaker`; topic is recorded, not applied. */
  quotes(filter: QuoteFilter = {}): Quote[] {
    this.guard('quotes');
    this.filters.quotes.push(filter);
    return this.quoteList.filter((q) => !filter.speaker || q.speaker?.includes(filter.speaker));
  }

  suggestSpeakers(prefix: string, limit = 25): string[] {
    this.guard('suggestSpeakers');
    const speakers = new Set(this.quoteList.flatMap((q) => (q.speaker ? [q.speaker] : [])));
    return [...speakers].filter((s) => s.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit);
  }

  private guard(name: keyof StoryEngine): void {
    if (this.failing.has(name)) throw new Error(`fake engine: ${name} failed on purpose`);
  }
}

/** Cites the first occurrence of `text` in `article`. */
export function citeText(article: Article, text: string): Citation {
  const start = article.body.indexOf(text);
  if (start < 0) throw new Error(`fake engine: ${article.id} does not contain ${JSON.stringify(text)}`);
  return cite(article, start, start + text.length);
}

/** The event stated by the sentence of `article` containing `fragment`. */
export function eventIn(article: Article, fragment: string, date: string, precision: Precision = 'day'): TimelineEvent {
  const sentence = article.sentences.find((s) => s.text.includes(fragment));
  if (!sentence) throw new Error(`fake engine: no sentence of ${article.id} contains ${JSON.stringify(fragment)}`);
  return { date, precision, text: sentence.text, citations: [cite(article, sentence.start, sentence.end)] };
}

/** A quote of `text` by `speaker`, cited at the first occurrence of `cited` (default: the text itself). */
export function quoteIn(article: Article, text: string, speaker: string | null, cited = text): Quote {
  return { text, speaker, citation: citeText(article, cited) };
}

/** The harbour story's articles: one with markdown, brackets and @everyone to escape, one with an invalid url. */
export const fixtureArticles: Article[] = [
  makeArticle({
    id: '2024-03-15-harbour.md',
    title: 'Harbour bridge [closed] after storm',
    outlet: 'The Fixture Times',
    date: '2024-03-15',
    url: 'https://example.com/harbour-(bridge)',
    body: [
      'The harbour bridge closed on Friday after a storm damaged its cables. Mayor Ana Lind said repairs would take weeks.',
      '"We will reopen it as soon as it is safe," Lind told reporters. @everyone in the port was told to use the ferry.',
      'Engineers from Coastline Works inspected the *cables* on Saturday.',
    ].join('\n\n'),
  }),
  makeArticle({
    id: '2024-03-20-ferry.md',
    title: 'Ferry service doubles while the bridge is shut',
    outlet: 'Port Gazette',
    date: '2024-03-20',
    url: 'not a url',
    body: 'The ferry doubled its crossings on Wednesday. "Demand is huge," said captain Bo Strand.',
  }),
];

const fixturePeople: Entity[] = [
  { name: 'Ana Lind', kind: 'person', roles: ['Mayor'], aliases: ['Lind'], mentions: 2 },
  { name: 'Bo Strand', kind: 'person', roles: ['captain'], aliases: ['Strand'], mentions: 1 },
  { name: 'Coastline Works', kind: 'organization', roles: [], aliases: [], mentions: 1 },
];

/** A question that names Ana Lind or the ferry, when not answered, gets passages about them; others name nothing in the story. */
function fixtureNearby(question: string): Nearby {
  const [harbour, ferry] = fixtureArticles as [Article, Article];
  if (/lind/i.test(question)) {
    return { names: ['Ana Lind'], citations: [citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.'), citeText(harbour, '"We will reopen it as soon as it is safe," Lind told reporters.')] };
  }
  if (/ferry/i.test(question)) return { names: ['ferry'], citations: [citeText(ferry, 'The ferry doubled its crossings on Wednesday.')] };
  return { names: [], citations: [] };
}

/** Questions about @everyone and about the bridge closing are answered; anything else is not. */
function fixtureAnswer(question: string): AskResult {
  const harbour = fixtureArticles[0]!;
  const answer = (c: Citation) => ({ text: c.excerpt, citation: c, focus: { start: 0, end: c.excerpt.length } });
  if (/everyone/i.test(question)) {
    const c = citeText(harbour, '@everyone in the port was told to use the ferry.');
    return { answer: answer(c), citations: [c] };
  }
  if (/bridge|close/i.test(question)) {
    const c = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
    return { answer: answer(c), citations: [c, citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.')] };
  }
  return { answer: null, citations: [] };
}
