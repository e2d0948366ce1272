// /article add url | remove article — add an article to the story from a link (after a private preview), or take one
// out (its file is kept in CORPUS_DIR/.removed/). Manage Server, in a server listed in EDITOR_GUILD_IDS.
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import type { IntakeDesk } from '../src/discord/intake-desk.js';
import {
  IntakeTexts,
  intakeNotice,
  parsePreviewButton,
  renderAdded,
  renderArticleChoices,
  renderArticlePreview,
  renderPreviewClosed,
  renderPreviewRefused,
  renderRemoved,
} from '../src/discord/intake-render.js';
import { BadOptionError, textOption } from '../src/discord/options.js';
import { toEditOptions } from '../src/discord/reply.js';
import { send } from '../src/discord/respond.js';

/** The longest URL accepted (browsers and servers agree on little more). */
const URL_MAX = 2000;

const data = new SlashCommandBuilder()
  .setName('article')
  .setDescription('Add an article to the story from a link, or remove one')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Preview the article at a link privately, then add it to the story')
      .addStringOption((o) => o.setName('url').setDescription("The article's address, https://…").setRequired(true).setMaxLength(URL_MAX)),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Take an article out of the story (its file is kept, in .removed/)')
      .addStringOption((o) => o.setName('article').setDescription('Start typing its title').setRequired(true).setAutocomplete(true).setMaxLength(200)),
  );

async function add(interaction: ChatInputCommandInteraction, desk: IntakeDesk, guildId: string): Promise<void> {
  const url = textOption(interaction, 'url', { required: true, max: URL_MAX });
  // Fetching and reading the page can take longer than Discord's 3 seconds; only the invoker sees the preview.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const preview = await desk.preview(url, guildId, interaction.user.id);
  if (!preview.ok) return void (await interaction.editReply(toEditOptions(renderPreviewRefused(url, preview))));
  const { token, expiresAt } = desk.hold(preview, interaction.user.id, () =>
    interaction.editReply(toEditOptions(renderPreviewClosed(IntakeTexts.previewExpired))),
  );
  await interaction.editReply(toEditOptions(renderArticlePreview(preview, token, expiresAt)));
}

async function remove(interaction: ChatInputCommandInteraction, desk: IntakeDesk): Promise<void> {
  const found = desk.findArticle(textOption(interaction, 'article', { required: true, max: 200 }));
  if (!found.ok) throw new BadOptionError('article', found.error);
  const removed = await desk.remove(found.article);
  if (!removed.ok) return send(interaction, intakeNotice(`Couldn't remove it: ${removed.error}. Nothing changed.`));
  await send(interaction, renderRemoved(removed.article, removed.shown));
}

export default {
  data,
  async execute(interaction, ctx) {
    const desk = ctx.intake;
    if (!desk) return send(interaction, intakeNotice(IntakeTexts.notAvailable));
    const refusal = desk.refusal(interaction.guildId, interaction.memberPermissions);
    if (refusal) return send(interaction, intakeNotice(refusal));
    switch (interaction.options.getSubcommand(true)) {
      case 'add':
        return add(interaction, desk, interaction.guildId!);
      case 'remove':
        return remove(interaction, desk);
      default:
        return send(interaction, intakeNotice('Use /article add or /article remove.'));
    }
  },
  async autocomplete(interaction, ctx) {
    const desk = ctx.intake;
    const focused = interaction.options.getFocused(true);
    if (!desk || focused.name !== 'article' || desk.refusal(interaction.guildId, interaction.memberPermissions)) return interaction.respond([]);
    await interaction.respond(renderArticleChoices(desk.suggestArticles(String(focused.value))));
  },
  /** Add and Cancel on a preview: only its invoker, once, until it expires. */
  async button(interaction, ctx) {
    const target = parsePreviewButton(interaction.customId);
    const desk = ctx.intake;
    if (!target || !desk) return void (await interaction.update(toEditOptions(renderPreviewClosed(IntakeTexts.previewExpired))));
    const taken = desk.take(target.token, interaction.user.id);
    if (taken.kind === 'not-owner') return send(interaction, intakeNotice(IntakeTexts.notYourPreview));
    if (taken.kind === 'expired') return void (await interaction.update(toEditOptions(renderPreviewClosed(IntakeTexts.previewExpired))));
    if (target.action === 'cancel') return void (await interaction.update(toEditOptions(renderPreviewClosed(IntakeTexts.cancelled))));
    // Checked again: a permission may have been taken away since the preview.
    const refusal = desk.refusal(interaction.guildId, interaction.memberPermissions);
    if (refusal) return void (await interaction.update(toEditOptions(renderPreviewClosed(refusal))));
    await interaction.deferUpdate();
    const result = await desk.add(taken.preview);
    await interaction.editReply(toEditOptions(renderAdded(result, taken.preview.article.title)));
  },
} satisfies Command;
