// What a command file exports, and the context every command runs with.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { DigestService } from './digest-command.js';
import type { StoryEngine } from '../engine/engine.js';
import type { Logger } from '../log.js';
import type { Cooldown } from './cooldown.js';
import type { Pager } from './pager.js';
import type { CommandSummary } from './render.js';

export interface CommandContext {
  engine: StoryEngine;
  pager: Pager;
  /** Shared by /ask and mentions. */
  cooldown: Cooldown;
  log: Logger;
  /** Every loaded command, for /help. */
  commands: CommandSummary[];
  /** The daily digest; absent when the bot runs without a database (/digest then says it is unavailable). */
  digest?: DigestService;
}

export interface Command {
  /** Built with discord.js's SlashCommandBuilder. */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

const fn = z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', { message: 'expected a function' });

/** The JSON Discord receives for a command; the builders normally guarantee it, files can still get it wrong. */
const commandJson = z.object({
  name: z.string().regex(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u, 'expected 1-32 lowercase letters, digits, - or _'),
  description: z.string().min(1).max(100),
  options: z
    .array(
      z.object({
        name: z.string().regex(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u, 'expected 1-32 lowercase letters, digits, - or _'),
        description: z.string().min(1).max(100),
      }),
    )
    .max(25)
    .optional(),
});

export const commandSchema = z.object({
  data: z.object({ name: z.string(), toJSON: fn }),
  execute: fn,
  autocomplete: fn.optional(),
});

/** Checks a command module's default export; throws naming the file and every problem. */
export function checkCommand(value: unknown, file: string): Command {
  const shape = commandSchema.safeParse(value);
  if (!shape.success) throw new Error(`storydesk: ${file}: not a command: ${formatIssues(shape.error.issues)}`);
  const command = value as Command;
  const json = commandJson.safeParse(command.data.toJSON());
  if (!json.success) throw new Error(`storydesk: ${file}: bad command data: ${formatIssues(json.error.issues, 'data')}`);
  return command;
}

function formatIssues(issues: z.core.$ZodIssue[], prefix?: string): string {
  return issues
    .map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(default export)'}: ${i.message}`)
    .join('; ');
}

export function summarize(command: Command): CommandSummary {
  const json = command.data.toJSON();
  return {
    name: json.name,
    description: json.description,
    options: (json.options ?? []).map((o) => ({ name: o.name, required: 'required' in o && o.required === true })),
  };
}
