// The Discord side of intake: who may change the story, the private previews of /article add and their buttons,
// removing an article, following feeds, and the review queue's cards (posted once per server, claimed in the database
// before they are sent, with a nonce Discord enforces, as the digest is) and the announcements of added articles.
// One desk per process. Several hosts may share the database: each desk posts cards and announcements only in the
// servers its own client has (its shards'), whichever host queued the card; the feed poller runs where `poll` is set
// and polls only while its host holds the feed-poller lease (one host at a time: see poller.ts).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client, SendableChannels } from 'discord.js';
import { parseArticle } from '../corpus/parse.js';
import type { FileBackedStory } from '../corpus/watch.js';
import type { FeedMode, FeedRecord } from '../db/feeds.js';
import { cardPosts, cardPostsInDoubt, cardsToPost, claimCardPost, claimNotice, markCardPosted, markCardPostFailed, markNoticeFailed, markNoticePosted, pendingCards, type PostRecord, type ReviewCard } from '../db/review.js';
import { getIntakeSettings, listIntakeSettings, setIntakeChannel, type IntakeSettings } from '../db/intake-settings.js';
import { recordFirstSeen } from '../db/first-seen.js';
import type { Db } from '../db/open.js';
import type { StoryEngine } from '../engine/engine.js';
import { viaDiscord } from '../intake/article-file.js';
import { FeedPoller, type AddedArticle, type AddFeedResult, type DecisionResult, type FeedFetcher } from '../intake/poller.js';
import { removeArticleFile, REMOVED_DIR, type RemoveResult } from '../intake/remove.js';
import { IntakeService, type AddResult, type Preview, type PreviewResult } from '../intake/service.js';
import type { Logger } from '../log.js';
import type { Article } from '../model/types.js';
import { MANAGE_GUILD } from './digest-command.js';
import {
  announcementMessage,
  cardMarker,
  cardMessage,
  IntakeTexts,
  renderAnnouncement,
  renderReviewCard,
} from './intake-render.js';

/** How long the Add and Cancel buttons of a preview work. Interaction tokens last 15 min; the expiry edit needs one. */
export const PREVIEW_TIMEOUT_MS = 10 * 60_000;
/** Every desk also posts cards still unposted in its servers this often (a signal missed, a review channel set elsewhere). */
const FLUSH_INTERVAL_MS = 60_000;
/** After a card could not be posted in a server (a deleted channel, a permission taken away), wait before trying again. */
const BROKEN_CHANNEL_RETRY_MS = 10 * 60_000;
/** Recent messages read when looking for a card posted before a restart. */
const LOOKBACK = 50;

export interface IntakeDeskOptions {
  db: Db;
  /** CORPUS_DIR: new article files go here, removed ones to its `.removed/`. */
  corpusDir: string;
  /** The story served: an article added or removed is applied to it at once (the watcher follows). */
  story: StoryEngine & FileBackedStory;
  /** A Fetcher (closed by `stop`). */
  fetcher: FeedFetcher & { close?(): void };
  /** EDITOR_GUILD_IDS: the servers whose members with Manage Server may change the story. */
  editorGuildIds: readonly string[];
  /** FEED_POLL_MINUTES. */
  pollMinutes: number;
  /**
   * Run a feed poller in this process (default true). Any number of hosts may: only the one holding the feed-poller
   * lease polls, and another takes over within one lease period when it dies.
   */
  poll?: boolean;
  /** FEED_LEASE_SECONDS in ms: the feed-poller lease's period. Default FEED_LEASE_SECONDS_DEFAULT. */
  feedLeaseMs?: number;
  /** The bot's client, once logged in (null before). */
  client: () => Client | null;
  log: Logger;
  /** Default PREVIEW_TIMEOUT_MS. */
  previewTimeoutMs?: number;
}

interface HeldPreview {
  preview: Preview;
  ownerId: string;
  timer: NodeJS.Timeout;
}

