// /article, /feed and the review queue end to end: the bot as main.ts starts it (runBot, a real Story on a corpus
// folder, SQLite, the watcher), the real discord.js client against the local Discord (every request body checked
// against Discord's OpenAPI spec), and pages and feeds from a local HTTP server reached through FETCH_ALLOW_HOSTS.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listItems } from '../../src/db/feeds.js';
import { cardPosts, pendingCards, POST_CLAIM_MS } from '../../src/db/review.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { IntakeTexts } from '../../src/discord/intake-render.js';
import { runBot, type RunningBot } from '../../src/discord/run.js';
import { loadStory, type Story } from '../../src/engine/story.js';
import { createLogger } from '../../src/log.js';
import { captureLogs, type LogRecord } from '../helpers/discord-bot.js';
import { prepareValidators, validateRequest } from '../helpers/discord-spec.js';
import { FakeDiscord, type FakeGuild, type FakeInteraction, type FakeUser, type MessageBody, type RecordedRequest } from '../helpers/fake-discord.js';
import { useTmpDir } from '../helpers/tmp.js';
import { fakeClock, startFixtureServer, type FixtureServer } from '../intake/fixture-server.js';
import { feedXml, PAGES, pageHtml, type FeedEntry, type StoryPage } from '../intake/story-pages.js';

const FIXTURE_CORPUS = fileURLToPath(new URL('../fixtures/corpus-small/', import.meta.url));
const EPHEMERAL = 64;
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const tmp = useTmpDir('storydesk-intake-');

let server: FixtureServer;
const feeds = new Map<string, FeedEntry[]>();

