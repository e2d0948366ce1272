import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ERROR, parseConsoleLine, runConsole, runConsoleCommand } from '../src/console.js';
import { Conversations } from '../src/engine/conversations.js';
import { loadStory, type Story } from '../src/engine/story.js';

let story: Story;
beforeAll(async () => {
  story = await loadStory({ corpusDir: 'corpus', cacheDir: null });
});

async function session(input: string): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  await runConsole(story, Readable.from([input]), output);
  return text;
}

describe('parseConsoleLine', () => {
  it('reads Discord-style options that run to the next option', () => {
    expect(parseConsoleLine('/timeline from:2022-07-01 topic:police computer systems person:Rama')).toEqual({
      name: 'timeline',
      options: { from: '2022-07-01', topic: 'police computer systems', person: 'Rama' },
    });
  });

  it('takes leading text as the first option and a bare line as a question', () => {
    expect(parseConsoleLine('/who Olta Xhacka')).toEqual({ name: 'who', options: { name: 'Olta Xhacka' } });
    expect(parseConsoleLine('who attacked Albania?')).toEqual({ name: 'ask', options: { question: 'who attacked Albania?' } });
  });

  it('names an unknown command', () => {
    expect(parseConsoleLine('/frobnicate now')).toEqual({ error: 'Unknown command /frobnicate. Type /help for the commands.' });
  });
});

describe('runConsole', () => {
  it('echoes each piped question, then answers with the excerpt once, marked, and its source', async () => {
    const text = await session("/ask Who is Albania's foreign minister?\n");
    const lines = text.split('\n');
    expect(lines[0]).toBe("Q: Who is Albania's foreign minister?");
    expect(lines[1]).toMatch(/^Answer: {2}“Deputy Foreign Minister Idan Roll met with Albanian Foreign Minister Olta Xhacka .*, he said in a tweet\.”$/);
    expect(lines[2]).toBe(
      'Source:  "Israel offers cyber aid to Albania, which severed Iran ties over hacking claim", The Times of Israel, 2022-09-12, paragraph 2 <https://www.timesofisrael.com/israel-offers-cyber-aid-to-albania-which-severed-iran-ties-over-hacking-claim/>',
    );
    expect(text.match(/Deputy Foreign Minister Idan Roll met/g)).toHaveLength(1);
  });

  it('echoes a bare question too, cleaned of control characters, and not other commands', async () => {
    const text = await session('Who attacked\u0000 Albania?\u202e\n/sources\n');
    expect(text.startsWith('Q: Who attacked Albania?\nAnswer:  ')).toBe(true);
    expect(text).not.toContain('Q: /sources');
  });

  it('never doubles quotation marks around an excerpt that has its own', async () => {
    const text = await session('What did Lapid tell Rama?\n/ask What did Iran reject?\n');
    expect(text).not.toMatch(/““|””|“"|"”/);
  });

  it('names the article each timeline event comes from, not just its outlet', async () => {
    const text = await session('/timeline from:2022-07-01 to:2022-07-31\n');
    // The 15 July attack is told by both articles: one event, both cited.
    expect(text).toMatch(
      /15 Jul 2022 +.*cyberattack.*\n +\("Israel offers cyber aid to Albania, which severed Iran ties over hacking claim", The Times of Israel, 2022-09-12, ¶4; "Israel ready to help Albania against Iran cyber threat, Lapid tells Rama", The Mideast Update, 2022-10-23, ¶3\)/,
    );
  });

  it('says honestly when the articles do not answer, and where to look when the question names nothing in the story', async () => {
    expect(await session('/ask What is the capital of France?\n')).toBe(
      "Q: What is the capital of France?\nThe articles don't say. Try /who to see who is in the story, or /timeline for what happened when.\n\n",
    );
  });

  it('offers the closest passages about someone the question names, as not an answer', async () => {
    const text = await session('What did Rama eat for breakfast?\n');
    const lines = text.split('\n');
    expect(lines[1]).toBe("The articles don't say. They mention Edi Rama; the closest passages are below, but they don't answer the question.");
    expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('  - ')).every((l) => l.includes('Rama'))).toBe(true);
  });

  it('gives the reason for a question the engine refuses', async () => {
    expect(await session('\u200b\u202e\n')).toBe('The question is empty: type a question about the story.\n\n');
  });

  it('never shows an internal error: a short apology, the details to the log', async () => {
    const fail = () => {
      throw new RangeError('Invalid typed array length: 12');
    };
    const failing: Story = Object.assign(Object.create(story) as Story, { ask: fail, askFollowUp: fail });
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const logged: unknown[] = [];
    await runConsole(failing, Readable.from(['Who attacked Albania?\n/quit\n']), output, (error) => logged.push(error));
    expect(text).toBe(`Q: Who attacked Albania?\n${CONSOLE_ERROR}\n\n`);
    expect(text).not.toContain('typed array');
    expect(String(logged[0])).toBe('RangeError: Invalid typed array length: 12');
  });

  it('reports a bad option value and keeps going', async () => {
    const text = await session('/timeline from:yesterday\n/sources\n');
    expect(text).toContain('`from` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “yesterday” isn\'t one.');
    expect(text).toContain('The Times of Israel');
  });

  it('stops at /quit', async () => {
    expect(await session('/quit\n/sources\n')).toBe('');
  });

  it('reads consecutive questions as one conversation: a follow-up says what it was read as', async () => {
    const text = await session('What did Lapid tell Rama?\nWhere did he say it?\nwhen?\n');
    const answers = text.split('\n\nQ: ');
    expect(answers[1]!.split('\n').slice(0, 3)).toEqual([
      'Where did he say it?',
      'Read as: Where did Yair Lapid say it (tell Rama)?',
      'Answer:  “That was the message from Israeli Prime Minister Yair Lapid to visiting Albanian Prime Minister Edi Rama on Sunday in Jerusalem.”',
    ]);
    expect(answers[2]!.split('\n').slice(0, 2)).toEqual(['when?', 'Read as: When did Yair Lapid say it (tell Rama)?']);
    expect(answers[2]).toContain('on Sunday');
  });

  it('says why a pronoun with nothing to refer to is not answered, first of all and once the conversation has expired', async () => {
    expect(await session('Where did he say it?\n')).toBe(
      "Q: Where did he say it?\nI can't tell who “he” is: name them in the question, or ask right after the answer it follows on from (within 5 minutes).\n\n",
    );
    let now = 0;
    const conversation = new Conversations({ now: () => now });
    runConsoleCommand(story, 'What did Lapid tell Rama?', conversation);
    now += 4 * 60_000;
    expect(runConsoleCommand(story, 'Where did he say it?', conversation)).toMatch(/^Read as: Where did Yair Lapid say it \(tell Rama\)\?\nAnswer: /);
    now += 5 * 60_000;
    expect(runConsoleCommand(story, 'when?', conversation)).toBe(
      "I can't tell what “when” follows on from: name it in the question, or ask right after the answer it follows on from (within 5 minutes).",
    );
  });
});