export type TakenPreview = { kind: 'ok'; preview: Preview } | { kind: 'expired' } | { kind: 'not-owner' };

export type FoundArticle = { ok: true; article: Article } | { ok: false; error: string };

export type RemovedArticle = (RemoveResult & { ok: false }) | { ok: true; article: Article; shown: string };

export class IntakeDesk {
  readonly service: IntakeService;
  readonly poller: FeedPoller;
  readonly editorGuildIds: ReadonlySet<string>;
  readonly pollMinutes: number;
  private readonly options: IntakeDeskOptions;
  private readonly log: Logger;
  private readonly held = new Map<string, HeldPreview>();
  /** Card posting runs one flush at a time, so that this process never claims a card twice at once. */
  private flushing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  /** A flush waiting for the one under way: a card queued meanwhile is seen by it, so another need not wait too. */
  private queuedFlush: Promise<void> | null = null;
  private readonly brokenUntil = new Map<string, number>();
  private readonly unsubscribe: (() => void)[] = [];
  private stopped = false;

  constructor(options: IntakeDeskOptions) {
    this.options = options;
    this.log = options.log;
    this.editorGuildIds = new Set(options.editorGuildIds);
    this.pollMinutes = options.pollMinutes;
    this.service = new IntakeService({ corpusDir: options.corpusDir, story: options.story, fetcher: options.fetcher });
    this.poller = new FeedPoller({
      db: options.db,
      service: this.service,
      fetcher: options.fetcher,
      story: options.story,
      pollMinutes: options.pollMinutes,
      leaseMs: options.feedLeaseMs,
      log: (level, message) => this.log[level](message),
      // A queued card reaches every host's desk (this one too) as a 'storydesk_cards' signal: see start().
      onAdded: (added) => this.onFeedAdded(added),
    });
  }

  /**
   * Builds the copy index when this process can add articles (an editor server is set, or it polls feeds); posts the
   * cards awaiting review in this host's servers now, whenever a poller on any host queues one (the
   * 'storydesk_cards' signal), after the signals reconnect and every minute; and where `poll` is set starts the
   * poller (which polls while this host holds the lease). Without an editor server or feeds the index (seconds of
   * work at thousands of articles, right after ready) is never needed: a preview would build it on first use.
   * Never throws: a database error is logged.
   */
  async start(): Promise<void> {
    const polls = this.options.poll !== false;
    const db = this.options.db;
    let feeds = 0;
    try {
      feeds = (await this.poller.feeds()).length;
    } catch (err) {
      this.log.error({ err }, 'intake: could not read the feeds followed');
    }
    if (this.stopped) return;
    if (this.editorGuildIds.size > 0 || (polls && feeds > 0)) this.service.prepare();
    if (this.editorGuildIds.size > 0) {
      this.unsubscribe.push(
        db.signals.subscribe('storydesk_cards', () => void this.flushCards()),
        db.signals.onReconnect(() => void this.flushCards()),
      );
      void this.flushCards();
      this.flushTimer = setInterval(() => void this.flushCards(), FLUSH_INTERVAL_MS);
      this.flushTimer.unref();
    }
    if (!polls) return;
    this.poller.start();
    this.log.info({ feeds, editors: this.editorGuildIds.size }, 'intake: feed poller started in this process (it polls while this host holds the lease)');
  }

  /** Stops polling (a poll under way finishes, the lease is given up) and posting; previews awaiting a click are dropped. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    if (this.flushTimer) clearInterval(this.flushTimer);
    for (const held of this.held.values()) clearTimeout(held.timer);
    this.held.clear();
    await this.poller.stop();
    await this.flushing;
    this.options.fetcher.close?.();
  }

  /** Resolves once a poll and the card posting under way are done (tests). */
  async idle(): Promise<void> {
    await this.poller.idle();
    await this.flushing;
  }

  // ── who may change the story ──

