// Plain-text rendering of engine results, for the offline console and the CLI without --json; the words come from labels.ts.
import type { WhoResult } from '../engine/engine.js';
import type { Article, AskResult, Citation, Entity, Quote, TimelineEvent } from '../model/types.js';
import { dateLabel, NO_ANSWER, sourceLine, SourceStyles } from './labels.js';

export function renderCitations(citations: Citation[]): string {
  return citations.map((c, i) => `  [${i + 1}] “${c.excerpt}”\n      — ${sourceLine(c, SourceStyles.full)}`).join('\n');
}

export function renderAsk(result: AskResult): string {
  if (!result.answer) return NO_ANSWER;
  return `${result.answer.text}\n\nSources:\n${renderCitations(result.citations)}`;
}

export function renderTimeline(events: TimelineEvent[]): string {
  if (events.length === 0) return 'No dated events match.';
  return events
    .map((e) => {
      const sources = e.citations.map((c) => sourceLine(c, SourceStyles.short)).join('; ');
      return `${dateLabel(e.date, e.precision).padEnd(18)} ${e.text}\n${' '.repeat(19)}(${sources})`;
    })
    .join('\n');
}

function entityLine(e: Entity): string {
  const roles = e.roles.length > 0 ? ` — ${e.roles.join('; ')}` : '';
  const aliases = e.aliases.length > 0 ? ` (also: ${e.aliases.join(', ')})` : '';
  return `${e.name} [${e.kind}]${roles}${aliases} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'}`;
}

export function renderWho(entities: Entity[]): string {
  if (entities.length === 0) return 'The articles name no one.';
  return entities.map(entityLine).join('\n');
}

export function renderWhoIs(result: WhoResult, name: string): string {
  if (!result.entity) return `The articles don't mention "${name}".`;
  return `${entityLine(result.entity)}\n\nWhere they appear:\n${renderCitations(result.citations)}`;
}

export function renderQuotes(quotes: Quote[]): string {
  if (quotes.length === 0) return 'No quotations match.';
  return quotes
    .map((q) => `“${q.text}”\n  — ${q.speaker ?? 'speaker not given'}; ${sourceLine(q.citation, SourceStyles.full)}`)
    .join('\n\n');
}

export function renderSources(articles: Article[]): string {
  if (articles.length === 0) return 'The corpus has no articles yet.';
  return articles
    .map((a) => `${a.date}  ${a.title}${a.outlet ? ` — ${a.outlet}` : ''}${a.url ? `\n            ${a.url}` : ''}`)
    .join('\n');
}
