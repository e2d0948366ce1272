// /story gaps — for moderators (Manage Server): the questions of the last 7 days the articles didn't answer or members
// voted down, near-identical ones together, most asked first, with the names they mention. Privately, paged.
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { GAPS_GUILD_ONLY, GAPS_NO_PERMISSION, gapPages } from '../src/discord/ask-flow.js';
import { renderNotice } from '../src/discord/render.js';
import { send, sendPages } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('story')
    .setDescription('How the story serves members (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s.setName('gaps').setDescription("What members couldn't get answered in the last 7 days: the articles the story may be missing"),
    ),
  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return send(interaction, renderNotice(GAPS_GUILD_ONLY));
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return send(interaction, renderNotice(GAPS_NO_PERMISSION));
    // One subcommand so far: gaps.
    await sendPages(interaction, ctx, await gapPages(ctx, interaction.guildId), { subcommand: 'gaps', guild: interaction.guildId });
  },
  /** The pages again, from the database (after a restart, or for Previous/Next). */
  async pages(options, ctx) {
    return options.guild ? await gapPages(ctx, options.guild) : [renderNotice(GAPS_GUILD_ONLY)];
  },
} satisfies Command;
