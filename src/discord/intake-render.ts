// The replies of /article and /feed and the review queue's cards, built as plain API objects and fitted by reply.ts
// (Discord's limits, escaped article text, mentions that ping no one), as every other reply is.
import {
  ButtonStyle,
  ComponentType,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { FeedRecord } from '../db/feeds.js';
import type { ReviewCard } from '../db/review.js';
import type { IntakeSettings } from '../db/intake-settings.js';
import type { AddFeedResult, DecisionResult, ItemReport } from '../intake/poller.js';
import type { AddResult, IntakeFailure, Preview } from '../intake/service.js';
import type { ArticleMeta } from '../model/types.js';
import { dateLabel } from '../present/labels.js';
import { Colors } from './render.js';
import {
  escapeText,
  fitEscaped,
  fitReply,
  Limits,
  NO_MENTIONS,
  safeUrl,
  truncate,
  truncateAtWord,
  type ButtonRow,
  type Reply,
} from './reply.js';

/** Card colours: awaiting a decision amber, approved green, rejected grey. */
const CARD_COLORS = { pending: 0xf59e0b, approved: 0x22c55e, rejected: 0x94a3b8 } as const;
/** The first paragraph shown on a preview or a card. */
const FIRST_PARAGRAPH_CHARS = 900;

// ---------- who may change the story ----------

export const IntakeTexts = {
  guildOnly: 'The story is changed from a server: use /article and /feed in a server channel.',
  notAvailable: "Adding articles isn't available on this bot (it runs without a database).",
  noPermission:
    'Only members with the **Manage Server** permission, in a server the bot lists as an editor of the story, can change it.',
  noEditors:
    "Nobody can change the story from Discord on this bot: it is shared by every server the bot serves, and its operator hasn't listed any server in `EDITOR_GUILD_IDS`.",
  notEditor:
    "This server can't change the story: it is shared by every server the bot serves, so only members with **Manage Server** in the servers its operator lists in `EDITOR_GUILD_IDS` can. Ask the bot's operator.",
  previewExpired: 'This preview has expired: nothing was added. Run `/article add` again.',
  notYourPreview: 'Only the person who ran `/article add` can use these buttons. Run `/article add` yourself to add a link.',
  cancelled: 'Cancelled: nothing was added.',
} as const;

/** A short private note (as render.ts's renderNotice). */
export function intakeNotice(text: string): Reply {
  return { content: truncate(text, Limits.content), embeds: [], components: [], ephemeral: true };
}

// ---------- /article add ----------

/** The buttons of a preview: `article:add:<token>`, `article:cancel:<token>`. */
export function previewButtonId(action: 'add' | 'cancel', token: string): string {
  return `article:${action}:${token}`;
}

export function parsePreviewButton(customId: string): { action: 'add' | 'cancel'; token: string } | null {
  const m = /^article:(add|cancel):([a-z0-9]+)$/.exec(customId);
  return m ? { action: m[1] as 'add' | 'cancel', token: m[2]! } : null;
}

/**
 * The private preview of a link: title (linked), outlet, date, author, word and paragraph counts, the first paragraph,
 * and the warnings; Add and Cancel buttons that only the invoker can use, until `expiresAt`.
 */
export function renderArticlePreview(preview: Preview, token: string, expiresAt: Date): Reply {
  const a = preview.article;
  const copy = preview.duplicateOf;
  const fields: APIEmbedField[] = [
    { name: 'Outlet', value: a.outlet ? fitEscaped(oneLine(a.outlet), 200) : 'not given', inline: true },
    { name: 'Date', value: dateLabel(a.date), inline: true },
    { name: 'Author', value: a.author ? fitEscaped(oneLine(a.author), 200) : 'not given', inline: true },
    { name: 'Length', value: `${count(preview.words, 'word')} · ${count(a.paragraphs.length, 'paragraph')}`, inline: true },
  ];
  if (preview.warnings.length > 0) {
    fields.push({ name: 'Warnings', value: preview.warnings.map((w) => `⚠️ ${fitEscaped(oneLine(w), 300)}`).join('\n') });
  }
  const when = Math.floor(expiresAt.getTime() / 1000);
  const lead = copy
    ? `**A near copy** of “${fitEscaped(oneLine(copy.title), 200)}”: adding it records this outlet and link on that article ("also in …") instead of a new article.`
    : 'Add this article to the story?';
  const embed: APIEmbed = {
    title: truncate(escapeText(oneLine(a.title)), Limits.embedTitle),
    color: Colors.list,
    description: firstParagraph(a.paragraphs),
    fields,
    footer: { text: 'Only you can see this preview. The words shown are the page’s own.' },
  };
  const url = safeUrl(a.url ?? preview.fetchedUrl);
  if (url) embed.url = url;
  const buttons: APIButtonComponent[] = [
    { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: previewButtonId('add', token), label: copy ? 'Record as a copy' : 'Add' },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: previewButtonId('cancel', token), label: 'Cancel' },
  ];
  if (url) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url, label: 'Open the page' });
  return fitReply({
    content: `${lead} These buttons work until <t:${when}:t> (<t:${when}:R>).`,
    embeds: [embed],
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    ephemeral: true,
  });
}

