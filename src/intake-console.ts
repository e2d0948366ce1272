// The console's intake commands, for an operator at the terminal (the bot offline): `/article add <url>` shows the
// preview and asks y/n; `/article remove <title or file name>`; `/feed add|list|remove|poll|cards|approve|reject`, as in
// Discord (where the review queue is a channel of cards; here it is `/feed cards`). The state is DATABASE_PATH's, the
// same the bot and the CLI use, opened at the first /feed command.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsoleExtension } from './console.js';
import { parseArticle } from './corpus/parse.js';
import type { FileBackedStory } from './corpus/watch.js';
import type { FeedMode } from './db/feeds.js';
import type { Db } from './db/open.js';
import type { StoryEngine } from './engine/engine.js';
import { VIA_CLI } from './intake/article-file.js';
import { addText, cardText, feedAddText, feedText, pollText } from './intake/cli.js';
import { FeedPoller, type FeedFetcher } from './intake/poller.js';
import { removeArticleFile, REMOVED_DIR } from './intake/remove.js';
import { IntakeService, type Preview } from './intake/service.js';
import { dateLabel } from './present/labels.js';

export const INTAKE_CONSOLE_HELP = `  /article add <url>                                (shows the article, then asks y/n)
  /article remove <title or file name>              (the file moves to ${REMOVED_DIR}/)
  /feed add <url> [match:<expression>] [mode:review|auto] [backfill:yes]
  /feed list | /feed remove <feed> | /feed poll
  /feed cards | /feed approve <card> | /feed reject <card>`;

export interface IntakeConsoleOptions {
  corpusDir: string;
  /** The story served by the console: what is added or removed applies to it at once. */
  story: StoryEngine & FileBackedStory;
  fetcher: FeedFetcher & { close?(): void };
  /** The database (DATABASE_PATH or DATABASE_URL), opened when a /feed command first needs it. */
  openDb: () => Db | Promise<Db>;
  pollMinutes?: number;
  now?: () => Date;
}

const FEED_OPTIONS = ['match', 'mode', 'backfill'] as const;

export class IntakeConsole implements ConsoleExtension {
  readonly help = INTAKE_CONSOLE_HELP;
  private readonly service: IntakeService;
  private db: Db | null = null;
  private poller_: Promise<FeedPoller> | null = null;

  constructor(private readonly options: IntakeConsoleOptions) {
    this.service = new IntakeService({ corpusDir: options.corpusDir, story: options.story, fetcher: options.fetcher, now: options.now });
  }

  handles(line: string): boolean {
    return /^\/(article|feed)(\s|$)/i.test(line.trim());
  }

  async run(line: string, ask: (prompt: string) => Promise<string | null>): Promise<string> {
    const [command = '', sub = '', ...rest] = line.trim().slice(1).split(/\s+/);
    const arg = rest.join(' ').trim();
    if (command.toLowerCase() === 'article') {
      if (sub === 'add') return this.addArticle(arg, ask);
      if (sub === 'remove') return this.removeArticle(arg);
      return 'Use /article add <url> or /article remove <title or file name>.';
    }
    switch (sub) {
      case 'add':
        return this.addFeed(arg);
      case 'list': {
        const feeds = await (await this.poller()).feeds();
        return feeds.length === 0 ? 'No feeds are followed. Follow one with /feed add <url>.' : feeds.map(feedText).join('\n');
      }
      case 'remove': {
        if (!arg) return 'Which feed? /feed remove <its number or address> (see /feed list).';
        const removed = await (await this.poller()).removeFeed(arg);
        return removed ? `Stopped following ${removed.url}.` : `No feed "${arg}" is followed (see /feed list).`;
      }
      case 'poll': {
        const reports = await (await this.poller()).pollAll();
        return reports.length === 0 ? 'No feeds are followed.' : reports.map(pollText).join('\n');
      }
      case 'cards': {
        const cards = await (await this.poller()).pendingCards();
        return cards.length === 0 ? 'No items await review.' : cards.map(cardText).join('\n');
      }
      case 'approve':
      case 'reject':
        return this.decide(sub, arg);
      default:
        return 'Use /feed add, list, remove, poll, cards, approve or reject.';
    }
  }

  /** Closes the fetcher and the database. */
  async close(): Promise<void> {
    this.options.fetcher.close?.();
    const db = this.db;
    this.db = null;
    this.poller_ = null;
    await db?.close();
  }

  private async addArticle(url: string, ask: (prompt: string) => Promise<string | null>): Promise<string> {
    if (!url) return 'Which article? /article add <url>';
    const preview = await this.service.preview(url, { via: VIA_CLI });
    if (!preview.ok) return `Can't add ${url}: ${preview.error}. Nothing was written.`;
    const answer = await ask(`${previewText(preview)}\n\n${preview.duplicateOf ? 'Record it as a copy' : 'Add it to the story'}? [y/N] `);
    if (!/^\s*y(es)?\s*$/i.test(answer ?? '')) return 'Not added.';
    const result = await this.service.add(preview);
    if (result.ok) await this.serve(result.id);
    return addText(result, false);
  }

