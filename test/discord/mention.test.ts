import { describe, expect, it } from 'vitest';
import { questionFor } from '../../src/discord/mention.js';

const message = (content: string, mentioned: string[] = []) => ({ content, mentions: { users: new Set(mentioned) } });

describe('questionFor', () => {
  it('takes the text around the bot mention as the question', () => {
    expect(questionFor(message('<@42> who attacked   Albania?', ['42']), '42')).toBe('who attacked Albania?');
  });

  it('drops the punctuation that sets the mention off and a greeting before it', () => {
    expect(questionFor(message('hey <@!42>, when was the attack?', ['42']), '42')).toBe('when was the attack?');
    expect(questionFor(message('who attacked Albania, <@42>?', ['42']), '42')).toBe('who attacked Albania?');
    expect(questionFor(message('Hello <@42>: why did the bridge close ?', ['42']), '42')).toBe('why did the bridge close?');
  });

  it('ignores messages that do not mention the bot', () => {
    expect(questionFor(message('<@7> who attacked Albania?', ['7']), '42')).toBeNull();
    expect(questionFor(message('@everyone look'), '42')).toBeNull();
  });

  it('returns an empty question for a bare mention, or one followed only by invisible characters', () => {
    expect(questionFor(message('<@42>', ['42']), '42')).toBe('');
    expect(questionFor(message('<@42> \u200b\u202e\u0000', ['42']), '42')).toBe('');
    expect(questionFor(message('<@42> who\u200b attacked\u0007 Albania?', ['42']), '42')).toBe('who attacked Albania?');
  });
});
