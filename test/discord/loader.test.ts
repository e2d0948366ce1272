import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/discord/command.js';
import { loadCommands } from '../../src/discord/loader.js';
import { validateRequest } from '../helpers/discord-spec.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-commands-');

function commandDir(files: Record<string, string>): string {
  const dir = tmp();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const valid = (name: string) =>
  `export default { data: { name: '${name}', toJSON: () => ({ name: '${name}', description: 'Does ${name}' }) }, async execute() {} };`;

describe('loadCommands', () => {
  it('loads every command in commands/ with the option names that are part of the interface', async () => {
    const commands = await loadCommands();
    const summaries = Object.fromEntries([...commands.values()].map((c) => [c.data.name, summarize(c).options]));
    // Other commands may exist beside these; these six and their option names are the interface.
    expect(summaries).toMatchObject({
      ask: [{ name: 'question', required: true }],
      help: [],
      quote: [
        { name: 'speaker', required: false },
        { name: 'topic', required: false },
      ],
      sources: [],
      timeline: [
        { name: 'from', required: false },
        { name: 'to', required: false },
        { name: 'topic', required: false },
        { name: 'person', required: false },
      ],
      who: [{ name: 'name', required: false }],
    });
    const autocompleted = [...commands.values()].flatMap((c) => (c.data.toJSON().options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete).map((o) => `${c.data.name}.${o.name}`));
    expect(autocompleted).toEqual(expect.arrayContaining(['quote.speaker', 'timeline.person', 'who.name']));
    expect(commands.get('ask')!.autocomplete).toBeUndefined();
  });

  it('builds command data Discord accepts', async () => {
    const body = [...(await loadCommands()).values()].map((c) => c.data.toJSON());
    expect(validateRequest({ method: 'PUT', route: 'PUT /applications/{application_id}/commands', body })).toEqual([]);
  });

  it('refuses a file without a command, naming the file', async () => {
    const dir = commandDir({ 'a.js': valid('a'), 'broken.js': 'export default { data: { name: "x" } };' });
    await expect(loadCommands(dir)).rejects.toThrow(`storydesk: ${path.basename(dir)}/broken.js: not a command: data.toJSON: expected a function; execute: expected a function`);
  });

  it('refuses command data Discord would reject, naming the file and field', async () => {
    const dir = commandDir({
      'shout.js': "export default { data: { name: 'Shout', toJSON: () => ({ name: 'Shout', description: '' }) }, async execute() {} };",
    });
    await expect(loadCommands(dir)).rejects.toThrow(/shout\.js: bad command data: data\.name: expected 1-32 lowercase letters, digits, - or _; data\.description: /);
  });

  it('refuses two commands with the same name', async () => {
    const dir = commandDir({ 'a.js': valid('same'), 'b.js': valid('same') });
    await expect(loadCommands(dir)).rejects.toThrow(`storydesk: ${path.basename(dir)}/b.js: a second command named "same"`);
  });

  it('skips declaration and test files', async () => {
    const dir = commandDir({ 'a.js': valid('a'), 'a.test.js': 'throw new Error("not a command")', 'a.d.ts': 'export {}' });
    expect([...(await loadCommands(dir)).keys()]).toEqual(['a']);
  });
});
