// A local Discord for end-to-end tests: the REST routes a slash-command bot uses and a WebSocket gateway,
// both on 127.0.0.1 and a random port, driven by the real, unmodified discord.js client.
// It records every request, answers like Discord does (404 for an unknown or late interaction, 400 for an
// invalid body, 429 with Retry-After, 403 when told to) and can drop the gateway to test a resume.
// It can hold several servers and run sharded: `/gateway/bot` recommends `shards`, each IDENTIFY names its
// `shard: [id, count]`, and a server's events go only to the shard `(guild_id >> 22) % count`, as on Discord.
// (The digest scheduler's unit tests use fake-digest-poster.ts instead: its post and findPosted, in memory.)
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
  /** The member's permission bits in the server, as a decimal string. Default: MEMBER_PERMISSIONS. */
  permissions?: string;
}

/** A server the fake knows, with one text channel. */
export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}

/** An ordinary member's permissions: everything but Administrator, Manage Server and a few other moderation bits. */
export const MEMBER_PERMISSIONS = '2248473465835073';
/** Manage Server (PermissionFlagsBits.ManageGuild). */
export const MANAGE_GUILD = 1n << 5n;

export interface RecordedRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Route template with Discord's parameter names, e.g. `POST /interactions/{interaction_id}/{interaction_token}/callback`. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  /** The status the fake answered with. */
  status: number;
  at: number;
}

/** Validates a request body; returns one message per problem. */
export type RequestValidator = (request: Pick<RecordedRequest, 'method' | 'route' | 'body'>) => string[];

export interface FailRule {
  method?: string;
  /** Matched against the route template, e.g. /channels\/\{channel_id\}\/messages/. */
  route: RegExp;
  status: 403 | 429 | 500;
  /** Seconds, sent in the Retry-After header of a 429. Default: 0.2. */
  retryAfter?: number;
  /** How many requests fail. Default: 1. */
  times?: number;
}

export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  user: FakeUser;
  dispatchedAt: number;
}

/** What the user sees for one interaction: the callback, and the message it resolved to. */
export interface SeenReply {
  /** The first callback type: 4 reply, 5 deferred, 6/7 update, 8 autocomplete. */
  callbackType: number;
  callbackAt: number;
  /** The visible message (callback data, the edit of @original, or the first follow-up). */
  message: MessageBody;
  via: 'callback' | 'edit' | 'follow-up';
}

