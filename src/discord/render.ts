// The reply builders: every answer, list and note storydesk sends is built here, as plain API objects, and fitted by reply.ts.
import {
  ButtonStyle,
  ComponentType,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { GAP_WINDOW_DAYS, type GapGroup } from '../db/gaps.js';
import type { Nearby, WhoResult } from '../engine/engine.js';
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
import {
  alsoIn,
  browseHint,
  capitalise,
  copyName,
  dateLabel,
  listWords,
  nearbyNote,
  NOT_AN_ANSWER,
  paragraphLabel,
  READ_AS,
  sourceLine,
  unresolvedNote,
  type SourceStyle,
} from '../present/labels.js';
import { furtherCitations, groupQuotes, quoteSpans, uniqueCitations, type QuoteGroup } from '../present/citations.js';
import { cleanEcho } from '../present/sanitize.js';
import { escapeText, fitEscaped, fitReply, Limits, markdownLink, safeUrl, truncate, truncateAtWord, type ButtonRow, type Reply } from './reply.js';

const BLUE = 0x3b82f6;
/** Embed colours: an answer and the digest blue, an abstention grey, a list light blue. */
export const Colors = { answer: BLUE, digest: BLUE, abstain: 0x94a3b8, list: 0x0ea5e9 } as const;

/** At most this many excerpts in an answer: the answer's own and the citations that add another passage. */
const MAX_ANSWER_CITATIONS = 5;
/** At most this many passages after an abstention (the engine offers two). */
const MAX_NEARBY = 2;
/** Items on one page of a paged list, and the characters their fields may take together. */
const PAGE_ITEMS = 6;
const PAGE_FIELD_BUDGET = 4500;
const PAGE_LINES = 10;
/** Timeline events on one page, and the characters their lines may take together in the description. */
const PAGE_EVENTS = 12;
const PAGE_EVENT_BUDGET = 3800;
/** An event's sentence is cut (at a word, with "…") past this many characters, so that a page holds 10–12 events. */
const EVENT_CHARS = 240;

/** The footer of a reply that quotes the articles. */
export const QUOTED_FOOTER = 'Quoted word for word from the articles · /sources lists them all';
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
  title: (a) => markdownLink(titleLabel(a.title, 150), a.url),
  outlet: escapeText,
  date: 'label',
  paragraph: 'word',
  copy: linkedCopy,
};

/** Another outlet's copy of an article, linked: "also in [Coastal Wire Daily](url)". */
function linkedCopy(copy: { outlet: string | null; url: string }): string {
  return markdownLink(copyName(copy), copy.url);
}

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

/**
 * The reply to a question. An answer: its excerpt once, the answering part in bold, with its source (the article
 * linked), then only the citations that add another passage, each article linked once. An abstention: for a question
 * that names something in the story, up to two passages about it, labelled as not an answer (`nearby`); otherwise a
 * short note of where to look instead.
 */
export function renderAnswer(question: string, result: AskResult, nearby: Nearby | null = null, extras: AnswerExtras = {}): Reply {
  const readAs = extras.readAs ? { name: truncate(`↪ ${READ_AS}: ${cleanEcho(extras.readAs)}`, Limits.embedTitle) } : undefined;
  if (!result.answer) {
    const reply = renderAbstention(question, nearby);
    if (readAs) reply.embeds[0]!.author = readAs;
    return fitReply(reply);
  }
  const named = new Set<string>();
  const more = furtherCitations(result.answer, result.citations).slice(0, MAX_ANSWER_CITATIONS - 1);
  const embed: APIEmbed = {
    ...(readAs ? { author: readAs } : {}),
    title: questionTitle(question),
    color: Colors.answer,
    description: answerDescription(result.answer, more.length > 0, named),
    fields: more.map((c, i) => citationField(i + 2, c, named)),
    footer: { text: QUOTED_FOOTER },
  };
  return fitReply({ embeds: [embed], components: extras.voteId != null ? [voteButtons(extras.voteId)] : [] });
}

/** What an answer shows besides itself. */
export interface AnswerExtras {
  /** For a follow-up: the question as storydesk read it against the one before, shown above the title. */
  readAs?: string | null;
  /** The recorded question's id: the answer gets 👍/👎 buttons that vote on it. */
  voteId?: number | null;
}

