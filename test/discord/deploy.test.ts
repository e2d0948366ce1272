import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.js';
import { loadCommands } from '../../src/discord/loader.js';
import { validateRequest } from '../helpers/discord-spec.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-deploy-');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let fake: FakeDiscord | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('deployCommands', () => {
  it('registers every command in the dev guild when a guild id is given', async () => {
    fake = await FakeDiscord.start({ validate: validateRequest });
    const commands = await loadCommands();
    const result = await deployCommands({ token: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, apiBase: fake.apiBase, commands });
    expect(result).toEqual({ scope: 'guild', names: [...commands.keys()] });
    const [put] = fake.requests.filter((r) => r.method === 'PUT');
    expect(put!.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect((put!.body as { name: string }[]).map((c) => c.name)).toEqual(expect.arrayContaining(['ask', 'timeline', 'who', 'quote', 'sources', 'help', 'digest', 'article', 'feed']));
    expect(fake.invalid).toEqual([]);
  });

  it('registers globally without a guild id', async () => {
    fake = await FakeDiscord.start({ validate: validateRequest });
    const result = await deployCommands({ token: fake.token, applicationId: fake.applicationId, apiBase: fake.apiBase, commands: await loadCommands() });
    expect(result.scope).toBe('global');
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.route)).toEqual(['PUT /applications/{application_id}/commands']);
  });
});

describe('npm run deploy-commands', () => {
  it('exits 2 naming what is missing when the token or application id is not set', () => {
    const cwd = tmp();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|DEV_GUILD_ID)/.test(k)));
    const run = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/discord/deploy.ts')], { cwd, env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('DISCORD_TOKEN: required to register commands');
    expect(run.stderr).toContain('DISCORD_APPLICATION_ID: required to register commands');
  });
});
