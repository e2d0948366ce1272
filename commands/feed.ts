// /feed add url [match] [mode] [backfill] | list | remove feed | review [channel] | notify [channel] — follow news feeds
// into the story through its filter and the review queue. Manage Server, in a server listed in EDITOR_GUILD_IDS.
// The review queue's Approve and Reject buttons (on the cards posted in the review channel) are handled here too.
import {
  ChannelType,
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
  parseCardButton,
  renderChannelSet,
  renderDecision,
  renderFeedAdded,
  renderFeedChoices,
  renderFeedList,
  renderFeedRemoved,
} from '../src/discord/intake-render.js';
import { BadOptionError, textOption } from '../src/discord/options.js';
import { toEditOptions } from '../src/discord/reply.js';
import { send } from '../src/discord/respond.js';

const URL_MAX = 2000;
const MATCH_MAX = 500;

/** What the bot needs in a channel: cards have embeds, and after a crash it reads the channel to find a card it posted. */
const CHANNEL_PERMISSIONS = {
  review: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.ReadMessageHistory],
  notify: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages],
} as const;

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const data = new SlashCommandBuilder()
  .setName('feed')
  .setDescription('Follow news feeds into the story, through its filter and a review queue')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Follow a feed (or the feed a page advertises)')
      .addStringOption((o) => o.setName('url').setDescription("The feed's address, or a page that advertises one").setRequired(true).setMaxLength(URL_MAX))
      .addStringOption((o) =>
        o.setName('match').setDescription('Words, "phrases", AND, OR, NOT, (…); default: names from the story').setMaxLength(MATCH_MAX),
      )
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('review (default): a moderator approves each item; auto: items are added at once')
          .addChoices({ name: 'review', value: 'review' }, { name: 'auto', value: 'auto' }),
      )
      .addBooleanOption((o) => o.setName('backfill').setDescription("Also take the feed's current items (default: only new ones)")),
  )
  .addSubcommand((s) => s.setName('list').setDescription("Each feed's last poll, items taken, state and last error"))
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop following a feed')
      .addStringOption((o) => o.setName('feed').setDescription('Start typing its title or address').setRequired(true).setAutocomplete(true).setMaxLength(URL_MAX)),
  )
  .addSubcommand((s) =>
    s
      .setName('review')
      .setDescription('Where items awaiting review are posted (no channel: stop posting them here)')
      .addChannelOption((o) => o.setName('channel').setDescription('The review channel').addChannelTypes(...TEXT_CHANNELS)),
  )
  .addSubcommand((s) =>
    s
      .setName('notify')
      .setDescription('Announce each added article in a channel (no channel: stop)')
      .addChannelOption((o) => o.setName('channel').setDescription('The announcement channel').addChannelTypes(...TEXT_CHANNELS)),
  );

/** "SendMessages" → "Send Messages", as Discord's settings name them. */
function permissionNames(missing: string[]): string[] {
  return missing.map((name) => name.replace(/(?<=[a-z])(?=[A-Z])/g, ' '));
}

async function add(interaction: ChatInputCommandInteraction, desk: IntakeDesk, guildId: string): Promise<void> {
  const url = textOption(interaction, 'url', { required: true, max: URL_MAX });
  const match = textOption(interaction, 'match', { max: MATCH_MAX });
  const mode = interaction.options.getString('mode') === 'auto' ? 'auto' : 'review';
  const backfill = interaction.options.getBoolean('backfill') ?? false;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await desk.addFeed(url, { match, mode, backfill }, guildId, interaction.user.id);
  const reply = renderFeedAdded(result, { reviewChannelId: (await desk.settings(guildId))?.reviewChannelId ?? null, pollMinutes: desk.pollMinutes });
  await interaction.editReply(toEditOptions(reply));
}

async function remove(interaction: ChatInputCommandInteraction, desk: IntakeDesk): Promise<void> {
  const value = textOption(interaction, 'feed', { required: true, max: URL_MAX });
  const feed = await desk.findFeed(value);
  if (!feed) throw new BadOptionError('feed', `No feed “${value.slice(0, 200)}” is followed: pick one from the list as you type (see /feed list).`);
  const removed = await desk.removeFeed(feed);
  await send(interaction, removed ? renderFeedRemoved(removed) : intakeNotice('That feed was removed meanwhile.'));
}

async function channel(interaction: ChatInputCommandInteraction, desk: IntakeDesk, guildId: string, which: 'review' | 'notify'): Promise<void> {
  const chosen = interaction.options.getChannel('channel');
  const botUser = interaction.client.user;
  if (chosen && 'permissionsFor' in chosen && typeof chosen.permissionsFor === 'function' && botUser) {
    const missing = chosen.permissionsFor(botUser)?.missing([...CHANNEL_PERMISSIONS[which]]) ?? [];
    if (missing.length > 0) {
      throw new BadOptionError('channel', `I can't post in <#${chosen.id}>: I need ${permissionNames(missing).join(', ')} there.`);
    }
  }
  await desk.setChannel(guildId, which, chosen?.id ?? null);
  await send(interaction, renderChannelSet(which, chosen?.id ?? null, which === 'review' ? await desk.pendingCount() : 0));
  // The queue, posted to the new review channel now.
  if (which === 'review' && chosen) await desk.flushCards(true);
}

export default {
  data,
  async execute(interaction, ctx) {
    const desk = ctx.intake;
    if (!desk) return send(interaction, intakeNotice(IntakeTexts.notAvailable));
    const refusal = desk.refusal(interaction.guildId, interaction.memberPermissions);
    if (refusal) return send(interaction, intakeNotice(refusal));
    const guildId = interaction.guildId!;
    switch (interaction.options.getSubcommand(true)) {
      case 'add':
        return add(interaction, desk, guildId);
      case 'list':
        return send(interaction, renderFeedList(await desk.feeds(), await desk.settings(guildId), await desk.pendingCount(), desk.pollMinutes));
      case 'remove':
        return remove(interaction, desk);
      case 'review':
        return channel(interaction, desk, guildId, 'review');
      case 'notify':
        return channel(interaction, desk, guildId, 'notify');
      default:
        return send(interaction, intakeNotice('Use /feed add, list, remove, review or notify.'));
    }
  },
  async autocomplete(interaction, ctx) {
    const desk = ctx.intake;
    const focused = interaction.options.getFocused(true);
    if (!desk || focused.name !== 'feed' || desk.refusal(interaction.guildId, interaction.memberPermissions)) return interaction.respond([]);
    const typed = String(focused.value).toLowerCase().trim();
    const feeds = (await desk.feeds()).filter((f) => !typed || `${f.id} ${f.title ?? ''} ${f.url}`.toLowerCase().includes(typed));
    await interaction.respond(renderFeedChoices(feeds));
  },
  /** Approve and Reject on a review card: members with Manage Server in an editor server; the first decision wins. */
  async button(interaction, ctx) {
    const target = parseCardButton(interaction.customId);
    const desk = ctx.intake;
    if (!target || !desk) return send(interaction, intakeNotice('This card can no longer be decided here.'));
    const refusal = desk.refusal(interaction.guildId, interaction.memberPermissions);
    if (refusal) return send(interaction, intakeNotice(refusal));
    // Adding the article can take a moment; the card itself is edited to show the decision to everyone.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await desk.decide(target.action, target.cardId, interaction.guildId!, interaction.user.id);
    await interaction.editReply(toEditOptions(renderDecision(result)));
  },
} satisfies Command;
