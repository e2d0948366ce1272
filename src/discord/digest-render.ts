// A Digest as one Discord message: a header embed, one embed per new article, "the story so far"
// and "on this day", trimmed to Discord's limits by dropping whole items (least important first);
// and the same message as `/digest preview`'s private reply.
import type { APIEmbed } from 'discord.js';
import type { Digest, DigestArticle, DigestEvent, DigestQuote } from '../digest/content.js';
import { copyName, dateLabel, DigestLabels, paragraphLabel, sourceLine, type SourceStyle } from '../present/labels.js';
import { Colors } from './render.js';
import { embedLength, escapeText, fitEscaped, fitReply, Limits, markdownLink, NO_MENTIONS, safeUrl, truncate, type Reply } from './reply.js';

/** Longest excerpt shown in one line; a longer one is cut at a word with "…" (still a verbatim prefix). */
const MAX_EXCERPT = 400;

/** The article an event outside its own section comes from (several may share an outlet and a date): "[Title](url), *Outlet*, 2022-09-12, ¶4". */
const EVENT_SOURCE: SourceStyle = {
  title: (a) => markdownLink(truncate(a.title, 80), a.url),
  outlet: (outlet) => `*${escapeText(outlet)}*`,
  date: 'iso',
  paragraph: 'mark',
  // Another outlet's copy of the article ("also in …"), linked to it.
  copy: (copy) => markdownLink(copyName(copy), copy.url),
};

/** The message payload; its shape is a subset of discord.js's MessageCreateOptions. */
export interface DigestMessage {
  embeds: APIEmbed[];
  allowedMentions: typeof NO_MENTIONS;
  nonce?: string;
  enforceNonce?: boolean;
}

/** `/digest preview`: the digest as it would be posted, shown only to the member who asked, under a note. */
export function renderDigestPreview(note: string, digest: Digest): Reply {
  return fitReply({ content: note, embeds: renderDigestMessage(digest).embeds, components: [], ephemeral: true });
}

/** The footer text that identifies a posted digest of `date`, so a restart can find it in the channel. */
export function digestMarker(date: string): string {
  return `storydesk digest · ${date}`;
}

export interface RenderOptions {
  /** Set for a real post: Discord deduplicates a retried send with the same nonce. */
  nonce?: string;
  /** A heading naming the story, e.g. the server's story title. Default "Daily digest". */
  heading?: string;
}

interface Model {
  digest: Digest;
  articles: { article: DigestArticle; events: DigestEvent[]; quotes: DigestQuote[] }[];
  /** New articles listed by title only in the header (no room for their own embed). */
  alsoNew: DigestArticle[];
  storySoFar: DigestEvent[];
  onThisDay: DigestEvent[];
  excerptLimit: number;
}

export function renderDigestMessage(digest: Digest, options: RenderOptions = {}): DigestMessage {
  const model = initialModel(digest);
  let embeds = buildEmbeds(model, options);
  // Drop the least important item until the message fits; each step removes something, so this ends.
  while (totalLength(embeds) > Limits.embedsTotal && dropOne(model)) embeds = buildEmbeds(model, options);
  const message: DigestMessage = { embeds, allowedMentions: NO_MENTIONS };
  if (options.nonce) Object.assign(message, { nonce: options.nonce, enforceNonce: true });
  return message;
}

function initialModel(digest: Digest): Model {
  const reserved = 1 + (digest.storySoFar.length > 0 ? 1 : 0) + (digest.onThisDay.length > 0 ? 1 : 0);
  const room = Limits.embeds - reserved;
  return {
    digest,
    articles: digest.newArticles.slice(0, room).map((a) => ({ article: a, events: [...a.events], quotes: [...a.quotes] })),
    alsoNew: digest.newArticles.slice(room),
    storySoFar: [...digest.storySoFar],
    onThisDay: [...digest.onThisDay],
    excerptLimit: MAX_EXCERPT,
  };
}