beforeAll(async () => {
  prepareValidators();
  server = await startFixtureServer();
  for (const page of Object.values(PAGES)) {
    server.route(`/news/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
    server.route(`/wire/${page.slug}`, (_q, r) =>
      r.writeHead(200, HTML).end(pageHtml(page, { chrome: 'wire', title: `WIRE: ${page.title.toLowerCase()}` })),
    );
  }
});

afterAll(async () => {
  await server.close();
});

/** Serves `entries` as an RSS feed at `feedPath` (changeable later), with an ETag. */
function serveFeed(feedPath: string, entries: FeedEntry[]): FeedEntry[] {
  feeds.set(feedPath, entries);
  server.route(feedPath, (request, response) => {
    const xml = feedXml(feeds.get(feedPath)!);
    const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 12)}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
  });
  return entries;
}

const newsUrl = (page: StoryPage) => `${server.origin}/news/${page.slug}`;
const entry = (page: StoryPage): FeedEntry => ({ guid: `/news/${page.slug}`, page, link: newsUrl(page) });

interface Harness {
  fake: FakeDiscord;
  /** A server the bot serves that is not an editor of the story. */
  elsewhere: FakeGuild;
  running: RunningBot;
  engine: Story;
  corpusDir: string;
  dbFile: string;
  logs: LogRecord[];
}

const started: Harness[] = [];
const fakes: FakeDiscord[] = [];

afterEach(async () => {
  for (const h of started.splice(0)) await h.running.stop(500);
  for (const fake of fakes.splice(0)) {
    await fake.close();
    // Discord would have refused these with a 400; none may exist.
    expect(fake.invalid.map((i) => i.errors)).toEqual([]);
  }
});

interface StartOptions {
  /** The same local Discord, corpus and database again: a restart. */
  again?: Harness;
  previewTimeoutMs?: number;
}

async function start(options: StartOptions = {}): Promise<Harness> {
  const again = options.again;
  let fake: FakeDiscord;
  let elsewhere: FakeGuild;
  if (again) {
    ({ fake, elsewhere } = again);
  } else {
    fake = await FakeDiscord.start({ validate: validateRequest });
    fakes.push(fake);
    elsewhere = fake.addGuild({ name: 'Elsewhere' });
  }
  const corpusDir = again?.corpusDir ?? path.join(tmp(), 'corpus');
  if (!again) cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const dbFile = again?.dbFile ?? path.join(path.dirname(corpusDir), 'storydesk.db');
  const engine = await loadStory({ corpusDir, cacheDir: null });
  const { logs, stream } = captureLogs();
  const running = await runBot({
    token: fake.token,
    engine,
    db: await openDatabase(dbFile),
    corpusDir,
    log: createLogger({ level: 'debug', destination: stream }),
    apiBase: fake.apiBase,
    cooldown: { windowSeconds: 0, burst: 1 },
    pageTimeoutSeconds: 60,
    clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
    loginTimeoutMs: 5_000,
    watch: { debounceMs: 40, stabilityMs: 100, pollIntervalMs: 20, invalidRetryMs: 300 },
    intake: {
      editorGuildIds: [fake.guildId],
      fetchAllowHosts: [server.host],
      pollMinutes: 15,
      // Politeness waits (one request a second per host) take no time here.
      fetcher: { clock: fakeClock() },
      ...(options.previewTimeoutMs ? { previewTimeoutMs: options.previewTimeoutMs } : {}),
    },
  });
  const harness = { fake, elsewhere, running, engine, corpusDir, dbFile, logs };
  started.push(harness);
  return harness;
}

/** Stops the bot (closing its database) but keeps the local Discord, the corpus and the database file. */
async function stopOnly(h: Harness): Promise<void> {
  started.splice(started.indexOf(h), 1);
  await h.running.stop(500);
}

function sub(name: string, options: Record<string, unknown>[] = []): Record<string, unknown>[] {
  return [{ name, type: 1, options }];
}

const text = (name: string, value: string) => ({ name, type: 3, value });

function article(h: Harness, subcommand: string, options: Record<string, unknown>[], user: FakeUser = h.fake.moderator, guildId = h.fake.guildId): FakeInteraction {
  return h.fake.sendCommand('article', sub(subcommand, options), user, guildId);
}

function feed(h: Harness, subcommand: string, options: Record<string, unknown>[] = [], user: FakeUser = h.fake.moderator, guildId = h.fake.guildId): FakeInteraction {
  return h.fake.sendCommand('feed', sub(subcommand, options), user, guildId);
}

async function reply(h: Harness, interaction: FakeInteraction, timeoutMs = 10_000): Promise<MessageBody> {
  const seen = await h.fake.waitForReply(interaction, timeoutMs);
  expect(seen.callbackAt - interaction.dispatchedAt).toBeLessThan(3_000);
  if (seen.callbackType !== 8) expect(seen.message.allowed_mentions).toEqual({ parse: [] });
  return seen.message;
}

/** The flags of the interaction's first callback (a deferred reply says it is ephemeral there). */
function callbackFlags(h: Harness, interaction: FakeInteraction): number | undefined {
  const callback = h.fake.requestsFor(interaction).find((r) => r.route.endsWith('/callback'));
  return (callback?.body as { data?: { flags?: number } } | undefined)?.data?.flags;
}

function embedText(message: MessageBody | Record<string, unknown>): string {
  const embeds = (message as MessageBody).embeds ?? [];
  return embeds
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

function buttons(message: MessageBody | Record<string, unknown>): { label?: string; custom_id?: string; url?: string }[] {
  return ((message as MessageBody).components ?? []).flatMap((r) => r.components);
}

function buttonId(message: MessageBody | Record<string, unknown>, label: string): string {
  const id = buttons(message).find((b) => b.label === label)?.custom_id;
  if (!id) throw new Error(`no "${label}" button on ${JSON.stringify(message).slice(0, 300)}`);
  return id;
}

const mdFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const pageRequests = (page: StoryPage) => server.requests.filter((r) => r.path.endsWith(`/${page.slug}`)).length;
const cardMessages = (h: Harness, channelId: string) =>
  h.fake.channelMessages(channelId).filter((m) => embedText(m).includes('storydesk review card'));
const posts = (h: Harness, since = 0): RecordedRequest[] =>
  h.fake.requests.slice(since).filter((r) => r.route === 'POST /channels/{channel_id}/messages');

/** Previews `page` with /article add and returns the interaction and its preview. */
async function previewOf(h: Harness, url: string, user: FakeUser = h.fake.moderator) {
  const add = article(h, 'add', [text('url', url)], user);
  const preview = await reply(h, add);
  return { add, preview };
}

async function ask(h: Harness, question: string): Promise<string> {
  const message = await reply(h, h.fake.sendCommand('ask', { question }));
  return embedText(message);
}

describe('/article add', () => {
  it('answers with a private preview; Add writes the article, /ask answers from it at once, and it is announced once', async () => {
    const h = await start();
    const sinks = PAGES.sinks!;
    // Announcements of added articles go to this server's channel.
    await reply(h, feed(h, 'notify', [{ name: 'channel', type: 7, value: h.fake.channelId }]));
    expect(await ask(h, 'How many people were aboard the Aurora Star?')).not.toContain('212');

    const { add, preview } = await previewOf(h, newsUrl(sinks));
    expect(callbackFlags(h, add)).toBe(EPHEMERAL);
    expect(preview.content).toMatch(/^Add this article to the story\? These buttons work until <t:\d+:t> \(<t:\d+:R>\)\.$/);
    const shown = embedText(preview);
    expect(preview.embeds![0]!.title).toBe(sinks.title);
    for (const part of ['Harbour Gazette', '7 Jan 2025', 'Mara Quinn', '5 paragraphs', `> ${sinks.paragraphs[0]}`]) expect(shown).toContain(part);
    expect(shown).toMatch(/\d{2,3} words · 5 paragraphs/);
    expect(buttons(preview).map((b) => b.label)).toEqual(['Add', 'Cancel', 'Open the page']);
    expect(mdFiles(h.corpusDir)).toEqual(['budget.md', 'floods.md']);

    // Someone else cannot use the invoker's buttons.
    const other = h.fake.sendButton(buttonId(preview, 'Add'), add, { ...h.fake.moderator, id: '111111111111111111', username: 'other' });
    expect((await reply(h, other)).content).toBe(IntakeTexts.notYourPreview);
    expect(mdFiles(h.corpusDir)).toHaveLength(2);

    const click = h.fake.sendButton(buttonId(preview, 'Add'), add, h.fake.moderator);
    const done = await reply(h, click);
    const id = '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md';
    expect(done.content).toBe(`Added “${sinks.title}” to the story as \`${id}\`. /ask and the other commands answer from it now, and the next digest lists it as new.`);
    expect(done.components).toEqual([]);
    const file = readFileSync(path.join(h.corpusDir, id), 'utf8');
    expect(file).toContain(`via: discord:${h.fake.guildId}/${h.fake.moderator.id}`);
    expect(file).toContain(`url: ${newsUrl(sinks)}`);
    expect(file).toContain(sinks.paragraphs[1]!);
    // Served at once: no wait for the watcher.
    const answer = await ask(h, 'How many people were aboard the Aurora Star?');
    expect(answer).toContain('212');
    expect(answer).toContain(sinks.title);
    // One line in the announcement channel, once (the watcher's later reload does not announce it again).
    await h.running.watcher.idle();
    const notices = h.fake.channelMessages(h.fake.channelId).filter((m) => String(m.content).startsWith('📰'));
    expect(notices.map((m) => m.content)).toEqual([`📰 New in the story: **${sinks.title}** (Harbour Gazette) <${newsUrl(sinks)}>`]);
    expect(notices[0]!.nonce).toEqual(expect.any(String));

    // The same link again is refused, without a preview.
    const again = await reply(h, article(h, 'add', [text('url', newsUrl(sinks))]));
    expect(again.content).toBe(`Can't add ${newsUrl(sinks)}: already in the story: ${sinks.title}. Nothing was written.`);
    expect(again.components ?? []).toEqual([]);
  });

  it('Cancel writes nothing, and the buttons expire', async () => {
    const h = await start({ previewTimeoutMs: 400 });
    const { add, preview } = await previewOf(h, newsUrl(PAGES.inquiry!));
    const cancel = await reply(h, h.fake.sendButton(buttonId(preview, 'Cancel'), add, h.fake.moderator));
    expect(cancel.content).toBe(IntakeTexts.cancelled);
    expect(cancel.components).toEqual([]);
    // Nothing is left to add with the same preview.
    const late = await reply(h, h.fake.sendButton(buttonId(preview, 'Add'), add, h.fake.moderator));
    expect(late.content).toBe(IntakeTexts.previewExpired);

    const second = await previewOf(h, newsUrl(PAGES.inquiry!));
    // The preview's own message is edited once the buttons expire.
    const expired = await h.fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.params.webhook_token === second.add.token && (r.body as MessageBody).content === IntakeTexts.previewExpired,
      5_000,
      'the expired preview',
    );
    expect((expired.body as MessageBody).components).toEqual([]);
    const click = await reply(h, h.fake.sendButton(buttonId(second.preview, 'Add'), second.add, h.fake.moderator));
    expect(click.content).toBe(IntakeTexts.previewExpired);
    expect(mdFiles(h.corpusDir)).toEqual(['budget.md', 'floods.md']);
  });

  it('records a near copy from another outlet as "also in", shown by citations and /sources', async () => {
    const h = await start();
    const sinks = PAGES.sinks!;
    const first = await previewOf(h, newsUrl(sinks));
    await reply(h, h.fake.sendButton(buttonId(first.preview, 'Add'), first.add, h.fake.moderator));
    const wireUrl = `${server.origin}/wire/${sinks.slug}`;
    const { add, preview } = await previewOf(h, wireUrl);
    expect(preview.content).toMatch(/^\*\*A near copy\*\* of “Ferry sinks off Kestrel Island with 212 aboard”/);
    expect(embedText(preview)).toContain('⚠️ a near copy of');
    const done = await reply(h, h.fake.sendButton(buttonId(preview, 'Record as a copy'), add, h.fake.moderator));
    expect(done.content).toMatch(/is a near copy of “Ferry sinks off Kestrel Island with 212 aboard”: its outlet and link are recorded on that article/);
    expect(mdFiles(h.corpusDir)).toHaveLength(3);
    const id = '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md';
    expect(readFileSync(path.join(h.corpusDir, id), 'utf8')).toContain(`also:\n  - outlet: Coastal Wire Daily\n    url: ${wireUrl}`);
    const linked = `also in [Coastal Wire Daily](${wireUrl})`;
    expect(await ask(h, 'How many people were aboard the Aurora Star?')).toContain(linked);
    const sources = embedText(await reply(h, h.fake.sendCommand('sources', {})));
    expect(sources).toContain(`Harbour Gazette · 7 Jan 2025 · ${linked}`);
  });
});

