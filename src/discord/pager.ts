// Paged lists: which pages a message holds, who turns them where, and when the buttons stop working, and the buttons
// themselves (their custom ids are this file's protocol: renderPage writes them, parsePageButton reads them).
// A session is small (the command, its options, the page, the owner, the expiry) and kept in a PageStore: in the
// database (SQLite or Postgres) the buttons survive a restart, and work on any host sharing it, the pages being
// rendered again from the command and its options. The person who ran
// the command turns the pages of their message in place; anyone else who presses a button gets a private copy of
// the list at that page, with buttons of their own.
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import type { Sql } from '../db/sql.js';
import { getPageSession, pruneExpiredPageSessions, savePageSession, setSessionPage, type PageSession } from '../db/pages.js';
import { settleWithin } from '../util/deadline.js';
import { plainEmbed } from './render.js';
import { fitReply, Limits, type ButtonRow, type Reply } from './reply.js';

/** A command's options as it read them, enough to render its pages again. */
export type PageOptions = Record<string, string>;

/** Options as a command holds them (a TimelineFilter, a QuoteFilter) for sendPages: the string ones given, nothing else. */
export function pageOptions(values: object): PageOptions {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/** Where page sessions are kept. */
export interface PageStore {
  save(session: PageSession): Promise<void>;
  /** The session, unless there is none or it expired by `now`. */
  get(id: string, now: Date): Promise<PageSession | null>;
  setPage(id: string, page: number): Promise<void>;
  /** Forgets the sessions expired by `now`. */
  prune(now: Date): Promise<void>;
}

/** Sessions in memory: lost at a restart (the console, tests, a bot without a database). */
export function memoryPageStore(): PageStore {
  const sessions = new Map<string, PageSession>();
  return {
    save: async (s) => void sessions.set(s.id, { ...s }),
    get: async (id, now) => {
      const s = sessions.get(id);
      return s && Date.parse(s.expiresAt) > now.getTime() ? { ...s } : null;
    },
    setPage: async (id, page) => {
      const s = sessions.get(id);
      if (s) s.page = page;
    },
    prune: async (now) => {
      for (const [id, s] of sessions) if (Date.parse(s.expiresAt) <= now.getTime()) sessions.delete(id);
    },
  };
}

/** Sessions in the bot's database (SQLite or Postgres): a restart keeps them, and every host sharing it sees them (src/db/pages.ts). */
export function databasePageStore(db: Sql): PageStore {
  return {
    save: (s) => savePageSession(db, s),
    get: (id, now) => getPageSession(db, id, now),
    setPage: async (id, page) => void (await setSessionPage(db, id, page)),
    prune: async (now) => void (await pruneExpiredPageSessions(db, now)),
  };
}

/**
 * The database's sessions, with this process's own kept in memory too: when the database fails or is slower than
 * `waitMs` (gone silent), a list is still sent with working buttons (in this process), its session saved when the
 * database answers. Reads fall back to memory the same way.
 */
export function resilientPageStore(primary: PageStore, options: { waitMs: number; onError: (what: string, error: unknown) => void }): PageStore {
  const local = memoryPageStore();
  const attempt = async <T>(what: string, work: Promise<T>): Promise<T | undefined> => {
    const settled = await settleWithin(work, options.waitMs);
    if (settled.kind === 'value') return settled.value;
    options.onError(settled.kind === 'timeout' ? `${what}: the database did not answer within ${options.waitMs} ms` : what, settled.kind === 'error' ? settled.error : null);
    return undefined;
  };
  return {
    save: async (s) => {
      await local.save(s);
      await attempt('could not save a list’s page state', primary.save(s));
    },
    get: async (id, now) => (await attempt('could not read a list’s page state', primary.get(id, now))) ?? local.get(id, now),
    setPage: async (id, page) => {
      await local.setPage(id, page);
      await attempt('could not save the page turned to', primary.setPage(id, page));
    },
    // Housekeeping: nothing waits for the database's part.
    prune: async (now) => {
      await local.prune(now);
      void attempt('could not delete expired page state', primary.prune(now));
    },
  };
}

export interface PagerOptions {
  /** How long buttons work after the list is sent. */
  timeoutSeconds: number;
  /** Default: in memory. */
  store?: PageStore;
  /**
   * Renders a command's pages again from its options: after a restart, when the pages rendered at the time are gone.
   * Null (or no function) when the command can't: its buttons then count as expired.
   */
  render?: (command: string, options: PageOptions) => Reply[] | null | Promise<Reply[] | null>;
  /** Called when a session's buttons expire, to show them disabled; errors are the caller's to log. */
  onExpireError?: (error: unknown) => void;
  /** The clock (tests). */
  now?: () => Date;
}

export type TurnResult =
  /** The owner's own list at the page asked for: update the message in place. */
  | { kind: 'page'; reply: Reply }
  /** Someone else's list: a private copy at the page asked for, with buttons of the presser's own. */
  | { kind: 'copy'; reply: Reply }
  | { kind: 'expired' };

export interface OpenOptions {
  ownerId: string;
  command: string;
  /** The options the command was run with, to render its pages again after a restart. Default: none. */
  options?: PageOptions;
  pages: Reply[];
  /** Redraws the message (its current page, buttons disabled) when the buttons expire. */
  expire: (reply: Reply) => Promise<unknown>;
}

/** Rendered pages kept for turning without rendering again; beyond this many sessions, the oldest are rendered again when turned. */
const CACHED_SESSIONS = 200;

export class Pager {
  private readonly store: PageStore;
  /** The pages of recent sessions, oldest first. */
  private readonly cache = new Map<string, Reply[]>();
  /** This process's expiry timers, with the redraw each one does. */
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; expire: (reply: Reply) => Promise<unknown>; copy: boolean }>();

  constructor(private readonly options: PagerOptions) {
    this.store = options.store ?? memoryPageStore();
  }

  /** The first page; with Previous/Next buttons (and a session) only when there is more than one. */
  open(options: OpenOptions): Promise<Reply> {
    return this.start({ ...options, page: 0, copy: false });
  }

  /**
   * A press of a button of session `sessionId` by `userId`, asking for `page`. The owner's list turns in place; for
   * anyone else a new session (theirs) starts at that page, whose message `expireCopy` redraws when it expires.
   */
  async turn(sessionId: string, page: number, userId: string, expireCopy: (reply: Reply) => Promise<unknown> = async () => {}): Promise<TurnResult> {
    const now = this.now();
    const session = await this.store.get(sessionId, now);
    if (!session) return { kind: 'expired' };
    const pages = await this.pagesOf(session);
    if (!pages || pages.length === 0) return { kind: 'expired' };
    const at = clamp(page, pages.length);
    if (session.ownerId !== userId) {
      const reply = await this.start({ ownerId: userId, command: session.command, options: session.options, pages, page: at, expire: expireCopy, copy: true });
      return { kind: 'copy', reply: { ...reply, ephemeral: true } };
    }
    await this.store.setPage(sessionId, at);
    const copy = this.timers.get(sessionId)?.copy ?? false;
    return { kind: 'page', reply: renderPage(pages, at, this.nav(sessionId, session.command, { copy, expired: false })) };
  }

  /** Sessions with an expiry timer in this process. */
  get size(): number {
    return this.timers.size;
  }

  /** Expires one session now: its message is redrawn with the buttons disabled. */
  async expire(sessionId: string): Promise<void> {
    const entry = this.timers.get(sessionId);
    if (!entry) return;
    this.timers.delete(sessionId);
    clearTimeout(entry.timer);
    const cached = this.cache.get(sessionId);
    this.cache.delete(sessionId);
    try {
      // The page the owner turned to last, on whichever host they pressed the button.
      const session = await this.store.get(sessionId, new Date(0));
      const pages = cached ?? (session ? await this.renderAgain(session) : null);
      if (!session || !pages) return;
      const reply = renderPage(pages, clamp(session.page, pages.length), this.nav(sessionId, session.command, { copy: entry.copy, expired: true }));
      await entry.expire(reply);
    } catch (error) {
      // The database or Discord: the buttons stay drawn as they were (pressing them then says they expired).
      this.options.onExpireError?.(error);
    }
  }

  /** Stops the expiry timers and forgets the rendered pages, without touching messages or the store (shutdown). */
  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
    this.cache.clear();
  }

  private async start(options: OpenOptions & { page: number; copy: boolean }): Promise<Reply> {
    const { pages } = options;
    if (pages.length <= 1) return renderPage(pages, 0, this.nav('none', options.command, { copy: options.copy, expired: false }));
    const now = this.now();
    await this.store.prune(now);
    const id = randomBytes(6).toString('hex');
    await this.store.save({
      id,
      command: options.command,
      options: options.options ?? {},
      page: options.page,
      ownerId: options.ownerId,
      expiresAt: new Date(now.getTime() + this.options.timeoutSeconds * 1000).toISOString(),
    });
    this.remember(id, pages);
    const timer = setTimeout(() => void this.expire(id), this.options.timeoutSeconds * 1000);
    timer.unref(); // a pending expiry must not keep the process alive
    this.timers.set(id, { timer, expire: options.expire, copy: options.copy });
    return renderPage(pages, options.page, this.nav(id, options.command, { copy: options.copy, expired: false }));
  }

  /** The session's pages: as rendered in this process, else rendered again from its command and options. */
  private async pagesOf(session: PageSession): Promise<Reply[] | null> {
    const cached = this.cache.get(session.id);
    if (cached) return cached;
    const pages = await this.renderAgain(session);
    if (pages && pages.length > 0) this.remember(session.id, pages);
    return pages;
  }

  /** The session's pages rendered again from its command and options (null: the command can't). */
  private async renderAgain(session: PageSession): Promise<Reply[] | null> {
    return (await this.options.render?.(session.command, session.options)) ?? null;
  }

  private remember(id: string, pages: Reply[]): void {
    this.cache.delete(id);
    this.cache.set(id, pages);
    while (this.cache.size > CACHED_SESSIONS) this.cache.delete(this.cache.keys().next().value!);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private nav(sessionId: string, command: string, state: { copy: boolean; expired: boolean }): PageNav {
    return { sessionId, command, seconds: this.options.timeoutSeconds, ...state };
  }
}

