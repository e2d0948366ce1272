// A reply before it is sent, and everything that makes it safe to send: Discord's limits, cutting text to fit them
// (at a sentence or word boundary, escaped), and mentions that ping no one. Every message storydesk sends passes here.
import {
  ButtonStyle,
  escapeMarkdown,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageReplyOptions,
} from 'discord.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A reply before it is sent: the same shape for slash commands, buttons and mentions. */
export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Only the user who asked sees it (interactions only). */
  ephemeral?: boolean;
}

/** Who a message may ping: no one, not a user or a role an excerpt names, not @everyone. */
export const NO_MENTIONS = { parse: [] as [] };
/** The same for a reply to a message, which also doesn't ping its author; the client's default too. */
export const NO_MENTIONS_IN_REPLY = { ...NO_MENTIONS, repliedUser: false };

/** Documented Discord limits (characters unless stated). */
export const Limits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Across every embed of one message: titles, descriptions, field names and values, footers, authors. */
  embedsTotal: 6000,
  embeds: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  buttonUrl: 512,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/**
 * Fits `text` into `max` characters: unchanged when it fits, otherwise cut after the last sentence
 * that fits (if that keeps at least half), else at the last word, else mid-word, and marked with "…".
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const head = safeSlice(text, max - 1);
  const sentence = lastSentenceEnd(head);
  if (sentence >= head.length / 2 && sentence + 2 <= max) return `${head.slice(0, sentence)} ${ELLIPSIS}`;
  const space = head.search(/\s\S*$/);
  const cut = space > head.length / 4 ? head.slice(0, space) : head;
  return `${dropDanglingEscape(cut.trimEnd())}${ELLIPSIS}`;
}

/** Words that leave a label hanging when it ends on them ("…against Iran cyber threat, Lapid tells…" is fine; "…help to…" is not). */
const DANGLING = /\s+(?:a|an|and|as|at|by|for|from|in|of|on|or|over|the|to|with)$/i;

/**
 * Fits a label or a title into `max` characters: unchanged when it fits, otherwise cut after the last whole word that
 * fits (never inside a word, and not after a joining word or punctuation), marked with "…". Only a single word longer
 * than a third of `max` is cut inside. Unlike `truncate`, never cuts at a sentence end ("U.S. envoy …" stays whole).
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const head = safeSlice(text, max - 1);
  const whole = /\s/.test(text.charAt(head.length)) ? head : head.replace(/\s+\S*$/u, '');
  let cut = whole.length >= head.length / 3 ? whole : head;
  for (let previous = ''; previous !== cut; ) {
    previous = cut;
    cut = cut.replace(/[\s,;:([{/&–—-]+$/u, '').replace(DANGLING, '');
  }
  return `${dropDanglingEscape(cut || head)}${ELLIPSIS}`;
}

/** The index just past the last sentence-ending punctuation (with closing quotes) followed by a space. */
function lastSentenceEnd(text: string): number {
  let end = -1;
  for (const m of text.matchAll(/[.!?…]['"’”)\]]*(?=\s)/g)) end = m.index + m[0].length;
  return end;
}

/** Never split a surrogate pair (an emoji would turn into garbage). */
function safeSlice(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/** A cut after an odd run of backslashes would escape the "…" or whatever follows. */
function dropDanglingEscape(text: string): string {
  const run = /\\+$/.exec(text)?.[0].length ?? 0;
  return run % 2 === 1 ? text.slice(0, -1) : text;
}

/** Article text shown as-is: markdown characters escaped, so `*` or `_` in an excerpt stay literal. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { maskedLink: true });
}

/** Escapes, then fits: the cut never leaves half an escape sequence. */
export function fitEscaped(text: string, max: number): string {
  return truncate(escapeText(text), max);
}

/** The URL itself when it is a valid http(s) link Discord accepts on a button, else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const href = parsed.href;
    return href.length <= Limits.buttonUrl ? href : null;
  } catch {
    return null;
  }
}

/** A markdown link `[text](url)`; brackets in the text and parentheses in the url are escaped. */
export function markdownLink(text: string, url: string | null): string {
  const label = escapeMarkdown(text).replace(/[[\]]/g, (c) => `\\${c}`);
  const href = safeUrl(url);
  if (!href) return label;
  return `[${label}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

// ---------- fitting a reply ----------

/** Characters Discord counts toward the 6000 across a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Enforces every per-message limit; content that does not fit is cut with "…", never rejected. */
export function fitReply(reply: Reply): Reply {
  const embeds = reply.embeds.slice(0, Limits.embeds).map(fitEmbed);
  shrinkToTotal(embeds);
  const components = reply.components
    .map((row) => ({ ...row, components: row.components.filter(validButton).slice(0, Limits.buttonsPerRow) }))
    .filter((row) => row.components.length > 0)
    .slice(0, Limits.actionRows);
  const content = reply.content === undefined ? undefined : truncate(reply.content, Limits.content);
  const fitted: Reply = { embeds, components };
  if (content !== undefined) fitted.content = content;
  if (reply.ephemeral) fitted.ephemeral = true;
  return fitted;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, Limits.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, Limits.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, Limits.footer) };
  if (out.fields) {
    out.fields = out.fields.slice(0, Limits.fields).map((f) => ({
      ...f,
      name: truncate(f.name, Limits.fieldName) || '\u200b',
      value: truncate(f.value, Limits.fieldValue) || '\u200b',
    }));
  }
  return out;
}

/** Drops trailing fields, then shortens descriptions, until all embeds fit in 6000 characters. */
function shrinkToTotal(embeds: APIEmbed[]): void {
  const total = () => embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let i = embeds.length - 1; i >= 0 && total() > Limits.embedsTotal; i--) {
    const fields = embeds[i]!.fields;
    while (fields && fields.length > 0 && total() > Limits.embedsTotal) fields.pop();
  }
  for (let i = embeds.length - 1; i >= 0 && total() > Limits.embedsTotal; i--) {
    const e = embeds[i]!;
    const excess = total() - Limits.embedsTotal;
    if (e.description) e.description = truncate(e.description, Math.max(1, e.description.length - excess));
  }
}

function validButton(b: APIButtonComponent): boolean {
  if (b.style === ButtonStyle.Link) return safeUrl(b.url) !== null;
  return 'custom_id' in b && b.custom_id.length > 0 && b.custom_id.length <= Limits.customId;
}

// ---------- to discord.js options ----------

/** For `interaction.reply`: mentions parse nothing, ephemeral via flags. */
export function toReplyOptions(reply: Reply): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  const options: InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } = {
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: NO_MENTIONS,
  };
  if (reply.content !== undefined) options.content = reply.content;
  if (reply.ephemeral) options.flags = MessageFlags.Ephemeral;
  return options;
}

/** For `editReply` after a defer and for `interaction.update` on a button. */
export function toEditOptions(reply: Reply): InteractionEditReplyOptions & InteractionUpdateOptions {
  return { content: reply.content ?? '', embeds: reply.embeds, components: reply.components, allowedMentions: NO_MENTIONS };
}

/** For `message.reply` to a mention: pings neither the author nor anyone an excerpt names. A message reply is public: `ephemeral` does not apply. */
export function toMessageReplyOptions(reply: Reply): MessageReplyOptions {
  const options: MessageReplyOptions = {
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: NO_MENTIONS_IN_REPLY,
  };
  if (reply.content !== undefined) options.content = reply.content;
  return options;
}