export interface MessageBody {
  content?: string;
  embeds?: { author?: { name: string }; title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: {
    type: number;
    components: { type: number; style: number; label?: string; emoji?: { name: string }; custom_id?: string; url?: string; disabled?: boolean }[];
  }[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  flags?: number;
  choices?: { name: string; value: string }[];
  message_reference?: { message_id: string };
}

interface InteractionState extends FakeInteraction {
  callbackType: number | null;
  messageId: string;
  message: Record<string, unknown> | null;
}

interface GatewaySession {
  id: string;
  seq: number;
  history: { s: number; t: string; d: unknown }[];
  /** [shard id, shard count] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
  socket: WebSocket | null;
  live: boolean;
}

/** One gateway event as it was sent (or queued for a resume). */
export interface Dispatched {
  t: string;
  guildId: string | null;
  /** The shard whose session carried it. */
  shard: number;
}

const API_PREFIX = '/api/v10';
/** Interaction tokens expire for callbacks after 3 s, as on Discord. */
const CALLBACK_DEADLINE_MS = 3_000;
const EPOCH = 1420070400000n;

let counter = 0n;
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return String(((BigInt(Date.now()) - EPOCH) << 22n) | counter);
}

/** The shard Discord sends a server's events to. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snowflake that `shardOf` puts on `shard` of `shardCount` (its timestamp part is nudged forward a few ms). */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  counter = (counter + 1n) % 4096n;
  const count = BigInt(shardCount);
  let ms = BigInt(Date.now()) - EPOCH;
  ms += (BigInt(shard) - (ms % count) + count) % count;
  return String((ms << 22n) | counter);
}

export interface FakeDiscordOptions {
  token?: string;
  validate?: RequestValidator;
  /** Gateway heartbeat interval sent in HELLO. Default: 41250 ms. */
  heartbeatInterval?: number;
  /** The shard count `/gateway/bot` recommends. Default: 1. */
  shards?: number;
  /** `/gateway/bot`'s session_start_limit.max_concurrency. Default: 1. */
  maxConcurrency?: number;
  /**
   * Keep every session a shard is identified with, as Discord does for two processes that both identify it (hosts that
   * disagree during re-sharding): events go to the newest. Default false: a new identify replaces the old session.
   */
  duplicateSessions?: boolean;
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId = snowflake();
  /** The first server (on shard 0) and its text channel; addGuild adds more. */
  readonly guildId: string;
  readonly channelId = snowflake();
  /** An active thread under the channel, announced in GUILD_CREATE. */
  readonly threadId = snowflake();
  /** A channel the bot can post in but was never told about (not in GUILD_CREATE). */
  readonly uncachedChannelId = snowflake();
  readonly botUser: FakeUser;
  /** An ordinary member: no Manage Server. */
  readonly member: FakeUser = { id: snowflake(), username: 'reader', global_name: 'Reader' };
  /** A member with Manage Server, who may run /digest. */
  readonly moderator: FakeUser = {
    id: snowflake(),
    username: 'moderator',
    global_name: 'Moderator',
    permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_GUILD),
  };
  /** Every server, the first one first. */
  readonly guilds: FakeGuild[] = [];
  /** Every gateway event sent, with the server it concerns and the shard that carried it. */
  readonly dispatched: Dispatched[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Requests that failed validation, with why. */
  readonly invalid: { request: RecordedRequest; errors: string[] }[] = [];
  /** IDENTIFY payloads received, in order. */
  readonly identifies: Record<string, unknown>[] = [];
  readonly resumes: Record<string, unknown>[] = [];

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly messages = new Map<string, Record<string, unknown>>();
  private readonly failRules: (FailRule & { left: number })[] = [];
  /** Button interaction token → the token of the interaction whose message holds the button. */
  private readonly buttonTargets = new Map<string, string>();
  /** Gateway sessions by id; a resume finds its session here. */
  private readonly sessions = new Map<string, GatewaySession>();
  private port = 0;

  private constructor(private readonly options: FakeDiscordOptions) {
    super();
    this.token = options.token ?? 'fake-bot-token';
    this.guildId = snowflakeOnShard(0, this.shardCount);
    this.guilds.push({ id: this.guildId, name: 'Newsroom', channelId: this.channelId });
    this.botUser = { id: this.applicationId, username: 'storydesk', bot: true, global_name: null };
    this.server = http.createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** For discord.js `rest.api`: it appends `/v10` itself. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** The shard count `/gateway/bot` recommends. */
  get shardCount(): number {
    return this.options.shards ?? 1;
  }

  /** True while every shard has a gateway session identified or resumed on an open socket. */
  get connected(): boolean {
    const live = [...this.sessions.values()].filter((s) => s.live);
    return Array.from({ length: this.shardCount }, (_, id) => id).every((id) => live.some((s) => s.shard[0] === id));
  }

  /** Another server with one text channel; on `shard` (of the recommended count) when given. Add before the bot connects. */
  addGuild(options: { name?: string; shard?: number } = {}): FakeGuild {
    const id = options.shard === undefined ? snowflake() : snowflakeOnShard(options.shard, this.shardCount);
    const guild = { id, name: options.name ?? `Server ${this.guilds.length + 1}`, channelId: snowflake() };
    this.guilds.push(guild);
    return guild;
  }

  /** Messages the bot posted in a channel (POST /channels/{id}/messages), oldest first. */
  channelMessages(channelId: string): Record<string, unknown>[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------- scenarios ----------

  /**
   * A slash command; `options` as name → string value, or raw option objects (subcommands, channels, junk input).
   * Channel options (type 7) are resolved in `data.resolved.channels`, as Discord sends them.
   */
  sendCommand(
    name: string,
    options: Record<string, string> | Record<string, unknown>[] = {},
    user = this.member,
    guildId = this.guildId,
  ): FakeInteraction {
    const raw = Array.isArray(options) ? options : Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value }));
    const resolved = this.resolveChannels(raw);
    return this.sendInteraction(2, { id: snowflake(), name, type: 1, options: raw, guild_id: guildId, ...(resolved ? { resolved } : {}) }, user, {}, guildId);
  }

