import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCli } from '../src/cli.js';
import { castVote, recordQuestion } from '../src/db/gaps.js';
import { openDatabase, type Db } from '../src/db/open.js';
import { openPostgres } from '../src/db/postgres.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from './helpers/postgres.js';
import { useTmpDir } from './helpers/tmp.js';

const tmp = useTmpDir();

async function cli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli(args, { stdin: Readable.from([stdin]), stdout, stderr, env });
  return { code, out, err };
}

const citationShape = {
  article: { id: expect.any(String), title: expect.any(String), outlet: expect.toBeOneOf([expect.any(String), null]), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), url: expect.toBeOneOf([expect.any(String), null]) },
  paragraph: expect.any(Number),
  excerpt: expect.any(String),
};

describe('cli ask --json', () => {
  it('prints one JSON object with the answer and its citations on stdout', async () => {
    const { code, out } = await cli(['ask', 'Where did Roll meet Xhacka?', '--json', '--no-cache']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).sort()).toEqual(['answer', 'citations', 'question']);
    expect(result.question).toBe('Where did Roll meet Xhacka?');
    expect(result.answer).toEqual({ text: expect.stringContaining('Berlin'), citation: citationShape, focus: { start: 0, end: expect.any(Number) } });
    expect(result.answer.text).toBe(result.answer.citation.excerpt);
    expect(result.answer.focus.end).toBeLessThanOrEqual(result.answer.text.length);
    for (const c of result.citations) expect(c).toEqual(citationShape);
  });

  it('answers one question per stdin line, one JSON line each, with null for an abstention', async () => {
    const { out } = await cli(['ask', '--json', '--no-cache'], 'stuxnet\n\nWhat is the capital of France?\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].answer.text).toContain('Stuxnet');
    expect(lines[1]).toEqual({ question: 'What is the capital of France?', answer: null, citations: [] });
  });

  it('gives every non-blank line exactly one JSON line, in order: a refused question is an error line and the batch goes on', async () => {
    const input = `${'x'.repeat(70_000)}\nWho is Rama?\n\r\n \u200b \n${'word '.repeat(80)}\nWHEN DID ALBANIA JOIN NATO?\r\n`;
    const { code, out, err } = await cli(['ask', '--json', '--no-cache'], input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error ?? null)).toEqual([
      'The question is 70,000 characters long; ask in at most 1,000.',
      null,
      'The question has 80 words; ask in at most 60.',
      null,
    ]);
    expect(lines.map((l) => String(l.question).slice(0, 12))).toEqual(['xxxxxxxxxxxx', 'Who is Rama?', 'word word wo', 'WHEN DID ALB']);
    expect(lines[0].code).toBe('too-long');
    expect(lines[1].answer.text).toContain('Rama');
    // An ALL-CAPS question is read as a lower-case one is.
    expect(lines[3].answer.text).toContain('NATO');
    expect(err).toBe('');
  });

  it('refuses a single question over a cap with the reason, exit code 1', async () => {
    const { code, out } = await cli(['ask', '--json', '--no-cache', 'y'.repeat(1001)]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({ question: 'y'.repeat(1001), error: 'The question is 1,001 characters long; ask in at most 1,000.', code: 'too-long' });
  });

  it('serves another corpus folder with --corpus', async () => {
    const { code, out } = await cli(['ask', 'flooded valley', '--json', '--no-cache', '--corpus', 'test/fixtures/corpus-small']);
    expect(code).toBe(0);
    expect(JSON.parse(out).answer.citation.article.id).toBe('floods.md');
  });

  it('reports an unknown option on stderr with exit code 2 and prints nothing on stdout', async () => {
    const { code, out, err } = await cli(['ask', '--bogus']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("Unknown option '--bogus'");
  });

  it('rejects an invalid --from date, naming it', async () => {
    const { code, err } = await cli(['timeline', '--from', '2022-13-01', '--no-cache']);
    expect(code).toBe(2);
    expect(err).toContain('storydesk: `from` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “2022-13-01” isn\'t one.');
  });

  it('reads --from and --to as the console and Discord do: English dates, and refuses to before from', async () => {
    const english = await cli(['timeline', '--json', '--from', 'September 2022', '--to', '2022-09', '--no-cache']);
    const iso = await cli(['timeline', '--json', '--from', '2022-09-01', '--to', '2022-09-30', '--no-cache']);
    expect(english.code).toBe(0);
    expect(english.out).toBe(iso.out);
    const reversed = await cli(['timeline', '--from', '2022-10', '--to', '2022-09', '--no-cache']);
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('storydesk: `to` (2022-09-30) is before `from` (2022-10-01).');
  });
});

describe('cli corpus-check', () => {
  it('exits 0 on the seed corpus', async () => {
    const { code, out } = await cli(['corpus-check']);
    expect(code).toBe(0);
    expect(out).toMatch(/2 valid article\(s\), 0 problem\(s\)/);
  });

  it('prints every problem and exits 1 when a file is bad', async () => {
    const { code, err } = await cli(['corpus-check', '--corpus', 'test/fixtures/corpus-broken']);
    expect(code).toBe(1);
    expect(err).toContain('no-title.md: title: expected a title (text)');
    expect(err).toContain('bad-date.md: date: expected a real calendar date (YYYY-MM-DD)');
  });
});

describe('cli intake commands (extract, add, feed)', () => {
  it('hands them to the intake CLI, wherever the options stand, and lists them in the usage', async () => {
    const extracted = await cli(['--json', 'extract', 'test/fixtures/intake/pages/article.html', '--url', 'https://gazette.example/inquiry']);
    expect(extracted.code).toBe(0);
    expect(JSON.parse(extracted.out)).toMatchObject({ source: 'test/fixtures/intake/pages/article.html', article: null, error: expect.stringMatching(/^not an article: only \d+ words/) });
    const help = await cli(['--help']);
    expect(help.out).toMatch(/^ {2}extract FILE_OR_URL\.\.\. \[--url BASE\]/m);
    expect(help.out).toMatch(/^ {2}feed add URL \[--match EXPR\] \[--mode review\|auto\] \[--backfill\]/m);
  });

  it('does not take an option\'s value for an intake command', async () => {
    const { code, out } = await cli(['--topic', 'feed', 'timeline', '--json', '--no-cache']);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(out))).toEqual(['events']);
  });
});

