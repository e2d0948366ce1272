// What a command file exports, and the context every command runs with.
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type PermissionsBitField,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { DigestService } from './digest-command.js';
import type { IntakeDesk } from './intake-desk.js';
import type { Conversations } from '../engine/conversations.js';
import type { Db } from '../db/open.js';
import type { StoryEngine } from '../engine/engine.js';
import type { Logger } from '../log.js';
import type { Cooldown } from './cooldown.js';
import type { PageOptions, Pager } from './pager.js';
import type { CommandSummary, OptionSummary } from './render.js';
import type { Reply } from './reply.js';

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
  /** Adding and removing articles, following feeds, the review queue; absent without a database (/article and /feed then say so). */
  intake?: IntakeDesk;
  /** Each member's last question and answer per channel, and each answer's by its message id: follow-ups read against them. */
  conversations?: Conversations;
  /** Questions asked and the votes on their answers (/story gaps); absent without a database (no votes, no gaps). */
  db?: Db;
}

export interface Command {
  /** Built with discord.js's SlashCommandBuilder. */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Clicks on the command's own buttons: those whose custom id starts with `<command name>:`. */
  button?(interaction: ButtonInteraction, ctx: CommandContext): Promise<void>;
  /**
   * A paged command's pages, rendered from the options it passed to sendPages: how its buttons keep working after a
   * restart, and how someone else gets their own copy of the list.
   */
  pages?(options: PageOptions, ctx: CommandContext): Reply[] | Promise<Reply[]>;
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
  button: fn.optional(),
  pages: fn.optional(),
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
  const subcommands = (json.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const permissions = json.default_member_permissions ? BigInt(json.default_member_permissions) : null;
  return {
    name: json.name,
    description: json.description,
    options: (json.options ?? []).filter((o) => o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup).map(optionSummary),
    subcommands: subcommands.map((s) => ({
      name: s.name,
      description: s.description,
      options: ('options' in s ? (s.options ?? []) : []).map(optionSummary),
    })),
    permissions: permissions === 0n ? null : permissions,
  };
}

function optionSummary(o: { name: string; required?: boolean }): OptionSummary {
  return { name: o.name, required: o.required === true };
}

/**
 * The commands a member can use, as Discord shows them: a command with default member permissions (Manage Server for
 * /digest) only to a member who has them all (or is an administrator); `null` permissions (a DM) see only the others.
 */
export function commandsFor(commands: CommandSummary[], permissions: Readonly<PermissionsBitField> | null): CommandSummary[] {
  return commands.filter((c) => c.permissions === null || (permissions?.has(c.permissions, true) ?? false));
}
