// Routes each interaction to its command, autocomplete or page button; every failure still gets the user a reply.
import { DiscordjsError, type AutocompleteInteraction, type ButtonInteraction, type Interaction } from 'discord.js';
import type { Command, CommandContext } from './command.js';
import { BadOptionError } from './options.js';
import { parsePageButton } from './pager.js';
import { renderError, renderNotice } from './render.js';
import { toEditOptions, type Reply } from './reply.js';
import { send } from './respond.js';

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

export function createInteractionHandler(commands: ReadonlyMap<string, Command>, ctx: CommandContext): InteractionHandler {
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) return await send(interaction, renderNotice(unknownCommand(interaction.commandName, commands)));
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        await autocomplete(interaction, commands, ctx);
      } else if (interaction.isButton()) {
        // A command's own buttons carry its name ("article:add:…"); Previous/Next are the pager's.
        const owner = commands.get(interaction.customId.split(':')[0]!);
        if (owner?.button) await owner.button(interaction, ctx);
        else await turnPage(interaction, ctx);
      } else if (interaction.isRepliable()) {
        await send(interaction, renderNotice("I don't handle that kind of interaction. Try /help."));
      }
    } catch (error) {
      await fail(interaction, error, ctx);
    }
  };
}

function unknownCommand(name: string, commands: ReadonlyMap<string, Command>): string {
  const known = [...commands.keys()].map((n) => `/${n}`).join(', ');
  return `I don't know the command /${name}. I know ${known}.`;
}

async function autocomplete(interaction: AutocompleteInteraction, commands: ReadonlyMap<string, Command>, ctx: CommandContext) {
  const command = commands.get(interaction.commandName);
  if (command?.autocomplete) await command.autocomplete(interaction, ctx);
  else await interaction.respond([]);
}

async function turnPage(interaction: ButtonInteraction, ctx: CommandContext) {
  const target = parsePageButton(interaction.customId);
  // Someone else's list: their own copy, privately, whose buttons then redraw that copy when they expire.
  const expireCopy = (reply: Reply) => interaction.editReply(toEditOptions(reply));
  const result = target ? await ctx.pager.turn(target.sessionId, target.page, interaction.user.id, expireCopy) : { kind: 'expired' as const };
  switch (result.kind) {
    case 'page':
      return void (await interaction.update(toEditOptions(result.reply)));
    case 'copy':
      return send(interaction, result.reply);
    case 'expired':
      return send(interaction, renderNotice('These buttons have expired. Run the command again to browse.'));
  }
}

/** A bad option is the user's to fix; anything else is ours: logged with its stack, and the user told. */
async function fail(interaction: Interaction, error: unknown, ctx: CommandContext): Promise<void> {
  const about = describe(interaction);
  const userError = userFacingMessage(error);
  if (userError) ctx.log.info({ ...about, reason: userError }, 'bad option');
  else ctx.log.error({ ...about, err: error }, 'interaction handler failed');
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      await send(interaction, userError ? renderNotice(userError) : renderError());
    }
  } catch (replyError) {
    ctx.log.error({ ...about, err: replyError }, 'could not tell the user about the failure');
  }
}

const OPTION_ERROR_CODES = /^(CommandInteractionOption|AutocompleteInteractionOption)/;

function userFacingMessage(error: unknown): string | null {
  if (error instanceof BadOptionError) return error.message;
  if (error instanceof DiscordjsError && OPTION_ERROR_CODES.test(String(error.code))) {
    return `One of the options isn't valid: ${error.message}`;
  }
  return null;
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    kind: interaction.type,
    command: 'commandName' in interaction ? interaction.commandName : undefined,
    customId: 'customId' in interaction ? interaction.customId : undefined,
    userId: interaction.user.id,
    guildId: interaction.guildId,
  };
}
