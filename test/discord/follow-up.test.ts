// End to end, the real discord.js client against the local Discord (bodies checked against Discord's OpenAPI spec),
// over the real story of the seed articles: follow-up questions through a reply to the bot's answer and a second
// mention; one member's conversation never read for another; expiry (a fake clock); 👍/👎 under answers; /story gaps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordQuestion } from '../../src/db/gaps.js';
import type { Db } from '../../src/db/open.js';
import { Conversations } from '../../src/engine/conversations.js';
import { loadStory } from '../../src/engine/story.js';
import { startTestBot, type TestBot } from '../helpers/discord-bot.js';
import type { FakeInteraction, FakeUser, MessageBody, SeenReply } from '../helpers/fake-discord.js';
import { backends } from '../helpers/stores.js';

const EPHEMERAL = 64;
const story = await loadStory({ corpusDir: 'corpus', cacheDir: null });
const OTHER: FakeUser = { id: '333444555666777888', username: 'other', global_name: 'Other' };
const JERUSALEM = 'That was the message from Israeli Prime Minister Yair Lapid to visiting Albanian Prime Minister Edi Rama on Sunday in Jerusalem.';

let running: TestBot | null = null;
let db: Db | null = null;
afterEach(async () => {
  const t = running;
  running = null;
  if (t) {
    await t.stop();
    expect(t.fake.invalid.map((i) => i.errors)).toEqual([]);
  }
  await db?.close();
  db = null;
});

async function start(options: { conversations?: Conversations; db?: Db } = {}): Promise<TestBot> {
  running = await startTestBot({ engine: story, ...options });
  return running;
}

/** The next message the bot posts in the channel (a reply to a mention), after `count` earlier ones. */
async function nextPost(t: TestBot, count: number): Promise<{ id: string; body: MessageBody }> {
  const posts = () => t.fake.requests.filter((r) => r.route === 'POST /channels/{channel_id}/messages');
  await expect.poll(() => posts().length, { timeout: 5_000 }).toBeGreaterThan(count);
  const request = posts()[count]!;
  const posted = t.fake.channelMessages(t.fake.channelId).filter((m) => (m.author as { id: string }).id === t.fake.botUser.id);
  return { id: String(posted[count]!.id), body: request.body as MessageBody };
}

/** Asks with a mention (optionally as a reply to a message) and returns the bot's reply, the `count`-th it posts. */
async function mention(t: TestBot, question: string, count: number, options: { user?: FakeUser; replyTo?: string; ping?: boolean } = {}) {
  const text = options.ping === false ? question : `<@${t.fake.botUser.id}> ${question}`;
  t.fake.sendMessage(text, { mentionsBot: true, user: options.user, replyTo: options.replyTo });
  return nextPost(t, count);
}

async function replyTo(t: TestBot, interaction: FakeInteraction): Promise<SeenReply> {
  const reply = await t.fake.waitForReply(interaction, 5_000);
  expect(reply.message.allowed_mentions).toEqual({ parse: [] });
  return reply;
}

/** The bold part of an answer: the sentence that answers. */
function answering(body: MessageBody): string {
  return /\*\*(.+?)\*\*/.exec(body.embeds![0]!.description!)![1]!.replace(/\\(.)/g, '$1');
}

function voteIds(body: MessageBody): string[] {
  return (body.components ?? []).flatMap((r) => r.components).flatMap((b) => (b.custom_id?.startsWith('ask:vote:') ? [b.custom_id] : []));
}

describe('follow-up questions in Discord', () => {
  it('a reply to the answer, then a second mention: "Where did he say it?" (Jerusalem), then "when?" (Sunday)', async () => {
    const t = await start();
    const first = await mention(t, 'What did Lapid tell Rama?', 0);
    expect(answering(first.body)).toBe('“Iran is a shared threat to both Israel and Albania,” Lapid told Rama in comments published by Israel.');
    expect(first.body.embeds![0]!.author).toBeUndefined();
    // A reply to the bot's answer pings it (Discord's default for replies): no mention typed.
    const where = await mention(t, 'Where did he say it?', 1, { replyTo: first.id, ping: false });
    expect(where.body.embeds![0]!.author).toEqual({ name: '↪ Read as: Where did Yair Lapid say it (tell Rama)?' });
    expect(where.body.embeds![0]!.title).toBe('Where did he say it?');
    expect(answering(where.body)).toBe(JERUSALEM);
    const when = await mention(t, 'when?', 2);
    expect(when.body.embeds![0]!.author).toEqual({ name: '↪ Read as: When did Yair Lapid say it (tell Rama)?' });
    expect(answering(when.body)).toContain('on Sunday');
    // Replying to the first answer again reads against it, not against the latest exchange.
    const again = await mention(t, 'and what did he say after that?', 3, { replyTo: first.id, ping: false });
    expect(again.body.embeds![0]!.author).toEqual({ name: '↪ Read as: What did Yair Lapid say (tell Rama)?' });
    expect(answering(again.body)).toBe('Said Lapid during the meeting with Rama, “You have been a true friend of Israel for decades.”');
  });

  it('a slash /ask and a mention by the same member in the same channel are one conversation', async () => {
    const t = await start();
    const command = t.fake.sendCommand('ask', { question: 'What did Lapid tell Rama?' });
    const asked = await replyTo(t, command);
    expect(asked.via).toBe('edit');
    const where = await mention(t, 'Where did he say it?', 0);
    expect(answering(where.body)).toBe(JERUSALEM);
    // And a reply to the slash answer's message follows on from it.
    const slashMessage = String(t.fake.interactionMessage(command)!.id);
    const when = await mention(t, 'when?', 1, { replyTo: slashMessage, ping: false });
    expect(when.body.embeds![0]!.author).toEqual({ name: '↪ Read as: When did Lapid tell Rama?' });
  });

  it('one member’s conversation never reads another’s: "Where did he say it?" from someone else is not answered', async () => {
    const t = await start();
    await mention(t, 'What did Lapid tell Rama?', 0);
    const other = await mention(t, 'Where did he say it?', 1, { user: OTHER });
    expect(other.body.embeds![0]!.description).toBe(
      "I can't tell who “he” is: name them in the question, or ask right after the answer it follows on from (within 5 minutes).",
    );
    expect(other.body.embeds![0]!.fields ?? []).toEqual([]);
    expect(voteIds(other.body)).toEqual([]);
    // The first member's conversation is still theirs.
    const mine = await mention(t, 'Where did he say it?', 2);
    expect(answering(mine.body)).toBe(JERUSALEM);
  });

  it('forgets a conversation after 5 minutes', async () => {
    let now = 1_000_000;
    const t = await start({ conversations: new Conversations({ now: () => now }) });
    await mention(t, 'What did Lapid tell Rama?', 0);
    now += 4 * 60_000;
    expect(answering((await mention(t, 'Where did he say it?', 1)).body)).toBe(JERUSALEM);
    now += 5 * 60_000;
    const late = await mention(t, 'when?', 2);
    expect(late.body.embeds![0]!.description).toBe(
      "I can't tell what “when” follows on from: name it in the question, or ask right after the answer it follows on from (within 5 minutes).",
    );
  });
});

