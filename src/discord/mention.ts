// `@storydesk question` in a channel or thread: answered like /ask, as a reply to that message. A reply to one of
// storydesk's answers (which pings it, as Discord's replies do by default) follows on from that answer.
// A message that mentions the bot carries its content even without the privileged Message Content intent.
import { DiscordAPIError, type Message } from 'discord.js';
import type { CommandContext } from './command.js';
import { QUESTION_MAX } from './options.js';
import { cleanEcho } from '../present/sanitize.js';
import { askInConversation, type Asker, type ConversationReply } from './ask-flow.js';
import { renderCooldown, renderError, renderNotice } from './render.js';
import { toMessageReplyOptions, type Reply } from './reply.js';

export type MessageHandler = (message: Message) => Promise<void>;

/**
 * The question in a message addressed to `botId`, or null when the message is not for the bot. The mention goes with
 * the punctuation that set it off and a greeting before it: "hey @storydesk, when was the attack?" asks "when was the
 * attack?", and "who attacked Albania, @storydesk?" asks "who attacked Albania?". Invisible and control characters
 * are dropped first: a mention followed by nothing visible asks nothing.
 */
export function questionFor(message: Pick<Message, 'content'> & { mentions: { users: { has(id: string): boolean } } }, botId: string): string | null {
  const token = new RegExp(`<@!?${botId}>`, 'g');
  if (!message.content.match(token) && !message.mentions.users.has(botId)) return null;
  const mention = new RegExp(`[,;:]?\\s*<@!?${botId}>\\s*[,;:.!]*`, 'g');
  return cleanEcho(message.content)
    .replace(mention, ' ')
    .replace(/^\s*(?:hey|hi|hello|yo|ok|okay|so|oi|dear)\b[\s,;:!.]*/i, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.!?])/g, '$1')
    .replace(/^[\s,;:.!]+/, '')
    .trim();
}

export function createMentionHandler(ctx: CommandContext): MessageHandler {
  return async (message) => {
    const botId = message.client.user?.id;
    if (!botId || message.author.bot || message.webhookId || message.system) return;
    const question = questionFor(message, botId);
    if (question === null) return;
    const about = { messageId: message.id, channelId: message.channelId, userId: message.author.id, guildId: message.guildId };
    try {
      const reference = message.reference?.messageId;
      const asker: Asker = {
        guildId: message.guildId,
        channelId: message.channelId,
        userId: message.author.id,
        replyTo: reference ? { messageId: reference, toBot: message.mentions.repliedUser?.id === botId } : null,
      };
      const answered = await answer(question, asker, ctx);
      const sent = await message.reply(toMessageReplyOptions(answered.reply));
      answered.sent(sent.id);
    } catch (error) {
      await fail(message, error, about, ctx);
    }
  };
}

/** The reply: a hint for a bare mention, a refusal over the length or the cooldown, else the answer in its conversation. */
async function answer(question: string, asker: Asker, ctx: CommandContext): Promise<ConversationReply> {
  const note = (reply: Reply): ConversationReply => ({ reply, sent: () => {} });
  if (!question) return note(renderNotice('Ask me something after the mention, e.g. `@storydesk who was behind the attack?`'));
  if (question.length > QUESTION_MAX) return note(renderNotice(`That question is too long: at most ${QUESTION_MAX} characters, please.`));
  const wait = ctx.cooldown.take(asker.userId);
  if (wait > 0) return note(renderCooldown(wait));
  return askInConversation(ctx, question, asker);
}

/** Missing permissions are the server's business: logged, nothing more. Anything else gets an apology. */
async function fail(message: Message, error: unknown, about: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404)) {
    ctx.log.warn({ ...about, status: error.status, code: error.code, err: error }, 'cannot reply in this channel');
    return;
  }
  ctx.log.error({ ...about, err: error }, 'mention handler failed');
  try {
    await message.reply(toMessageReplyOptions(renderError()));
  } catch (replyError) {
    ctx.log.warn({ ...about, err: replyError }, 'could not apologise for the failure either');
  }
}
