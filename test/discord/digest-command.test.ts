import path from 'node:path';
import { PermissionFlagsBits, PermissionsBitField, type ChatInputCommandInteraction, type AutocompleteInteraction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import digestCommand from '../../commands/digest.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { getSettings } from '../../src/db/settings.js';
import type { CommandContext } from '../../src/discord/command.js';
import { BadOptionError } from '../../src/discord/options.js';
import { checkSchedule, mayManageDigest, NO_PERMISSION, statusReply, GUILD_ONLY } from '../../src/discord/digest-command.js';
import { digestMarker, renderDigestMessage, type DigestMessage } from '../../src/discord/digest-render.js';
import { DigestScheduler } from '../../src/digest/scheduler.js';
import { makeArticle } from '../helpers/articles.js';
import { useTmpDir } from '../helpers/tmp.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { classifyPostError } from '../../src/discord/digest-errors.js';

const tmp = useTmpDir();
const NOW = new Date('2024-05-01T06:00:00Z');
let db: Db;
let scheduler: DigestScheduler<DigestMessage>;
let ctx: CommandContext;

beforeEach(async () => {
  db = await openDatabase(path.join(tmp(), 'storydesk.db'));
  const engine = new FakeEngine([makeArticle({ id: 'a.md', title: 'Harbour strike', body: 'The strike began on Monday.' })]);
  scheduler = new DigestScheduler<DigestMessage>({
    db,
    engine: () => engine,
    render: (d, { nonce }) => renderDigestMessage(d, { nonce }),
    post: async () => ({ messageId: 'never' }),
    classify: classifyPostError,
    clock: () => NOW,
  });
  ctx = { digest: scheduler } as unknown as CommandContext;
});

afterEach(async () => {
  scheduler.stop();
  await db.close();
});

interface Sent {
  content?: string;
  embeds?: { footer?: { text: string } }[];
  flags?: unknown;
}

interface FakeOptions {
  sub: string;
  guildId?: string | null;
  perms?: bigint | null;
  strings?: Record<string, string>;
  channel?: object;
  skipEmpty?: boolean;
  /** The server's channels as the bot sees them now (for /digest status). */
  guildChannels?: Record<string, object>;
}

function interaction(o: FakeOptions): { i: ChatInputCommandInteraction; sent: Sent[] } {
  const sent: Sent[] = [];
  const guildId = o.guildId === undefined ? 'g1' : o.guildId;
  const fake = {
    commandName: 'digest',
    guildId,
    inGuild: () => guildId !== null,
    memberPermissions: o.perms === null ? null : new PermissionsBitField(o.perms ?? PermissionFlagsBits.ManageGuild),
    client: { user: { id: 'bot' } },
    guild: { channels: { cache: new Map(Object.entries(o.guildChannels ?? {})) } },
    deferred: false,
    replied: false,
    options: {
      getSubcommand: () => o.sub,
      getString: (name: string) => o.strings?.[name] ?? null,
      getChannel: () => o.channel ?? { id: 'c1' },
      getBoolean: () => o.skipEmpty ?? null,
    },
    async reply(options: Sent) {
      sent.push(options);
      fake.replied = true;
    },
    async followUp(options: Sent) {
      sent.push(options);
    },
  };
  return { i: fake as unknown as ChatInputCommandInteraction, sent };
}

const EPHEMERAL = 64;

describe('/digest command data', () => {
  it('is hidden from members without Manage Server and offered in servers only', () => {
    const json = digestCommand.data.toJSON();
    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json.contexts).toEqual([0]);
    expect(json.options?.map((o) => o.name)).toEqual(['set', 'off', 'preview', 'status']);
    const set = json.options![0] as { options: { name: string; required?: boolean; autocomplete?: boolean }[] };
    expect(set.options.map((o) => [o.name, o.required ?? false])).toEqual([
      ['channel', true],
      ['time', true],
      ['timezone', true],
      ['skip_empty', false],
    ]);
    expect(set.options.find((o) => o.name === 'timezone')?.autocomplete).toBe(true);
  });
});

