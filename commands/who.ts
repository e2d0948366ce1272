// /who [name] — everyone the articles name, or one of them with the passages that mention them.
import { SlashCommandBuilder } from 'discord.js';
import type { Command, CommandContext } from '../src/discord/command.js';
import { textOption } from '../src/discord/options.js';
import { renderChoices, renderEntity, renderEntityList } from '../src/discord/render.js';
import { pageOptions, type PageOptions } from '../src/discord/pager.js';
import { defer, sendPages } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('The people, organisations and places in the story')
    .addStringOption((o) =>
      o.setName('name').setDescription('Someone to look up, e.g. a minister').setMaxLength(100).setAutocomplete(true),
    ),
  async execute(interaction, ctx) {
    const name = textOption(interaction, 'name', { max: 100 });
    await defer(interaction);
    const options = pageOptions({ name });
    await sendPages(interaction, ctx, whoPages(options, ctx), options);
  },
  pages: whoPages,
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().trim();
    const found = typed ? ctx.engine.suggestEntities(typed, 25) : ctx.engine.who();
    await interaction.respond(renderChoices(found.map((e) => e.name)));
  },
} satisfies Command;

/** One person's passages (`name`), or everyone. */
function whoPages(options: PageOptions, ctx: CommandContext) {
  return options.name ? renderEntity(options.name, ctx.engine.whoIs(options.name)) : renderEntityList(ctx.engine.who());
}
