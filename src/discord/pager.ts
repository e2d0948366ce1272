// Paged lists: which pages a message holds, who may turn them and when the buttons stop working, and the buttons
// themselves (their custom ids are this file's protocol: renderPage writes them, parsePageButton reads them).
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import { plainEmbed } from './render.js';
import { fitReply, Limits, type ButtonRow, type Reply } from './reply.js';

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

  private nav(sessionId: string, command: string, expired: boolean): PageNav {
    return { sessionId, command, expired, seconds: this.options.timeoutSeconds };
  }
}

// ---------- the buttons ----------

export interface PageNav {
  sessionId: string;
  /** The slash command, for "run /timeline again". */
  command: string;
  /** How long the buttons keep working, in seconds. */
  seconds: number;
  expired: boolean;
}

/** Page `index` with the pager's Previous/Next row and a footer saying who can page and for how long. */
export function renderPage(pages: Reply[], index: number, nav: PageNav): Reply {
  const page = pages[index] ?? pages[0] ?? plainEmbed('Nothing here', 'There is nothing to show.');
  if (pages.length <= 1) return page;
  const note = nav.expired
    ? `Page ${index + 1} of ${pages.length} · these buttons have expired; run /${nav.command} again to browse`
    : `Page ${index + 1} of ${pages.length} · only the person who asked can turn pages · buttons work for ${formatDuration(nav.seconds)}`;
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
