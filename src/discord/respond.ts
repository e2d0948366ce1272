// Sending rendered replies to interactions: reply, or edit the deferred reply, always without mentions.
import type { ChatInputCommandInteraction, RepliableInteraction } from 'discord.js';
import type { CommandContext } from './command.js';
import type { PageOptions } from './pager.js';
import { renderCooldown } from './render.js';
import { toEditOptions, toReplyOptions, type Reply } from './reply.js';

/** Replies, or fills in the deferred reply; an ephemeral note after a defer goes out as a follow-up. */
export async function send(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    if (reply.ephemeral) await interaction.followUp(toReplyOptions(reply));
    else await interaction.editReply(toEditOptions(reply));
  } else if (interaction.replied) {
    await interaction.followUp(toReplyOptions(reply));
  } else {
    await interaction.reply(toReplyOptions(reply));
  }
}

/**
 * As `send`, returning the id of the message the reply became when it is the public reply after a defer (so that a
 * reply to it can be recognised), else null.
 */
export async function sendForId(interaction: RepliableInteraction, reply: Reply): Promise<string | null> {
  if (interaction.deferred && !interaction.replied && !reply.ephemeral) return (await interaction.editReply(toEditOptions(reply))).id;
  await send(interaction, reply);
  return null;
}

/**
 * Sends the first page; Previous/Next then turn pages until the pager expires the buttons. `options` are what the
 * command's `pages` renders the list from again (after a restart); without them its buttons end at a restart.
 */
export async function sendPages(interaction: ChatInputCommandInteraction, ctx: CommandContext, pages: Reply[], options: PageOptions = {}): Promise<void> {
  const first = await ctx.pager.open({
    ownerId: interaction.user.id,
    command: interaction.commandName,
    options,
    pages,
    expire: (reply) => interaction.editReply(toEditOptions(reply)),
  });
  await send(interaction, first);
}

/** Spends one question from the user's cooldown; when none is left, says when to try again and returns false. */
export async function takeQuestion(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<boolean> {
  const wait = ctx.cooldown.take(interaction.user.id);
  if (wait <= 0) return true;
  await send(interaction, renderCooldown(wait));
  return false;
}

/** Deferring first keeps the 3-second deadline however long the engine takes. */
export async function defer(interaction: ChatInputCommandInteraction): Promise<void> {
  if (!interaction.deferred && !interaction.replied) await interaction.deferReply();
}