describe.each(backends)('👍/👎 and /story gaps on $name', (backend) => {
  it.skipIf(backend.skip)('votes under slash and mention answers, one per member, changeable; /story gaps lists what was abstained on or voted down', async () => {
    db = await backend.open();
    const t = await start({ db });
    const asked = t.fake.sendCommand('ask', { question: 'What did Lapid tell Rama?' });
    const answer = await replyTo(t, asked);
    const [up, down] = voteIds(answer.message);
    expect([up, down]).toEqual([expect.stringMatching(/^ask:vote:\d+:up$/), expect.stringMatching(/^ask:vote:\d+:down$/)]);
    expect(answer.message.components![0]!.components.map((b) => [b.style, b.emoji?.name])).toEqual([
      [2, '👍'],
      [2, '👎'],
    ]);
    const voted = await replyTo(t, t.fake.sendButton(down!, asked));
    expect(voted.message.flags).toBe(EPHEMERAL);
    expect(voted.message.content).toBe(
      "Thanks: 👎 noted. Moderators see the answers members voted down, and the questions the articles couldn't answer, in `/story gaps`. Press 👍 to change your vote, or 👎 again to take it back.",
    );
    expect((await replyTo(t, t.fake.sendButton(down!, asked))).message.content).toBe('Your vote on this answer is taken back.');
    expect((await replyTo(t, t.fake.sendButton(up!, asked))).message.content).toMatch(/^Thanks: 👍 noted/);
    expect((await replyTo(t, t.fake.sendButton(down!, asked))).message.content).toMatch(/^Thanks: 👎 noted/);
    await replyTo(t, t.fake.sendButton(down!, asked, OTHER));

    // A mention's answer has the same buttons, on a channel message.
    const mentioned = await mention(t, 'Who attacked Albania?', 0);
    const [mentionUp] = voteIds(mentioned.body);
    const message = t.fake.channelMessages(t.fake.channelId).find((m) => m.id === mentioned.id)!;
    expect((await replyTo(t, t.fake.clickMessageButton(mentionUp!, message))).message.content).toMatch(/^Thanks: 👍 noted/);

    // Abstentions: two wordings of one question, and another.
    await mention(t, 'When did Albania join the EU?', 1);
    await mention(t, 'when has albania joined the EU', 2, { user: OTHER });
    await mention(t, 'How tall is Mount Everest?', 3);

    const refused = await replyTo(t, t.fake.sendCommand('story', [{ name: 'gaps', type: 1 }]));
    expect(refused.message.content).toBe('Only members with the **Manage Server** permission can see what members couldn’t get answered.');
    const gaps = await replyTo(t, t.fake.sendCommand('story', [{ name: 'gaps', type: 1 }], t.fake.moderator));
    expect(gaps.message.flags).toBe(EPHEMERAL);
    const embed = gaps.message.embeds![0]!;
    expect(embed.title).toBe('What members couldn’t get answered');
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(embed.description!.split('\n').slice(2)).toEqual([
      // Of two wordings asked as often, the one written as a question; the names of either.
      '**1.** “When did Albania join the EU?”',
      `asked 2 times (2 not answered), last on ${today}`,
      'Mentions **Albania**',
      'Also asked as “when has albania joined the EU”',
      '',
      '**2.** “How tall is Mount Everest?”',
      `asked once (1 not answered), last on ${today}`,
      'Mentions nothing in the story',
      '',
      '**3.** “What did Lapid tell Rama?”',
      `asked once (1 voted 👎), last on ${today}`,
      'Mentions **Yair Lapid** and **Edi Rama**',
      '',
    ]);
  });

  it.skipIf(backend.skip)('deletes questions older than 30 days when it starts', async () => {
    const store = await backend.open();
    db = store;
    await recordQuestion(store, { question: 'Asked long ago?', guildId: 'g', outcome: 'abstained', at: new Date(Date.now() - 31 * 86_400_000) });
    await recordQuestion(store, { question: 'Asked last week?', guildId: 'g', outcome: 'abstained', at: new Date(Date.now() - 7 * 86_400_000) });
    await start({ db: store });
    // Pruned in the background once connected: start is not held up by it.
    await vi.waitFor(async () => expect(await store.all('SELECT question FROM asked_questions')).toEqual([{ question: 'Asked last week?' }]));
  });
});