/** A link that cannot be added: the one-line reason, and the article it is already in the story as. */
export function renderPreviewRefused(input: string, failure: IntakeFailure): Reply {
  const shown = fitEscaped(oneLine(input), 200);
  const dup = failure.duplicateOf;
  const already = dup && !failure.error.includes(dup.title) ? ` (it is in the story as “${fitEscaped(oneLine(dup.title), 200)}”)` : '';
  return intakeNotice(`Can't add ${shown}: ${escapeText(oneLine(failure.error))}${already}. Nothing was written.`);
}

/** The preview once decided or expired: only the outcome, no buttons. */
export function renderPreviewClosed(text: string): Reply {
  return { content: truncate(text, Limits.content), embeds: [], components: [], ephemeral: true };
}

/** What Add did: the article written (and served now), the copy recorded, or why nothing was. */
export function renderAdded(result: AddResult, title: string): Reply {
  const name = `“${fitEscaped(oneLine(title), 200)}”`;
  if (!result.ok) return renderPreviewClosed(`Not added: ${escapeText(oneLine(result.error))}`);
  if (result.kind === 'copy') {
    const of = result.duplicateOf ? `“${fitEscaped(oneLine(result.duplicateOf.title), 200)}”` : `\`${result.id}\``;
    return renderPreviewClosed(`${name} is a near copy of ${of}: its outlet and link are recorded on that article, whose citations now say "also in …". No new article was added.`);
  }
  return renderPreviewClosed(`Added ${name} to the story as \`${result.id}\`. /ask and the other commands answer from it now, and the next digest lists it as new.`);
}

// ---------- /article remove ----------

export function renderRemoved(article: ArticleMeta, removedTo: string): Reply {
  return intakeNotice(
    `Removed “${fitEscaped(oneLine(article.title), 200)}” from the story. Its file was moved to \`${removedTo}\`: nothing is lost, and moving it back restores it.`,
  );
}

/** Autocomplete over the story's articles: the title (with outlet and date) shown, the file name as the value. */
export function renderArticleChoices(articles: readonly ArticleMeta[]): APIApplicationCommandOptionChoice<string>[] {
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const a of articles) {
    if (a.id.length > Limits.choiceValue) continue;
    const tail = [a.outlet, a.date].filter(Boolean).join(', ');
    const name = truncateAtWord(oneLine(`${a.title}${tail ? ` — ${tail}` : ''}`).trim(), Limits.choiceName);
    choices.push({ name: name || a.id, value: a.id });
    if (choices.length === Limits.choices) break;
  }
  return choices;
}

// ---------- /feed ----------

/** Autocomplete over the feeds followed: "3. Title (url)", the id as the value. */
export function renderFeedChoices(feeds: readonly FeedRecord[]): APIApplicationCommandOptionChoice<string>[] {
  return feeds.slice(0, Limits.choices).map((f) => ({
    name: truncate(oneLine(`${f.id}. ${f.title ? `${f.title} (${f.url})` : f.url}`), Limits.choiceName),
    value: String(f.id),
  }));
}