describe('/digest permission check at run time', () => {
  it('refuses a member without Manage Server, even if the default permissions were overridden', async () => {
    for (const perms of [PermissionFlagsBits.SendMessages, null]) {
      const { i, sent } = interaction({ sub: 'set', perms, strings: { time: '09:00', timezone: 'UTC' } });
      await digestCommand.execute(i, ctx);
      expect(sent).toEqual([expect.objectContaining({ content: NO_PERMISSION, flags: EPHEMERAL })]);
    }
    expect(await getSettings(db, 'g1')).toBeNull();
  });

  it('refuses outside a server', async () => {
    const { i, sent } = interaction({ sub: 'status', guildId: null });
    await digestCommand.execute(i, ctx);
    expect(sent[0]?.content).toBe(GUILD_ONLY);
  });

  it('accepts Administrator, which implies Manage Server', () => {
    expect(mayManageDigest(new PermissionsBitField(PermissionFlagsBits.Administrator))).toBe(true);
    expect(mayManageDigest(new PermissionsBitField(PermissionFlagsBits.ManageGuild))).toBe(true);
    expect(mayManageDigest(new PermissionsBitField(PermissionFlagsBits.ManageChannels))).toBe(false);
  });
});

describe('/digest set', () => {
  it('saves the schedule with the zone spelled canonically and says when the first post is', async () => {
    const { i, sent } = interaction({ sub: 'set', strings: { time: '9:30', timezone: 'europe/berlin' }, skipEmpty: true });
    await digestCommand.execute(i, ctx);
    expect(await getSettings(db, 'g1')).toMatchObject({ channelId: 'c1', time: '09:30', timezone: 'Europe/Berlin', skipEmpty: true, enabled: true });
    expect(sent[0]).toMatchObject({ flags: EPHEMERAL });
    expect(sent[0]!.content).toBe(
      'Daily digest on: posting in <#c1> every day at 09:30 Europe/Berlin, skipping days with nothing new.\n' +
        `First post: 2024-05-01 09:30 Europe/Berlin (<t:${Date.parse('2024-05-01T07:30:00Z') / 1000}:R>).\n` +
        'See it now with `/digest preview`.',
    );
  });

  it('rejects a bad time or zone with a message naming the value', async () => {
    const bad = interaction({ sub: 'set', strings: { time: '25:00', timezone: 'UTC' } });
    await expect(digestCommand.execute(bad.i, ctx)).rejects.toThrow(
      new BadOptionError('time', '`time` should be HH:MM on a 24-hour clock, like 09:00 or 18:30; got `25:00`.'),
    );
    const zone = interaction({ sub: 'set', strings: { time: '09:00', timezone: 'Berlin' } });
    await expect(digestCommand.execute(zone.i, ctx)).rejects.toThrow(/`timezone` should be an IANA time zone .*; got `Berlin`\./);
    expect(await getSettings(db, 'g1')).toBeNull();
  });

  it('refuses a channel the bot cannot post in, naming the missing permissions', async () => {
    const channel = { id: 'c2', permissionsFor: () => new PermissionsBitField(PermissionFlagsBits.ViewChannel) };
    const { i } = interaction({ sub: 'set', strings: { time: '09:00', timezone: 'UTC' }, channel });
    await expect(digestCommand.execute(i, ctx)).rejects.toThrow("I can't post in <#c2>: I need Send Messages, Embed Links, Read Message History there.");
    expect(await getSettings(db, 'g1')).toBeNull();
  });

  it('refuses a channel where the bot cannot read the history it checks after a crash', async () => {
    const all = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
    const channel = { id: 'c2', permissionsFor: () => new PermissionsBitField(all) };
    const { i } = interaction({ sub: 'set', strings: { time: '09:00', timezone: 'UTC' }, channel });
    await expect(digestCommand.execute(i, ctx)).rejects.toThrow("I can't post in <#c2>: I need Read Message History there.");
    const ok = { id: 'c2', permissionsFor: () => new PermissionsBitField(all | PermissionFlagsBits.ReadMessageHistory) };
    await digestCommand.execute(interaction({ sub: 'set', strings: { time: '09:00', timezone: 'UTC' }, channel: ok }).i, ctx);
    expect(await getSettings(db, 'g1')).toMatchObject({ channelId: 'c2' });
  });
});

