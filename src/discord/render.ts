// The reply builders: every answer, list and note storydesk sends is built here, as plain API objects, and fitted by reply.ts.
import {
  ButtonStyle,
  ComponentType,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { WhoResult } from '../engine/engine.js';
import type {
  Answer,
  ArticleMeta,
  AskResult,
  Citation,
  Entity,
  Quote,
  QuoteFilter,
  TimelineEvent,
  TimelineFilter,
} from '../model/types.js';
import { capitalise, dateLabel, NO_ANSWER, sourceLine, type SourceStyle } from '../present/labels.js';
import { escapeText, fitEscaped, fitReply, Limits, markdownLink, safeUrl, truncate, type ButtonRow, type Reply } from './reply.js';

const BLUE = 0x3b82f6;
/** Embed colours: an answer and the digest blue, an abstention grey, a list light blue. */
export const Colors = { answer: BLUE, digest: BLUE, abstain: 0x94a3b8, list: 0x0ea5e9 } as const;

/** At most this many citations under an answer. */
const MAX_ANSWER_CITATIONS = 5;
/** Items on one page of a paged list, and the characters their fields may take together. */
const PAGE_ITEMS = 6;
const PAGE_FIELD_BUDGET = 4500;
const PAGE_LINES = 10;
/**
 * Pages a list holds at most. Nobody pages through more, and rendering every page of a large story's timeline
 * (thousands of events, each escaped and cut to fit) took most of a second per command at 100,000 passages; the
 * list says how many it shows and how to narrow it.
 */
export const MAX_PAGES = 20;

// How a reply names a citation's source (see labels.ts for the parts).
/** A citation field's name after its number: "Outlet · 12 Sep 2022 · paragraph 4". */
const FIELD_SOURCE: SourceStyle = { title: null, noOutlet: () => 'Unknown outlet', date: 'label', paragraph: 'word', separator: ' · ' };

/** "[Title](url), Outlet, 12 Sep 2022, paragraph 4" */
const LINKED_SOURCE: SourceStyle = {
  title: (a) => markdownLink(truncate(oneLine(a.title), 150), a.url),
  outlet: escapeText,
  date: 'label',
  paragraph: 'word',
};

// ---------- plain notes ----------

/** A short note: bad input, cooldowns, paging refusals. Only the asker sees it, except as a reply to a mention (public). */
export function renderNotice(text: string): Reply {
  return { content: truncate(text, Limits.content), embeds: [], components: [], ephemeral: true };
}

export function renderError(): Reply {
  return renderNotice('Sorry, something went wrong while answering. It has been logged; please try again in a moment.');
}

export function renderCooldown(seconds: number): Reply {
  return renderNotice(`You're asking quickly: try again in ${Math.max(1, Math.ceil(seconds))} s.`);
}

// ---------- /ask and mentions ----------

export function renderAnswer(question: string, result: AskResult): Reply {
  const citations = uniqueCitations(result.answer ? [result.answer.citation, ...result.citations] : result.citations);
  const shown = citations.slice(0, MAX_ANSWER_CITATIONS);
  const embed: APIEmbed = {
    title: fitEscaped(oneLine(question), Limits.embedTitle),
    color: result.answer ? Colors.answer : Colors.abstain,
    description: result.answer ? answerDescription(result.answer) : abstention(shown.length),
    fields: shown.map((c, i) => citationField(i + 1, c)),
    footer: { text: 'Quoted word for word from the articles · /sources lists them all' },
  };
  return fitReply({ embeds: [embed], components: sourceButtons(shown.map((c) => c.article)) });
}

/** The answer quoted, the sentence(s) that answer in bold when context follows them, then its source. */
function answerDescription(answer: Answer): string {
  const source = `— [1] ${sourceLine(answer.citation, LINKED_SOURCE)}`;
  const room = Limits.embedDescription - source.length - 40;
  const { text, focus } = answer;
  const partial = focus.start > 0 || focus.end < text.length;
  const emphasised = partial
    ? escapeText(text.slice(0, focus.start)) + bold(escapeText(text.slice(focus.start, focus.end))) + escapeText(text.slice(focus.end))
    : null;
  // Bold only when it fits whole: a cut could leave a "**" open.
  const quoted = emphasised !== null && emphasised.length <= room ? emphasised : fitEscaped(text, room);
  return `${quoteBlock(quoted)}\n${source}`;
}

/** Bold, line by line: a quote block's lines are separate, so one "**" pair can't span them. */
function bold(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => (line.trim() ? `**${line}**` : line))
    .join('\n');
}

