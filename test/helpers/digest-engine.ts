// A StoryEngine over given articles, events and quotes, for digest tests that must not depend on
// how the real engine extracts them. Every citation is built with cite(), so excerpts stay verbatim.
import { cite } from '../../src/model/citation.js';
import type { StoryEngine } from '../../src/engine/engine.js';
import type { Article, Precision, Quote, TimelineEvent } from '../../src/model/types.js';

export class FakeEngine implements StoryEngine {
  constructor(
    public list: Article[],
    public events: TimelineEvent[] = [],
    public quoteList: Quote[] = [],
  ) {}
  articles(): Article[] {
    return [...this.list].sort((a, b) => b.date.localeCompare(a.date));
  }
  problems() {
    return [];
  }
  ask() {
    return { answer: null, citations: [] };
  }
  timeline(): TimelineEvent[] {
    return [...this.events].sort((a, b) => a.date.localeCompare(b.date));
  }
  who() {
    return [];
  }
  whoIs() {
    return { entity: null, citations: [] };
  }
  suggestEntities() {
    return [];
  }
  quotes(): Quote[] {
    return this.quoteList;
  }
  suggestSpeakers() {
    return [];
  }
}

/** The event stated by the sentence of `article` containing `fragment`. */
export function eventIn(article: Article, fragment: string, date: string, precision: Precision = 'day'): TimelineEvent {
  const sentence = article.sentences.find((s) => s.text.includes(fragment));
  if (!sentence) throw new Error(`test: no sentence of ${article.id} contains ${JSON.stringify(fragment)}`);
  return { date, precision, text: sentence.text, citations: [cite(article, sentence.start, sentence.end)] };
}

/** A quote whose text is the first occurrence of `text` in the article body. */
export function quoteIn(article: Article, text: string, speaker: string | null): Quote {
  const start = article.body.indexOf(text);
  if (start < 0) throw new Error(`test: ${article.id} does not contain ${JSON.stringify(text)}`);
  return { text, speaker, citation: cite(article, start, start + text.length) };
}
