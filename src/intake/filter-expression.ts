// The story filter's language: words, "quoted phrases", AND, OR, NOT and parentheses, parsed into a tree.
import { foldAccents } from '../text/terms.js';

/**
 * A story filter expression.
 * - A word matches itself as a whole word, case- and accent-insensitively: `ferry` matches "Ferry's" but not
 *   "ferrying". A trailing `*` matches words that begin so: `sink*` matches "sinks" and "sinking".
 * - A "quoted phrase" matches its words in a row (“curly quotes” work too). Punctuation inside words and phrases
 *   only separates words: `cyber-attack` matches "cyber attack".
 * - `NOT x` (or `-x`), `x AND y`, `x OR y`, and parentheses; NOT binds tightest, then AND, then OR.
 *   Terms side by side are joined by AND: `ferry inquiry` means `ferry AND inquiry`.
 * - The operators may be written in any case; to match the word "and", "or" or "not" itself, quote it.
 */
export type FilterNode =
  | { kind: 'term'; text: string; words: string[]; prefix: boolean; phrase: boolean }
  | { kind: 'and' | 'or'; parts: FilterNode[] }
  | { kind: 'not'; part: FilterNode };

export class FilterSyntaxError extends Error {
  constructor(
    readonly expression: string,
    /** Where the problem is, 0-based (the message counts from 1). */
    readonly index: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(
      `storydesk: story filter "${expression}": at character ${index + 1}, expected ${expected}, found ${found}`,
    );
    this.name = 'FilterSyntaxError';
  }
}

type TokenKind = 'word' | 'phrase' | 'and' | 'or' | 'not' | '(' | ')' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  index: number;
}

const OPENING_QUOTES = '"“”„';
const CLOSING_QUOTES: Record<string, string> = { '"': '"“”', '“': '”"', '”': '”"', '„': '“”"' };
const OPERATORS: Record<string, TokenKind> = { and: 'and', or: 'or', not: 'not' };
const WORD_END = /[\s()"“”„]/;

/** The words a text or a term is matched by: lower case, accents removed, split at anything but letters and digits. */
export function matchWords(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const char = expression[i]!;
    if (/\s/.test(char)) i++;
    else if (char === '(' || char === ')') tokens.push({ kind: char, text: char, index: i++ });
    else if (char === '-' && i + 1 < expression.length && !/\s/.test(expression[i + 1]!)) {
      tokens.push({ kind: 'not', text: '-', index: i++ });
    } else if (OPENING_QUOTES.includes(char)) i = readPhrase(expression, i, tokens);
    else {
      const start = i;
      while (i < expression.length && !WORD_END.test(expression[i]!)) i++;
      const text = expression.slice(start, i);
      tokens.push({ kind: OPERATORS[text.toLowerCase()] ?? 'word', text, index: start });
    }
  }
  tokens.push({ kind: 'end', text: '', index: expression.length });
  return tokens;
}

function readPhrase(expression: string, start: number, tokens: Token[]): number {
  const closers = CLOSING_QUOTES[expression[start]!]!;
  let end = start + 1;
  while (end < expression.length && !closers.includes(expression[end]!)) end++;
  if (end >= expression.length) {
    throw new FilterSyntaxError(
      expression,
      expression.length,
      `a closing quote for the phrase at character ${start + 1}`,
      'the end',
    );
  }
  tokens.push({ kind: 'phrase', text: expression.slice(start + 1, end), index: start });
  return end + 1;
}

function describeToken(token: Token): string {
  if (token.kind === 'end') return 'the end';
  if (token.kind === 'and' || token.kind === 'or' || token.kind === 'not') return token.text.toUpperCase();
  return `"${token.text}"`;
}

const STARTS_TERM = new Set<TokenKind>(['word', 'phrase', 'not', '(']);
const TERM_EXPECTED = 'a word, a "quoted phrase", NOT or "("';

class Parser {
  private position = 0;
  constructor(
    private readonly expression: string,
    private readonly tokens: Token[],
  ) {}

  parse(): FilterNode {
    const node = this.or();
    const next = this.peek();
    if (next.kind !== 'end') this.fail(next, 'AND, OR, a word or the end');
    return node;
  }

  private or(): FilterNode {
    const parts = [this.and()];
    while (this.peek().kind === 'or') {
      this.position++;
      parts.push(this.and());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }

  private and(): FilterNode {
    const parts = [this.not()];
    for (;;) {
      const next = this.peek();
      if (next.kind === 'and') this.position++;
      else if (!STARTS_TERM.has(next.kind)) break;
      parts.push(this.not());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }

  private not(): FilterNode {
    if (this.peek().kind !== 'not') return this.primary();
    this.position++;
    return { kind: 'not', part: this.not() };
  }

  private primary(): FilterNode {
    const token = this.tokens[this.position++]!;
    if (token.kind === 'word' || token.kind === 'phrase') return this.term(token);
    if (token.kind !== '(') return this.fail(token, TERM_EXPECTED);
    const inner = this.or();
    const close = this.tokens[this.position++]!;
    if (close.kind !== ')') this.fail(close, `")" to close the "(" at character ${token.index + 1}`);
    return inner;
  }

  private term(token: Token): FilterNode {
    const phrase = token.kind === 'phrase';
    const prefix = !phrase && token.text.length > 1 && token.text.endsWith('*');
    const words = matchWords(prefix ? token.text.slice(0, -1) : token.text);
    if (words.length === 0) {
      this.fail(token, phrase ? 'words inside the quotes' : 'a word with letters or digits');
    }
    return { kind: 'term', text: token.text, words, prefix, phrase };
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private fail(token: Token, expected: string): never {
    throw new FilterSyntaxError(this.expression, token.index, expected, describeToken(token));
  }
}

/** Parses a story filter expression; throws a FilterSyntaxError naming the position and what was expected. */
export function parseFilterExpression(expression: string): FilterNode {
  return new Parser(expression, tokenize(expression)).parse();
}

/** The expression written out in full: operators in capitals, implicit ANDs and every grouping made explicit. */
export function formatFilter(node: FilterNode, parent: FilterNode['kind'] | null = null): string {
  if (node.kind === 'term') return node.phrase ? `"${node.text}"` : node.text;
  if (node.kind === 'not') return `NOT ${formatFilter(node.part, 'not')}`;
  const joined = node.parts.map((part) => formatFilter(part, node.kind)).join(` ${node.kind.toUpperCase()} `);
  return parent === null ? joined : `(${joined})`;
}
