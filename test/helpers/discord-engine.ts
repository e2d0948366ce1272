// A small hand-made StoryEngine for Discord tests that need control the real engine can't give:
// an engine that throws, or results long enough to page. Citations come from real fixture articles via cite().
import { cite } from '../../src/model/citation.js';
import type { StoryEngine, WhoResult } from '../../src/engine/engine.js';
import type { Article, AskResult, Entity, Quote, QuoteFilter, TimelineEvent, TimelineFilter } from '../../src/model/types.js';
import { makeArticle } from './articles.js';

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

const [harbour, ferry] = fixtureArticles as [Article, Article];

/** Cites the first sentence of `article` containing `text`. */
export function citeText(article: Article, text: string) {
  const start = article.body.indexOf(text);
  if (start < 0) throw new Error(`discord-engine: "${text}" is not in ${article.id}`);
  return cite(article, start, start + text.length);
}

const people: Entity[] = [
  { name: 'Ana Lind', kind: 'person', roles: ['Mayor'], aliases: ['Lind'], mentions: 2 },
  { name: 'Bo Strand', kind: 'person', roles: ['captain'], aliases: ['Strand'], mentions: 1 },
  { name: 'Coastline Works', kind: 'organization', roles: [], aliases: [], mentions: 1 },
];

export interface EngineDouble extends StoryEngine {
  /** Methods named here throw. */
  failing: Set<keyof StoryEngine>;
  /** Questions ask() received, in order. */
  asked: string[];
  /** Filters timeline() and quotes() received, in order. */
  filters: { timeline: TimelineFilter[]; quotes: QuoteFilter[] };
}

/** `events` timeline events (enough to page when > 6). */
export function engineDouble(options: { events?: number } = {}): EngineDouble {
  const failing = new Set<keyof StoryEngine>();
  const asked: string[] = [];
  const filters: EngineDouble['filters'] = { timeline: [], quotes: [] };
  const guard = (name: keyof StoryEngine) => {
    if (failing.has(name)) throw new Error(`engine double: ${name} failed on purpose`);
  };
  const events: TimelineEvent[] = Array.from({ length: options.events ?? 9 }, (_, i) => ({
    date: `2024-03-${String(10 + i).padStart(2, '0')}`,
    precision: 'day',
    text: `Event number ${i + 1} happened at the harbour.`,
    citations: [citeText(i % 2 ? ferry : harbour, i % 2 ? 'The ferry doubled its crossings on Wednesday.' : 'The harbour bridge closed on Friday after a storm damaged its cables.')],
  }));
  const quotes: Quote[] = [
    { text: 'We will reopen it as soon as it is safe,', speaker: 'Ana Lind', citation: citeText(harbour, '"We will reopen it as soon as it is safe," Lind told reporters.') },
    { text: 'Demand is huge,', speaker: 'Bo Strand', citation: citeText(ferry, '"Demand is huge," said captain Bo Strand.') },
  ];
  return {
    failing,
    asked,
    filters,
    articles: () => (guard('articles'), fixtureArticles),
    problems: () => [],
    ask(question): AskResult {
      guard('ask');
      asked.push(question);
      if (/everyone/i.test(question)) {
        const c = citeText(harbour, '@everyone in the port was told to use the ferry.');
        return { answer: { text: c.excerpt, citation: c, focus: { start: 0, end: c.excerpt.length } }, citations: [c] };
      }
      if (/bridge|close/i.test(question)) {
        const c = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
        return { answer: { text: c.excerpt, citation: c, focus: { start: 0, end: c.excerpt.length } }, citations: [c, citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.')] };
      }
      return { answer: null, citations: [] };
    },
    timeline: (filter = {}) => (guard('timeline'), filters.timeline.push(filter), events.filter((e) => (!filter.from || e.date >= filter.from) && (!filter.to || e.date <= filter.to))),
    who: () => (guard('who'), people),
    whoIs(name): WhoResult {
      guard('whoIs');
      const entity = people.find((p) => p.name.toLowerCase().includes(name.toLowerCase())) ?? null;
      return { entity, citations: entity ? [citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.')] : [] };
    },
    suggestEntities: (prefix, limit = 25) => (guard('suggestEntities'), people.filter((p) => p.name.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit)),
    quotes: (filter = {}) => (guard('quotes'), filters.quotes.push(filter), quotes.filter((q) => !filter.speaker || q.speaker?.includes(filter.speaker))),
    suggestSpeakers: (prefix, limit = 25) => (guard('suggestSpeakers'), ['Ana Lind', 'Bo Strand'].filter((s) => s.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit)),
  };
}
