// /help — what storydesk does and how to ask it.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderHelp } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What I can do and how to ask me'),
  async execute(interaction, ctx) {
    await send(interaction, renderHelp(ctx.commands));
  },
} satisfies Command;
