// Paging state: which pages a message holds, who may turn them, and when the buttons stop working.
import { randomBytes } from 'node:crypto';
import { renderPage, type Reply } from './render.js';

export interface PagerOptions {
  /** How long buttons work after the list is sent. */
  timeoutSeconds: number;
  /** Called when a session's buttons expire, to show them disabled; errors are the caller's to log. */
  onExpireError?: (error: unknown) => void;
}

interface Session {
  ownerId: string;
  command: string;
  pages: Reply[];
  page: number;
  timer: NodeJS.Timeout;
  /** Redraws the message (its current page, buttons disabled) once the session expires. */
  expire: (reply: Reply) => Promise<unknown>;
}

export type TurnResult =
  | { kind: 'page'; reply: Reply }
  | { kind: 'not-owner'; command: string }
  | { kind: 'expired' };

export interface OpenOptions {
  ownerId: string;
  command: string;
  pages: Reply[];
  expire: (reply: Reply) => Promise<unknown>;
}

export class Pager {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: PagerOptions) {}

  /** The first page; with Previous/Next buttons (and a session) only when there is more than one. */
  open(options: OpenOptions): Reply {
    if (options.pages.length <= 1) return renderPage(options.pages, 0, this.nav('none', options.command, false));
    const id = randomBytes(6).toString('hex');
    const timer = setTimeout(() => void this.expire(id), this.options.timeoutSeconds * 1000);
    timer.unref(); // a pending expiry must not keep the process alive
    this.sessions.set(id, { ...options, page: 0, timer });
    return renderPage(options.pages, 0, this.nav(id, options.command, false));
  }

  /** Turns to `page` for `userId`: only the owner may, and only until the session expires. */
  turn(sessionId: string, page: number, userId: string): TurnResult {
    const session = this.sessions.get(sessionId);
    if (!session) return { kind: 'expired' };
    if (session.ownerId !== userId) return { kind: 'not-owner', command: session.command };
    session.page = Math.min(Math.max(page, 0), session.pages.length - 1);
    return { kind: 'page', reply: renderPage(session.pages, session.page, this.nav(sessionId, session.command, false)) };
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Expires one session now: its message is redrawn with the buttons disabled. */
  async expire(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    clearTimeout(session.timer);
    const reply = renderPage(session.pages, session.page, this.nav(sessionId, session.command, true));
    try {
      await session.expire(reply);
    } catch (error) {
      this.options.onExpireError?.(error);
    }
  }

  /** Forgets every session without touching messages (shutdown). */
  clear(): void {
    for (const s of this.sessions.values()) clearTimeout(s.timer);
    this.sessions.clear();
  }

  private nav(sessionId: string, command: string, expired: boolean) {
    return { sessionId, command, expired, seconds: this.options.timeoutSeconds };
  }
}
