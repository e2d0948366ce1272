// Loads every command file in `commands/`, checking each with zod; a malformed file is refused by name.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkCommand, type Command } from './command.js';

/** The repository's `commands/` folder, wherever the process was started from. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

const COMMAND_FILE = /^(?!.*\.(?:d|test)\.[cm]?[jt]s$).*\.[cm]?[jt]s$/;

/** Commands by name, in file-name order. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir)).filter((f) => COMMAND_FILE.test(f)).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const shown = path.join(path.basename(dir), file);
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    const command = checkCommand(module.default, shown);
    if (commands.has(command.data.name)) throw new Error(`storydesk: ${shown}: a second command named "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  if (commands.size === 0) throw new Error(`storydesk: no command files in ${dir}`);
  return commands;
}