  /** Why this member may not change the story (a line to show them), or null when they may. */
  refusal(guildId: string | null, permissions: { has(bit: bigint): boolean } | null | undefined): string | null {
    if (!guildId) return IntakeTexts.guildOnly;
    if (!permissions?.has(MANAGE_GUILD)) return IntakeTexts.noPermission;
    if (this.editorGuildIds.size === 0) return IntakeTexts.noEditors;
    if (!this.editorGuildIds.has(guildId)) return IntakeTexts.notEditor;
    return null;
  }

  // ── /article add ──

  preview(url: string, guildId: string, userId: string): Promise<PreviewResult> {
    return this.service.preview(url, { via: viaDiscord(guildId, userId) });
  }

  /** Keeps a preview for its Add button; `onExpire` (editing the preview's message) runs if nobody clicks in time. */
  hold(preview: Preview, ownerId: string, onExpire: () => Promise<unknown>): { token: string; expiresAt: Date } {
    const token = randomBytes(8).toString('hex');
    const ms = this.options.previewTimeoutMs ?? PREVIEW_TIMEOUT_MS;
    const timer = setTimeout(() => {
      if (!this.held.delete(token)) return;
      onExpire().catch((err: unknown) => this.log.warn({ err }, 'intake: could not mark a preview expired'));
    }, ms);
    timer.unref();
    this.held.set(token, { preview, ownerId, timer });
    return { token, expiresAt: new Date(Date.now() + ms) };
  }

  /** The preview behind a button, for its owner (once); expired after the timeout, a click, or a restart. */
  take(token: string, userId: string): TakenPreview {
    const held = this.held.get(token);
    if (!held) return { kind: 'expired' };
    if (held.ownerId !== userId) return { kind: 'not-owner' };
    this.held.delete(token);
    clearTimeout(held.timer);
    return { kind: 'ok', preview: held.preview };
  }

  /** Writes the article (or records a near copy on the article it copies), serves it now, and announces a new one. */
  async add(preview: PreviewResult): Promise<AddResult> {
    const result = await this.service.add(preview);
    if (!result.ok) return result;
    await this.serve(result.id);
    if (result.kind === 'added' && preview.ok) {
      const a = preview.article;
      this.log.info({ article: result.id, via: preview.via }, 'intake: article added');
      await this.announce({ id: result.id, title: a.title, url: a.url, outlet: a.outlet });
    }
    return result;
  }

  /** Reads an article file intake just wrote or changed and applies it to the story now, before the watcher does. */
  private async serve(id: string): Promise<void> {
    try {
      const parsed = parseArticle(id, await readFile(path.join(this.options.corpusDir, id)));
      const problems = this.options.story.applyFile(id, parsed);
      if (problems.length > 0) this.log.warn({ article: id, problems }, 'intake: the article was written but the story refused it');
      else await recordFirstSeen(this.options.db, [id]);
    } catch (err) {
      this.log.warn({ err, article: id }, 'intake: could not serve the article at once (the watcher will)');
    }
  }

  // ── /article remove ──

  /** Articles whose title, outlet or file name holds every typed word, newest first. */
  suggestArticles(typed: string, limit = 25): Article[] {
    const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
    const found: Article[] = [];
    for (const a of this.options.story.articles()) {
      const hay = `${a.title} ${a.outlet ?? ''} ${a.id}`.toLowerCase();
      if (words.every((w) => hay.includes(w))) found.push(a);
      if (found.length >= limit) break;
    }
    return found;
  }