function abstention(related: number): string {
  const hint = 'Try other words, or browse with `/timeline`, `/who` or `/quote`.';
  return related > 0 ? `${NO_ANSWER} The closest passages are below, but none answers it. ${hint}` : `${NO_ANSWER} ${hint}`;
}

function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.article.id}\u0000${c.paragraph}\u0000${c.excerpt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A numbered citation: the verbatim excerpt, then the article title linked to its url. */
export function citationField(n: number, c: Citation): APIEmbedField {
  const link = markdownLink(truncate(oneLine(c.article.title), 150), c.article.url);
  return {
    name: truncate(`[${n}] ${sourceLine(c, FIELD_SOURCE)}`, Limits.fieldName),
    value: `${quoteBlock(fitEscaped(c.excerpt, Limits.fieldValue - link.length - 20))}\n${link}`,
  };
}

// ---------- paged lists ----------

interface ListItem {
  field: APIEmbedField;
  sources: ArticleMeta[];
}

interface ListHeader {
  title: string;
  description?: string;
  color?: number;
}

/** "Showing the first 120 of 4,512 events; narrow it with …" when a list was cut at MAX_PAGES pages. */
function shownNote(shown: number, count: number, noun: string, narrow: string | undefined): string {
  if (shown >= count) return '';
  return `\nShowing the first ${shown.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} ${noun}${narrow ? `; ${narrow}` : ''}.`;
}

/**
 * Splits the list's items into pages that each fit one embed, with link buttons to that page's sources. Items are
 * rendered as they are needed (`itemAt`), up to MAX_PAGES pages.
 */
export function paginate(header: ListHeader, count: number, itemAt: (index: number) => ListItem, more?: { noun: string; narrow?: string }): Reply[] {
  const pages: ListItem[][] = [];
  let current: ListItem[] = [];
  let size = 0;
  let shown = 0;
  for (let i = 0; i < count; i++) {
    const item = itemAt(i);
    const length = item.field.name.length + item.field.value.length;
    if (current.length > 0 && (current.length >= PAGE_ITEMS || size + length > PAGE_FIELD_BUDGET)) {
      pages.push(current);
      current = [];
      size = 0;
      if (pages.length >= MAX_PAGES) break;
    }
    current.push(item);
    size += length;
    shown++;
  }
  if (current.length > 0) pages.push(current);
  const description = `${header.description ?? ''}${shownNote(shown, count, more?.noun ?? 'items', more?.narrow)}`.trim();
  return pages.map((page) =>
    fitReply({
      embeds: [
        {
          title: truncate(header.title, Limits.embedTitle),
          description: description ? truncate(description, 1000) : undefined,
          color: header.color ?? Colors.list,
          fields: page.map((item) => item.field),
        },
      ],
      components: sourceButtons(page.flatMap((item) => item.sources)),
    }),
  );
}

export function renderTimeline(events: TimelineEvent[], filter: TimelineFilter): Reply[] {
  const described = describeFilter([
    ['from', filter.from && dateLabel(filter.from)],
    ['to', filter.to && dateLabel(filter.to)],
    ['topic', filter.topic],
    ['person', filter.person],
  ]);
  if (events.length === 0) {
    return [plainEmbed('Timeline', `The articles don't date any events${described ? ` matching ${described}` : ''}.`)];
  }
  const itemAt = (i: number) => {
    const e = events[i]!;
    return { field: eventField(e), sources: e.citations.map((c) => c.article) };
  };
  const noun = events.length === 1 ? 'event' : 'events';
  return paginate(
    { title: 'Timeline', description: `${events.length.toLocaleString('en-US')} ${noun}${described ? ` · ${described}` : ''}, oldest first` },
    events.length,
    itemAt,
    { noun, narrow: 'narrow it with `from`, `to`, `topic` or `person`' },
  );
}

function eventField(e: TimelineEvent): APIEmbedField {
  const [first, ...more] = e.citations;
  const tail = first ? `— ${sourceLine(first, LINKED_SOURCE)}${more.length > 0 ? ` (+${more.length} more)` : ''}` : '';
  return {
    name: truncate(capitalise(dateLabel(e.date, e.precision)), Limits.fieldName),
    value: `${quoteBlock(fitEscaped(e.text, Limits.fieldValue - tail.length - 20))}\n${tail}`.trimEnd(),
  };
}

export function renderEntityList(entities: Entity[]): Reply[] {
  if (entities.length === 0) return [plainEmbed('Who', 'The articles name no people, organisations or places I can recognise.')];
  return pagedLines(
    { title: 'Who is in the story', description: 'Use `/who name` for one of them, with citations.' },
    entities.length,
    (i) => entityLine(entities[i]!),
    { noun: 'names, most mentioned first', narrow: 'ask `/who name` for anyone else' },
  );
}

function entityLine(e: Entity): string {
  const roles = e.roles.length > 0 ? ` · ${escapeText(truncate(e.roles.slice(0, 2).join('; '), 120))}` : '';
  const times = e.mentions === 1 ? '1 mention' : `${e.mentions} mentions`;
  return `**${escapeText(truncate(e.name, 100))}** · ${e.kind}${roles} · ${times}`;
}

export function renderEntity(query: string, result: WhoResult): Reply[] {
  const { entity } = result;
  if (!entity) {
    return [plainEmbed('Who', `The articles don't mention anyone called “${fitEscaped(oneLine(query), 100)}”. Try \`/who\` without a name to see everyone they do.`)];
  }
  const about = [`${capitalise(entity.kind)} · mentioned ${entity.mentions === 1 ? 'once' : `${entity.mentions} times`}`];
  if (entity.roles.length > 0) about.push(`**Roles:** ${escapeText(truncate(entity.roles.join('; '), 600))}`);
  if (entity.aliases.length > 0) about.push(`**Also called:** ${escapeText(truncate(entity.aliases.join(', '), 400))}`);
  const citations = uniqueCitations(result.citations);
  if (citations.length === 0) return [plainEmbed(truncate(entity.name, Limits.embedTitle), about.join('\n'))];
  return paginate(
    { title: entity.name, description: about.join('\n'), color: Colors.answer },
    citations.length,
    (i) => ({ field: citationField(i + 1, citations[i]!), sources: [citations[i]!.article] }),
    { noun: 'mentions' },
  );
}

export function renderQuotes(quotes: Quote[], filter: QuoteFilter): Reply[] {
  const described = describeFilter([
    ['speaker', filter.speaker],
    ['topic', filter.topic],
  ]);
  if (quotes.length === 0) return [plainEmbed('Quotes', `The articles quote no one${described ? ` matching ${described}` : ''}.`)];
  const noun = quotes.length === 1 ? 'quote' : 'quotes';
  return paginate(
    { title: 'Quotes', description: `${quotes.length.toLocaleString('en-US')} ${noun}${described ? ` · ${described}` : ''}` },
    quotes.length,
    (i) => {
      const q = quotes[i]!;
      return { field: quoteField(q), sources: [q.citation.article] };
    },
    { noun, narrow: 'narrow it with `speaker` or `topic`' },
  );
}

function quoteField(q: Quote): APIEmbedField {
  const tail = `— ${sourceLine(q.citation, LINKED_SOURCE)}`;
  return {
    name: truncate(q.speaker ?? 'Unattributed', Limits.fieldName),
    value: `${quoteBlock(`“${fitEscaped(q.text, Limits.fieldValue - tail.length - 24)}”`)}\n${tail}`,
  };
}

export function renderSources(articles: ArticleMeta[], skippedFiles: number): Reply[] {
  const skipped = skippedFiles > 0 ? ` ${skippedFiles} file${skippedFiles === 1 ? ' was' : 's were'} skipped because of errors.` : '';
  if (articles.length === 0) return [plainEmbed('Sources', `No articles are loaded yet.${skipped}`)];
  const lineAt = (i: number) => {
    const a = articles[i]!;
    const meta = [a.outlet ? escapeText(a.outlet) : null, dateLabel(a.date)].filter(Boolean).join(' · ');
    return `**${i + 1}.** ${markdownLink(truncate(oneLine(a.title), 200), a.url)}\n${meta}`;
  };
  const header = { title: 'Sources', description: `${articles.length.toLocaleString('en-US')} article${articles.length === 1 ? '' : 's'}, newest first.${skipped}` };
  const pages = pagedLines(header, articles.length, lineAt, { noun: 'articles' });
  // Each page gets link buttons for its own articles.
  return pages.map((page, i) => fitReply({ ...page, components: sourceButtons(articles.slice(i * PAGE_LINES, (i + 1) * PAGE_LINES), 2) }));
}

/** Lines of a list, PAGE_LINES per page, in the embed description, up to MAX_PAGES pages (rendered as needed). */
function pagedLines(header: ListHeader, count: number, lineAt: (index: number) => string, more: { noun: string; narrow?: string }): Reply[] {
  const shown = Math.min(count, MAX_PAGES * PAGE_LINES);
  const intro = `${header.description ?? ''}${shownNote(shown, count, more.noun, more.narrow)}`.trim();
  const pages: Reply[] = [];
  for (let i = 0; i < shown; i += PAGE_LINES) {
    const lines: string[] = [];
    for (let k = i; k < Math.min(i + PAGE_LINES, shown); k++) lines.push(lineAt(k));
    const body = lines.join('\n');
    pages.push(plainEmbed(header.title, intro ? `${intro}\n\n${body}` : body, header.color ?? Colors.list));
  }
  return pages;
}

// ---------- /help ----------

export interface CommandSummary {
  name: string;
  description: string;
  options: { name: string; required: boolean }[];
}

export function renderHelp(commands: CommandSummary[]): Reply {
  const lines = commands.map((c) => {
    const options = c.options.map((o) => (o.required ? `${o.name}` : `[${o.name}]`)).join(' ');
    return `**/${c.name}**${options ? ` \`${options}\`` : ''} — ${escapeText(c.description)}`;
  });
  lines.push('**@storydesk** `question` — mention me with a question and I reply like `/ask`.');
  const description = [
    'I answer questions about this story only with sentences quoted word for word from its articles, each with its source. When the articles don\'t say, I say so.',
    '',
    ...lines,
  ].join('\n');
  return fitReply({ embeds: [{ title: 'storydesk', description, color: Colors.list }], components: [] });
}

// ---------- autocomplete ----------

/** Up to 25 distinct choices; names and values cut to 100 characters. */
export function renderChoices(names: string[]): APIApplicationCommandOptionChoice<string>[] {
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const raw of names) {
    const name = truncate(oneLine(raw).trim(), Limits.choiceName);
    const value = raw.length <= Limits.choiceValue ? raw : name;
    if (!name || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name, value });
    if (choices.length === Limits.choices) break;
  }
  return choices;
}

// ---------- building blocks ----------

/** Link buttons to distinct source urls, five to a row; articles without a valid http(s) url get none. */
export function sourceButtons(articles: ArticleMeta[], maxRows = 1): ButtonRow[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const a of articles) {
    const url = safeUrl(a.url);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const label = truncate(oneLine(a.outlet ? `${a.outlet}: ${a.title}` : a.title), Limits.buttonLabel);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url, label: label || 'Source' });
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += Limits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + Limits.buttonsPerRow) });
  }
  return rows;
}

export function plainEmbed(title: string, description: string, color: number = Colors.list): Reply {
  return fitReply({ embeds: [{ title: truncate(title, Limits.embedTitle), description, color }], components: [] });
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function describeFilter(parts: [string, string | undefined | null | false | ''][]): string {
  return parts
    .filter((p): p is [string, string] => Boolean(p[1]))
    .map(([k, v]) => `${k}: ${fitEscaped(oneLine(v), 100)}`)
    .join(' · ');
}
