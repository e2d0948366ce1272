// /sources — the articles storydesk answers from, with links.
import { SlashCommandBuilder } from 'discord.js';
import type { Command, CommandContext } from '../src/discord/command.js';
import { renderSources } from '../src/discord/render.js';
import { sendPages } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder().setName('sources').setDescription('The articles I answer from, newest first, with links'),
  async execute(interaction, ctx) {
    await sendPages(interaction, ctx, sourcePages(ctx));
  },
  pages: (_options, ctx) => sourcePages(ctx),
} satisfies Command;

function sourcePages(ctx: CommandContext) {
  return renderSources(ctx.engine.articles(), ctx.engine.problems().length);
}