/** A feed's state in one word: ok, failing (backing off), or paused. */
export function feedState(feed: FeedRecord): 'ok' | 'failing' | 'paused' {
  if (feed.pausedAt) return 'paused';
  return feed.failures > 0 ? 'failing' : 'ok';
}

function stamp(iso: string | null): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `<t:${Math.floor(t / 1000)}:R>`;
}

function feedName(feed: FeedRecord): string {
  return `${feed.id}. ${truncateAtWord(oneLine(feed.title ?? feed.url), 200)}`;
}

function outcomeLine(item: ItemReport): string {
  const what = { pending: 'will retry', seen: 'seen', added: 'added', queued: 'awaits review', rejected: 'rejected', skipped: 'skipped', copy: 'copy' }[item.outcome];
  const why = item.reason ? ` — ${fitEscaped(oneLine(item.reason), 160)}` : '';
  return `• **${what}**: ${fitEscaped(oneLine(item.title || item.link || item.id), 150)}${why}`;
}

export interface FeedAddedContext {
  /** The server's review channel, when set. */
  reviewChannelId: string | null;
  pollMinutes: number;
}

/** What /feed add did: the feed followed (and where it was found), its items marked seen or processed, what's next. */
export function renderFeedAdded(result: AddFeedResult, context: FeedAddedContext): Reply {
  if (!result.ok) return intakeNotice(`Can't follow ${fitEscaped(oneLine(result.source), 200)}: ${escapeText(oneLine(result.error))}`);
  const f = result.feed;
  const lines = [
    `Following **${escapeText(feedName(f))}** <${safeUrl(f.url) ?? f.url}>${result.discoveredFrom ? ` (the feed the page advertises)` : ''}.`,
    `Mode: **${f.mode}**${f.mode === 'review' ? ' (each item about the story waits for a moderator)' : ' (items about the story are added at once)'} · filter: ${f.match ? `\`${f.match.replace(/`/g, "'")}\`` : "the story's own names"}.`,
  ];
  if (result.items.length === 0) {
    lines.push(`Its ${count(result.seen, 'current item')} ${result.seen === 1 ? 'is' : 'are'} marked seen; new items are checked every ${context.pollMinutes} min.`);
  } else {
    lines.push(`Its current items (backfill):`, ...result.items.slice(0, 15).map(outcomeLine));
    if (result.items.length > 15) lines.push(`… and ${result.items.length - 15} more.`);
  }
  if (f.mode === 'review' && !context.reviewChannelId) {
    lines.push('⚠️ No review channel is set in this server: choose one with `/feed review channel:` so that its cards can be posted.');
  }
  return intakeNotice(lines.join('\n'));
}

/** /feed list: each feed's state, last poll, items taken and last error; the server's intake channels. */
export function renderFeedList(feeds: readonly FeedRecord[], settings: IntakeSettings | null, pendingCards: number, pollMinutes: number): Reply {
  const channels = [
    `Review cards: ${settings?.reviewChannelId ? `<#${settings.reviewChannelId}>` : 'no channel set (`/feed review channel:`)'}`,
    `Announcements: ${settings?.notifyChannelId ? `<#${settings.notifyChannelId}>` : 'off (`/feed notify channel:`)'}`,
    `${count(pendingCards, 'item')} awaiting review · polled every ${pollMinutes} min`,
  ].join('\n');
  if (feeds.length === 0) {
    return fitReply({
      embeds: [{ title: 'Feeds', color: Colors.list, description: `No feeds are followed. Follow one with \`/feed add url:\`.\n\n${channels}` }],
      components: [],
      ephemeral: true,
    });
  }
  const shown = feeds.slice(0, Limits.fields);
  const fields = shown.map((f): APIEmbedField => {
    const state = feedState(f);
    const stateText =
      state === 'paused' ? `**paused** since ${stamp(f.pausedAt)} (it failed for 3 days; a working poll resumes it)` : state === 'failing' ? `**failing** (${count(f.failures, 'failure')} in a row)` : 'ok';
    const lines = [
      `<${safeUrl(f.url) ?? f.url}>`,
      `${f.mode}${f.match ? ` · match \`${truncate(f.match.replace(/`/g, "'"), 200)}\`` : ''} · ${stateText}`,
      `last poll ${stamp(f.lastPollAt)} · ${count(f.itemsTaken, 'article')} taken`,
    ];
    if (f.lastError) lines.push(`last error: ${fitEscaped(oneLine(f.lastError), 300)}`);
    return { name: truncate(feedName(f), Limits.fieldName), value: lines.join('\n') };
  });
  const more = feeds.length > shown.length ? `\n… and ${feeds.length - shown.length} more (\`npm run cli -- feed list\`).` : '';
  return fitReply({
    embeds: [{ title: 'Feeds', color: Colors.list, description: `${channels}${more}`, fields }],
    components: [],
    ephemeral: true,
  });
}