describe('/digest off, status and preview', () => {
  it('turns the digest off and says so in status', async () => {
    await digestCommand.execute(interaction({ sub: 'set', strings: { time: '09:00', timezone: 'UTC' } }).i, ctx);
    const off = interaction({ sub: 'off' });
    await digestCommand.execute(off.i, ctx);
    expect(off.sent[0]!.content).toBe('Daily digest off. Turn it back on with `/digest set`.');
    const status = interaction({ sub: 'status' });
    await digestCommand.execute(status.i, ctx);
    expect(status.sent[0]!.content).toBe('**Daily digest: off** (it posted in <#c1> every day at 09:00 UTC).\nLast post: none yet.');
  });

  it('status warns when Read Message History was taken away after /digest set', async () => {
    await digestCommand.execute(interaction({ sub: 'set', strings: { time: '09:00', timezone: 'UTC' } }).i, ctx);
    const lost = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
    const status = interaction({ sub: 'status', guildChannels: { c1: { id: 'c1', permissionsFor: () => new PermissionsBitField(lost) } } });
    await digestCommand.execute(status.i, ctx);
    expect(status.sent[0]!.content).toContain('⚠️ I now lack Read Message History in <#c1>.');
    const fine = interaction({ sub: 'status', guildChannels: { c1: { id: 'c1', permissionsFor: () => new PermissionsBitField(lost | PermissionFlagsBits.ReadMessageHistory) } } });
    await digestCommand.execute(fine.i, ctx);
    expect(fine.sent[0]!.content).not.toContain('⚠️');
  });

  it('shows privately exactly the embeds a post would carry', async () => {
    const { i, sent } = interaction({ sub: 'preview' });
    await digestCommand.execute(i, ctx);
    expect(sent[0]).toMatchObject({ flags: EPHEMERAL });
    expect(sent[0]!.content).toMatch(/^The daily digest is not on here/);
    expect(sent[0]!.embeds?.[0]?.footer?.text).toBe(digestMarker('2024-05-01'));
    expect(sent[0]!.embeds).toEqual(renderDigestMessage(await scheduler.preview('g1')).embeds);
  });

  it('suggests time zones as the moderator types', async () => {
    let choices: { name: string; value: string }[] = [];
    const auto = {
      options: { getFocused: () => ({ name: 'timezone', value: 'tok' }) },
      respond: async (c: typeof choices) => void (choices = c),
    } as unknown as AutocompleteInteraction;
    await digestCommand.autocomplete!(auto, ctx);
    // The city's start first, then zones that merely contain the text.
    expect(choices.map((c) => c.value)).toEqual(['Asia/Tokyo', 'Antarctica/Vostok', 'Asia/Vladivostok']);
    expect(choices[0]).toEqual({ name: 'Asia/Tokyo', value: 'Asia/Tokyo' });
  });
});

describe('statusReply', () => {
  it('shows channel, next post, last post, today and the last failure in the server\'s zone', () => {
    const text = statusReply('g1', {
      settings: { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'Europe/Berlin', enabled: true, skipEmpty: false, updatedAt: '', brokenAt: null, brokenReason: null },
      nextRun: new Date('2024-05-02T07:00:00Z'),
      today: { status: 'failed' } as never,
      lastPost: { localDate: '2024-04-30', channelId: 'c1', messageId: 'm9' } as never,
      lastFailure: { guildId: 'g1', localDate: '2024-05-01', code: '50013', message: 'the bot lacks permission', at: '2024-05-01T07:00:00.000Z' },
    });
    expect(text.split('\n')).toEqual([
      '**Daily digest: on**, posting in <#c1> every day at 09:00 Europe/Berlin.',
      `Next post: 2024-05-02 09:00 Europe/Berlin (<t:${Date.parse('2024-05-02T07:00:00Z') / 1000}:R>).`,
      'Last post: 2024-04-30, https://discord.com/channels/g1/c1/m9',
      'Today: posting failed; it is retried when the problem may pass, or after `/digest set`.',
      'Last failure: 2024-05-01 09:00 Europe/Berlin (code 50013): the bot lacks permission',
    ]);
  });

  it('warns when a permission the digest needs was taken away, and says when the digest is paused', () => {
    const text = statusReply(
      'g1',
      {
        settings: { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'UTC', enabled: true, skipEmpty: false, updatedAt: '', brokenAt: '2024-05-01T09:00:00.000Z', brokenReason: 'the channel no longer exists' },
        nextRun: null,
        today: null,
        lastPost: null,
        lastFailure: null,
      },
      ['Read Message History'],
    );
    expect(text.split('\n').slice(1)).toEqual([
      '**Paused** since 2024-05-01 09:00 UTC: the channel no longer exists. Nothing is posted until `/digest set` is run again.',
      '⚠️ I now lack Read Message History in <#c1>. Without Read Message History I cannot check after a restart whether a digest was already posted, so one could be posted twice. Give it back, or pick another channel with `/digest set`.',
      'Last post: none yet.',
    ]);
  });

  it('checkSchedule accepts a time and a zone, and names what is wrong', () => {
    expect(checkSchedule('7:05', 'asia/tokyo')).toEqual({ ok: true, time: '07:05', timezone: 'Asia/Tokyo' });
    expect(checkSchedule('07:05', 'Nowhere/City')).toMatchObject({ ok: false, option: 'timezone' });
  });
});
