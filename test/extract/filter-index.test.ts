// The indexed timeline and quote filters must give exactly what testing every event or quote gives.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Quote, TimelineEvent } from '../../src/model/types.js';
import { EntityIndex } from '../../src/extract/entities/entities.js';
import { defaultSpeakerMatches, extractQuotes, filterQuotes, scanQuotes } from '../../src/extract/quotes/quotes.js';
import { buildTimeline, filterTimeline, filterTimelineByNames, nameInText } from '../../src/extract/timeline.js';
import { words } from '../../src/text/terms.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('indexed filters agree with the plain scan (seeds, brown-press, brown-holdout)', () => {
  let articles: Article[];
  let entities: EntityIndex;
  let timeline: TimelineEvent[];
  let quotes: Quote[];
  /** Names, surnames, common words, typos and nonsense: what people type. */
  let probes: string[];
  beforeAll(async () => {
    articles = [];
    for (const dir of ['corpus', 'eval/corpora/brown-press', 'eval/corpora/brown-holdout'])
      articles.push(...(await loadCorpus(`${root}/${dir}`)).articles);
    articles.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    entities = EntityIndex.build(articles);
    timeline = buildTimeline(articles);
    quotes = extractQuotes(articles, entities);
    const entityNames = entities.list().slice(0, 60).flatMap((e) => [e.name, ...e.aliases.slice(0, 2)]);
    const speakers = [...new Set(quotes.map((q) => q.speaker).filter((s): s is string => s !== null))].slice(0, 40);
    const textWords = timeline.slice(0, 40).flatMap((e) => words(e.text).slice(0, 3));
    probes = [
      ...new Set([
        ...entityNames,
        ...speakers,
        ...speakers.map((s) => words(s).at(-1)!.slice(0, 4)),
        ...textWords,
        'Prime Minister Edi Rama',
        'xhaka',
        'the',
        'zzzz nothing',
        'al',
      ]),
    ];
  }, 60_000);

  it('has enough events, quotes and probes to mean something', () => {
    expect(timeline.length).toBeGreaterThan(50);
    expect(quotes.filter((q) => q.speaker).length).toBeGreaterThan(30);
    expect(probes.length).toBeGreaterThan(100);
  });

  it('timeline: person (as an entity’s names), topic and date filters', () => {
    let nonEmpty = 0;
    for (const [i, probe] of probes.entries()) {
      const entity = entities.lookup(probe)?.entity;
      const names = entity ? [entity.name, ...entity.aliases] : [probe];
      const filters = [
        { person: probe },
        { topic: probe },
        { person: probe, from: '1961-01-01', to: '1961-12-31' },
        { topic: `${probe} ${probes[(i * 7) % probes.length]!}` },
        { person: probe, topic: probes[(i * 13) % probes.length]! },
      ];
      for (const filter of filters) {
        const scanned = filterTimeline(timeline, filter, (text) => names.some((n) => nameInText(text, n)));
        const indexed = filterTimelineByNames(timeline, filter, names);
        expect(indexed, JSON.stringify(filter)).toEqual(scanned);
        if (scanned.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
    for (const range of [{ from: '1961-03-01' }, { to: '1961-06-30' }, { from: '1961-02-01', to: '1961-02-28' }, { from: '2022-09-01', to: '2030-01-01' }, { from: '1940-01-01', to: '1949-12-31' }]) {
      expect(filterTimelineByNames(timeline, range, []), JSON.stringify(range)).toEqual(filterTimeline(timeline, range));
      expect(filterTimeline(timeline, range).length).toBeGreaterThan(0);
    }
    expect(filterTimelineByNames(timeline, {}, [])).toEqual(timeline);
  });

  it('quotes: speaker (with the entity’s name) and topic filters', () => {
    let nonEmpty = 0;
    for (const [i, probe] of probes.entries()) {
      const entity = entities.lookup(probe)?.entity;
      const matches = (speaker: string, wanted: string): boolean => speaker === entity?.name || defaultSpeakerMatches(speaker, wanted);
      const filters = [{ speaker: probe }, { topic: probe }, { speaker: probe, topic: probes[(i * 11) % probes.length]! }, { topic: `${probe} ${probes[(i * 5) % probes.length]!}` }];
      for (const filter of filters) {
        const scanned = scanQuotes(quotes, filter, matches);
        expect(filterQuotes(quotes, filter, matches), JSON.stringify(filter)).toEqual(scanned);
        if (scanned.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
    expect(filterQuotes(quotes, {})).toEqual(quotes);
  });
});
