// Plain-text rendering of engine results, for the offline console and the CLI without --json.
import type { WhoResult } from '../engine/engine.js';
import type { Article, AskResult, Citation, Entity, Quote, TimelineEvent } from '../model/types.js';

export const NO_ANSWER = "The articles don't say.";

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date shown at the precision it is known to: "15 Jul 2022", "week of 5 Sep 2022", "Jul 2022", "2013", "1990s". */
export function formatEventDate(date: string, precision: TimelineEvent['precision']): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  switch (precision) {
    case 'day':
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'week':
      return `week of ${d} ${MONTHS[m - 1]} ${y}`;
    case 'month':
      return `${MONTHS[m - 1]} ${y}`;
    case 'year':
      return String(y);
    case 'decade':
      return `${y}s`;
  }
}

export function formatCitationSource(c: Citation): string {
  const outlet = c.article.outlet ? `, ${c.article.outlet}` : '';
  const url = c.article.url ? ` <${c.article.url}>` : '';
  return `"${c.article.title}"${outlet}, ${c.article.date}, paragraph ${c.paragraph}${url}`;
}

/** A citation on one short line: the article (several may share an outlet and a date), its outlet, date and paragraph. */
export function shortSource(c: Citation): string {
  const outlet = c.article.outlet ? `${c.article.outlet}, ` : '';
  return `"${c.article.title}", ${outlet}${c.article.date}, ¶${c.paragraph}`;
}

export function renderCitations(citations: Citation[]): string {
  return citations.map((c, i) => `  [${i + 1}] “${c.excerpt}”\n      — ${formatCitationSource(c)}`).join('\n');
}

export function renderAsk(result: AskResult): string {
  if (!result.answer) return NO_ANSWER;
  return `${result.answer.text}\n\nSources:\n${renderCitations(result.citations)}`;
}

export function renderTimeline(events: TimelineEvent[]): string {
  if (events.length === 0) return 'No dated events match.';
  return events
    .map((e) => {
      const sources = e.citations.map(shortSource).join('; ');
      return `${formatEventDate(e.date, e.precision).padEnd(18)} ${e.text}\n${' '.repeat(19)}(${sources})`;
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
    .map((q) => `“${q.text}”\n  — ${q.speaker ?? 'speaker not given'}; ${formatCitationSource(q.citation)}`)
    .join('\n\n');
}

export function renderSources(articles: Article[]): string {
  if (articles.length === 0) return 'The corpus has no articles yet.';
  return articles
    .map((a) => `${a.date}  ${a.title}${a.outlet ? ` — ${a.outlet}` : ''}${a.url ? `\n            ${a.url}` : ''}`)
    .join('\n');
}
