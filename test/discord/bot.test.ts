// End to end: the real discord.js client against a local fake Discord. Every request body the bot sends is
// checked against Discord's OpenAPI spec and the 2000/6000 limits (the fake answers 400 to an invalid one).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import type { Command } from '../../src/discord/command.js';
import { loadCommands } from '../../src/discord/loader.js';
import type { StoryEngine } from '../../src/engine/engine.js';
import { loadStory, type Story } from '../../src/engine/story.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { captureLogs, startTestBot, type TestBot, type TestBotOptions } from '../helpers/discord-bot.js';
import { FakeDiscord, type FakeInteraction, type MessageBody, type SeenReply } from '../helpers/fake-discord.js';
import { startBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/log.js';
import { validateRequest } from '../helpers/discord-spec.js';
import { backends } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-pages-');

const EPHEMERAL = 64;
let running: TestBot | null = null;

/** The bot over the hand-made engine double (which can be told to fail); `events` dated events (30 make 3 pages). */
async function start(options: Partial<Omit<TestBotOptions, 'engine'>> & { events?: number } = {}): Promise<{ t: TestBot; engine: FakeEngine }> {
  const { events, ...rest } = options;
  const engine = FakeEngine.fixture({ events });
  return { t: await startWith(engine, rest), engine };
}

async function startWith(engine: StoryEngine, options: Partial<Omit<TestBotOptions, 'engine'>> = {}): Promise<TestBot> {
  running = await startTestBot({ ...options, engine });
  return running;
}

afterEach(async () => {
  const t = running;
  running = null;
  if (!t) return;
  await t.stop();
  // Discord would have refused these with a 400; none may exist.
  expect(t.fake.invalid.map((i) => i.errors)).toEqual([]);
});

/** The reply arrived, was acknowledged within Discord's 3-second deadline, and mentions no one. */
async function replyTo(t: TestBot, interaction: FakeInteraction): Promise<SeenReply> {
  const reply = await t.fake.waitForReply(interaction, 5_000);
  expect(reply.callbackAt - interaction.dispatchedAt).toBeLessThan(3_000);
  if (reply.callbackType !== 8) expect(reply.message.allowed_mentions).toEqual({ parse: [] });
  return reply;
}

function embedText(message: MessageBody): string {
  return (message.embeds ?? [])
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

function buttonIds(message: MessageBody): string[] {
  return (message.components ?? []).flatMap((r) => r.components).flatMap((b) => (b.custom_id ? [b.custom_id] : []));
}

/** The excerpts a message quotes (its quote blocks, marks and escapes removed), one per block. */
function excerptsOf(message: MessageBody): string[] {
  const blocks = (message.embeds ?? []).flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]);
  return blocks.flatMap((text) => {
    const quoted = text.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
    return quoted.length > 0 ? [quoted.join('\n').replace(/(?<!\\)\*\*/g, '').replace(/\\(.)/g, '$1').trim()] : [];
  });
}

/** No excerpt appears twice in one reply, nor inside another one; each article is linked at most once. */
function expectEachExcerptOnce(message: MessageBody): void {
  const excerpts = excerptsOf(message);
  for (const [i, a] of excerpts.entries()) {
    for (const [j, b] of excerpts.entries()) if (i !== j) expect(b.includes(a), `excerpt shown twice: ${a}`).toBe(false);
  }
  const text = (message.embeds ?? []).flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]).join('\n');
  const links = [...text.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]!);
  const buttons = (message.components ?? []).flatMap((r) => r.components).flatMap((b) => (b.url ? [b.url.replace(/\(/g, '%28').replace(/\)/g, '%29')] : []));
  const all = [...links, ...buttons];
  expect(new Set(all).size, `an article linked twice: ${all.join(', ')}`).toBe(all.length);
}

/** The event lines of a /timeline page (its description's "• " lines). */
function eventLines(message: MessageBody): string[] {
  return message.embeds![0]!.description!.split('\n').filter((l) => l.startsWith('• '));
}

function expectEphemeral(reply: SeenReply, text: RegExp | string): void {
  expect(reply.message.flags).toBe(EPHEMERAL);
  if (typeof text === 'string') expect(reply.message.content).toBe(text);
  else expect(reply.message.content).toMatch(text);
}

