// The offline console: the bot's slash commands typed at a terminal (or piped in), answered as plain text.
import { createInterface } from 'node:readline';
import { QuestionError } from './ask/input.js';
import { Conversations } from './engine/conversations.js';
import type { StoryEngine } from './engine/engine.js';
import { parseTimelineOptions } from './engine/queries.js';
import { timelineOptionMessage } from './present/labels.js';
import { cleanEcho } from './present/sanitize.js';
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

/** The console's one conversation: consecutive questions follow on from each other (within CONVERSATION_TTL_MS). */
const CONSOLE_CONVERSATION = 'console';

/**
 * Runs one console command against the engine; returns the text to print, or null to quit. With `conversation`, a
 * question is read against the one before it ("where did he say it?"); without, each stands alone.
 */
export function runConsoleCommand(engine: StoryEngine, line: string, conversation?: Conversations): string | null {
  const parsed = parseConsoleLine(line);
  if ('error' in parsed) return parsed.error;
  const o = parsed.options;
  switch (parsed.name) {
    case 'ask': {
      if (!o.question) return 'Ask a question: /ask <question>';
      if (!conversation) {
        const result = engine.ask(o.question);
        return renderAsk(result, result.answer ? null : engine.nearby(o.question));
      }
      const turn = engine.askFollowUp(o.question, conversation.get(CONSOLE_CONVERSATION));
      if (turn.reading !== 'unresolved') conversation.set(CONSOLE_CONVERSATION, { question: turn.asked, answer: turn.result.answer });
      return renderAsk(turn.result, turn.result.answer || turn.reading === 'unresolved' ? null : engine.nearby(turn.asked), turn);
    }
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

/** What the console says when a command fails: the details go to the log, never to the reader. */
export const CONSOLE_ERROR = 'Sorry, something went wrong with that command. The details are in the log; try again, or try another command.';

/** The question a line asks (a bare line or /ask), cleaned for echoing, or null for any other command. */
export function questionOf(line: string): string | null {
  const parsed = parseConsoleLine(line);
  const question = 'name' in parsed && parsed.name === 'ask' ? cleanEcho(parsed.options.question ?? '') : '';
  return question || null;
}

/** Commands another module adds to the console (intake's /article and /feed); they may ask the reader a question. */
export interface ConsoleExtension {
  /** Its lines of /help. */
  help: string;
  /** Whether the line is one of its commands. */
  handles(line: string): boolean;
  /** Runs it; `ask` shows a prompt and reads the reader's next line (null at the end of input). */
  run(line: string, ask: (prompt: string) => Promise<string | null>): Promise<string>;
}

/**
 * Reads commands line by line until end of input or /quit. Piped input (not a terminal) shows each question before
 * its answer ("Q: …"), as the CLI's text mode does. A failing command gets a short apology; its error goes to `log`
 * (standard error by default), never to the reader.
 */
export async function runConsole(
  engine: StoryEngine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  log: (error: unknown, line: string) => void = logToStderr,
  extension?: ConsoleExtension,
): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    output.write(`${CONSOLE_HELP}${extension ? `\n${extension.help}` : ''}\n\n`);
    lines.setPrompt('storydesk> ');
    lines.prompt();
  }
  const reader = lines[Symbol.asyncIterator]();
  // An extension's question (y/n) reads the next line of the same input.
  const ask = async (prompt: string) => {
    output.write(prompt);
    const answer = await reader.next();
    return answer.done ? null : answer.value;
  };
  // One conversation: each question may follow on from the one before ("where did he say it?").
  const conversation = new Conversations({ max: 1 });
  for (let next = await reader.next(); !next.done; next = await reader.next()) {
    const line = next.value;
    if (line.trim()) {
      let text: string | null;
      try {
        text = extension?.handles(line) ? await extension.run(line, ask) : runConsoleCommand(engine, line, conversation);
        if (extension && text === CONSOLE_HELP) text = `${CONSOLE_HELP}\n${extension.help}`;
      } catch (error) {
        // A question the engine refuses (empty once cleaned, too long) is the reader's to fix: its reason is for them.
        if (error instanceof QuestionError) text = error.message;
        else {
          log(error, line);
          text = CONSOLE_ERROR;
        }
      }
      if (text === null) break;
      const question = interactive ? null : questionOf(line);
      output.write(`${question !== null ? `Q: ${question}\n` : ''}${text}\n\n`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

function logToStderr(error: unknown, line: string): void {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  process.stderr.write(`storydesk console: the command ${JSON.stringify(cleanEcho(line).slice(0, 200))} failed: ${detail}\n`);
}
