// The offline console: the bot's slash commands typed at a terminal (or piped in), answered as plain text.
import { createInterface } from 'node:readline';
import type { StoryEngine } from './engine/engine.js';
import { parseTimelineOptions } from './engine/queries.js';
import { timelineOptionMessage } from './present/labels.js';
import { renderAsk, renderQuotes, renderSources, renderTimeline, renderWho, renderWhoIs } from './present/text.js';

export const CONSOLE_HELP = `storydesk console — the bot's commands, offline:
  /ask <question>                                   (or just type the question)
  /timeline [from:YYYY-MM-DD] [to:YYYY-MM-DD] [topic:<words>] [person:<name>]
  /who [name]
  /quote [speaker:<name>] [topic:<words>]
  /sources
  /help
  /quit`;

const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  ask: ['question'],
  timeline: ['from', 'to', 'topic', 'person'],
  who: ['name'],
  quote: ['speaker', 'topic'],
  sources: [],
  help: [],
  quit: [],
  exit: [],
};

export interface ParsedCommand {
  name: string;
  options: Record<string, string>;
}

/**
 * Parses "/timeline from:2022-07-01 topic:police attack" like Discord's option syntax: each `name:` starts an
 * option that runs to the next one. Text before any option is the command's first option (the question, the name).
 */
export function parseConsoleLine(line: string): ParsedCommand | { error: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) return { name: 'ask', options: { question: trimmed } };
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed)!;
  const name = m[1]!.toLowerCase();
  const known = COMMAND_OPTIONS[name];
  if (!known) return { error: `Unknown command /${name}. Type /help for the commands.` };
  const rest = m[2]!;
  const options: Record<string, string> = {};
  const optionStart = new RegExp(`(?:^|\\s)(${known.join('|') || '(?!)'}):`, 'g');
  const starts = [...rest.matchAll(optionStart)];
  const lead = (starts[0] ? rest.slice(0, starts[0].index) : rest).trim();
  if (lead) {
    if (!known[0]) return { error: `/${name} takes no options.` };
    options[known[0]] = lead;
  }
  starts.forEach((s, i) => {
    const valueStart = s.index! + s[0].length;
    const valueEnd = starts[i + 1]?.index ?? rest.length;
    options[s[1]!] = rest.slice(valueStart, valueEnd).trim();
  });
  return { name, options };
}

/** Runs one console command against the engine; returns the text to print, or null to quit. */
export function runConsoleCommand(engine: StoryEngine, line: string): string | null {
  const parsed = parseConsoleLine(line);
  if ('error' in parsed) return parsed.error;
  const o = parsed.options;
  switch (parsed.name) {
    case 'ask':
      return o.question ? renderAsk(engine.ask(o.question)) : 'Ask a question: /ask <question>';
    case 'timeline': {
      const parsed = parseTimelineOptions(o);
      return parsed.ok ? renderTimeline(engine.timeline(parsed.filter)) : timelineOptionMessage(parsed.error);
    }
    case 'who':
      return o.name ? renderWhoIs(engine.whoIs(o.name), o.name) : renderWho(engine.who());
    case 'quote':
      return renderQuotes(engine.quotes({ speaker: o.speaker || undefined, topic: o.topic || undefined }));
    case 'sources':
      return renderSources(engine.articles());
    case 'help':
      return CONSOLE_HELP;
    default:
      return null;
  }
}

/** Reads commands line by line until end of input or /quit. A failing command is reported, never fatal. */
export async function runConsole(engine: StoryEngine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    output.write(`${CONSOLE_HELP}\n\n`);
    lines.setPrompt('storydesk> ');
    lines.prompt();
  }
  for await (const line of lines) {
    if (line.trim()) {
      let text: string | null;
      try {
        text = runConsoleCommand(engine, line);
      } catch (error) {
        text = `Something went wrong: ${(error as Error).message}`;
      }
      if (text === null) break;
      output.write(`${text}\n\n`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