describe('connecting', () => {
  it('identifies with the Guilds and GuildMessages intents only', async () => {
    const { t } = await start();
    expect(t.fake.identifies).toHaveLength(1);
    expect(t.fake.identifies[0]!.intents).toBe(1 | 512);
    expect(t.fake.requests[0]!.route).toBe('GET /gateway/bot');
    expect(JSON.stringify(t.logs)).not.toContain(t.fake.token);
  });

  it('fails with a clear error, without showing the token, when Discord refuses it', async () => {
    const fake = await FakeDiscord.start();
    try {
      const { logs, stream } = captureLogs();
      const attempt = startBot({
        token: 'wrong-token',
        engine: FakeEngine.fixture(),
        log: createLogger({ destination: stream }),
        apiBase: fake.apiBase,
        cooldown: { windowSeconds: 0, burst: 1 },
        pageTimeoutSeconds: 60,
        loginTimeoutMs: 5_000,
      });
      await expect(attempt).rejects.toThrow('storydesk: could not connect to Discord: An invalid token was provided.');
      expect(JSON.stringify(logs)).not.toContain('wrong-token');
    } finally {
      await fake.close();
    }
  });
});

describe('/ask', () => {
  it('defers, then answers with the excerpt once, in bold, its article linked once, then the citation that adds a passage', async () => {
    const { t, engine } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did the bridge close?' }));
    expect(reply.callbackType).toBe(5);
    expect(reply.via).toBe('edit');
    const [embed] = reply.message.embeds!;
    expect(embed!.description).toBe(
      '> **The harbour bridge closed on Friday after a storm damaged its cables.**\n— [1] [Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29), The Fixture Times, 15 Mar 2024, paragraph 1',
    );
    expect(embed!.fields).toEqual([{ name: '[2] The Fixture Times · 15 Mar 2024 · paragraph 1', value: '> Mayor Ana Lind said repairs would take weeks.' }]);
    expect(embed!.footer!.text).toBe('Quoted word for word from the articles · /sources lists them all');
    expect(reply.message.components ?? []).toEqual([]);
    expectEachExcerptOnce(reply.message);
    expect(engine.asked).toEqual(['Why did the bridge close?']);
    expect(engine.nearbyAsked).toEqual([]);
  });

  it('abstains briefly, pointing to /who and /timeline, when the question names nothing in the story', async () => {
    const { t, engine } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'What is the capital of France?' }));
    expect(reply.message.flags ?? 0).toBe(0);
    expect(reply.message.embeds).toEqual([
      { title: 'What is the capital of France?', color: 0x94a3b8, description: "The articles don't say. Try `/who` to see who is in the story, or `/timeline` for what happened when." },
    ]);
    expect(engine.nearbyAsked).toEqual(['What is the capital of France?']);
  });

  it('abstains on a question naming someone in the story with the closest passages about them, labelled as not an answer', async () => {
    const { t } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'How old is Ana Lind?' }));
    const [embed] = reply.message.embeds!;
    expect(embed!.description).toBe("The articles don't say. They mention **Ana Lind**; the closest passages are below, but they don't answer the question.");
    expect(embed!.fields!.map((f) => f.name)).toEqual(['Not an answer · The Fixture Times · 15 Mar 2024 · paragraph 1', 'Not an answer · The Fixture Times · 15 Mar 2024 · paragraph 2']);
    expect(excerptsOf(reply.message)).toEqual(['Mayor Ana Lind said repairs would take weeks.', '"We will reopen it as soon as it is safe," Lind told reporters.']);
    expect(embed!.footer!.text).toBe('Quoted word for word from the articles · /sources lists them all');
    expectEachExcerptOnce(reply.message);
  });

  it('echoes the question in the title without control, zero-width or bidi characters', async () => {
    const { t, engine } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did\u200b the \u202ebridge\u0007 close?' }));
    expect(reply.message.embeds![0]!.title).toBe('Why did the bridge close?');
    expect(engine.asked).toEqual(['Why did\u200b the \u202ebridge\u0007 close?']);
  });

  it('shows an excerpt quoting @everyone without letting it mention anyone', async () => {
    const { t } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'Was everyone told?' }));
    expect(embedText(reply.message)).toContain('@everyone in the port was told to use the ferry.');
    expect(reply.message.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses a missing, blank, mistyped or too long question with an ephemeral note', async () => {
    const { t, engine } = await start();
    const missing = await replyTo(t, t.fake.sendCommand('ask', []));
    expectEphemeral(missing, '/ask needs a `question`, e.g. `/ask question: …`.');
    const blank = await replyTo(t, t.fake.sendCommand('ask', { question: '   ' }));
    expectEphemeral(blank, '/ask needs a `question`, e.g. `/ask question: …`.');
    const number = await replyTo(t, t.fake.sendCommand('ask', [{ name: 'question', type: 4, value: 42 }]));
    expectEphemeral(number, '`question` should be text.');
    const long = await replyTo(t, t.fake.sendCommand('ask', { question: 'why '.repeat(100) }));
    expectEphemeral(long, '`question` is too long: 399 characters, at most 300.');
    expect(engine.asked).toEqual([]);
  });

  it('puts a per-user cooldown on questions, with an ephemeral "try again in N s"', async () => {
    const { t } = await start({ cooldownSeconds: 30, cooldownBurst: 1 });
    await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did the bridge close?' }));
    const again = await replyTo(t, t.fake.sendCommand('ask', { question: 'And the ferry?' }));
    expectEphemeral(again, /^You're asking quickly: try again in (29|30) s\.$/);
    const other = { id: '555000111222333444', username: 'other' };
    const theirs = await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did the bridge close?' }, other));
    expect(theirs.callbackType).toBe(5);
  });

  it('tells the user ephemerally when the engine throws, logs the stack, and keeps serving', async () => {
    const { t, engine } = await start();
    engine.failing.add('ask');
    const failed = await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did the bridge close?' }));
    expect(failed.callbackType).toBe(5);
    expect(failed.via).toBe('follow-up');
    expectEphemeral(failed, /^Sorry, something went wrong/);
    const logged = t.logs.find((l) => l.msg === 'interaction handler failed');
    expect(logged?.err?.stack).toContain('ask failed on purpose');
    engine.failing.clear();
    const next = await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did the bridge close?' }));
    expect(next.message.embeds).toHaveLength(1);
  });
});