describe('/article remove', () => {
  it('autocompletes titles, moves the file to .removed/ and takes the article out of the story at once', async () => {
    const h = await start();
    const sinks = PAGES.sinks!;
    const first = await previewOf(h, newsUrl(sinks));
    await reply(h, h.fake.sendButton(buttonId(first.preview, 'Add'), first.add, h.fake.moderator));
    const id = '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md';
    const choices = await reply(h, h.fake.sendAutocomplete('article', 'article', 'kestrel', {}, h.fake.moderator, 'remove'));
    expect(choices.choices).toEqual([{ name: `${sinks.title} — Harbour Gazette, 2025-01-07`, value: id }]);
    // A member without Manage Server gets no choices.
    expect((await reply(h, h.fake.sendAutocomplete('article', 'article', 'kestrel', {}, h.fake.member, 'remove'))).choices).toEqual([]);

    const removed = await reply(h, article(h, 'remove', [text('article', id)]));
    expect(removed.content).toBe(
      `Removed “${sinks.title}” from the story. Its file was moved to \`.removed/${id}\`: nothing is lost, and moving it back restores it.`,
    );
    expect(existsSync(path.join(h.corpusDir, id))).toBe(false);
    expect(readFileSync(path.join(h.corpusDir, '.removed', id), 'utf8')).toContain(sinks.paragraphs[0]!);
    expect(h.engine.articles().map((a) => a.id)).not.toContain(id);
    expect(await ask(h, 'How many people were aboard the Aurora Star?')).not.toContain('212');
    expect(embedText(await reply(h, h.fake.sendCommand('sources', {})))).not.toContain(sinks.title);
    const gone = await reply(h, article(h, 'remove', [text('article', id)]));
    expect(gone.content).toBe(`No article of the story is called “${id}”: pick one from the list as you type.`);
  });
});