describe('cli ask in text', () => {
  it('offers the closest passages about what an unanswered question names, as the console does', async () => {
    const { code, out } = await cli(['ask', 'How old is Edi Rama?', '--no-cache']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe("The articles don't say. They mention Edi Rama; the closest passages are below, but they don't answer the question.");
    expect(out).toContain('  - Albanian Prime Minister Edi Rama said an investigation determined');
  });
});

describe('cli gaps', () => {
  /** Two wordings of one abstained question in g1, a voted-down answer in g2, a liked one in g1: asked a day ago. */
  async function recordGaps(db: Db): Promise<Date> {
    const at = new Date(Date.now() - 86_400_000);
    await recordQuestion(db, { question: 'When did Albania join the EU?', guildId: 'g1', outcome: 'abstained', at });
    await recordQuestion(db, { question: 'when did Albania join the EU', guildId: 'g1', outcome: 'abstained', at: new Date(at.getTime() - 1000) });
    const voted = await recordQuestion(db, { question: 'What is the MEK?', guildId: 'g2', outcome: 'answered', at });
    await castVote(db, { questionId: voted, userId: '123', vote: 'down' });
    await recordQuestion(db, { question: 'Who attacked Albania?', guildId: 'g1', outcome: 'answered', at });
    return at;
  }

  it('gives /story gaps as one JSON object: groups with count, example, names and last asked, from DATABASE_PATH', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    const db = await openDatabase(file);
    const at = await recordGaps(db);
    await db.close();
    const { code, out } = await cli(['gaps', '--json', '--no-cache'], '', { DATABASE_PATH: file });
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(json).toEqual({
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      guild: null,
      groups: [
        { count: 2, example: 'When did Albania join the EU?', names: ['Albania'], lastAsked: at.toISOString(), abstained: 2, votedDown: 0, variants: ['when did Albania join the EU'] },
        { count: 1, example: 'What is the MEK?', names: ['People’s Mujahideen of Iran'], lastAsked: at.toISOString(), abstained: 0, votedDown: 1, variants: [] },
      ],
    });
    const one = JSON.parse((await cli(['gaps', '--json', '--guild', 'g2', '--no-cache'], '', { DATABASE_PATH: file })).out);
    expect(one.groups.map((g: { example: string }) => g.example)).toEqual(['What is the MEK?']);
    const text = await cli(['gaps', '--no-cache'], '', { DATABASE_PATH: file });
    expect(text.out.split('\n').slice(0, 4)).toEqual([
      '1. When did Albania join the EU?',
      `   asked 2 times (2 not answered), last ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '   names: Albania',
      '   also asked as: "when did Albania join the EU"',
    ]);
  });

  it('without a database, says so on stderr and lists nothing', async () => {
    const { code, out, err } = await cli(['gaps', '--json', '--no-cache'], '', { DATABASE_PATH: path.join(tmp(), 'none.db') });
    expect(code).toBe(0);
    expect(JSON.parse(out).groups).toEqual([]);
    expect(err).toMatch(/no database at .*none\.db \(DATABASE_PATH\): no questions recorded/);
  });

  it.skipIf(!postgresAvailable)(`reads the hosts' shared database when DATABASE_URL is set${postgresAvailable ? '' : ` (SKIPPED: ${postgresSkipReason})`}`, async () => {
    const fresh = await freshPostgresDatabase();
    try {
      const db = await openPostgres(fresh.url);
      const at = await recordGaps(db);
      await db.close();
      // DATABASE_URL wins over a DATABASE_PATH that holds nothing.
      const { code, out, err } = await cli(['gaps', '--json', '--guild', 'g1', '--no-cache'], '', { DATABASE_URL: fresh.url, DATABASE_PATH: path.join(tmp(), 'none.db') });
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(out).groups).toEqual([
        { count: 2, example: 'When did Albania join the EU?', names: ['Albania'], lastAsked: at.toISOString(), abstained: 2, votedDown: 0, variants: ['when did Albania join the EU'] },
      ]);
    } finally {
      await fresh.drop();
    }
  });
});
