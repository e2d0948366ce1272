import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConsoleLine, runConsole } from '../src/console.js';
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
  it('answers /ask with the excerpt and its numbered citation, then ends at end of input', async () => {
    const text = await session("/ask Who is Albania's foreign minister?\n");
    expect(text).toContain('Olta Xhacka');
    expect(text).toMatch(/\[1\] “.*Olta Xhacka.*”\n\s+— "Israel offers cyber aid to Albania, which severed Iran ties over hacking claim", The Times of Israel, 2022-09-12, paragraph 2/);
  });

  it('names the article each timeline event comes from, not just its outlet', async () => {
    const text = await session('/timeline from:2022-07-01 to:2022-07-31\n');
    expect(text).toMatch(/15 Jul 2022 +.*cyberattack.*\n +\("Israel offers cyber aid to Albania, which severed Iran ties over hacking claim", The Times of Israel, 2022-09-12, ¶4\)/);
  });

  it('says honestly when the articles do not answer', async () => {
    expect(await session('/ask What is the capital of France?\n')).toBe("The articles don't say.\n\n");
  });

  it('reports a bad option value and keeps going', async () => {
    const text = await session('/timeline from:yesterday\n/sources\n');
    expect(text).toContain('`from` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “yesterday” isn\'t one.');
    expect(text).toContain('The Times of Israel');
  });

  it('stops at /quit', async () => {
    expect(await session('/quit\n/sources\n')).toBe('');
  });
});