describe('who may change the story', () => {
  it('refuses a member without Manage Server, and a server not listed in EDITOR_GUILD_IDS, fetching nothing', async () => {
    const h = await start();
    const before = server.requests.length;
    const member = await reply(h, article(h, 'add', [text('url', newsUrl(PAGES.sinks!))], h.fake.member));
    expect(member.content).toBe(IntakeTexts.noPermission);
    expect(member.flags).toBe(EPHEMERAL);
    const moderatorElsewhere = await reply(h, article(h, 'add', [text('url', newsUrl(PAGES.sinks!))], h.fake.moderator, h.elsewhere.id));
    expect(moderatorElsewhere.content).toBe(IntakeTexts.notEditor);
    expect(moderatorElsewhere.flags).toBe(EPHEMERAL);
    const feedElsewhere = await reply(h, feed(h, 'list', [], h.fake.moderator, h.elsewhere.id));
    expect(feedElsewhere.content).toBe(IntakeTexts.notEditor);
    const feedMember = await reply(h, feed(h, 'add', [text('url', `${server.origin}/feeds/x.xml`)], h.fake.member));
    expect(feedMember.content).toBe(IntakeTexts.noPermission);
    expect(server.requests.length).toBe(before);
    expect(mdFiles(h.corpusDir)).toHaveLength(2);
  });
});