export function renderFeedRemoved(feed: FeedRecord): Reply {
  return intakeNotice(
    `Stopped following **${escapeText(feedName(feed))}**. Its cards awaiting review were withdrawn; the articles it added stay in the story.`,
  );
}

/** /feed review and /feed notify: the channel set, or turned off. */
export function renderChannelSet(which: 'review' | 'notify', channelId: string | null, pending: number): Reply {
  if (which === 'review') {
    return intakeNotice(
      channelId
        ? `Review cards now go to <#${channelId}>, each once, with Approve and Reject buttons for members with Manage Server.${pending > 0 ? ` ${count(pending, 'item')} awaiting review will be posted there now.` : ''}`
        : 'No review channel in this server now: cards awaiting review stay queued until one is set with `/feed review channel:`.',
    );
  }
  return intakeNotice(
    channelId
      ? `Each article added to the story is now announced in <#${channelId}>, once, as one line with its link.`
      : 'Added articles are no longer announced in this server.',
  );
}

// ---------- the review queue ----------

/** Approve and Reject on a card: `feed:approve:<card>`, `feed:reject:<card>`. */
export function cardButtonId(action: 'approve' | 'reject', cardId: number): string {
  return `feed:${action}:${cardId}`;
}

export function parseCardButton(customId: string): { action: 'approve' | 'reject'; cardId: number } | null {
  const m = /^feed:(approve|reject):(\d+)$/.exec(customId);
  return m ? { action: m[1] as 'approve' | 'reject', cardId: Number(m[2]) } : null;
}

/** The footer that identifies a posted card, so a restart can find it in the channel. */
export function cardMarker(cardId: number): string {
  return `storydesk review card ${cardId}`;
}

/** Who decided, as a card shows it: a member (mentioned, which never pings in an embed), the CLI, the console. */
export function deciderLabel(decidedBy: string | null): string {
  if (!decidedBy) return 'someone';
  const discord = /^discord:\d+\/(\d+)$/.exec(decidedBy);
  if (discord) return `<@${discord[1]}>`;
  if (decidedBy === 'cli') return 'the command line';
  if (decidedBy === 'console') return 'the console';
  return escapeText(decidedBy);
}