  /** An autocomplete request while the user types `typed` into option `focused`; `subcommand` nests the options in it. */
  sendAutocomplete(
    name: string,
    focused: string,
    typed: string,
    others: Record<string, string> = {},
    user = this.member,
    subcommand?: string,
    guildId = this.guildId,
  ): FakeInteraction {
    const flat = [
      ...Object.entries(others).map(([n, value]) => ({ name: n, type: 3, value })),
      { name: focused, type: 3, value: typed, focused: true },
    ];
    const options = subcommand ? [{ name: subcommand, type: 1, options: flat }] : flat;
    return this.sendInteraction(4, { id: snowflake(), name, type: 1, options, guild_id: guildId }, user, {}, guildId);
  }

  /** The message an interaction's reply became, with its id (what a reply to it references); null before there is one. */
  interactionMessage(interaction: FakeInteraction): Record<string, unknown> | null {
    return this.interactions.get(interaction.token)?.message ?? null;
  }

  /** A click on a button of the message an earlier interaction replied with. */
  sendButton(customId: string, on: FakeInteraction, user = this.member): FakeInteraction {
    const message = this.interactions.get(on.token)?.message;
    if (!message) throw new Error(`fake-discord: interaction ${on.id} has no message to click on`);
    const click = this.sendInteraction(3, { custom_id: customId, component_type: 2 }, user, { message });
    this.buttonTargets.set(click.token, on.token);
    return click;
  }

