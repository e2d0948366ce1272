// Snapshot of everything a user can get out of storydesk, for checking that a structural change changes no
// behaviour: `npx tsx eval/snapshot.ts OUT_DIR`, before and after, then `diff -r`.
// Per corpus: ask (every eval question), timeline (plain and filtered), who (all, and each name), quote, sources
// and the digest, as the CLI's JSON; the console's text for the same commands; the Discord replies as JSON.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/cli.js';
import { runConsoleCommand } from '../src/console.js';
import { loadStory } from '../src/engine/story.js';
import { answerReply } from '../src/discord/answer.js';
import { renderEntity, renderEntityList, renderQuotes, renderSources, renderTimeline } from '../src/discord/render.js';
import { renderDigestMessage } from '../src/discord/digest-render.js';
import { buildDigest } from '../src/digest/content.js';

const out = process.argv[2] ?? '/tmp/snapshot';
const sets: { name: string; corpus: string; questions: string[] }[] = [
  { name: 'seed', corpus: 'corpus', questions: ['seed', 'seed-offtopic', 'seed-holdout', 'seed-holdout-offtopic'] },
  { name: 'brown-press', corpus: 'eval/corpora/brown-press', questions: ['brown-press', 'brown-press-offtopic'] },
  { name: 'brown-holdout', corpus: 'eval/corpora/brown-holdout', questions: ['brown-holdout', 'brown-holdout-offtopic'] },
  ...readdirSync('test/fixtures/timeline', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `fixture-${d.name}`, corpus: `test/fixtures/timeline/${d.name}`, questions: [] })),
  { name: 'fixture-entities', corpus: 'test/fixtures/entities', questions: [] },
  { name: 'fixture-quotes', corpus: 'test/fixtures/quotes', questions: [] },
];
for (const extra of process.argv.slice(3)) sets.push({ name: extra.replace(/\W+/g, '_'), corpus: extra, questions: [] });

async function cli(args: string[], stdin = ''): Promise<string> {
  const input = new PassThrough();
  input.end(stdin);
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const stderr = new PassThrough();
  stderr.resume();
  const code = await runCli(args, { stdin: input, stdout, stderr, env: { DATABASE_PATH: '/nonexistent/storydesk.db' } });
  return `${Buffer.concat(chunks).toString('utf8')}exit ${code}\n`;
}

const TIMELINE_FILTERS = [[], ['--from', '2022-09-01', '--to', '2022-09-30'], ['--from', '1961'], ['--topic', 'police'], ['--person', 'Rama']];

for (const set of sets) {
  const dir = join(out, set.name);
  mkdirSync(dir, { recursive: true });
  const base = ['--json', '--corpus', set.corpus, '--no-cache'];
  const questions = set.questions.flatMap((q) =>
    readFileSync(`eval/questions/${q}.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { q: string }).q),
  );
  const files: Record<string, string> = {};
  files['ask.jsonl'] = await cli(['ask', ...base], questions.join('\n'));
  for (const [i, f] of TIMELINE_FILTERS.entries()) files[`timeline-${i}.json`] = await cli(['timeline', ...base, ...f]);
  files['who.json'] = await cli(['who', ...base]);
  const entities = (JSON.parse(files['who.json'].split('\n')[0]!) as { entities: { name: string }[] }).entities;
  const whoEach: string[] = [];
  for (const e of entities) whoEach.push(await cli(['who', e.name, ...base]));
  files['who-each.jsonl'] = whoEach.join('');
  files['quote.json'] = await cli(['quote', ...base]);
  files['sources.json'] = await cli(['sources', ...base]);
  files['digest.json'] = await cli(['digest', ...base, '--date', '2022-09-15', '--since', '2022-09-01']);

  const story = await loadStory({ corpusDir: set.corpus, cacheDir: null, log: () => undefined });
  const consoleLines = [
    ...questions.slice(0, 40).map((q) => `/ask ${q}`),
    '/timeline',
    '/timeline from:2022-09-01 to:2022-09-30',
    '/timeline from:September 2022',
    '/timeline from:2022-10 to:2022-09',
    '/who',
    ...entities.slice(0, 15).map((e) => `/who ${e.name}`),
    '/quote',
    '/sources',
    '/help',
  ];
  files['console.txt'] = consoleLines.map((l) => `> ${l}\n${runConsoleCommand(story, l)}\n`).join('\n');
  const discord = {
    ask: questions.slice(0, 40).map((q) => answerReply(story, q)),
    timeline: renderTimeline(story.timeline({}), {}),
    who: renderEntityList(story.who()),
    whoEach: entities.slice(0, 15).map((e) => renderEntity(e.name, story.whoIs(e.name))),
    quotes: renderQuotes(story.quotes({}), {}),
    sources: renderSources(story.articles(), 0),
    digest: renderDigestMessage(buildDigest(story, { since: '2022-09-01', date: '2022-09-15' })),
  };
  files['discord.json'] = JSON.stringify(discord, null, 1);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  console.error(`${set.name}: ${questions.length} questions, ${entities.length} entities`);
}
