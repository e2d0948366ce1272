// The story filter: which feed items are about the story, by a moderator's expression or by the story's own names.
import { foldAccents } from '../text/terms.js';
import {
  formatFilter,
  matchWords,
  parseFilterExpression,
  type FilterNode,
} from './filter-expression.js';

export { FilterSyntaxError, type FilterNode } from './filter-expression.js';

export interface FilterVerdict {
  passed: boolean;
  /** Why, for people: e.g. `matches ferry, "coast guard"` or `names Helena Varga and Coastlink Ferries`. */
  reason: string;
}

export interface StoryFilter {
  /** What the filter asks, for listings: the expression in full, or the names rule. */
  description: string;
  test(text: MatchText): FilterVerdict;
}

/** A person, organisation or place of the story, as its entity index lists them (most mentioned first). */
export interface StoryName {
  name: string;
  /** Other ways the articles write it ("Varga", "MSA"). */
  aliases?: readonly string[];
}

/** Without an expression, an item is about the story when it names at least this many of the story's top names. */
export const ABOUT_STORY_MIN_NAMES = 2;
/** How many of the story's most-mentioned names the default filter looks for. */
export const ABOUT_STORY_TOP_NAMES = 20;

/** Text prepared for matching: its words lower case and accent-free, and as written (for acronyms). */
export interface MatchText {
  words: string[];
  written: string[];
  /** Each word's positions, for finding a term's first word quickly. */
  positions: Map<string, number[]>;
}

/** A boundary between fields that no term can match across (a title's last word and a summary's first). */
const FIELD_BREAK = '\u0000';

/** Prepares texts (title, summary, body) for matching; a phrase never runs from one into the next. */
export function matchText(...fields: string[]): MatchText {
  const written: string[] = [];
  for (const field of fields) {
    if (written.length) written.push(FIELD_BREAK);
    written.push(
      ...foldAccents(field)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    );
  }
  const words = written.map((w) => w.toLowerCase());
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = positions.get(word);
    if (list) list.push(i);
    else positions.set(word, [i]);
  });
  return { words, written, positions };
}

/** Where `words` occur in a row in `text`; the last word may be a prefix. Case-sensitive when `exact`. */
function occurrences(
  text: MatchText,
  words: readonly string[],
  options: { prefix?: boolean; exact?: boolean } = {},
): number[] {
  const source = options.exact ? text.written : text.words;
  const last = words.length - 1;
  const matchesAt = (start: number) =>
    words.every((word, k) => {
      const at = source[start + k];
      return at !== undefined && (k === last && options.prefix ? at.startsWith(word) : at === word);
    });
  const starts =
    options.prefix && last === 0
      ? text.words.map((_, i) => i)
      : (text.positions.get(options.exact ? words[0]!.toLowerCase() : words[0]!) ?? []);
  return starts.filter(matchesAt);
}

/** Whether `node` holds for `text`; the terms found (outside NOT) are added to `found`. */
function holds(node: FilterNode, text: MatchText, found: Set<string>): boolean {
  switch (node.kind) {
    case 'term': {
      const hit = occurrences(text, node.words, { prefix: node.prefix }).length > 0;
      if (hit) found.add(node.phrase ? `"${node.text}"` : node.text);
      return hit;
    }
    case 'not':
      return !holds(node.part, text, new Set());
    case 'and':
      return node.parts.map((part) => holds(part, text, found)).every(Boolean);
    case 'or':
      return node.parts.map((part) => holds(part, text, found)).some(Boolean);
  }
}

/** A filter from a moderator's expression (see FilterNode for the language); throws a FilterSyntaxError. */
export function expressionFilter(expression: string): StoryFilter {
  const tree = parseFilterExpression(expression);
  const description = formatFilter(tree);
  return {
    description,
    test(text) {
      const found = new Set<string>();
      const passed = holds(tree, text, found);
      if (!passed) return { passed, reason: `does not match ${description}` };
      return { passed, reason: found.size ? `matches ${[...found].join(', ')}` : `matches ${description}` };
    },
  };
}

interface NameForm {
  index: number;
  words: string[];
  /** Acronyms ("MSA", "U.S.") match only as written, so "US" is not "us". */
  exact: boolean;
}

function isAcronym(form: string): boolean {
  const letters = form.replace(/[.\s]/g, '');
  return /^[\p{Lu}\p{N}&]{2,6}$/u.test(letters) && /\p{Lu}/u.test(letters);
}

function nameForms(names: readonly StoryName[]): NameForm[] {
  return names.flatMap((entry, index) =>
    [entry.name, ...(entry.aliases ?? [])].flatMap((form) => {
      const exact = isAcronym(form);
      const words = exact
        ? foldAccents(form)
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean)
        : matchWords(form);
      return words.length ? [{ index, words, exact }] : [];
    }),
  );
}

/**
 * The names `text` mentions, by index into the list. Where names overlap, the longest wins: "Dunmore General
 * Hospital" is one name, not also "Dunmore".
 */
function namesMentioned(forms: readonly NameForm[], text: MatchText): Set<number> {
  const spans = forms.flatMap((form) =>
    occurrences(text, form.words, { exact: form.exact }).map((start) => ({
      index: form.index,
      start,
      end: start + form.words.length,
    })),
  );
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Array<boolean>(text.words.length).fill(false);
  const named = new Set<number>();
  for (const span of spans) {
    if (taken.slice(span.start, span.end).some(Boolean)) continue;
    taken.fill(true, span.start, span.end);
    named.add(span.index);
  }
  return named;
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The default filter, when a feed has no expression: an item is about the story when it names at least
 * ABOUT_STORY_MIN_NAMES of the story's ABOUT_STORY_TOP_NAMES most-mentioned people, organisations and places (fewer
 * when the story knows fewer names). `names` comes most mentioned first; names or aliases are matched as whole words.
 */
export function aboutStoryFilter(names: readonly (StoryName | string)[]): StoryFilter {
  const top = names.slice(0, ABOUT_STORY_TOP_NAMES).map((n) => (typeof n === 'string' ? { name: n } : n));
  const forms = nameForms(top);
  const needed = Math.min(ABOUT_STORY_MIN_NAMES, top.length);
  const description = `names at least ${needed} of the story's ${top.length} most-mentioned names`;
  return {
    description,
    test(text) {
      if (top.length === 0) return { passed: false, reason: 'the story has no names yet to recognise it by' };
      const named = [...namesMentioned(forms, text)].sort((a, b) => a - b).map((i) => top[i]!.name);
      const passed = named.length >= needed;
      if (passed) return { passed, reason: `names ${listNames(named)}` };
      const which = named.length ? `only ${listNames(named)}` : 'none of them';
      return {
        passed,
        reason: `names ${which}; needs ${needed} of the story's ${top.length} most-mentioned names`,
      };
    },
  };
}

/** The filter a feed uses: its expression when it has one, else the story's names. */
export function storyFilter(
  expression: string | null | undefined,
  names: readonly (StoryName | string)[],
): StoryFilter {
  return expression?.trim() ? expressionFilter(expression) : aboutStoryFilter(names);
}

/** A feed item's text as the filter reads it. */
export interface ItemText {
  title: string;
  summary: string;
}

/** The first try: the item's title and summary, as the feed gives them. */
export function itemPasses(filter: StoryFilter, item: ItemText): FilterVerdict {
  return filter.test(matchText(item.title, item.summary));
}

/**
 * The second try, for an item whose title and summary did not pass: with the body of the fetched article as well.
 */
export function itemPassesWithBody(filter: StoryFilter, item: ItemText, body: string): FilterVerdict {
  return filter.test(matchText(item.title, item.summary, body));
}