/** The custom id of a vote button: `ask:vote:<question id>:up|down` (routed to /ask's button handler). */
export function voteCustomId(questionId: number, vote: 'up' | 'down'): string {
  return `ask:vote:${questionId}:${vote}`;
}

/** The question id and vote a vote button carries, or null for any other custom id. */
export function parseVoteButton(customId: string): { questionId: number; vote: 'up' | 'down' } | null {
  const m = /^ask:vote:(\d{1,15}):(up|down)$/.exec(customId);
  return m ? { questionId: Number(m[1]), vote: m[2] as 'up' | 'down' } : null;
}

function voteButtons(questionId: number): ButtonRow {
  const button = (vote: 'up' | 'down', emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: voteCustomId(questionId, vote),
    emoji: { name: emoji },
  });
  return { type: ComponentType.ActionRow, components: [button('up', '👍'), button('down', '👎')] };
}

/** What a member sees, privately, after pressing 👍 or 👎. */
export function renderVote(result: 'up' | 'down' | null | 'gone'): Reply {
  switch (result) {
    case 'up':
      return renderNotice('Thanks: 👍 noted for this answer. Press 👎 to change your vote, or 👍 again to take it back.');
    case 'down':
      return renderNotice("Thanks: 👎 noted. Moderators see the answers members voted down, and the questions the articles couldn't answer, in `/story gaps`. Press 👍 to change your vote, or 👎 again to take it back.");
    case null:
      return renderNotice('Your vote on this answer is taken back.');
    default:
      return renderNotice('Votes on this answer are closed: questions are kept for 30 days.');
  }
}

/** A follow-up with nothing to follow on from ("where did he say it?" first of all): why it isn't answered. */
export function renderUnresolved(question: string, word: string): Reply {
  const description = unresolvedNote(fitEscaped(cleanEcho(word), 40));
  return fitReply({ embeds: [{ title: questionTitle(question), color: Colors.abstain, description }], components: [] });
}

/** The question as the reply's title: as typed, without invisible or control characters, on one line, escaped. */
function questionTitle(question: string): string {
  return fitEscaped(cleanEcho(question), Limits.embedTitle) || 'Your question';
}

/**
 * The answer quoted, the sentence(s) that answer in bold (the context around them, if any, not), then its source with
 * the article linked ("[1]" when numbered citations follow). The article is recorded in `named`: it is not linked again.
 */
function answerDescription(answer: Answer, numbered: boolean, named: Set<string>): string {
  named.add(answer.citation.article.id);
  const source = `— ${numbered ? '[1] ' : ''}${sourceLine(answer.citation, LINKED_SOURCE)}`;
  const room = Limits.embedDescription - source.length - 40;
  const { text, focus } = answer;
  const emphasised = escapeText(text.slice(0, focus.start)) + bold(escapeText(text.slice(focus.start, focus.end))) + escapeText(text.slice(focus.end));
  // Bold only when it fits whole: a cut could leave a "**" open.
  const quoted = emphasised.length <= room ? emphasised : fitEscaped(text, room);
  return `${quoteBlock(quoted)}\n${source}`;
}

/** Bold, line by line: a quote block's lines are separate, so one "**" pair can't span them. Spaces stay outside the marks. */
function bold(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => (line.trim() ? line.replace(/^(\s*)(.*?)(\s*)$/, '$1**$2**$3') : line))
    .join('\n');
}

/** An abstention: passages about what the question names (not an answer), or where to look instead. */
function renderAbstention(question: string, nearby: Nearby | null): Reply {
  const title = questionTitle(question);
  const passages = uniqueCitations(nearby?.citations ?? []).slice(0, MAX_NEARBY);
  const names = (nearby?.names ?? []).map((n) => cleanEcho(n)).filter(Boolean);
  if (names.length === 0 || passages.length === 0) {
    return fitReply({ embeds: [{ title, color: Colors.abstain, description: browseHint((c) => `\`${c}\``) }], components: [] });
  }
  const named = new Set<string>();
  const embed: APIEmbed = {
    title,
    color: Colors.abstain,
    description: nearbyNote(names, (n) => `**${fitEscaped(n, 100)}**`),
    fields: passages.map((c) => passageField(`${NOT_AN_ANSWER} · ${sourceLine(c, FIELD_SOURCE)}`, c, named)),
    footer: { text: QUOTED_FOOTER },
  };
  return fitReply({ embeds: [embed], components: [] });
}