function clamp(page: number, count: number): number {
  return Math.min(Math.max(page, 0), count - 1);
}

// ---------- the buttons ----------

export interface PageNav {
  sessionId: string;
  /** The slash command, for "run /timeline again". */
  command: string;
  /** How long the buttons keep working, in seconds. */
  seconds: number;
  expired: boolean;
  /** A private copy made for someone who pressed another person's buttons. Default: no. */
  copy?: boolean;
}

/** Page `index` with the pager's Previous/Next row and a footer saying how long the buttons work, and for whom. */
export function renderPage(pages: Reply[], index: number, nav: PageNav): Reply {
  const page = pages[index] ?? pages[0] ?? plainEmbed('Nothing here', 'There is nothing to show.');
  if (pages.length <= 1) return page;
  const where = `Page ${index + 1} of ${pages.length}`;
  const note = nav.expired
    ? `${where} · these buttons have expired; run /${nav.command} again to browse`
    : nav.copy
      ? `${where} · your own copy · buttons work for ${formatDuration(nav.seconds)}`
      : `${where} · anyone can turn pages for ${formatDuration(nav.seconds)} (others get their own copy)`;
  const embeds = page.embeds.map((e, i) => (i === page.embeds.length - 1 ? { ...e, footer: { text: note } } : e));
  const row: ButtonRow = {
    type: ComponentType.ActionRow,
    components: [
      navButton(`pg:${nav.sessionId}:p${index - 1}`, '◀ Previous', nav.expired || index === 0),
      navButton(`pg:${nav.sessionId}:i`, `${index + 1} / ${pages.length}`, true, ButtonStyle.Secondary),
      navButton(`pg:${nav.sessionId}:n${index + 1}`, 'Next ▶', nav.expired || index === pages.length - 1),
    ],
  };
  return fitReply({ ...page, embeds, components: [...page.components.slice(0, Limits.actionRows - 1), row] });
}

/** What a pager button's custom id asks for, or null when it is not one of ours. */
export function parsePageButton(customId: string): { sessionId: string; page: number } | null {
  const m = /^pg:([a-z0-9]+):[pn](-?\d+)$/.exec(customId);
  return m ? { sessionId: m[1]!, page: Number(m[2]) } : null;
}

function navButton(
  customId: string,
  label: string,
  disabled: boolean,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Primary,
): APIButtonComponent {
  return { type: ComponentType.Button, style, custom_id: customId, label, disabled };
}

/** "10 min", "45 s" */
export function formatDuration(seconds: number): string {
  return seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${Math.max(1, Math.round(seconds))} s`;
}
