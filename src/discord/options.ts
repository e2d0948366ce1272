// Reading slash-command options: each bad value becomes a BadOptionError whose message the user sees.
import * as chrono from 'chrono-node';
import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { parseDateBound } from '../engine/queries.js';

/** The longest question /ask and mentions accept. */
export const QUESTION_MAX = 300;

/** A user-facing complaint about one option; the router replies with it, ephemerally. */
export class BadOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadOptionError';
  }
}

export interface TextOptionRules {
  required?: boolean;
  /** Longest accepted value, in characters. */
  max?: number;
}

/** A string option, trimmed; null when optional and absent or blank. */
export function textOption(interaction: ChatInputCommandInteraction, name: string, rules: { required: true; max?: number }): string;
export function textOption(interaction: ChatInputCommandInteraction, name: string, rules?: TextOptionRules): string | null;
export function textOption(interaction: ChatInputCommandInteraction, name: string, rules: TextOptionRules = {}): string | null {
  const option = interaction.options.get(name);
  if (option && option.type !== ApplicationCommandOptionType.String) {
    throw new BadOptionError(name, `\`${name}\` should be text.`);
  }
  const value = typeof option?.value === 'string' ? option.value.trim() : '';
  if (!value) {
    if (rules.required) throw new BadOptionError(name, `/${interaction.commandName} needs a \`${name}\`, e.g. \`/${interaction.commandName} ${name}: …\`.`);
    return null;
  }
  if (rules.max !== undefined && value.length > rules.max) {
    throw new BadOptionError(name, `\`${name}\` is too long: ${value.length} characters, at most ${rules.max}.`);
  }
  return value;
}

export type DateEdge = 'start' | 'end';

/** A date option as YYYY-MM-DD: the first (`start`) or last (`end`) day of the period it names. */
export function dateOption(interaction: ChatInputCommandInteraction, name: string, edge: DateEdge): string | null {
  const text = textOption(interaction, name, { max: 100 });
  if (text === null) return null;
  const date = parseDateInput(text, edge);
  if (!date) {
    throw new BadOptionError(
      name,
      `\`${name}\` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “${text.slice(0, 100)}” isn't one.`,
    );
  }
  return date;
}

/** ISO forms first (2022, 2022-09, 2022-09-12), then English ("12 September 2022", "Sept 2022"); a year is required. */
export function parseDateInput(text: string, edge: DateEdge): string | null {
  const bound = parseDateBound(text, edge === 'start' ? 'from' : 'to');
  if (bound.ok) return bound.date;
  if (/^[\d-]+$/.test(text.trim())) return null; // a malformed ISO date; chrono would guess at it
  if (!/\b\d{4}\b/.test(text)) return null; // "yesterday" means nothing in a story's archive: a year must be written
  const [result] = chrono.parse(text);
  if (!result || !result.start.isCertain('year')) return null;
  const year = result.start.get('year')!;
  const month = result.start.isCertain('month') ? result.start.get('month') ?? undefined : undefined;
  const day = month !== undefined && result.start.isCertain('day') ? result.start.get('day') ?? undefined : undefined;
  return isoEdge(year, month, day, edge);
}

function isoEdge(year: number, month: number | undefined, day: number | undefined, edge: DateEdge): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  const m = month ?? (edge === 'start' ? 1 : 12);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (day !== undefined && (day < 1 || day > last)) return null;
  const d = day ?? (edge === 'start' ? 1 : last);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
