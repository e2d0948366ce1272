// Checks request bodies against Discord's own OpenAPI spec (../shared/discord-api-spec/openapi.json) and
// against the two limits the spec does not state: 2000 characters of content, 6000 across a message's embeds.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { RecordedRequest } from './fake-discord.js';
import type { Reply } from '../../src/discord/reply.js';

// The spec sits beside the repository: <repo>/../shared/discord-api-spec/openapi.json.
export const SPEC_PATH = fileURLToPath(new URL('../../../shared/discord-api-spec/openapi.json', import.meta.url));
const SPEC_ID = 'https://discord.com/openapi.json';

/** Which schema a route's body must match; callbacks are checked by their `type`. */
const ROUTE_SCHEMAS: Record<string, string | ((body: unknown) => string)> = {
  'POST /interactions/{interaction_id}/{interaction_token}/callback': (body) => {
    const type = (body as { type?: number }).type;
    if (type === 4 || type === 5) return 'CreateMessageInteractionCallbackRequest';
    if (type === 6 || type === 7) return 'UpdateMessageInteractionCallbackRequest';
    if (type === 8) return 'ApplicationCommandAutocompleteCallbackRequest';
    return `unexpected callback type ${String(type)}`;
  },
  'POST /channels/{channel_id}/messages': 'MessageCreateRequest',
  'PATCH /channels/{channel_id}/messages/{message_id}': 'MessageEditRequestPartial',
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': 'IncomingWebhookUpdateRequestPartial',
  'POST /webhooks/{webhook_id}/{webhook_token}': 'IncomingWebhookRequestPartial',
};

/** Routes whose body schema is inline in the path's requestBody rather than a named component. */
const PATH_BODIES: Record<string, string> = {
  'PUT /applications/{application_id}/commands': '/applications/{application_id}/commands',
  'PUT /applications/{application_id}/guilds/{guild_id}/commands': '/applications/{application_id}/guilds/{guild_id}/commands',
};

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

function spec(): Ajv2020 {
  if (ajv) return ajv;
  if (!existsSync(SPEC_PATH)) {
    throw new Error(`discord-spec: Discord's OpenAPI spec is missing: expected it at ${SPEC_PATH} (../shared/discord-api-spec/openapi.json from the repository)`);
  }
  const document = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>;
  ajv = new Ajv2020({ strict: false, validateFormats: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  for (const name of ['int32', 'int64', 'double', 'float', 'snowflake', 'nonce']) ajv.addFormat(name, true);
  ajv.addSchema({ ...document, $id: SPEC_ID });
  return ajv;
}

function validator(ref: string): ValidateFunction {
  let fn = compiled.get(ref);
  if (!fn) {
    fn = spec().getSchema(`${SPEC_ID}#${ref}`);
    if (!fn) throw new Error(`discord-spec: no schema at ${ref}`);
    compiled.set(ref, fn);
  }
  return fn;
}

/** Compiles every route's schema now, so the first validation does not stall a reply (compiling takes ~1 s). */
export function prepareValidators(): void {
  for (const name of ['CreateMessageInteractionCallbackRequest', 'UpdateMessageInteractionCallbackRequest', 'ApplicationCommandAutocompleteCallbackRequest', 'MessageCreateRequest', 'MessageEditRequestPartial', 'IncomingWebhookUpdateRequestPartial', 'IncomingWebhookRequestPartial']) {
    validator(`/components/schemas/${name}`);
  }
}

/** Every reason Discord would refuse this request's body; empty when it would accept it. */
export function validateRequest(request: Pick<RecordedRequest, 'method' | 'route' | 'body'>): string[] {
  const errors: string[] = [];
  const named = ROUTE_SCHEMAS[request.route];
  let ref: string | null = null;
  if (named) {
    const name = typeof named === 'function' ? named(request.body) : named;
    if (name.startsWith('unexpected')) return [`${request.route}: ${name}`];
    ref = `/components/schemas/${name}`;
  } else if (PATH_BODIES[request.route]) {
    const path = PATH_BODIES[request.route]!.replace(/~/g, '~0').replace(/\//g, '~1');
    ref = `/paths/${path}/${request.method.toLowerCase()}/requestBody/content/application~1json/schema`;
  }
  if (ref) {
    const fn = validator(ref);
    if (!fn(specQuirks(request.body))) {
      for (const e of fn.errors ?? []) errors.push(`${request.route}: ${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
    }
  }
  return [...errors, ...limitProblems(request.route, request.body)];
}

/** Every reason Discord would refuse this reply, as the body discord.js sends for a slash command's answer. */
export function replyProblems(reply: Reply): string[] {
  const data = { content: reply.content, embeds: reply.embeds, components: reply.components, allowed_mentions: { parse: [] }, flags: reply.ephemeral ? 64 : undefined };
  return validateRequest({ method: 'POST', route: 'POST /interactions/{interaction_id}/{interaction_token}/callback', body: { type: 4, data } });
}

/**
 * Discord documents permission bitfields as strings and discord.js sends strings; the spec says integer.
 * Digit strings are turned into numbers for validation only, so a real mistake still fails.
 */
function specQuirks(body: unknown): unknown {
  if (!Array.isArray(body)) return body;
  return body.map((command: unknown) => {
    if (!command || typeof command !== 'object') return command;
    const c = command as Record<string, unknown>;
    const p = c.default_member_permissions;
    return typeof p === 'string' && /^\d+$/.test(p) ? { ...c, default_member_permissions: Number(p) } : c;
  });
}

/** The 2000/6000 limits, plus storydesk's own rule: every message parses no mentions. */
export function limitProblems(route: string, body: unknown): string[] {
  const message = messageOf(route, body);
  if (!message) return [];
  const problems: string[] = [];
  if (typeof message.content === 'string' && [...message.content].length > 2000) {
    problems.push(`${route}: content has ${[...message.content].length} characters, more than 2000`);
  }
  const total = (message.embeds ?? []).reduce((n, e) => n + embedChars(e), 0);
  if (total > 6000) problems.push(`${route}: embeds have ${total} characters together, more than 6000`);
  const parse = message.allowed_mentions?.parse;
  if (!Array.isArray(parse) || parse.length > 0) problems.push(`${route}: allowed_mentions.parse must be [] (got ${JSON.stringify(message.allowed_mentions)})`);
  return problems;
}

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

interface Message {
  content?: string;
  embeds?: Embed[];
  allowed_mentions?: { parse?: unknown[] };
}

/** The message a body carries, if any (a deferral or an autocomplete carries none). */
function messageOf(route: string, body: unknown): Message | null {
  if (!body || typeof body !== 'object') return null;
  if (route.endsWith('/callback')) {
    const { type, data } = body as { type: number; data?: Message };
    return type === 4 || type === 7 ? (data ?? {}) : null;
  }
  if (route.startsWith('PUT ')) return null;
  return body as Message;
}

function embedChars(e: Embed): number {
  const len = (s: string | undefined) => (s ? [...s].length : 0);
  let n = len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  for (const f of e.fields ?? []) n += len(f.name) + len(f.value);
  return n;
}
