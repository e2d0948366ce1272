import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { captureLogs } from './helpers/discord-bot.js';

describe('createLogger', () => {
  it('writes JSON records and redacts tokens wherever they appear', () => {
    const { logs, stream } = captureLogs();
    const log = createLogger({ level: 'info', destination: stream });
    log.info({ token: 'secret-1', config: { discordToken: 'secret-2' } }, 'hello');
    log.debug('not at info level');
    expect(logs).toHaveLength(1);
    expect(logs[0]!.msg).toBe('hello');
    expect(JSON.stringify(logs)).not.toMatch(/secret-/);
  });
});
