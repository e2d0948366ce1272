// /ask and mentions in a conversation: the question read against the member's previous one in the channel (or the
// answer they reply to), answered, recorded for /story gaps, and remembered for the next follow-up. And the 👍/👎
// buttons under an answer.
import type { ButtonInteraction } from 'discord.js';
import { QuestionError } from '../ask/input.js';
import { castVote, listGaps, recordQuestion } from '../db/gaps.js';
import type { Exchange } from '../engine/engine.js';
import type { CommandContext } from './command.js';
import { parseVoteButton, renderAnswer, renderGaps, renderNotice, renderUnresolved, renderVote } from './render.js';
import type { Reply } from './reply.js';
import { send } from './respond.js';
import { settleWithin } from '../util/deadline.js';

/** How long an answer waits for its question to be recorded (for /story gaps and the vote buttons). */
export const RECORD_WAIT_MS = 1_000;

/** Who asked, and where: a conversation is one member's in one channel (a thread is a channel of its own). */
export interface Asker {
  guildId: string | null;
  channelId: string;
  userId: string;
  /** The message the question replies to, when it is a reply. */
  replyTo?: { messageId: string; toBot: boolean } | null;
}

export interface ConversationReply {
  reply: Reply;
  /** To call once the reply is sent, with its message id (when known): a reply to that message follows on from it. */
  sent(messageId: string | null): void;
}

/** The key of a member's conversation in a channel; a slash /ask and a mention there share it. */
export function memberKey(asker: Asker): string {
  return `member:${asker.guildId ?? 'dm'}:${asker.channelId}:${asker.userId}`;
}

/** The key of the exchange an answer message shows. */
export function messageKey(messageId: string): string {
  return `message:${messageId}`;
}

/**
 * The reply to a question asked in a conversation. A reply to one of storydesk's answers follows on from that answer
 * (whoever asked it: the answer is public), while it is remembered (an expired one: from nothing); any other question
 * from the member's last exchange in the channel, within the conversation's time to live. A follow-up with nothing to follow on from gets why; an
 * answered or abstained question is recorded (when there is a database) and its answer gets 👍/👎.
 */
export async function askInConversation(ctx: CommandContext, question: string, asker: Asker): Promise<ConversationReply> {
  const conversations = ctx.conversations;
  const key = memberKey(asker);
  const replied = asker.replyTo && conversations ? conversations.get(messageKey(asker.replyTo.messageId)) : null;
  const previous: Exchange | null = replied ?? (asker.replyTo?.toBot ? null : (conversations?.get(key) ?? null));
  let turn;
  try {
    turn = ctx.engine.askFollowUp(question, previous);
  } catch (error) {
    if (error instanceof QuestionError) return { reply: renderNotice(error.message), sent: () => {} };
    throw error;
  }
  if (turn.reading === 'unresolved') return { reply: renderUnresolved(question, turn.unresolved ?? ''), sent: () => {} };
  const exchange: Exchange = { question: turn.asked, answer: turn.result.answer };
  conversations?.set(key, exchange);
  const nearby = turn.result.answer ? null : ctx.engine.nearby(turn.asked);
  const voteId = await record(ctx, turn.asked, asker.guildId, turn.result.answer ? 'answered' : 'abstained');
  const reply = renderAnswer(question, turn.result, nearby, {
    readAs: turn.reading === 'follow-up' ? turn.asked : null,
    voteId: turn.result.answer ? voteId : null,
  });
  return {
    reply,
    sent: (messageId) => {
      if (messageId) conversations?.set(messageKey(messageId), exchange);
    },
  };
}

/** Records the question for /story gaps; a database error costs the votes, never the answer. */
async function record(ctx: CommandContext, question: string, guildId: string | null, outcome: 'answered' | 'abstained'): Promise<number | null> {
  if (!ctx.db) return null;
  // A database gone silent must not hold the answer up: past RECORD_WAIT_MS the answer goes without its vote buttons.
  const recorded = await settleWithin(recordQuestion(ctx.db, { question, guildId, outcome }), RECORD_WAIT_MS);
  if (recorded.kind === 'value') return recorded.value;
  if (recorded.kind === 'error') ctx.log.warn({ err: recorded.error, guildId }, 'could not record the question for /story gaps');
  else ctx.log.warn({ guildId, waitedMs: RECORD_WAIT_MS }, 'the database did not record the question in time; answered without vote buttons');
  return null;
}

/** 👍/👎 under an answer: the member's vote (one per answer; the other button switches, the same again takes it back), privately acknowledged. */
export async function voteButton(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const target = parseVoteButton(interaction.customId);
  if (!target) return send(interaction, renderNotice("I don't know that button."));
  if (!ctx.db) return send(interaction, renderNotice('Votes are not kept here: this bot runs without a database.'));
  const result = await castVote(ctx.db, { questionId: target.questionId, userId: interaction.user.id, vote: target.vote });
  await send(interaction, renderVote(result));
}

/** Moderators only: the default member permission of /story, checked again when it runs. */
export const GAPS_NO_PERMISSION = 'Only members with the **Manage Server** permission can see what members couldn’t get answered.';
export const GAPS_GUILD_ONLY = '/story gaps belongs to a server: use it in a server channel.';
export const GAPS_NOT_AVAILABLE = "/story gaps isn't available on this bot: it runs without a database, so no questions are kept.";

/**
 * /story gaps: the server's questions of the last 7 days that were abstained on or voted down, grouped, each with the
 * names it mentions (what the story's `nearby` finds in it), privately.
 */
export async function gapPages(ctx: CommandContext, guildId: string): Promise<Reply[]> {
  if (!ctx.db) return [renderNotice(GAPS_NOT_AVAILABLE)];
  const names = (question: string) => {
    try {
      return ctx.engine.nearby(question).names;
    } catch {
      return [];
    }
  };
  return renderGaps(await listGaps(ctx.db, { guildId, namesOf: names })).map((page) => ({ ...page, ephemeral: true }));
}
