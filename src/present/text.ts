// Plain-text rendering of engine results, for the offline console and the CLI without --json; the words come from labels.ts.
import type { GapGroup } from '../db/gaps.js';
import type { Nearby, WhoResult } from '../engine/engine.js';
import type { Answer, Article, AskResult, Citation, Entity, Quote, TimelineEvent } from '../model/types.js';
import { furtherCitations, groupQuotes, uniqueCitations } from './citations.js';
import { cleanEcho } from './sanitize.js';
import { alsoIn, browseHint, dateLabel, nearbyNote, quoteMarks, READ_AS, sourceLine, SourceStyles, unresolvedNote } from './labels.js';

/** Numbered excerpts, each with its full source on the line below; numbering starts at `first`. */
export function renderCitations(citations: Citation[], first = 1): string {
  return citations.map((c, i) => `  [${first + i}] ${indent(quoteMarks(c.excerpt), 6)}\n      — ${sourceLine(c, SourceStyles.full)}`).join('\n');
}

/**
 * An answer: the answering sentence(s) on the "Answer:" line, what the article says next on the "Context:" line, its
 * source, then only the citations that add another passage. Each excerpt is shown once. An abstention: the closest
 * passages about what the question names (`nearby`), labelled as not an answer, or where to look instead. A follow-up
 * (`reading`) first says what it was read as; one with nothing to follow on from says why it isn't answered.
 */
export function renderAsk(result: AskResult, nearby: Nearby | null = null, reading: Reading | null = null): string {
  if (reading?.unresolved) return unresolvedNote(reading.unresolved);
  const readAs = reading?.reading === 'follow-up' ? `${READ_AS}: ${cleanEcho(reading.asked)}\n` : '';
  if (!result.answer) return `${readAs}${renderAbstention(nearby)}`;
  const more = furtherCitations(result.answer, result.citations);
  const out = answerLines(result.answer);
  if (more.length > 0) out.push('', 'More passages:', renderCitations(more, 2));
  return `${readAs}${out.join('\n')}`;
}

/** How a question asked in a conversation was read (FollowUpAnswer's fields): a follow-up says what it was read as. */
export interface Reading {
  asked: string;
  reading: 'standalone' | 'follow-up' | 'unresolved';
  unresolved: string | null;
}

const LABEL_WIDTH = 9;

function answerLines(answer: Answer): string[] {
  const { text, focus } = answer;
  const lead = text.slice(0, focus.start).trim();
  const answering = text.slice(focus.start, focus.end).trim();
  const rest = text.slice(focus.end).trim();
  const line = (label: string, value: string) => `${label.padEnd(LABEL_WIDTH)}${indent(value, LABEL_WIDTH)}`;
  const out: string[] = [];
  if (lead) out.push(line('Context:', quoteMarks(lead)));
  out.push(line('Answer:', quoteMarks(answering)));
  if (rest) out.push(line('Context:', quoteMarks(rest)));
  out.push(line('Source:', sourceLine(answer.citation, SourceStyles.full)));
  return out;
}

function renderAbstention(nearby: Nearby | null): string {
  const passages = uniqueCitations(nearby?.citations ?? []).slice(0, 2);
  if (!nearby || nearby.names.length === 0 || passages.length === 0) return browseHint();
  const lines = passages.map((c) => `  - ${indent(quoteMarks(c.excerpt), 4)}\n    — ${sourceLine(c, SourceStyles.full)}`);
  return `${nearbyNote(nearby.names)}\n${lines.join('\n')}`;
}

/** The lines after the first indented by `width` spaces (an excerpt may hold a paragraph break). */
function indent(text: string, width: number): string {
  return text.replace(/\n+/g, `\n${' '.repeat(width)}`);
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
  if (!result.entity) return `The articles don't mention "${cleanEcho(name)}".`;
  return `${entityLine(result.entity)}\n\nWhere they appear:\n${renderCitations(result.citations)}`;
}

/**
 * Each quotation in the sentence that gives it (its own quotation marks show which words are quoted; a sentence with
 * two quotations of one speaker is shown once), then who said it and the source. A quotation its citation doesn't hold
 * is shown alone, in quotation marks.
 */
export function renderQuotes(quotes: Quote[]): string {
  if (quotes.length === 0) return 'No quotations match.';
  return groupQuotes(quotes)
    .map((g) => {
      const inSentence = g.texts.every((t) => g.citation.excerpt.includes(t.trim()));
      const shown = inSentence ? indent(g.citation.excerpt, 2) : g.texts.map((t) => `“${t}”`).join(' … ');
      return `${shown}\n  — ${g.speaker ?? 'speaker not given'}; ${sourceLine(g.citation, SourceStyles.full)}`;
    })
    .join('\n\n');
}

export function renderSources(articles: Article[]): string {
  if (articles.length === 0) return 'The corpus has no articles yet.';
  return articles
    .map((a) => `${a.date}  ${a.title}${a.outlet ? ` — ${a.outlet}` : ''}${a.also.length > 0 ? ` (${alsoIn(a)})` : ''}${a.url ? `\n            ${a.url}` : ''}`)
    .join('\n');
}

/** /story gaps as text: each group of near-identical questions, most asked first, with what it names. */
export function renderGaps(groups: GapGroup[]): string {
  if (groups.length === 0) return "No question in the last 7 days went unanswered or was voted down.";
  return groups
    .map((g, i) => {
      const outcome = [g.abstained > 0 ? `${g.abstained} not answered` : null, g.votedDown > 0 ? `${g.votedDown} voted down` : null].filter(Boolean).join(', ');
      const lines = [`${i + 1}. ${cleanEcho(g.example)}`, `   asked ${g.count === 1 ? 'once' : `${g.count} times`} (${outcome}), last ${g.lastAsked.slice(0, 16).replace('T', ' ')} UTC`];
      lines.push(`   names: ${g.names.length > 0 ? g.names.map(cleanEcho).join(', ') : 'nothing in the story'}`);
      if (g.variants.length > 0) lines.push(`   also asked as: ${g.variants.map((v) => `"${cleanEcho(v)}"`).join(', ')}`);
      return lines.join('\n');
    })
    .join('\n');
}