/**
 * A numbered citation: the verbatim excerpt, then the article's title linked to its url, unless `named` says the reply
 * has named that article already (each article is linked once); the article is then recorded in `named`.
 */
export function citationField(n: number, c: Citation, named?: Set<string>): APIEmbedField {
  return passageField(`[${n}] ${sourceLine(c, FIELD_SOURCE)}`, c, named);
}

function passageField(name: string, c: Citation, named?: Set<string>): APIEmbedField {
  const first = !named?.has(c.article.id);
  named?.add(c.article.id);
  const link = first ? `\n${markdownLink(titleLabel(c.article.title, 150), c.article.url)}` : '';
  return {
    name: truncate(name, Limits.fieldName),
    value: `${quoteBlock(fitEscaped(c.excerpt, Limits.fieldValue - link.length - 20))}${link}`,
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
  const noun = events.length === 1 ? 'event' : 'events';
  return pagedEntries(
    { title: 'Timeline', description: `${events.length.toLocaleString('en-US')} ${noun}${described ? ` · ${described}` : ''}, oldest first` },
    events.length,
    (i) => ({ heading: `**${capitalise(dateLabel(events[i]!.date, events[i]!.precision))}**`, line: eventLine(events[i]!) }),
    { noun, narrow: 'narrow it with `from`, `to`, `topic` or `person`', perPage: PAGE_EVENTS, budget: PAGE_EVENT_BUDGET },
  );
}

/**
 * One event on one line, under its date: the sentence that states it (cut at a word past EVENT_CHARS) and a short
 * source linked to the article: "• Albania blamed Iran for … — [The Times of Israel ¶4](url) +1".
 */
function eventLine(e: TimelineEvent): string {
  const [first, ...more] = e.citations;
  const source = first ? ` — ${shortSource(first)}${more.length > 0 ? ` +${more.length}` : ''}` : '';
  return `• ${escapeText(truncateAtWord(oneLine(e.text), EVENT_CHARS))}${source}`;
}

/** "[The Times of Israel ¶4](url)": the outlet (or the title, cut short) and the paragraph, linked to the article; with `date`, its date too. */
function shortSource(c: Citation, date = false): string {
  const a = c.article;
  const who = a.outlet ? oneLine(a.outlet) : titleLabel(a.title, 40);
  return markdownLink(`${who}${date ? `, ${dateLabel(a.date)}` : ''} ${paragraphLabel(c.paragraph, 'mark')}`, a.url);
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
    return [plainEmbed('Who', `The articles don't mention anyone called “${fitEscaped(cleanEcho(query), 100)}”. Try \`/who\` without a name to see everyone they do.`)];
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
  // A sentence with two quotations of one speaker is shown once, both in bold.
  const groups = groupQuotes(quotes);
  return paginate(
    { title: 'Quotes', description: `${quotes.length.toLocaleString('en-US')} ${noun}${described ? ` · ${described}` : ''}` },
    groups.length,
    (i) => ({ field: quoteField(groups[i]!), sources: [] }),
    { noun: 'quoted sentences', narrow: 'narrow it with `speaker` or `topic`' },
  );
}

/** Quotations in the sentence that gives them, the quoted words in bold, with a short linked source. */
function quoteField(group: QuoteGroup): APIEmbedField {
  const source = `— ${shortSource(group.citation, true)}`;
  return {
    name: truncate(cleanEcho(group.speaker ?? '') || 'Unattributed', Limits.fieldName),
    value: `${quoteBlock(quoteInSentence(group, Limits.fieldValue - source.length - 40))}\n${source}`,
  };
}

/**
 * The quotations inside their sentence, the quoted words in bold, escaped, within `room` characters: a one-word quote
 * reads in context: Iran rejected the accusation as “**baseless**”. When the sentence is too long, its words before
 * the first quotation and after the last are cut (at a word, with "…"); quotations too long by themselves, or not
 * found in the sentence, are shown alone in quotation marks.
 */
export function quoteInSentence(group: QuoteGroup, room: number): string {
  const sentence = group.citation.excerpt;
  const spans = quoteSpans(sentence, group.texts);
  const alone = () => `“${fitEscaped(group.texts.join(' … '), room - 2)}”`;
  if (spans.length === 0) return alone();
  let middle = '';
  spans.forEach((span, i) => {
    if (i > 0) middle += escapeText(sentence.slice(spans[i - 1]!.end, span.start));
    middle += bold(escapeText(sentence.slice(span.start, span.end)));
  });
  const before = escapeText(sentence.slice(0, spans[0]!.start));
  const after = escapeText(sentence.slice(spans.at(-1)!.end));
  if (before.length + middle.length + after.length <= room) return `${before}${middle}${after}`;
  const left = room - middle.length - 4;
  if (left < 40) return alone();
  const shownBefore = tailAtWord(before, Math.floor(left / 2));
  return `${shownBefore}${middle}${truncateAtWord(after, left - shownBefore.length)}`;
}

/** The end of `text` within `max` characters, cut at a word and marked with "…" when shortened. */
function tailAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max + 1);
  const word = tail.search(/\s\S/);
  return `…${word >= 0 ? tail.slice(word + 1) : tail}`;
}