  /** The article a /article remove option names: its file name (as autocomplete gives it), else its title. */
  findArticle(value: string): FoundArticle {
    const articles = this.options.story.articles();
    const v = value.trim();
    const byId = articles.find((a) => a.id === v);
    if (byId) return { ok: true, article: byId };
    const lower = v.toLowerCase();
    const exact = articles.filter((a) => a.title.toLowerCase() === lower);
    if (exact.length === 1) return { ok: true, article: exact[0]! };
    const partial = exact.length > 1 ? exact : articles.filter((a) => a.title.toLowerCase().includes(lower));
    if (partial.length === 1) return { ok: true, article: partial[0]! };
    if (partial.length > 1) return { ok: false, error: `“${v.slice(0, 100)}” matches ${partial.length} articles: pick one from the list as you type.` };
    return { ok: false, error: `No article of the story is called “${v.slice(0, 100)}”: pick one from the list as you type.` };
  }

  /** Moves the article's file to `.removed/` and takes it out of the story now. */
  async remove(article: Article): Promise<RemovedArticle> {
    const result = await removeArticleFile(this.options.corpusDir, article.id);
    if (!result.ok) return result;
    this.options.story.removeFile(article.id);
    this.service.forget(article.id);
    this.log.info({ article: article.id, to: result.to }, 'intake: article removed');
    return { ok: true, article, shown: `${REMOVED_DIR}/${path.basename(result.to)}` };
  }

  // ── /feed ──

  addFeed(
    url: string,
    options: { match: string | null; mode: FeedMode; backfill: boolean },
    guildId: string,
    userId: string,
  ): Promise<AddFeedResult> {
    return this.poller.addFeed(url, { ...options, addedBy: viaDiscord(guildId, userId) });
  }

  feeds(): Promise<FeedRecord[]> {
    return this.poller.feeds();
  }

  findFeed(value: string): Promise<FeedRecord | null> {
    return this.poller.feed(value.trim());
  }

  /** Stops following a feed; its cards awaiting review are withdrawn (their messages say so, without buttons). */
  async removeFeed(feed: FeedRecord): Promise<FeedRecord | null> {
    const withdrawn: { card: ReviewCard; posts: PostRecord[] }[] = [];
    for (const card of await pendingCards(this.options.db)) {
      if (card.feedId === feed.id) withdrawn.push({ card, posts: await cardPosts(this.options.db, card.id) });
    }
    const removed = await this.poller.removeFeed(feed.id);
    if (!removed) return null;
    this.log.info({ feed: feed.url }, 'intake: feed removed');
    for (const { card, posts } of withdrawn) await this.editPosts(card, posts, 'withdrawn: its feed was removed', true);
    return removed;
  }

  async pendingCount(): Promise<number> {
    return (await pendingCards(this.options.db)).length;
  }

  settings(guildId: string): Promise<IntakeSettings | null> {
    return getIntakeSettings(this.options.db, guildId);
  }

  setChannel(guildId: string, which: 'review' | 'notify', channelId: string | null): Promise<IntakeSettings> {
    this.brokenUntil.delete(guildId);
    return setIntakeChannel(this.options.db, guildId, which, channelId);
  }

  // ── the review queue ──

  /** Approves or rejects a card for a member, serves what approval added, and edits the card's messages to show it. */
  async decide(action: 'approve' | 'reject', cardId: number, guildId: string, userId: string): Promise<DecisionResult> {
    const who = viaDiscord(guildId, userId);
    const result = action === 'approve' ? await this.poller.approve(cardId, who) : await this.poller.reject(cardId, who);
    // An added article is served by onFeedAdded; a recorded copy changed the article it copies.
    if (result.ok && result.outcome === 'copy' && result.articleId) await this.serve(result.articleId);
    // Every server's message, this host's or not: editing a message is a REST call any shard's client can make.
    if (result.card) await this.editPosts(result.card, await cardPosts(this.options.db, result.card.id), result.ok ? outcomeNote(result) : null);
    return result;
  }

