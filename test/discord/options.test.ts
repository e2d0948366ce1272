import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { runConsoleCommand } from '../../src/console.js';
import { BadOptionError, textOption, timelineOptions } from '../../src/discord/options.js';
import type { TimelineFilter } from '../../src/model/types.js';
import { FakeEngine } from '../helpers/fake-engine.js';

/** A /timeline interaction carrying these string options, as discord.js hands it to the command. */
function interaction(options: Record<string, string>): ChatInputCommandInteraction {
  return {
    commandName: 'timeline',
    options: {
      get: (name: string) => (name in options ? { name, type: ApplicationCommandOptionType.String, value: options[name] } : null),
    },
  } as unknown as ChatInputCommandInteraction;
}

type Outcome = { filter: TimelineFilter } | { refused: string };

function viaDiscord(options: Record<string, string>): Outcome {
  try {
    return { filter: timelineOptions(interaction(options)) };
  } catch (error) {
    if (error instanceof BadOptionError) return { refused: error.message };
    throw error;
  }
}

function viaConsole(options: Record<string, string>): Outcome {
  const engine = FakeEngine.fixture();
  const line = `/timeline ${Object.entries(options)
    .map(([k, v]) => `${k}:${v}`)
    .join(' ')}`;
  const text = runConsoleCommand(engine, line)!;
  const [filter] = engine.filters.timeline;
  return filter ? { filter } : { refused: text };
}

const TABLE: { options: Record<string, string>; accepted: boolean }[] = [
  { options: {}, accepted: true },
  { options: { from: '2022-09-01', to: '2022-09-30' }, accepted: true },
  { options: { from: 'September 2022' }, accepted: true },
  { options: { from: '12 September 2022', to: 'Oct 2022' }, accepted: true },
  { options: { from: '2022', to: '2022' }, accepted: true },
  { options: { topic: 'police computer systems', person: 'Rama' }, accepted: true },
  { options: { from: '2022-10', to: '2022-09' }, accepted: false },
  { options: { from: 'October 2022', to: 'September 2022' }, accepted: false },
  { options: { from: 'yesterday' }, accepted: false },
  { options: { to: '2022-13' }, accepted: false },
  { options: { from: '2022-02-30' }, accepted: false },
  { options: { from: '22-9-12' }, accepted: false },
  { options: { topic: 'x'.repeat(101) }, accepted: false },
];

describe('/timeline options: the console and Discord', () => {
  it.each(TABLE)('agree on $options', ({ options, accepted }) => {
    const discord = viaDiscord(options);
    expect(viaConsole(options)).toEqual(discord);
    expect('filter' in discord).toBe(accepted);
  });

  it('word a refusal the same way', () => {
    expect(viaDiscord({ from: '2022-10', to: '2022-09' })).toEqual({ refused: '`to` (2022-09-30) is before `from` (2022-10-01).' });
    expect(viaConsole({ from: 'yesterday' })).toEqual({
      refused: '`from` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “yesterday” isn\'t one.',
    });
  });
});

describe('textOption', () => {
  it('trims the value and treats a blank one as absent', () => {
    expect(textOption(interaction({ topic: '  storm  ' }), 'topic')).toBe('storm');
    expect(textOption(interaction({ topic: '   ' }), 'topic')).toBeNull();
  });

  it('names the command and the option when a required one is missing', () => {
    expect(() => textOption(interaction({}), 'question', { required: true })).toThrow('/timeline needs a `question`, e.g. `/timeline question: …`.');
  });
});