  private async removeArticle(value: string): Promise<string> {
    if (!value) return 'Which article? /article remove <title or file name>';
    const articles = this.options.story.articles();
    const lower = value.toLowerCase();
    const matches = articles.filter((a) => a.id === value).length > 0 ? articles.filter((a) => a.id === value) : articles.filter((a) => a.title.toLowerCase().includes(lower));
    if (matches.length !== 1) {
      return matches.length === 0
        ? `No article of the story is called "${value}".`
        : `"${value}" matches ${matches.length} articles; give its file name:\n${matches.slice(0, 10).map((a) => `  ${a.id}  ${a.title}`).join('\n')}`;
    }
    const article = matches[0]!;
    const removed = await removeArticleFile(this.options.corpusDir, article.id);
    if (!removed.ok) return `Couldn't remove it: ${removed.error}.`;
    this.options.story.removeFile(article.id);
    this.service.forget(article.id);
    return `Removed "${article.title}": its file is now ${REMOVED_DIR}/${path.basename(removed.to)} (move it back to restore it).`;
  }

  private async addFeed(text: string): Promise<string> {
    const { lead, options } = splitOptions(text);
    if (!lead) return 'Which feed? /feed add <url> [match:<expression>] [mode:review|auto] [backfill:yes]';
    const mode = (options.mode ?? 'review').toLowerCase();
    if (mode !== 'review' && mode !== 'auto') return `mode is review or auto, not "${mode}".`;
    const result = await (await this.poller()).addFeed(lead, {
      match: options.match ?? null,
      mode: mode as FeedMode,
      backfill: /^(y|yes|true|1)$/i.test(options.backfill ?? ''),
      addedBy: VIA_CLI,
    });
    for (const item of result.ok ? result.items : []) if (item.outcome === 'added' && item.articleId) await this.serve(item.articleId);
    return feedAddText(result);
  }

  private async decide(action: 'approve' | 'reject', arg: string): Promise<string> {
    if (!/^\d+$/.test(arg)) return `Which card? /feed ${action} <card number> (see /feed cards).`;
    const id = Number(arg);
    const poller = await this.poller();
    const result = action === 'approve' ? await poller.approve(id, VIA_CLI) : await poller.reject(id, VIA_CLI);
    if (!result.ok) return `card ${id}: ${result.error}`;
    if (result.articleId && (result.outcome === 'added' || result.outcome === 'copy')) await this.serve(result.articleId);
    return `card ${id}: ${result.message}`;
  }

  /** The poller over DATABASE_PATH (opened now); polling happens only when asked (/feed poll), never in the background. */
  private poller(): Promise<FeedPoller> {
    this.poller_ ??= this.openPoller();
    // A database that could not be opened is tried again at the next command.
    this.poller_.catch(() => (this.poller_ = null));
    return this.poller_;
  }

  private async openPoller(): Promise<FeedPoller> {
    const db = await this.options.openDb();
    this.db = db;
    return new FeedPoller({
      db,
      service: this.service,
      fetcher: this.options.fetcher,
      story: this.options.story,
      pollMinutes: this.options.pollMinutes,
      ...(this.options.now ? { clock: { now: () => this.options.now!().getTime() } } : {}),
      onAdded: (added) => this.serve(added.id),
    });
  }

  /** Applies a file intake wrote (or recorded a copy on) to the story now; the watcher follows. */
  private async serve(id: string): Promise<void> {
    try {
      this.options.story.applyFile(id, parseArticle(id, await readFile(path.join(this.options.corpusDir, id))));
    } catch {
      // The corpus watcher reads it a moment later.
    }
  }
}

/** The preview an operator confirms: title, outlet, date, author, counts, the first paragraph, the warnings. */
export function previewText(preview: Preview): string {
  const a = preview.article;
  const lines = [
    a.title,
    [a.outlet ?? 'outlet not given', dateLabel(a.date), a.author ? `by ${a.author}` : null].filter(Boolean).join(' · '),
    `${preview.words} words · ${a.paragraphs.length} paragraphs${a.url ? ` · ${a.url}` : ''}`,
    '',
    a.paragraphs[0] ?? '',
    ...preview.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join('\n');
}

/** "<url> match:aurora AND star mode:auto": the text before the first option, and each option's value. */
function splitOptions(text: string): { lead: string; options: Partial<Record<(typeof FEED_OPTIONS)[number], string>> } {
  const starts = [...text.matchAll(new RegExp(`(?:^|\\s)(${FEED_OPTIONS.join('|')}):`, 'g'))];
  const options: Partial<Record<(typeof FEED_OPTIONS)[number], string>> = {};
  starts.forEach((s, i) => {
    options[s[1] as (typeof FEED_OPTIONS)[number]] = text.slice(s.index! + s[0].length, starts[i + 1]?.index ?? text.length).trim();
  });
  return { lead: (starts[0] ? text.slice(0, starts[0].index) : text).trim(), options };
}