  /** A click on a button of a message the bot posted in a channel (a review card), by a member of its server. */
  clickMessageButton(customId: string, message: Record<string, unknown>, user = this.member): FakeInteraction {
    const guildId = this.guildOfChannel(String(message.channel_id))?.id ?? this.guildId;
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, user, { message }, guildId);
  }

  /**
   * A channel message; mentioning the bot puts it in `mentions` as Discord does. `replyTo` makes it a reply (type 19)
   * to that message, with `message_reference` and the `referenced_message` when the fake knows it (a reply that pings
   * the bot, Discord's default, also passes `mentionsBot`). Returns the message id.
   */
  sendMessage(content: string, options: { user?: FakeUser; mentionsBot?: boolean; channelId?: string; replyTo?: string } = {}): string {
    const user = options.user ?? this.member;
    const channelId = options.channelId ?? this.channelId;
    const guildId = this.guildOfChannel(channelId)?.id ?? this.guildId;
    const referenced = options.replyTo ? (this.messages.get(options.replyTo) ?? null) : undefined;
    const message = {
      ...this.messageShell(content, user),
      channel_id: channelId,
      // Discord says what kind of channel a message is in; discord.js needs it for channels it has not cached.
      channel_type: channelId === this.threadId ? 11 : 0,
      mentions: options.mentionsBot ? [this.botUser] : [],
      member: this.memberOf(user),
      guild_id: guildId,
      ...(options.replyTo
        ? { type: 19, message_reference: { type: 0, message_id: options.replyTo, channel_id: channelId, guild_id: guildId }, referenced_message: referenced }
        : {}),
    };
    this.dispatch('MESSAGE_CREATE', message, guildId);
    return message.id;
  }

  /** Cuts every gateway connection as a network failure would (close code 1006); the client should resume. */
  dropConnection(): void {
    for (const session of this.sessions.values()) {
      session.live = false;
      session.socket?.terminate();
      session.socket = null;
    }
  }

  failNext(rule: FailRule): void {
    this.failRules.push({ ...rule, left: rule.times ?? 1 });
  }

  // ---------- waiting ----------

  /** Resolves when every shard's gateway session is live (after READY or RESUMED). */
  waitForSession(timeoutMs = 5_000): Promise<void> {
    if (this.connected) return Promise.resolve();
    return this.waitFor('live', () => this.connected, timeoutMs, `a live gateway session on each of ${this.shardCount} shard(s)`).then(
      () => undefined,
    );
  }

  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5_000, what = 'a matching request'): Promise<RecordedRequest> {
    const find = () => this.requests.find(predicate);
    return this.waitFor('request', find, timeoutMs, what);
  }

  /** Every request made with this interaction's token, in order. */
  requestsFor(interaction: FakeInteraction): RecordedRequest[] {
    return this.requests.filter((r) => r.params.interaction_token === interaction.token || r.params.webhook_token === interaction.token);
  }

  /** The reply the user sees; a deferred one resolves once it is filled in. */
  waitForReply(interaction: FakeInteraction, timeoutMs = 5_000): Promise<SeenReply> {
    return this.waitFor('request', () => this.seenReply(interaction), timeoutMs, `a reply to interaction ${interaction.id}`);
  }

  private seenReply(interaction: FakeInteraction): SeenReply | undefined {
    const mine = this.requestsFor(interaction).filter((r) => r.status < 300);
    const callback = mine.find((r) => r.route.endsWith('/callback'));
    if (!callback) return undefined;
    const { type, data } = callback.body as { type: number; data?: MessageBody };
    const base = { callbackType: type, callbackAt: callback.at };
    if (type !== 5 && type !== 6) return { ...base, message: data ?? {}, via: 'callback' };
    const later = mine.find((r) => r.method === 'PATCH' || (r.method === 'POST' && r.route.startsWith('POST /webhooks')));
    if (!later) return undefined;
    return { ...base, message: later.body as MessageBody, via: later.method === 'PATCH' ? 'edit' : 'follow-up' };
  }

  private waitFor<T>(event: string, probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off(event, check);
      };
      this.on(event, check);
      check();
    });
  }

  // ---------- gateway ----------

  private onConnection(ws: WebSocket): void {
    let session: GatewaySession | null = null;
    const bind = (next: GatewaySession | null) => (session = next);
    ws.on('message', (data) => this.onGatewayMessage(ws, String(data), bind));
    ws.on('close', () => {
      if (session?.socket === ws) {
        session.socket = null;
        session.live = false;
      }
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval ?? 41_250 }, s: null, t: null }));
  }

  private onGatewayMessage(ws: WebSocket, text: string, bind: (s: GatewaySession | null) => void): void {
    const payload = JSON.parse(text) as { op: number; d: Record<string, unknown> };
    switch (payload.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11 }));
        break;
      case 2:
        return void bind(this.onIdentify(ws, payload.d));
      case 6:
        return void bind(this.onResume(ws, payload.d));
    }
  }

  private onIdentify(ws: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    this.identifies.push(d);
    const shard = (Array.isArray(d.shard) ? d.shard.map(Number) : [0, 1]) as [number, number];
    const validShard = shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1];
    if (d.token !== this.token || !validShard) {
      ws.close(d.token !== this.token ? 4004 : 4010, d.token !== this.token ? 'Authentication failed' : 'Invalid shard');
      return null;
    }
    // A new identify for a shard replaces its old session (unless duplicate sessions are allowed).
    for (const [id, old] of this.sessions) {
      if (old.shard[0] === shard[0] && !this.options.duplicateSessions) {
        old.socket?.terminate();
        this.sessions.delete(id);
      }
    }
    const session: GatewaySession = { id: snowflake(), seq: 0, history: [], shard, socket: ws, live: true };
    this.sessions.set(session.id, session);
    const mine = this.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    this.sendOn(session, 'READY', null, {
      v: 10,
      user: { ...this.botUser, discriminator: '0000', avatar: null },
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 },
    });
    for (const g of mine) this.sendOn(session, 'GUILD_CREATE', g.id, this.guild(g));
    this.emit('live');
    return session;
  }

  private onResume(ws: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    this.resumes.push(d);
    const session = this.sessions.get(String(d.session_id));
    if (!session || d.token !== this.token) {
      ws.send(JSON.stringify({ op: 9, d: false }));
      return null;
    }
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    session.live = true;
    const seq = Number(d.seq ?? 0);
    for (const event of session.history) if (event.s > seq) ws.send(JSON.stringify({ op: 0, ...event }));
    this.sendOn(session, 'RESUMED', null, {});
    this.emit('live');
    return session;
  }

  /** The newest session of the shard that holds `guildId`. */
  private sessionFor(guildId: string): GatewaySession | undefined {
    return [...this.sessions.values()].reverse().find((s) => shardOf(guildId, s.shard[1]) === s.shard[0]);
  }

  /**
   * Sends a dispatch to the shard holding its server (`guildId`, else the payload's guild_id, else the first
   * server) now, or keeps it for the replay after a resume when that shard's gateway is down.
   */
  dispatch(t: string, d: unknown, guildId?: string): void {
    const target = guildId ?? (d as { guild_id?: string } | null)?.guild_id ?? this.guildId;
    const session = this.sessionFor(target);
    if (!session) throw new Error(`fake-discord: no gateway session holds guild ${target} to send ${t} on`);
    this.sendOn(session, t, target, d);
  }

  private sendOn(session: GatewaySession, t: string, guildId: string | null, d: unknown): void {
    const event = { s: ++session.seq, t, d };
    session.history.push(event);
    this.dispatched.push({ t, guildId, shard: session.shard[0] });
    if (session.live) session.socket?.send(JSON.stringify({ op: 0, ...event }));
  }

  // ---------- payloads ----------

  private sendInteraction(
    type: number,
    data: unknown,
    user: FakeUser,
    extra: Record<string, unknown> = {},
    guildId = this.guildId,
  ): FakeInteraction {
    const guild = this.guilds.find((g) => g.id === guildId);
    if (!guild) throw new Error(`fake-discord: unknown guild ${guildId}`);
    const state: InteractionState = {
      id: snowflake(),
      token: `itok-${snowflake()}`,
      type,
      user,
      dispatchedAt: Date.now(),
      callbackType: null,
      messageId: snowflake(),
      message: null,
    };
    this.interactions.set(state.token, state);
    this.dispatch(
      'INTERACTION_CREATE',
      {
        id: state.id,
        application_id: this.applicationId,
        type,
        data,
        token: state.token,
        version: 1,
        guild_id: guild.id,
        guild: { id: guild.id, locale: 'en-US', features: [] },
        channel_id: guild.channelId,
        channel: this.channel(guild),
        member: this.memberOf(user),
        app_permissions: MEMBER_PERMISSIONS,
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guild.id },
        context: 0,
        ...extra,
      },
      guild.id,
    );
    return { id: state.id, token: state.token, type, user, dispatchedAt: state.dispatchedAt };
  }

  private memberOf(user: FakeUser) {
    return {
      user: { ...user, discriminator: '0', avatar: null },
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions: user.permissions ?? MEMBER_PERMISSIONS,
      communication_disabled_until: null,
    };
  }

  private guildOfChannel(channelId: string): FakeGuild | undefined {
    if (channelId === this.threadId || channelId === this.uncachedChannelId) return this.guilds[0];
    return this.guilds.find((g) => g.channelId === channelId);
  }

  /** Discord resolves channel options to partial channels (id, name, type, permissions) in `data.resolved`. */
  private resolveChannels(options: Record<string, unknown>[]): { channels: Record<string, unknown> } | null {
    const channels: Record<string, unknown> = {};
    const walk = (list: Record<string, unknown>[]) => {
      for (const o of list) {
        if (o.type === 7 && typeof o.value === 'string') {
          const guild = this.guildOfChannel(o.value);
          channels[o.value] = guild
            ? { id: o.value, name: o.value === this.threadId ? 'bridge discussion' : 'general', type: o.value === this.threadId ? 11 : 0, permissions: MEMBER_PERMISSIONS }
            : { id: o.value, name: 'elsewhere', type: 0, permissions: MEMBER_PERMISSIONS };
        }
        if (Array.isArray(o.options)) walk(o.options as Record<string, unknown>[]);
      }
    };
    walk(options);
    return Object.keys(channels).length > 0 ? { channels } : null;
  }

  private channel(guild: FakeGuild = this.guilds[0]!) {
    return {
      id: guild.channelId,
      type: 0,
      guild_id: guild.id,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    };
  }

  private thread() {
    return {
      id: this.threadId,
      type: 11,
      guild_id: this.guildId,
      parent_id: this.channelId,
      owner_id: this.member.id,
      name: 'bridge discussion',
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date(0).toISOString(), locked: false },
      flags: 0,
      total_message_sent: 0,
    };
  }

  private guild(guild: FakeGuild) {
    const first = guild.id === this.guildId;
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.member.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: guild.id, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.memberOf(this.botUser)],
      channels: [this.channel(guild)],
      threads: first ? [this.thread()] : [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private messageShell(content: string, author: FakeUser) {
    return {
      id: snowflake(),
      channel_id: this.channelId,
      author: { ...author, discriminator: '0', avatar: null },
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [] as FakeUser[],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
  }

  private botMessage(body: MessageBody, id = snowflake()): Record<string, unknown> {
    return {
      ...this.messageShell(body.content ?? '', this.botUser),
      id,
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      flags: body.flags ?? 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
    };
  }

  // ---------- REST ----------

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const segments = path.split('/').map((s) => decodeURIComponent(s));
    const method = req.method ?? 'GET';
    const { route, params } = matchRoute(method, segments);
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const record: RecordedRequest = { method, path: segments.join('/'), route, params, query: url.searchParams, body, status: 0, at: Date.now() };
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.requests.push(record);
      res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
      this.emit('request', record);
    };
    if (!url.pathname.startsWith(API_PREFIX)) return reply(404, { message: '404: Not Found', code: 0 });
    if (needsBotAuth(route) && req.headers.authorization !== `Bot ${this.token}`) {
      return reply(401, { message: '401: Unauthorized', code: 0 });
    }
    const failure = this.takeFailure(method, route);
    if (failure) return reply(...failure);
    const errors = this.options.validate && body !== undefined ? this.options.validate({ method, route, body }) : [];
    if (errors.length > 0) {
      this.invalid.push({ request: record, errors });
      return reply(400, { message: 'Invalid Form Body', code: 50035, errors });
    }
    const [status, payload] = this.answer(method, route, params, body as MessageBody, url.searchParams);
    reply(status, payload);
  }

  private takeFailure(method: string, route: string): [number, unknown, Record<string, string>] | null {
    const rule = this.failRules.find((r) => r.left > 0 && r.route.test(route) && (!r.method || r.method === method));
    if (!rule) return null;
    rule.left--;
    if (rule.status === 429) {
      const after = rule.retryAfter ?? 0.2;
      return [
        429,
        { message: 'You are being rate limited.', retry_after: after, global: false },
        { 'retry-after': String(after), 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'fake', 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5', 'x-ratelimit-reset-after': String(after) },
      ];
    }
    if (rule.status === 403) return [403, { message: 'Missing Permissions', code: 50013 }, {}];
    return [500, { message: 'Internal Server Error', code: 0 }, {}];
  }

  private answer(method: string, route: string, params: Record<string, string>, body: MessageBody, query: URLSearchParams): [number, unknown] {
    switch (route) {
      case 'GET /gateway/bot':
        return [
          200,
          {
            url: this.gatewayUrl,
            shards: this.shardCount,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: this.options.maxConcurrency ?? 1 },
          },
        ];
      case 'POST /interactions/{interaction_id}/{interaction_token}/callback':
        return this.callback(params, body as { type: number; data?: MessageBody });
      case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original':
      case 'GET /webhooks/{webhook_id}/{webhook_token}/messages/@original':
      case 'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original':
        return this.original(method, params, body);
      case 'POST /webhooks/{webhook_id}/{webhook_token}': {
        const state = this.interactions.get(params.webhook_token!);
        if (!state?.callbackType) return [404, { message: 'Unknown Webhook', code: 10015 }];
        return [200, this.botMessage(body)];
      }
      case 'POST /channels/{channel_id}/messages': {
        const channelId = params.channel_id!;
        const guild = this.guildOfChannel(channelId);
        if (!guild) return [404, { message: 'Unknown Channel', code: 10003 }];
        const { nonce, enforce_nonce: enforceNonce } = body as { nonce?: string | number; enforce_nonce?: boolean };
        // With enforce_nonce, Discord answers a repeated nonce (within a few minutes) with the first message.
        const same = enforceNonce && nonce !== undefined ? this.channelMessages(channelId).find((m) => m.nonce === nonce) : undefined;
        if (same) return [200, same];
        const message: Record<string, unknown> = { ...this.botMessage(body), channel_id: channelId, type: body.message_reference ? 19 : 0, guild_id: guild.id };
        if (nonce !== undefined) message.nonce = nonce;
        delete message.webhook_id;
        delete message.application_id;
        this.messages.set(String(message.id), message);
        return [200, message];
      }
      case 'PATCH /channels/{channel_id}/messages/{message_id}': {
        const message = this.messages.get(params.message_id!);
        if (!message || message.channel_id !== params.channel_id) return [404, { message: 'Unknown Message', code: 10008 }];
        const edited: Record<string, unknown> = { ...message, edited_timestamp: new Date().toISOString() };
        for (const key of ['content', 'embeds', 'components', 'flags'] as const) if (body[key] !== undefined) edited[key] = body[key];
        this.messages.set(params.message_id!, edited);
        return [200, edited];
      }
      case 'GET /channels/{channel_id}/messages': {
        if (!this.guildOfChannel(params.channel_id!)) return [404, { message: 'Unknown Channel', code: 10003 }];
        const limit = Math.min(100, Number(query.get('limit') ?? 50));
        return [200, this.channelMessages(params.channel_id!).reverse().slice(0, limit)];
      }
      case 'PUT /applications/{application_id}/commands':
      case 'PUT /applications/{application_id}/guilds/{guild_id}/commands': {
        if (params.application_id !== this.applicationId) return [403, { message: 'Missing Access', code: 50001 }];
        const list = (body as unknown as Record<string, unknown>[]) ?? [];
        return [200, list.map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake() }))];
      }
      default:
        return [404, { message: '404: Not Found', code: 0 }];
    }
  }

  private callback(params: Record<string, string>, body: { type: number; data?: MessageBody }): [number, unknown] {
    const state = this.interactions.get(params.interaction_token!);
    if (!state || state.id !== params.interaction_id || Date.now() - state.dispatchedAt > CALLBACK_DEADLINE_MS) {
      return [404, { message: 'Unknown interaction', code: 10062 }];
    }
    if (state.callbackType !== null) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    state.callbackType = body.type;
    if (body.type === 4 || body.type === 5) state.message = this.botMessage(body.data ?? {}, state.messageId);
    if (body.type === 7 || body.type === 6) {
      // An update edits the message the button is on; later clicks see the new version.
      const target = this.interactions.get(this.buttonTargets.get(state.token) ?? '');
      if (target?.message && body.data) target.message = this.botMessage({ ...(target.message as MessageBody), ...body.data }, target.messageId);
      state.message = target?.message ?? null;
    }
    return [204, undefined];
  }

  private original(method: string, params: Record<string, string>, body: MessageBody): [number, unknown] {
    const state = this.interactions.get(params.webhook_token!);
    if (!state?.callbackType || params.webhook_id !== this.applicationId) return [404, { message: 'Unknown Webhook', code: 10015 }];
    if (method === 'DELETE') return [204, undefined];
    if (method === 'PATCH') {
      const previous = (state.message ?? {}) as MessageBody;
      state.message = this.botMessage({ ...previous, ...body }, state.messageId);
    }
    return [200, state.message ?? this.botMessage({}, state.messageId)];
  }
}