describe('/feed and the review queue', () => {
  it('follows a feed, lists and removes it, and queues on-story items as cards that Approve adds and Reject drops for good', async () => {
    const h = await start();
    const { fake } = h;
    const feedUrl = `${server.origin}/feeds/review.xml`;
    const entries = serveFeed('/feeds/review.xml', [entry(PAGES.derby!)]);
    const added = await reply(h, feed(h, 'add', [text('url', feedUrl), text('match', '"Aurora Star" OR ferry')]), 10_000);
    expect(added.content).toContain(`Following **1. Harbour Gazette: latest** <${feedUrl}>.`);
    expect(added.content).toContain('Mode: **review**');
    expect(added.content).toContain('Its 1 current item is marked seen; new items are checked every 15 min.');
    expect(added.content).toContain('No review channel is set in this server');

    const list = await reply(h, feed(h, 'list'));
    const listed = embedText(list);
    expect(listed).toContain('1. Harbour Gazette: latest');
    expect(listed).toContain(`<${feedUrl}>`);
    expect(listed).toMatch(/review · match `"Aurora Star" OR ferry` · ok\nlast poll <t:\d+:R> · 0 articles taken/);
    expect(listed).toContain('Review cards: no channel set');

    // New items (processed oldest first): two about the story, one not.
    entries.push(entry(PAGES.sinks!), entry(PAGES.museum!), entry(PAGES.inquiry!));
    const [report] = await h.running.intake!.poller.pollAll();
    expect(report!.items.map((i) => [i.title, i.outcome])).toEqual([
      [PAGES.sinks!.title, 'queued'],
      [PAGES.inquiry!.title, 'queued'],
      [PAGES.museum!.title, 'skipped'],
    ]);
    // No review channel yet: nothing is posted, the queue waits.
    expect(cardMessages(h, fake.channelId)).toEqual([]);

    const set = await reply(h, feed(h, 'review', [{ name: 'channel', type: 7, value: fake.channelId }]));
    expect(set.content).toBe(
      `Review cards now go to <#${fake.channelId}>, each once, with Approve and Reject buttons for members with Manage Server. 2 items awaiting review will be posted there now.`,
    );
    // Posted after the reply, oldest first.
    await fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages' && embedText(r.body as MessageBody).includes('storydesk review card 2'));
    await h.running.intake!.idle();
    const cards = cardMessages(h, fake.channelId);
    expect(cards).toHaveLength(2);
    const [sinksCard, inquiryCard] = cards as [Record<string, unknown>, Record<string, unknown>];
    const shown = embedText(sinksCard);
    expect((sinksCard.embeds as { title: string; url: string }[])[0]).toMatchObject({ title: PAGES.sinks!.title, url: newsUrl(PAGES.sinks!) });
    for (const part of ['Harbour Gazette', '7 Jan 2025', `> ${PAGES.sinks!.paragraphs[0]}`, 'Why it matched', 'storydesk review card 1']) expect(shown).toContain(part);
    expect(buttons(sinksCard).map((b) => b.label)).toEqual(['Approve', 'Reject', 'Read it']);
    const cardPost = posts(h).find((p) => embedText(p.body as MessageBody).includes('storydesk review card 1'))!;
    expect(cardPost.body).toMatchObject({ nonce: expect.any(String), enforce_nonce: true, allowed_mentions: { parse: [] } });

    // A member without Manage Server cannot decide.
    const refused = await reply(h, fake.clickMessageButton(buttonId(sinksCard, 'Approve'), sinksCard, fake.member));
    expect(refused.content).toBe(IntakeTexts.noPermission);
    expect(mdFiles(h.corpusDir)).toHaveLength(2);

    const approve = fake.clickMessageButton(buttonId(sinksCard, 'Approve'), sinksCard, fake.moderator);
    const approved = await reply(h, approve);
    expect(callbackFlags(h, approve)).toBe(EPHEMERAL);
    const id = '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md';
    expect(approved.content).toBe(`Approved: “${PAGES.sinks!.title}” is in the story now, as \`${id}\`. /ask answers from it.`);
    expect(readFileSync(path.join(h.corpusDir, id), 'utf8')).toContain(`via: feed:${feedUrl}`);
    expect(await ask(h, 'How many people were aboard the Aurora Star?')).toContain('212');
    // The card's message now says who decided, and has no Approve/Reject any more.
    const decided = h.fake.channelMessages(fake.channelId).find((m) => m.id === sinksCard.id)!;
    expect(embedText(decided)).toContain(`✅ Approved by <@${fake.moderator.id}>`);
    expect(embedText(decided)).toContain(`added to the story as ${id}`);
    expect(buttons(decided).map((b) => b.label)).toEqual(['Read it']);
    // A second click on the old buttons changes nothing.
    const twice = await reply(h, fake.clickMessageButton(buttonId(sinksCard, 'Approve'), sinksCard, fake.moderator));
    expect(twice.content).toBe(`Nothing changed: this item was already approved by <@${fake.moderator.id}>.`);

    const rejected = await reply(h, fake.clickMessageButton(buttonId(inquiryCard, 'Reject'), inquiryCard, fake.moderator));
    expect(rejected.content).toBe(`Rejected: “${PAGES.inquiry!.title}” was not added, and its feed won't offer it again.`);
    expect(embedText(h.fake.channelMessages(fake.channelId).find((m) => m.id === inquiryCard.id)!)).toContain(`❌ Rejected by <@${fake.moderator.id}>`);
    expect(mdFiles(h.corpusDir)).toHaveLength(3);
    // Rejected for good: the next polls never bring it back.
    const db = await openDatabase(h.dbFile);
    try {
      expect((await listItems(db, 1)).find((i) => i.title === PAGES.inquiry!.title)?.outcome).toBe('rejected');
    } finally {
      await db.close();
    }
    const fetched = pageRequests(PAGES.inquiry!);
    await h.running.intake!.poller.pollAll();
    await h.running.intake!.idle();
    expect(pageRequests(PAGES.inquiry!)).toBe(fetched);
    expect(cardMessages(h, fake.channelId)).toHaveLength(2);

    const list2 = embedText(await reply(h, feed(h, 'list')));
    expect(list2).toContain('1 article taken');
    expect(list2).toContain(`Review cards: <#${fake.channelId}>`);

    const choices = await reply(h, fake.sendAutocomplete('feed', 'feed', 'gazette', {}, fake.moderator, 'remove'));
    expect(choices.choices).toEqual([{ name: `1. Harbour Gazette: latest (${feedUrl})`, value: '1' }]);
    const removed = await reply(h, feed(h, 'remove', [text('feed', '1')]));
    expect(removed.content).toBe(
      'Stopped following **1. Harbour Gazette: latest**. Its cards awaiting review were withdrawn; the articles it added stay in the story.',
    );
    expect(embedText(await reply(h, feed(h, 'list')))).toContain('No feeds are followed.');
    expect(mdFiles(h.corpusDir)).toHaveLength(3);
  });

  it('posts a card once, even across restarts and a crash between sending it and recording it', async () => {
    const first = await start();
    const { fake } = first;
    await reply(first, feed(first, 'review', [{ name: 'channel', type: 7, value: fake.channelId }]));
    const entries = serveFeed('/feeds/restart.xml', []);
    await reply(first, feed(first, 'add', [text('url', `${server.origin}/feeds/restart.xml`), text('match', 'ferry')]), 10_000);
    entries.push(entry(PAGES.sinks!));
    await first.running.intake!.poller.pollAll();
    await first.running.intake!.idle();
    expect(cardMessages(first, fake.channelId)).toHaveLength(1);
    const [posted] = cardMessages(first, fake.channelId);
    await stopOnly(first);

    // Restarted: the card was recorded as posted; it is not posted again.
    let requests = fake.requests.length;
    const second = await start({ again: first });
    await second.running.intake!.idle();
    expect(posts(second, requests)).toEqual([]);
    await stopOnly(second);

    // A crash right after Discord took the message, before it was recorded: the record still says 'posting', from
    // longer ago than a send takes (a claim that fresh would be another host's, posting it now).
    const db: Db = await openDatabase(first.dbFile);
    await db.run(`UPDATE review_posts SET status = 'posting', message_id = NULL, updated_at = ?`, [new Date(Date.now() - POST_CLAIM_MS).toISOString()]);
    await db.close();
    requests = fake.requests.length;
    const third = await start({ again: first });
    await third.running.intake!.idle();
    // Found in the channel, not sent again.
    expect(posts(third, requests)).toEqual([]);
    expect(fake.requests.slice(requests).some((r) => r.route === 'GET /channels/{channel_id}/messages')).toBe(true);
    expect(cardMessages(third, fake.channelId)).toHaveLength(1);
    const check = await openDatabase(first.dbFile);
    try {
      const [card] = await pendingCards(check);
      expect(await cardPosts(check, card!.id)).toMatchObject([{ status: 'posted', messageId: posted!.id }]);
    } finally {
      await check.close();
    }
    // And the card still works after all that.
    const approved = await reply(third, fake.clickMessageButton(buttonId(posted!, 'Approve'), posted!, fake.moderator));
    expect(approved.content).toMatch(/^Approved: /);
  });
});