/** Removes the least important remaining item; false when nothing is left to remove. */
function dropOne(m: Model): boolean {
  const withQuotes = m.articles.findLast((a) => a.quotes.length > 0);
  if (withQuotes) return Boolean(withQuotes.quotes.pop());
  if (m.storySoFar.length > 2) return Boolean(m.storySoFar.shift());
  if (m.onThisDay.length > 1) return Boolean(m.onThisDay.pop());
  const manyEvents = m.articles.findLast((a) => a.events.length > 1);
  if (manyEvents) return Boolean(manyEvents.events.pop());
  if (m.articles.length > 1) {
    m.alsoNew.unshift(m.articles.pop()!.article);
    return true;
  }
  if (m.excerptLimit > 120) {
    m.excerptLimit = Math.floor(m.excerptLimit / 2);
    return true;
  }
  if (m.alsoNew.length > 0) return Boolean(m.alsoNew.pop());
  if (m.storySoFar.length > 0) return Boolean(m.storySoFar.shift());
  if (m.onThisDay.length > 0) return Boolean(m.onThisDay.pop());
  const last = m.articles.at(-1);
  if (last && last.events.length > 0) return Boolean(last.events.pop());
  return false;
}

function totalLength(embeds: APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedLength(e), 0);
}

function buildEmbeds(m: Model, options: RenderOptions): APIEmbed[] {
  const embeds = [headerEmbed(m, options), ...m.articles.map((a) => articleEmbed(a, m.excerptLimit))];
  if (m.storySoFar.length > 0) embeds.push(eventsEmbed(DigestLabels.storySoFar, m.storySoFar, m.excerptLimit));
  if (m.onThisDay.length > 0) embeds.push(eventsEmbed(DigestLabels.onThisDay, m.onThisDay, m.excerptLimit));
  return embeds;
}

function headerEmbed(m: Model, options: RenderOptions): APIEmbed {
  const d = m.digest;
  const count = d.newArticles.length + d.moreNewArticles;
  const lines = [d.empty ? DigestLabels.nothingNew : `**${count} new article${count === 1 ? '' : 's'}** since the last digest.`];
  const also = [...m.alsoNew.map((a) => `• ${articleLink(a)}`)];
  const unlisted = count - m.articles.length - also.length;
  if (also.length > 0) lines.push('', ...also);
  if (unlisted > 0) lines.push(`…and ${unlisted} more.`);
  return {
    color: Colors.digest,
    title: truncate(`${options.heading ?? 'Daily digest'} — ${d.date}`, Limits.embedTitle),
    description: truncate(lines.join('\n'), Limits.embedDescription),
    footer: { text: digestMarker(d.date) },
  };
}

function articleEmbed(a: Model['articles'][number], excerptLimit: number): APIEmbed {
  const meta = a.article.article;
  const lines = [[meta.outlet ? `*${escapeText(meta.outlet)}*` : null, meta.date].filter(Boolean).join(' · ')];
  if (a.events.length > 0) lines.push('', '**Key events**', ...a.events.map((e) => `• **${dateLabel(e.date, e.precision)}** — ${quoted(e.citation.excerpt, excerptLimit)} (${paragraphLabel(e.citation.paragraph, 'mark')})`));
  if (a.quotes.length > 0) lines.push('', '**Quotes**', ...a.quotes.map((q) => quoteLine(q, excerptLimit)));
  const embed: APIEmbed = { color: Colors.digest, title: truncate(meta.title, Limits.embedTitle), description: truncate(lines.join('\n'), Limits.embedDescription) };
  // A url Discord would refuse must not cost the whole digest.
  const url = safeUrl(meta.url);
  if (url) embed.url = url;
  return embed;
}

function eventsEmbed(title: string, events: DigestEvent[], excerptLimit: number): APIEmbed {
  const lines = events.map((e) => `• **${dateLabel(e.date, e.precision)}** — ${quoted(e.citation.excerpt, excerptLimit)} — ${sourceLine(e.citation, EVENT_SOURCE)}`);
  return { color: Colors.digest, title, description: truncate(lines.join('\n'), Limits.embedDescription) };
}

function quoteLine(q: DigestQuote, excerptLimit: number): string {
  const who = q.speaker ? ` — ${escapeText(q.speaker)}` : '';
  return `> ${quoted(q.text, excerptLimit)}${who} (${paragraphLabel(q.citation.paragraph, 'mark')})`;
}

function articleLink(a: DigestArticle): string {
  const outlet = a.article.outlet ? ` — *${escapeText(a.article.outlet)}*` : '';
  return `${markdownLink(truncate(a.article.title, 200), a.article.url)}${outlet}, ${a.article.date}`;
}

/** A verbatim excerpt in quotes; a cut one ends in "…" and is still a verbatim prefix. */
function quoted(text: string, limit: number): string {
  return `“${fitEscaped(text, limit)}”`;
}
