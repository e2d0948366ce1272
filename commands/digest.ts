// /digest set channel time timezone [skip_empty] | off | preview | status — the server's daily digest.
// Manage Server only: hidden from others by default member permissions, and checked again at run time.
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { BadOptionError } from '../src/discord/options.js';
import { renderChoices, renderNotice } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';
import {
  checkSchedule,
  GUILD_ONLY,
  mayManageDigest,
  NO_PERMISSION,
  NOT_AVAILABLE,
  offReply,
  previewNote,
  setReply,
  statusReply,
  type DigestService,
  timeZoneChoices,
} from '../src/discord/digest-command.js';
import { renderDigestPreview } from '../src/discord/digest-render.js';

/** What the bot needs in a channel to post a digest there. */
/**
 * What the bot needs in a channel to post a digest there. Read Message History too: after a crash the bot reads the
 * channel to see whether the day's digest went out; without it Discord returns an empty history and the digest could
 * be posted twice.
 */
const POST_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
];

/** "SendMessages" → "Send Messages", as Discord's settings name them. */
function permissionNames(missing: string[]): string[] {
  return missing.map((name) => name.replace(/(?<=[a-z])(?=[A-Z])/g, ' '));
}

/** The permissions the bot lacks in the digest's channel now (none when the channel or the bot can't be seen). */
function missingNow(interaction: ChatInputCommandInteraction, channelId: string): string[] {
  const channel = interaction.guild?.channels.cache.get(channelId);
  const botUser = interaction.client.user;
  if (!channel || !botUser || !('permissionsFor' in channel)) return [];
  return permissionNames(channel.permissionsFor(botUser)?.missing(POST_PERMISSIONS) ?? []);
}

const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription("The server's daily digest of the story")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription('Post the digest every day in a channel, at a time in your time zone')
      .addChannelOption((o) =>
        o.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((o) => o.setName('time').setDescription('HH:MM, 24-hour, e.g. 09:00').setRequired(true).setMaxLength(5))
      .addStringOption((o) =>
        o.setName('timezone').setDescription('e.g. Europe/Berlin (start typing a city)').setRequired(true).setAutocomplete(true).setMaxLength(64),
      )
      .addBooleanOption((o) => o.setName('skip_empty').setDescription('Skip days with nothing new (default: post a short note)')),
  )
  .addSubcommand((s) => s.setName('off').setDescription('Stop the daily digest'))
  .addSubcommand((s) => s.setName('preview').setDescription('See, privately, exactly what would be posted now'))
  .addSubcommand((s) => s.setName('status').setDescription('Channel, next post, last post and last failure'));

async function set(interaction: ChatInputCommandInteraction, service: DigestService, guildId: string): Promise<void> {
  const checked = checkSchedule(interaction.options.getString('time', true), interaction.options.getString('timezone', true));
  if (!checked.ok) throw new BadOptionError(checked.option, checked.message);
  const channel = interaction.options.getChannel('channel', true);
  const botUser = interaction.client.user;
  if ('permissionsFor' in channel && typeof channel.permissionsFor === 'function' && botUser) {
    const missing = channel.permissionsFor(botUser)?.missing(POST_PERMISSIONS) ?? [];
    if (missing.length > 0) {
      throw new BadOptionError('channel', `I can't post in <#${channel.id}>: I need ${permissionNames(missing).join(', ')} there.`);
    }
  }
  const settings = await service.configure({
    guildId,
    channelId: channel.id,
    time: checked.time,
    timezone: checked.timezone,
    skipEmpty: interaction.options.getBoolean('skip_empty') ?? false,
  });
  await send(interaction, renderNotice(setReply(settings, await service.nextRun(guildId))));
}

async function preview(interaction: ChatInputCommandInteraction, service: DigestService, guildId: string): Promise<void> {
  const [digest, report] = await Promise.all([service.preview(guildId), service.status(guildId)]);
  await send(interaction, renderDigestPreview(previewNote(report.settings), digest));
}

export default {
  data,
  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return send(interaction, renderNotice(GUILD_ONLY));
    if (!mayManageDigest(interaction.memberPermissions)) return send(interaction, renderNotice(NO_PERMISSION));
    const service = ctx.digest;
    if (!service) return send(interaction, renderNotice(NOT_AVAILABLE));
    const guildId = interaction.guildId;
    switch (interaction.options.getSubcommand(true)) {
      case 'set':
        return set(interaction, service, guildId);
      case 'off':
        return send(interaction, renderNotice(offReply(await service.turnOff(guildId))));
      case 'preview':
        return preview(interaction, service, guildId);
      case 'status': {
        const report = await service.status(guildId);
        const missing = report.settings?.enabled ? missingNow(interaction, report.settings.channelId) : [];
        return send(interaction, renderNotice(statusReply(guildId, report, missing)));
      }
      default:
        return send(interaction, renderNotice('Use /digest set, off, preview or status.'));
    }
  },
  async autocomplete(interaction, _ctx) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(focused.name === 'timezone' ? renderChoices(timeZoneChoices(String(focused.value))) : []);
  },
} satisfies Command;
