// /quote [speaker] [topic] — what people said, verbatim, paged.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { textOption } from '../src/discord/options.js';
import { renderChoices, renderQuotes } from '../src/discord/render.js';
import { pageOptions } from '../src/discord/pager.js';
import { defer, sendPages } from '../src/discord/respond.js';
import type { QuoteFilter } from '../src/model/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('Quotations from the articles, word for word')
    .addStringOption((o) =>
      o.setName('speaker').setDescription('Who said it').setMaxLength(100).setAutocomplete(true),
    )
    .addStringOption((o) => o.setName('topic').setDescription('Only quotes about this').setMaxLength(100)),
  async execute(interaction, ctx) {
    const filter: QuoteFilter = {};
    const speaker = textOption(interaction, 'speaker', { max: 100 });
    const topic = textOption(interaction, 'topic', { max: 100 });
    if (speaker) filter.speaker = speaker;
    if (topic) filter.topic = topic;
    await defer(interaction);
    await sendPages(interaction, ctx, renderQuotes(ctx.engine.quotes(filter), filter), pageOptions(filter));
  },
  pages(options, ctx) {
    const filter: QuoteFilter = {};
    if (options.speaker) filter.speaker = options.speaker;
    if (options.topic) filter.topic = options.topic;
    return renderQuotes(ctx.engine.quotes(filter), filter);
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().trim();
    await interaction.respond(renderChoices(ctx.engine.suggestSpeakers(typed, 25)));
  },
} satisfies Command;