/** Route templates with Discord's OpenAPI parameter names. */
const ROUTES: [string, string[]][] = [
  ['GET', ['', 'gateway', 'bot']],
  ['POST', ['', 'interactions', '{interaction_id}', '{interaction_token}', 'callback']],
  ['PATCH', ['', 'webhooks', '{webhook_id}', '{webhook_token}', 'messages', '@original']],
  ['GET', ['', 'webhooks', '{webhook_id}', '{webhook_token}', 'messages', '@original']],
  ['DELETE', ['', 'webhooks', '{webhook_id}', '{webhook_token}', 'messages', '@original']],
  ['POST', ['', 'webhooks', '{webhook_id}', '{webhook_token}']],
  ['POST', ['', 'channels', '{channel_id}', 'messages']],
  ['GET', ['', 'channels', '{channel_id}', 'messages']],
  ['PATCH', ['', 'channels', '{channel_id}', 'messages', '{message_id}']],
  ['PUT', ['', 'applications', '{application_id}', 'commands']],
  ['PUT', ['', 'applications', '{application_id}', 'guilds', '{guild_id}', 'commands']],
];

function matchRoute(method: string, segments: string[]): { route: string; params: Record<string, string> } {
  for (const [m, template] of ROUTES) {
    if (m !== method || template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = template.every((part, i) => {
      if (part.startsWith('{')) return (params[part.slice(1, -1)] = segments[i]!) !== '';
      return part === segments[i];
    });
    if (ok) return { route: `${method} ${template.join('/')}`, params };
  }
  return { route: `${method} ${segments.join('/')}`, params: {} };
}

function needsBotAuth(route: string): boolean {
  return !route.includes('/interactions/') && !route.includes('/webhooks/');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
