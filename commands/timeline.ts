// /timeline [from] [to] [topic] [person] — dated events from the articles, oldest first, paged.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { TIMELINE_OPTION_MAX, timelineOptions } from '../src/discord/options.js';
import { renderChoices, renderTimeline } from '../src/discord/render.js';
import { pageOptions } from '../src/discord/pager.js';
import { defer, sendPages } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('What happened when, according to the articles')
    .addStringOption((o) => o.setName('from').setDescription('Earliest date, e.g. 2022-07 or 12 September 2022').setMaxLength(TIMELINE_OPTION_MAX))
    .addStringOption((o) => o.setName('to').setDescription('Latest date, e.g. 2022-10-31').setMaxLength(TIMELINE_OPTION_MAX))
    .addStringOption((o) => o.setName('topic').setDescription('Only events about this, e.g. cyberattack').setMaxLength(TIMELINE_OPTION_MAX))
    .addStringOption((o) =>
      o.setName('person').setDescription('Only events involving this person').setMaxLength(TIMELINE_OPTION_MAX).setAutocomplete(true),
    ),
  async execute(interaction, ctx) {
    const filter = timelineOptions(interaction);
    await defer(interaction);
    await sendPages(interaction, ctx, renderTimeline(ctx.engine.timeline(filter), filter), pageOptions(filter));
  },
  /** The filter as read (dates already resolved to days), as sendPages stored it. */
  pages(filter, ctx) {
    return renderTimeline(ctx.engine.timeline(filter), filter);
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().trim();
    const found = typed ? ctx.engine.suggestEntities(typed, 50) : ctx.engine.who();
    await interaction.respond(renderChoices(found.filter((e) => e.kind === 'person').map((e) => e.name)));
  },
} satisfies Command;