describe('/timeline and paging', () => {
  it('shows up to twelve dated events a page, and pages with Previous/Next for the person who asked', async () => {
    const { t } = await start({ events: 30 });
    const asked = t.fake.sendCommand('timeline', {});
    const first = await replyTo(t, asked);
    expect(eventLines(first.message)).toHaveLength(12);
    expect(first.message.embeds![0]!.description!.split('\n').slice(0, 4)).toEqual([
      '30 events, oldest first',
      '',
      '**10 Mar 2024**',
      '• Event number 1 happened at the harbour. — [The Fixture Times ¶1](https://example.com/harbour-%28bridge%29)',
    ]);
    expect(first.message.embeds![0]!.footer!.text).toBe('Page 1 of 3 · anyone can turn pages for 1 min (others get their own copy)');
    const next = buttonIds(first.message).find((id) => /:n1$/.test(id))!;
    const turned = await replyTo(t, t.fake.sendButton(next, asked));
    expect(turned.callbackType).toBe(7);
    expect(eventLines(turned.message)).toHaveLength(12);
    expect(turned.message.embeds![0]!.description!.split('\n')[2]).toBe('**22 Mar 2024**');
    const previous = buttonIds(turned.message).find((id) => /:p0$/.test(id))!;
    const back = await replyTo(t, t.fake.sendButton(previous, asked));
    expect(back.message.embeds![0]!.description!.split('\n')[2]).toBe('**10 Mar 2024**');
  });

  it('gives anyone else who presses a button their own private copy at that page, which they can page', async () => {
    const { t } = await start({ events: 30 });
    const asked = t.fake.sendCommand('timeline', {});
    const first = await replyTo(t, asked);
    const next = buttonIds(first.message).find((id) => /:n1$/.test(id))!;
    const stranger = { id: '777000111222333444', username: 'stranger' };
    const pressed = t.fake.sendButton(next, asked, stranger);
    const copy = await replyTo(t, pressed);
    expect(copy.callbackType).toBe(4);
    expect(copy.message.flags).toBe(EPHEMERAL);
    expect(copy.message.embeds![0]!.description!.split('\n')[2]).toBe('**22 Mar 2024**');
    expect(copy.message.embeds![0]!.footer!.text).toBe('Page 2 of 3 · your own copy · buttons work for 1 min');
    // Their copy has buttons of its own: they turn it in place.
    const copyNext = buttonIds(copy.message).find((id) => /:n2$/.test(id))!;
    expect(copyNext.split(':')[1]).not.toBe(next.split(':')[1]);
    const turned = await replyTo(t, t.fake.sendButton(copyNext, pressed, stranger));
    expect(turned.callbackType).toBe(7);
    expect(eventLines(turned.message)).toHaveLength(6);
    // The asker's message was never touched.
    expect(t.fake.requestsFor(asked).filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('disables the buttons when they expire, and says so if one is clicked anyway', async () => {
    const { t } = await start({ pageTimeoutSeconds: 1, events: 30 });
    const asked = t.fake.sendCommand('timeline', {});
    const first = await replyTo(t, asked);
    const edit = await t.fake.waitForRequest((r) => r.method === 'PATCH' && r.params.webhook_token === asked.token && r.at > first.callbackAt + 500, 3_000, 'the expiry edit');
    const body = edit.body as MessageBody;
    expect(body.components!.at(-1)!.components.every((b) => b.disabled)).toBe(true);
    expect(body.embeds![0]!.footer!.text).toBe('Page 1 of 3 · these buttons have expired; run /timeline again to browse');
    const late = await replyTo(t, t.fake.sendButton(buttonIds(first.message).find((id) => /:n1$/.test(id))!, asked));
    expectEphemeral(late, 'These buttons have expired. Run the command again to browse.');
  });

  it('passes every option to the engine and refuses a date it cannot read', async () => {
    const { t, engine } = await start();
    await replyTo(t, t.fake.sendCommand('timeline', { topic: 'storm', person: 'Ana Lind' }));
    expect(engine.filters.timeline).toEqual([{ topic: 'storm', person: 'Ana Lind' }]);
    const filtered = await replyTo(t, t.fake.sendCommand('timeline', { from: '2024-03-15', to: 'March 16, 2024' }));
    expect(filtered.message.embeds![0]!.description!.split('\n')[0]).toBe('2 events · from: 15 Mar 2024 · to: 16 Mar 2024, oldest first');
    expect(engine.filters.timeline[1]).toEqual({ from: '2024-03-15', to: '2024-03-16' });
    const junk = await replyTo(t, t.fake.sendCommand('timeline', { from: 'the day before yesterday-ish' }));
    expectEphemeral(junk, /^`from` should be a date with a year, such as 2022-09-12/);
    const reversed = await replyTo(t, t.fake.sendCommand('timeline', { from: '2024-04', to: '2024-03' }));
    expectEphemeral(reversed, '`to` (2024-03-31) is before `from` (2024-04-01).');
  });
});

describe('/who, /quote, /sources, /help', () => {
  it('autocompletes names for /who and speakers for /quote', async () => {
    const { t } = await start();
    const who = await replyTo(t, t.fake.sendAutocomplete('who', 'name', 'an'));
    expect(who.callbackType).toBe(8);
    expect(who.message.choices).toEqual([{ name: 'Ana Lind', value: 'Ana Lind' }]);
    const everyone = await replyTo(t, t.fake.sendAutocomplete('who', 'name', ''));
    expect(everyone.message.choices!.map((c) => c.name)).toEqual(['Ana Lind', 'Bo Strand', 'Coastline Works']);
    const speakers = await replyTo(t, t.fake.sendAutocomplete('quote', 'speaker', 'b'));
    expect(speakers.message.choices).toEqual([{ name: 'Bo Strand', value: 'Bo Strand' }]);
    const people = await replyTo(t, t.fake.sendAutocomplete('timeline', 'person', ''));
    expect(people.message.choices!.map((c) => c.name)).toEqual(['Ana Lind', 'Bo Strand']);
  });

  it('answers an autocomplete with no choices when the engine fails', async () => {
    const { t, engine } = await start();
    engine.failing.add('suggestEntities');
    const reply = await replyTo(t, t.fake.sendAutocomplete('who', 'name', 'an'));
    expect(reply.message.choices).toEqual([]);
  });

  it('looks someone up with citations, or lists everyone', async () => {
    const { t } = await start();
    const one = await replyTo(t, t.fake.sendCommand('who', { name: 'ana' }));
    expect(one.message.embeds![0]!.title).toBe('Ana Lind');
    expect(one.message.embeds![0]!.description).toBe('Person · mentioned 2 times\n**Roles:** Mayor\n**Also called:** Lind');
    expect(embedText(one.message)).toContain('> Mayor Ana Lind said repairs would take weeks.');
    const all = await replyTo(t, t.fake.sendCommand('who', {}));
    expect(all.message.embeds![0]!.description).toContain('**Ana Lind** · person · Mayor · 2 mentions');
    const nobody = await replyTo(t, t.fake.sendCommand('who', { name: 'Zed' }));
    expect(nobody.message.embeds![0]!.description).toMatch(/^The articles don't mention anyone called “Zed”/);
  });

  it('lists quotes, filtered by speaker and topic', async () => {
    const { t, engine } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('quote', { speaker: 'Bo', topic: 'ferry' }));
    expect(engine.filters.quotes).toEqual([{ speaker: 'Bo', topic: 'ferry' }]);
    expect(reply.message.embeds![0]!.fields!.map((f) => f.name)).toEqual(['Bo Strand']);
    expect(reply.message.embeds![0]!.description).toBe('1 quote · speaker: Bo · topic: ferry');
    expect(reply.message.embeds![0]!.fields![0]!.value).toBe('> "**Demand is huge,**" said captain Bo Strand.\n— Port Gazette, 20 Mar 2024 ¶1');
  });

  it('lists the sources with links, and explains the commands', async () => {
    const { t } = await start();
    const sources = await replyTo(t, t.fake.sendCommand('sources'));
    expect(sources.callbackType).toBe(4);
    expect(sources.message.embeds![0]!.description).toContain('[Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29)');
    const help = await replyTo(t, t.fake.sendCommand('help'));
    const text = help.message.embeds![0]!.description!;
    for (const name of ['/ask** `question`', '/timeline** `[from] [to] [topic] [person]`', '/who** `[name]`', '/quote** `[speaker] [topic]`', '/sources**', '@storydesk**']) {
      expect(text).toContain(name);
    }
  });

  it('lists the /digest subcommands only to a member with Manage Server', async () => {
    const { t } = await start();
    const member = (await replyTo(t, t.fake.sendCommand('help', {}))).message.embeds![0]!.description!;
    expect(member).not.toContain('/digest');
    expect(member).not.toContain('For moderators');
    const moderator = (await replyTo(t, t.fake.sendCommand('help', {}, t.fake.moderator))).message.embeds![0]!.description!;
    const section = moderator.split('\n');
    expect(section[section.indexOf('**For moderators** (only members with Manage Server see these)') + 1]).toBe(
      '**/article add** `url` — Preview the article at a link privately, then add it to the story',
    );
    expect(section.filter((line) => line.startsWith('**/digest') || line.startsWith('**For moderators**'))).toEqual([
      '**For moderators** (only members with Manage Server see these)',
      '**/digest set** `channel time timezone [skip_empty]` — Post the digest every day in a channel, at a time in your time zone',
      '**/digest off** — Stop the daily digest',
      '**/digest preview** — See, privately, exactly what would be posted now',
      '**/digest status** — Channel, next post, last post and last failure',
    ]);
  });

  it('says what /feed does to moderators once its command file exists', async () => {
    const commands = new Map(await loadCommands());
    const feed = {
      data: new SlashCommandBuilder()
        .setName('feed')
        .setDescription('Follow news feeds for the story')
        .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
        .addSubcommand((sub) => sub.setName('add').setDescription('Follow a feed').addStringOption((o) => o.setName('url').setDescription('Its address').setRequired(true))),
      execute: async () => {},
    } satisfies Command;
    commands.set('feed', feed);
    running = await startTestBot({ engine: FakeEngine.fixture(), commands });
    const t = running;
    const member = (await replyTo(t, t.fake.sendCommand('help', {}))).message.embeds![0]!.description!;
    expect(member).not.toContain('/feed');
    const moderator = (await replyTo(t, t.fake.sendCommand('help', {}, t.fake.moderator))).message.embeds![0]!.description!;
    expect(moderator).toContain('\n**/feed add** `url` — Follow a feed');
  });

  it('answers an unknown command with a clear ephemeral note', async () => {
    const { t } = await start();
    const reply = await replyTo(t, t.fake.sendCommand('weather', {}));
    expectEphemeral(reply, /^I don't know the command \/weather\. I know (\/[a-z]+, )*\/ask, (\/[a-z]+, )*\/who\.$/);
  });
});

describe('mentions', () => {
  it('answers "@storydesk question" as a reply to that message, pinging no one', async () => {
    const { t, engine } = await start();
    const id = t.fake.sendMessage(`<@${t.fake.botUser.id}> why did the bridge close?`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    const body = sent.body as MessageBody;
    expect(body.message_reference).toMatchObject({ message_id: id });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds![0]!.description).toMatch(/^> \*\*The harbour bridge closed on Friday/);
    expectEachExcerptOnce(body);
    expect(engine.asked).toEqual(['why did the bridge close?']);
  });

  it('reads "hey @storydesk, …" as the question after the greeting and the comma', async () => {
    const { t, engine } = await start();
    t.fake.sendMessage(`hey <@${t.fake.botUser.id}>, why did the bridge close?`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    expect(engine.asked).toEqual(['why did the bridge close?']);
    expect((sent.body as MessageBody).embeds![0]!.title).toBe('why did the bridge close?');
  });

  it('treats a mention followed only by invisible characters as a bare mention', async () => {
    const { t, engine } = await start();
    t.fake.sendMessage(`<@${t.fake.botUser.id}> \u200b\u202e`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    expect((sent.body as MessageBody).content).toBe('Ask me something after the mention, e.g. `@storydesk who was behind the attack?`');
    expect(engine.asked).toEqual([]);
  });

  it('answers a mention it cannot answer with the closest passages about the name it gives', async () => {
    const { t } = await start();
    t.fake.sendMessage(`<@${t.fake.botUser.id}> how old is Ana Lind?`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    const body = sent.body as MessageBody;
    expect(body.embeds![0]!.fields!.every((f) => f.name.startsWith('Not an answer · '))).toBe(true);
    expectEachExcerptOnce(body);
  });

  it('answers in a thread, and in a channel the gateway never described', async () => {
    const { t } = await start();
    for (const channelId of [t.fake.threadId, t.fake.uncachedChannelId]) {
      const id = t.fake.sendMessage(`<@${t.fake.botUser.id}> why did the bridge close?`, { mentionsBot: true, channelId });
      const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages' && r.params.channel_id === channelId);
      expect((sent.body as MessageBody).message_reference).toMatchObject({ message_id: id });
      expect(sent.status).toBe(200);
    }
  });

  it('ignores messages that do not mention the bot, and bare mentions get a hint', async () => {
    const { t, engine } = await start();
    t.fake.sendMessage('just chatting about the bridge');
    t.fake.sendMessage(`<@${t.fake.botUser.id}>`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    expect((sent.body as MessageBody).content).toBe('Ask me something after the mention, e.g. `@storydesk who was behind the attack?`');
    expect(engine.asked).toEqual([]);
    expect(t.fake.requests.filter((r) => r.route === 'POST /channels/{channel_id}/messages')).toHaveLength(1);
  });

  it('shares the cooldown with /ask and replies with a short note', async () => {
    const { t } = await start({ cooldownSeconds: 30, cooldownBurst: 1 });
    await replyTo(t, t.fake.sendCommand('ask', { question: 'Why did the bridge close?' }));
    t.fake.sendMessage(`<@${t.fake.botUser.id}> and the ferry?`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    expect((sent.body as MessageBody).content).toMatch(/^You're asking quickly: try again in \d+ s\.$/);
  });

  it('logs a 403 on the channel send and carries on', async () => {
    const { t } = await start();
    t.fake.failNext({ route: /channels\/\{channel_id\}\/messages/, status: 403 });
    t.fake.sendMessage(`<@${t.fake.botUser.id}> why did the bridge close?`, { mentionsBot: true });
    await t.fake.waitForRequest((r) => r.status === 403);
    await expect.poll(() => t.logs.find((l) => l.msg === 'cannot reply in this channel'), { timeout: 2_000 }).toMatchObject({ status: 403, code: 50013 });
    const after = await replyTo(t, t.fake.sendCommand('help'));
    expect(after.message.embeds).toHaveLength(1);
  });
});

describe('network trouble', () => {
  it('resumes after a gateway drop and answers the interaction replayed', async () => {
    const { t } = await start();
    t.fake.dropConnection();
    const asked = t.fake.sendCommand('ask', { question: 'Why did the bridge close?' });
    await t.fake.waitForSession(5_000);
    const reply = await replyTo(t, asked);
    expect(reply.message.embeds![0]!.description).toMatch(/^> \*\*The harbour bridge closed/);
    expect(t.fake.resumes).toHaveLength(1);
    expect(t.fake.identifies).toHaveLength(1);
  });

  it('waits out a REST 429 (Retry-After) and still delivers the reply', async () => {
    const { t } = await start();
    t.fake.failNext({ route: /\/callback$/, status: 429, retryAfter: 0.3 });
    const asked = t.fake.sendCommand('sources');
    const reply = await replyTo(t, asked);
    const callbacks = t.fake.requestsFor(asked).filter((r) => r.route.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(250);
    expect(reply.message.embeds![0]!.title).toBe('Sources');
  });
});

describe('with the real story engine on the seed corpus', () => {
  let story: Story;
  let bodies: string[];

  beforeAll(async () => {
    story = await loadStory({ corpusDir: fileURLToPath(new URL('../../corpus/', import.meta.url)), cacheDir: null });
    bodies = story.articles().map((a) => a.body);
  });

  /** The quoted text of a rendered excerpt, unescaped: it must be a verbatim slice of an article. */
  function quoted(value: string): string {
    // The answering sentence is in bold ("**…**", unescaped asterisks) when context follows it.
    const quote = value.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2)).join('\n').replace(/(?<!\\)\*\*/g, '');
    return quote.replace(/\\([\\*_`~|>#[\]()-])/g, '$1').replace(/^“|”$/g, '').replace(/ …$|…$/, '');
  }

  function expectVerbatim(text: string): void {
    expect(text.length).toBeGreaterThan(0);
    expect(bodies.some((b) => b.includes(text)), `not verbatim in any article: ${text}`).toBe(true);
  }

  it('answers /ask with a verbatim sentence cited to the right article, each excerpt once', async () => {
    const t = await startWith(story);
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'What did Lapid tell Rama?' }));
    const [embed] = reply.message.embeds!;
    expectVerbatim(quoted(embed!.description!));
    expect(embed!.description).toContain('Lapid told Rama');
    expect(embed!.description).toContain('](https://www.themideastupdate.com/)');
    for (const field of embed!.fields ?? []) expectVerbatim(quoted(field.value));
    expectEachExcerptOnce(reply.message);
    for (const question of ['Who offered Albania Israel\'s help with cyber defense?', 'What did the July attack knock offline?', 'Why did Albania cut ties with Iran?', 'What is the MEK?']) {
      const other = await replyTo(t, t.fake.sendCommand('ask', { question }));
      expect(other.message.embeds![0]!.description).toMatch(/^> \*\*/);
      expectEachExcerptOnce(other.message);
    }
  });

  it('tells the asker privately when the engine refuses a question made only of invisible characters', async () => {
    const t = await startWith(story);
    const refused = await replyTo(t, t.fake.sendCommand('ask', { question: '\u200b\u202e\u2066' }));
    expect(refused.callbackType).toBe(4); // refused before deferring: nothing public is left "thinking"
    expectEphemeral(refused, 'The question is empty: type a question about the story.');
  });

  it('abstains briefly on a question about nothing in the story', async () => {
    const t = await startWith(story);
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'Who won the World Cup?' }));
    expect(reply.message.embeds![0]!.description).toBe("The articles don't say. Try `/who` to see who is in the story, or `/timeline` for what happened when.");
    expect(reply.message.embeds![0]!.fields ?? []).toEqual([]);
  });

  it('abstains on a question about someone in the story with up to two verbatim passages about them', async () => {
    const t = await startWith(story);
    const reply = await replyTo(t, t.fake.sendCommand('ask', { question: 'What did Rama eat for breakfast?' }));
    const [embed] = reply.message.embeds!;
    expect(embed!.description).toBe("The articles don't say. They mention **Edi Rama**; the closest passages are below, but they don't answer the question.");
    expect(embed!.fields!.length).toBeGreaterThan(0);
    expect(embed!.fields!.length).toBeLessThanOrEqual(2);
    for (const field of embed!.fields!) {
      expect(field.name).toMatch(/^Not an answer · /);
      expectVerbatim(quoted(field.value));
      expect(quoted(field.value)).toContain('Rama');
    }
    expectEachExcerptOnce(reply.message);
  });

  it('serves /timeline, /who, /quote and /sources from the articles', async () => {
    const t = await startWith(story);
    const timeline = await replyTo(t, t.fake.sendCommand('timeline', { from: '2022-07', to: '2022-10' }));
    const lines = timeline.message.embeds![0]!.description!.split('\n').slice(2);
    const events = lines.filter((l) => l.startsWith('• '));
    expect(events.length).toBeGreaterThan(0);
    for (const heading of lines.filter((l) => !l.startsWith('• '))) expect(heading).toMatch(/^\*\*(.*(Jul|Aug|Sep|Oct) 2022|2022)\*\*$/);
    for (const e of events) {
      // "• sentence — [Outlet ¶n](url)": the sentence (maybe cut with "…") is verbatim.
      const sentence = e.slice(2, e.lastIndexOf(' — ')).replace(/\\([\\*_`~|>#[\]()-])/g, '$1').replace(/…$/, '');
      expectVerbatim(sentence);
      expect(e).toMatch(/ — \[(The Times of Israel|The Mideast Update) ¶\d+\]\(https:\/\/www\.(timesofisrael|themideastupdate)\.com\/[^)]*\)( \+\d+)?$/);
    }
    const who = await replyTo(t, t.fake.sendCommand('who', { name: 'rama' }));
    expect(who.message.embeds![0]!.title).toBe('Edi Rama');
    const names = await replyTo(t, t.fake.sendAutocomplete('who', 'name', 'ra'));
    expect(names.message.choices!.map((c) => c.value)).toContain('Edi Rama');
    const speakers = await replyTo(t, t.fake.sendAutocomplete('quote', 'speaker', ''));
    expect(speakers.message.choices!.length).toBeGreaterThan(0);
    expect(speakers.message.choices!.length).toBeLessThanOrEqual(25);
    const quotes = await replyTo(t, t.fake.sendCommand('quote', { speaker: 'Lapid' }));
    const quoteFields = quotes.message.embeds![0]!.fields!;
    expect(quoteFields.length).toBeGreaterThan(0);
    for (const q of quoteFields) {
      expect(q.name).toBe('Yair Lapid');
      expectVerbatim(quoted(q.value));
    }
    const sources = await replyTo(t, t.fake.sendCommand('sources'));
    expect(sources.message.embeds![0]!.description).toContain('Israel offers cyber aid to Albania, which severed Iran ties over hacking claim');
    expect(sources.message.embeds![0]!.description).toContain('Israel ready to help Albania against Iran cyber threat, Lapid tells Rama');
  });

  it('answers a mention from the articles', async () => {
    const t = await startWith(story);
    t.fake.sendMessage(`<@${t.fake.botUser.id}> who attacked Albania?`, { mentionsBot: true });
    const sent = await t.fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages');
    const body = sent.body as MessageBody;
    expectVerbatim(quoted(body.embeds![0]!.description!));
    expect(body.embeds![0]!.description).toMatch(/Iran/);
  });
});

describe.each(backends)('paged lists kept in the database on $name', (backend) => {
  /**
   * The database before and after: SQLite is one file reopened by the restarted bot; on Postgres the second bot is
   * another host on the same database (a button on a message one host sent, pressed after it stopped).
   */
  async function stores(): Promise<{ first: () => Promise<Db>; second: () => Promise<Db> }> {
    if (backend.name === 'sqlite') {
      const file = path.join(tmp(), 'storydesk.db');
      return { first: () => openDatabase(file), second: () => openDatabase(file) };
    }
    return { first: () => backend.open(), second: () => backend.openAnother() };
  }

  it.skipIf(backend.skip)('keeps the buttons working after a restart, or on another host: the page state is in the database', async () => {
    const engine = FakeEngine.fixture({ events: 30 });
    const fake = await FakeDiscord.start({ validate: validateRequest });
    const { first: openFirst, second: openSecond } = await stores();
    const first = await openFirst();
    let second: Db | null = null;
    try {
      const before = await startTestBot({ engine, fake, db: first, pageTimeoutSeconds: 600 });
      const asked = fake.sendCommand('timeline', { from: '2024-03-12' });
      const sent = await replyTo(before, asked);
      await before.stop();
      expect(fake.invalid).toEqual([]);
      second = await openSecond();
      if (backend.name === 'sqlite') await first.close();

      running = await startTestBot({ engine, fake, db: second, pageTimeoutSeconds: 600 });
      const next = buttonIds(sent.message).find((id) => /:n1$/.test(id))!;
      const turned = await replyTo(running, fake.sendButton(next, asked));
      expect(turned.callbackType).toBe(7);
      // Rendered again from the stored options: the filter still applies.
      expect(turned.message.embeds![0]!.description!.split('\n').slice(0, 3)).toEqual(['28 events · from: 12 Mar 2024, oldest first', '', '**24 Mar 2024**']);
      expect(engine.filters.timeline.at(-1)).toEqual({ from: '2024-03-12' });
      const stranger = { id: '777000111222333444', username: 'stranger' };
      const copy = await replyTo(running, fake.sendButton(next, asked, stranger));
      expect(copy.message.flags).toBe(EPHEMERAL);
    } finally {
      await running?.stop();
      running = null;
      await fake.close();
      await second?.close();
      await first.close();
    }
  });
});
