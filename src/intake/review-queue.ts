// The review queue's decisions: items of a feed in review mode wait as cards (queued by feed-items.ts) until a person
// approves one (its article is added, or, as a near copy, recorded on the article it copies) or rejects it (recorded,
// and its item never comes back). A card is decided once: a second decision, or one on a card whose feed was removed,
// is answered with why not.
import { getFeed } from '../db/feeds.js';
import { decideCard, getCard, pendingCards as pendingCardsIn, reopenCard, settleApproved, type ReviewCard } from '../db/review.js';
import type { Db } from '../db/open.js';
import { viaFeed } from './article-file.js';
import { runHook, type AddedArticle } from './feed-items.js';
import type { PollerLog } from './poller-lease.js';
import type { IntakeService, PreviewResult } from './service.js';

export type DecisionResult =
  | {
      ok: true;
      card: ReviewCard;
      /** approve: `added` (a new article), `copy` (recorded on the article it copies) or `duplicate` (already in the story). */
      outcome: 'added' | 'copy' | 'duplicate' | 'rejected';
      /** The article added, copied or duplicated. */
      articleId: string | null;
      message: string;
    }
  | { ok: false; error: string; card: ReviewCard | null };

export interface ReviewQueueOptions {
  db: Db;
  service: IntakeService;
  now: () => Date;
  log: PollerLog;
  /** An approved card's article was added. */
  onAdded?: (added: AddedArticle) => void | Promise<void>;
}

export class ReviewQueue {
  private readonly db: Db;
  private readonly service: IntakeService;
  private readonly now: () => Date;
  private readonly log: PollerLog;
  private readonly onAdded: ReviewQueueOptions['onAdded'];

  constructor(options: ReviewQueueOptions) {
    this.db = options.db;
    this.service = options.service;
    this.now = options.now;
    this.log = options.log;
    this.onAdded = options.onAdded;
  }

  /** Cards awaiting a decision, oldest first. */
  pendingCards(): Promise<ReviewCard[]> {
    return pendingCardsIn(this.db);
  }

  card(id: number): Promise<ReviewCard | null> {
    return getCard(this.db, id);
  }

  /** Approves a card: its article is added (or, as a near copy, recorded on the article it copies). */
  async approve(cardId: number, decidedBy: string): Promise<DecisionResult> {
    const card = await decideCard(this.db, cardId, 'approved', decidedBy, this.now());
    if (!card) return this.undecidable(cardId);
    const added = await this.service.add(previewOf(card));
    const now = this.now();
    if (added.ok && added.kind === 'added') {
      const settled = (await settleApproved(
        this.db,
        cardId,
        { outcome: 'added', reason: `approved by ${decidedBy}`, articleId: added.id },
        now,
      ))!;
      const feed = await getFeed(this.db, card.feedId);
      if (feed)
        await runHook(this.log, () =>
          this.onAdded?.({
            feed,
            id: added.id,
            file: added.file,
            title: card.article.title,
            url: card.article.url,
          }),
        );
      return { ok: true, card: settled, outcome: 'added', articleId: added.id, message: `added ${added.id}` };
    }
    if (added.ok) {
      const message = `a near copy of “${added.duplicateOf?.title ?? added.id}”: recorded on it as also`;
      const settled = (await settleApproved(
        this.db,
        cardId,
        { outcome: 'copy', reason: message, articleId: added.id },
        now,
      ))!;
      return { ok: true, card: settled, outcome: 'copy', articleId: added.id, message };
    }
    if (added.duplicateOf) {
      const settled = (await settleApproved(
        this.db,
        cardId,
        { outcome: 'skipped', reason: added.error, articleId: added.duplicateOf.id },
        now,
      ))!;
      return {
        ok: true,
        card: settled,
        outcome: 'duplicate',
        articleId: added.duplicateOf.id,
        message: added.error,
      };
    }
    await reopenCard(this.db, cardId, now);
    return { ok: false, error: added.error, card: await getCard(this.db, cardId) };
  }

  /** Rejects a card: recorded, and its item never comes back. */
  async reject(cardId: number, decidedBy: string): Promise<DecisionResult> {
    const card = await decideCard(this.db, cardId, 'rejected', decidedBy, this.now());
    if (!card) return this.undecidable(cardId);
    this.log('info', `intake: ${decidedBy} rejected ${card.article.title}`);
    return {
      ok: true,
      card: (await getCard(this.db, cardId))!,
      outcome: 'rejected',
      articleId: null,
      message: `rejected by ${decidedBy}`,
    };
  }

  private async undecidable(cardId: number): Promise<DecisionResult> {
    const card = await getCard(this.db, cardId);
    if (!card)
      return { ok: false, error: `no review card ${cardId} (its feed may have been removed)`, card: null };
    return {
      ok: false,
      error: `already ${card.state}${card.decidedBy ? ` by ${card.decidedBy}` : ''}`,
      card,
    };
  }
}

/** The preview a card was made from, to add it on approval. */
function previewOf(card: ReviewCard): PreviewResult {
  const { title, date, outlet, author, url, paragraphs, warnings, source, fetchedUrl } = card.article;
  const body = paragraphs.join('\n\n');
  return {
    ok: true,
    source,
    via: viaFeed(card.feedUrl),
    article: { title, date, outlet, author, url, body, paragraphs },
    fetchedUrl,
    words: body.split(/\s+/).filter(Boolean).length,
    warnings,
    duplicateOf: null,
  };
}