/** A card's message: title (linked), outlet, date, first paragraph, why it matched; buttons while it awaits a decision. */
export function renderReviewCard(card: ReviewCard, outcome: string | null = null, withdrawn = false): Reply {
  const a = card.article;
  const url = safeUrl(a.url ?? a.fetchedUrl ?? a.source);
  const fields: APIEmbedField[] = [
    { name: 'Outlet', value: a.outlet ? fitEscaped(oneLine(a.outlet), 200) : 'not given', inline: true },
    { name: 'Date', value: dateLabel(a.date), inline: true },
    { name: 'Why it matched', value: fitEscaped(oneLine(card.reason), 500) },
  ];
  if (a.warnings.length > 0) fields.push({ name: 'Warnings', value: a.warnings.map((w) => `⚠️ ${fitEscaped(oneLine(w), 300)}`).join('\n') });
  if (withdrawn) fields.push({ name: 'Withdrawn', value: fitEscaped(outcome ?? 'no longer awaits review', 300) });
  else if (card.state !== 'pending') {
    const verb = card.state === 'approved' ? '✅ Approved' : '❌ Rejected';
    const when = card.decidedAt ? ` ${stamp(card.decidedAt)}` : '';
    fields.push({ name: 'Decision', value: `${verb} by ${deciderLabel(card.decidedBy)}${when}${outcome ? ` — ${fitEscaped(oneLine(outcome), 300)}` : ''}` });
  }
  const embed: APIEmbed = {
    title: truncate(escapeText(oneLine(a.title)), Limits.embedTitle),
    color: withdrawn ? CARD_COLORS.rejected : CARD_COLORS[card.state],
    description: firstParagraph(a.paragraphs),
    fields,
    footer: { text: `${cardMarker(card.id)} · from ${truncate(card.feedUrl, 300)}` },
  };
  if (url) embed.url = url;
  const buttons: APIButtonComponent[] = [];
  const open = card.state === 'pending' && !withdrawn;
  if (open) {
    buttons.push(
      { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: cardButtonId('approve', card.id), label: 'Approve' },
      { type: ComponentType.Button, style: ButtonStyle.Danger, custom_id: cardButtonId('reject', card.id), label: 'Reject' },
    );
  }
  if (url) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url, label: 'Read it' });
  const components: ButtonRow[] = buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
  return fitReply({ content: open ? 'An item from a followed feed awaits review:' : '', embeds: [embed], components });
}

/** A card as a channel message: no mentions, and with `nonce` (enforced) so that Discord deduplicates a re-send. */
export function cardMessage(reply: Reply, nonce?: string) {
  return {
    content: reply.content ?? '',
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: NO_MENTIONS,
    ...(nonce ? { nonce, enforceNonce: true } : {}),
  };
}

/** The member who clicked, privately: what their decision did, or why there was none to make. */
export function renderDecision(result: DecisionResult): Reply {
  if (!result.ok) {
    const card = result.card;
    if (card && card.state !== 'pending') {
      return intakeNotice(`Nothing changed: this item was already ${card.state} by ${deciderLabel(card.decidedBy)}.`);
    }
    return intakeNotice(`Nothing changed: ${escapeText(oneLine(result.error))}`);
  }
  const title = `“${fitEscaped(oneLine(result.card.article.title), 200)}”`;
  switch (result.outcome) {
    case 'added':
      return intakeNotice(`Approved: ${title} is in the story now, as \`${result.articleId}\`. /ask answers from it.`);
    case 'copy':
      return intakeNotice(`Approved: ${title} is ${escapeText(result.message)} (its citations say "also in …"); no new article was added.`);
    case 'duplicate':
      return intakeNotice(`Approved, but ${title} was in the story already (${escapeText(oneLine(result.message))}); nothing was added.`);
    case 'rejected':
      return intakeNotice(`Rejected: ${title} was not added, and its feed won't offer it again.`);
  }
}

// ---------- announcements ----------

/** One line announcing an added article, with its link (in angle brackets: no preview embed). */
export function renderAnnouncement(article: { title: string; url: string | null; outlet?: string | null }): string {
  const url = safeUrl(article.url);
  const outlet = article.outlet ? ` (${escapeText(oneLine(article.outlet))})` : '';
  const line = `📰 New in the story: **${escapeText(truncateAtWord(oneLine(article.title), 300))}**${outlet}${url ? ` <${url}>` : ''}`;
  return truncate(line, Limits.content);
}

/** An announcement's message: one line, no mentions, with its nonce enforced. */
export function announcementMessage(text: string, nonce: string) {
  return { content: text, allowedMentions: NO_MENTIONS, nonce, enforceNonce: true };
}

// ---------- helpers ----------

function firstParagraph(paragraphs: readonly string[]): string {
  const first = paragraphs.find((p) => p.trim()) ?? '';
  return first ? `> ${fitEscaped(oneLine(first), FIRST_PARAGRAPH_CHARS)}` : '*(no text)*';
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

