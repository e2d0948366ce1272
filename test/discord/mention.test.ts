import { describe, expect, it } from 'vitest';
import { questionFor } from '../../src/discord/mention.js';

const message = (content: string, mentioned: string[] = []) => ({ content, mentions: { users: new Set(mentioned) } });

describe('questionFor', () => {
  it('takes the text around the bot mention as the question', () => {
    expect(questionFor(message('<@42> who attacked   Albania?', ['42']), '42')).toBe('who attacked Albania?');
    expect(questionFor(message('hey <@!42>, when was the attack?', ['42']), '42')).toBe('hey , when was the attack?');
  });

  it('ignores messages that do not mention the bot', () => {
    expect(questionFor(message('<@7> who attacked Albania?', ['7']), '42')).toBeNull();
    expect(questionFor(message('@everyone look'), '42')).toBeNull();
  });

  it('returns an empty question for a bare mention', () => {
    expect(questionFor(message('<@42>', ['42']), '42')).toBe('');
  });
});