  /**
   * Posts every card awaiting review to the review channel of each editor server this host's client has, once
   * across hosts: claimed in the database before it is sent (one conditional statement: of two desks flushing at
   * once, one posts), sent with the claim's nonce (enforced), and a claim a crash left unresolved is first looked
   * for in the channel. `force` retries a server whose channel failed lately.
   */
  flushCards(force = false): Promise<void> {
    if (this.queuedFlush && !force) return this.queuedFlush;
    const run = this.flushing.then(() => {
      this.queuedFlush = null;
      return this.flushNow(force);
    });
    this.flushing = run.catch((err: unknown) => this.log.error({ err }, 'intake: posting review cards failed'));
    if (!force) this.queuedFlush = this.flushing;
    return this.flushing;
  }

  private async flushNow(force: boolean): Promise<void> {
    const client = this.options.client();
    if (this.stopped || !client?.isReady()) return;
    const db = this.options.db;
    for (const guildId of this.editorGuildIds) {
      // Another host's server (its shards'): that host's desk posts there.
      if (!client.guilds.cache.has(guildId)) continue;
      if (!force && (this.brokenUntil.get(guildId) ?? 0) > Date.now()) continue;
      for (const { card, post } of await cardPostsInDoubt(db, guildId)) await this.postCard(client, card, guildId, post.channelId);
      const channelId = (await getIntakeSettings(db, guildId))?.reviewChannelId;
      if (!channelId) continue;
      for (const card of await cardsToPost(db, guildId)) {
        if (this.stopped || !(await this.postCard(client, card, guildId, channelId))) break;
      }
    }
  }

  /** One card in one server; false when the channel failed (the server's other cards wait). */
  private async postCard(client: Client<true>, card: ReviewCard, guildId: string, channelId: string): Promise<boolean> {
    const db = this.options.db;
    const claim = await claimCardPost(db, card.id, { guildId, channelId, nonce: nonce('rc') });
    // Posted already, or being posted by another desk right now.
    if (claim.kind !== 'claimed') return true;
    const { post } = claim;
    try {
      const channel = await sendableChannel(client, guildId, post.channelId);
      if (claim.resumed) {
        const found = await this.findCard(client, channel, card.id);
        if (found) {
          await markCardPosted(db, card.id, guildId, found);
          this.log.info({ card: card.id, guildId, messageId: found }, 'intake: found a review card posted before a restart');
          return true;
        }
      }
      if (card.state !== 'pending') {
        // Decided while its post was in doubt: never post a decided card.
        await markCardPostFailed(db, card.id, guildId);
        return true;
      }
      const message = await channel.send(cardMessage(renderReviewCard(card), post.nonce));
      await markCardPosted(db, card.id, guildId, message.id);
      this.log.info({ card: card.id, guildId, channelId: post.channelId, messageId: message.id }, 'intake: review card posted');
      return true;
    } catch (err) {
      await markCardPostFailed(db, card.id, guildId).catch((error: unknown) =>
        this.log.error({ err: error, card: card.id, guildId }, 'intake: could not record that a review card was not posted'),
      );
      this.brokenUntil.set(guildId, Date.now() + BROKEN_CHANNEL_RETRY_MS);
      this.log.warn({ err, card: card.id, guildId, channelId: post.channelId }, 'intake: could not post a review card; trying again later');
      return false;
    }
  }

  /** The bot's message holding card `id` among the channel's recent messages (needs Read Message History). */
  private async findCard(client: Client<true>, channel: SendableChannels, id: number): Promise<string | null> {
    if (!('messages' in channel)) return null;
    try {
      const marker = cardMarker(id);
      const recent = await channel.messages.fetch({ limit: LOOKBACK });
      const mine = recent.find(
        (m) => m.author.id === client.user.id && m.embeds.some((e) => e.footer?.text === marker || e.footer?.text.startsWith(`${marker} ·`) === true),
      );
      return mine?.id ?? null;
    } catch (err) {
      // The nonce still protects a re-send made soon after.
      this.log.warn({ err, card: id }, 'intake: could not read the review channel to find a card posted before a restart');
      return null;
    }
  }

