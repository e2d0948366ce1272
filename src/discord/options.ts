// Reading slash-command options: each bad value becomes a BadOptionError whose message the user sees.
import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { prepareQuestion, QuestionError } from '../ask/input.js';
import { parseTimelineOptions, TIMELINE_OPTION_MAX, TIMELINE_OPTIONS, type RawTimelineOptions } from '../engine/queries.js';
import type { TimelineFilter } from '../model/types.js';
import { timelineOptionMessage } from '../present/labels.js';

/** The longest question /ask and mentions accept. */
export const QUESTION_MAX = 300;

/** The longest value a /timeline option takes; the command's definition tells Discord the same. */
export { TIMELINE_OPTION_MAX };

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

/**
 * /ask's question: required, at most QUESTION_MAX characters, and one the engine takes (not empty once invisible
 * characters are dropped); refused before any work is done, so the refusal is private.
 */
export function questionOption(interaction: ChatInputCommandInteraction): string {
  const question = textOption(interaction, 'question', { required: true, max: QUESTION_MAX });
  try {
    prepareQuestion(question);
  } catch (error) {
    if (error instanceof QuestionError) throw new BadOptionError('question', error.message);
    throw error;
  }
  return question;
}

/** /timeline's options, read by the engine's one parser (as the console and the CLI read them); a refusal is a BadOptionError. */
export function timelineOptions(interaction: ChatInputCommandInteraction): TimelineFilter {
  const raw: RawTimelineOptions = {};
  for (const name of TIMELINE_OPTIONS) raw[name] = textOption(interaction, name);
  const parsed = parseTimelineOptions(raw);
  if (!parsed.ok) throw new BadOptionError(parsed.error.option, timelineOptionMessage(parsed.error));
  return parsed.filter;
}
