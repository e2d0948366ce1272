// /help — what storydesk does and how to ask it; the moderators' commands only to members who may use them.
import { SlashCommandBuilder } from 'discord.js';
import { commandsFor, type Command } from '../src/discord/command.js';
import { renderHelp } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What I can do and how to ask me'),
  async execute(interaction, ctx) {
    await send(interaction, renderHelp(commandsFor(ctx.commands, interaction.memberPermissions)));
  },
} satisfies Command;