  /** Edits a card's posted messages (in every server, by REST): the decision (or withdrawal) shown, the buttons gone. */
  private async editPosts(card: ReviewCard, posts: readonly PostRecord[], outcome: string | null, withdrawn = false): Promise<void> {
    const client = this.options.client();
    if (!client?.isReady()) return;
    const payload = cardMessage(renderReviewCard(card, outcome, withdrawn));
    for (const post of posts) {
      if (post.status !== 'posted' || !post.messageId) continue;
      try {
        const channel = await sendableChannel(client, post.guildId, post.channelId);
        if (!('messages' in channel)) continue;
        await channel.messages.edit(post.messageId, payload);
      } catch (err) {
        this.log.warn({ err, card: card.id, guildId: post.guildId, messageId: post.messageId }, 'intake: could not update a review card');
      }
    }
  }

  // ── announcements ──

  private async onFeedAdded(added: AddedArticle): Promise<void> {
    await this.serve(added.id);
    const outlet = this.options.story.articles().find((a) => a.id === added.id)?.outlet ?? null;
    await this.announce({ id: added.id, title: added.title, url: added.url, outlet });
  }

  /**
   * Announces an article of the story in this host's servers (an article added on another host, once it has
   * arrived here through the database), once per server across hosts; false when the story has no such article.
   */
  async announceArticle(articleId: string): Promise<boolean> {
    const article = this.options.story.articles().find((a) => a.id === articleId);
    if (!article) return false;
    await this.announce({ id: article.id, title: article.title, url: article.url, outlet: article.outlet });
    return true;
  }

  /**
   * Announces an added article in the announcement channel of each editor server this host's client has, once per
   * server across hosts (claimed before it is sent, by one conditional statement). Never throws.
   */
  async announce(article: { id: string; title: string; url: string | null; outlet: string | null }): Promise<void> {
    const client = this.options.client();
    if (this.stopped || !client?.isReady()) return;
    const db = this.options.db;
    const text = renderAnnouncement(article);
    let all;
    try {
      all = await listIntakeSettings(db);
    } catch (err) {
      this.log.error({ err, article: article.id }, 'intake: could not read the announcement channels');
      return;
    }
    for (const settings of all) {
      const { guildId, notifyChannelId } = settings;
      if (!notifyChannelId || !this.editorGuildIds.has(guildId) || !client.guilds.cache.has(guildId)) continue;
      let claimed = false;
      try {
        const claim = await claimNotice(db, article.id, { guildId, channelId: notifyChannelId, nonce: nonce('an') });
        if (claim.kind !== 'claimed') continue;
        claimed = true;
        const channel = await sendableChannel(client, guildId, claim.post.channelId);
        const message = await channel.send(announcementMessage(text, claim.post.nonce));
        await markNoticePosted(db, article.id, guildId, message.id);
      } catch (err) {
        if (claimed) await markNoticeFailed(db, article.id, guildId).catch(() => undefined);
        this.log.warn({ err, article: article.id, guildId }, 'intake: could not announce an added article');
      }
    }
  }
}

/** What an approval did, for the card: "added as 2025-01-08-….md", the copy recorded, already in the story. */
function outcomeNote(result: DecisionResult & { ok: true }): string | null {
  switch (result.outcome) {
    case 'added':
      return `added to the story as ${result.articleId}`;
    case 'copy':
    case 'duplicate':
      return result.message;
    default:
      return null;
  }
}

/** A message nonce (at most 25 characters): unique, and kept in the claim so a re-send carries the same one. */
function nonce(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

async function sendableChannel(client: Client, guildId: string, channelId: string): Promise<SendableChannels> {
  const channel = await client.channels.fetch(channelId);
  if (!channel || !('guildId' in channel) || channel.guildId !== guildId) {
    throw new Error(`channel ${channelId} is not in server ${guildId} (Unknown Channel)`);
  }
  if (!channel.isSendable()) throw new Error(`channel ${channelId} does not take messages`);
  return channel;
}