export function renderSources(articles: ArticleMeta[], skippedFiles: number): Reply[] {
  const skipped = skippedFiles > 0 ? ` ${skippedFiles} file${skippedFiles === 1 ? ' was' : 's were'} skipped because of errors.` : '';
  if (articles.length === 0) return [plainEmbed('Sources', `No articles are loaded yet.${skipped}`)];
  const lineAt = (i: number) => {
    const a = articles[i]!;
    const meta = [a.outlet ? escapeText(a.outlet) : null, dateLabel(a.date), alsoIn(a, linkedCopy)].filter(Boolean).join(' · ');
    return `**${i + 1}.** ${markdownLink(titleLabel(a.title, 200), a.url)}\n${meta}`;
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

/**
 * Entries of a list as lines of the embed description, under a heading line wherever the heading changes (a date),
 * as many to a page as fit in `budget` characters (at most `perPage` entries), up to MAX_PAGES pages (rendered as
 * needed). A page that starts inside a heading's entries repeats the heading.
 */
function pagedEntries(
  header: ListHeader,
  count: number,
  entryAt: (index: number) => { heading: string; line: string },
  more: { noun: string; narrow?: string; perPage: number; budget: number },
): Reply[] {
  const pages: string[][] = [];
  let current: string[] = [];
  let entries = 0;
  let size = 0;
  let heading: string | null = null;
  let shown = 0;
  for (let i = 0; i < count; i++) {
    const entry = entryAt(i);
    const added = entry.line.length + 1 + (entry.heading !== heading ? entry.heading.length + 1 : 0);
    if (entries > 0 && (entries >= more.perPage || size + added > more.budget)) {
      pages.push(current);
      current = [];
      entries = 0;
      size = 0;
      heading = null;
      if (pages.length >= MAX_PAGES) break;
    }
    if (entry.heading !== heading) {
      current.push(entry.heading);
      size += entry.heading.length + 1;
      heading = entry.heading;
    }
    current.push(entry.line);
    size += entry.line.length + 1;
    entries++;
    shown++;
  }
  if (current.length > 0 && pages.length < MAX_PAGES) pages.push(current);
  const intro = `${header.description ?? ''}${shownNote(shown, count, more.noun, more.narrow)}`.trim();
  return pages.map((lines) => plainEmbed(header.title, intro ? `${intro}\n\n${lines.join('\n')}` : lines.join('\n'), header.color ?? Colors.list));
}

// ---------- /story gaps ----------

/**
 * What members couldn't get answered, for moderators: each group of near-identical questions on a line of its own,
 * most asked first, with how often, when last, what happened (not answered, voted down), the names it mentions and its
 * other wordings. Ten groups a page.
 */
export function renderGaps(groups: GapGroup[]): Reply[] {
  const title = 'What members couldn’t get answered';
  if (groups.length === 0) {
    return [plainEmbed(title, `Nothing in the last ${GAP_WINDOW_DAYS} days: every question was answered, and no answer was voted down.`)];
  }
  const description =
    `Questions of the last ${GAP_WINDOW_DAYS} days the articles didn't answer, or whose answer members voted 👎, ` +
    'near-identical ones together, most asked first. The names they mention point to the articles the story may be missing.';
  return pagedLines({ title, description }, groups.length, (i) => gapLines(groups[i]!, i + 1), { noun: 'questions' });
}

function gapLines(g: GapGroup, n: number): string {
  const asked = g.count === 1 ? 'asked once' : `asked ${g.count} times`;
  const outcome = [g.abstained > 0 ? `${g.abstained} not answered` : null, g.votedDown > 0 ? `${g.votedDown} voted 👎` : null].filter(Boolean).join(', ');
  const lines = [`**${n}.** “${fitEscaped(oneLine(cleanEcho(g.example)), 200)}”`, `${asked} (${outcome}), last on ${dateLabel(g.lastAsked.slice(0, 10))}`];
  const names = g.names.map((name) => `**${fitEscaped(oneLine(cleanEcho(name)), 60)}**`);
  lines.push(names.length > 0 ? `Mentions ${listWords(names)}` : 'Mentions nothing in the story');
  if (g.variants.length > 0) {
    const more = g.variants.length > 2 ? ` and ${g.variants.length - 2} more` : '';
    lines.push(`Also asked as ${g.variants.slice(0, 2).map((v) => `“${fitEscaped(oneLine(cleanEcho(v)), 100)}”`).join(', ')}${more}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------- /help ----------

export interface OptionSummary {
  name: string;
  required: boolean;
}

export interface CommandSummary {
  name: string;
  description: string;
  /** The command's own options (not its subcommands). */
  options: OptionSummary[];
  /** Its subcommands (/digest set, off, …), each with its options; empty for a plain command. */
  subcommands: { name: string; description: string; options: OptionSummary[] }[];
  /** The permissions a member needs to see it (Manage Server for /digest); null when everyone may use it. */
  permissions: bigint | null;
}

/**
 * What storydesk does and its commands, as the member who asked can use them: pass only the commands they may use
 * (see commandsFor). Commands that need a permission follow, under "For moderators", one line per subcommand.
 */
export function renderHelp(commands: CommandSummary[]): Reply {
  const everyone = commands.filter((c) => c.permissions === null);
  const moderators = commands.filter((c) => c.permissions !== null);
  const lines = everyone.flatMap(helpLines);
  lines.push('**@storydesk** `question` — mention me with a question and I reply like `/ask`.');
  if (moderators.length > 0) {
    const who = moderators.every((c) => c.permissions === MANAGE_SERVER) ? 'members with Manage Server' : 'members with the permissions they need';
    lines.push('', `**For moderators** (only ${who} see these)`, ...moderators.flatMap(helpLines));
  }
  const description = [
    'I answer questions about this story only with sentences quoted word for word from its articles, each with its source. When the articles don\'t say, I say so.',
    '',
    ...lines,
  ].join('\n');
  return fitReply({ embeds: [{ title: 'storydesk', description, color: Colors.list }], components: [] });
}

/** The Manage Server permission bit (PermissionFlagsBits.ManageGuild). */
const MANAGE_SERVER = 1n << 5n;

function helpLines(c: CommandSummary): string[] {
  if (c.subcommands.length === 0) return [helpLine(`/${c.name}`, c.options, c.description)];
  return c.subcommands.map((sub) => helpLine(`/${c.name} ${sub.name}`, sub.options, sub.description));
}

function helpLine(name: string, options: OptionSummary[], description: string): string {
  const shown = options.map((o) => (o.required ? o.name : `[${o.name}]`)).join(' ');
  return `**${name}**${shown ? ` \`${shown}\`` : ''} — ${escapeText(description)}`;
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
    const label = truncateAtWord(oneLine(a.outlet ? `${a.outlet}: ${a.title}` : a.title), Limits.buttonLabel);
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

/** An article title on one line, cut at a word with "…" past `max` characters. */
function titleLabel(title: string, max: number): string {
  return truncateAtWord(oneLine(title).trim(), max);
}

function describeFilter(parts: [string, string | undefined | null | false | ''][]): string {
  return parts
    .filter((p): p is [string, string] => Boolean(p[1]))
    .map(([k, v]) => `${k}: ${fitEscaped(cleanEcho(v), 100)}`)
    .join(' · ');
}
