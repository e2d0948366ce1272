// The evaluation's rules, kept apart from the runner so that they can be tested: how a gold question is read,
// when an answer holds the fact, the plain-MiniSearch baseline, and the checks on what the engine returns.
import MiniSearch from 'minisearch';
import type { Article, AskResult, Citation } from '../src/model/types.js';
import { splitSentences } from '../src/text/sentences.js';

/** The grader reads this much of the answer text. */
export const ANSWER_WINDOW = 400;

export interface Question {
  q: string;
  /** Any one of these, case-insensitive, in the first 400 characters of the answer proves the fact. */
  expect: string[];
}

/** Reads a JSONL question file; `needExpect` is false for off-topic sets, which have only `q`. */
export function parseQuestions(file: string, text: string, needExpect: boolean): Question[] {
  const questions: Question[] = [];
  text.split('\n').forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '') return;
    const where = `${file}:${i + 1}`;
    let item: Partial<Question>;
    try {
      item = JSON.parse(line) as Partial<Question>;
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    if (typeof item.q !== 'string' || item.q.trim() === '') throw new Error(`${where}: expected "q" to be a question`);
    const expect = item.expect ?? [];
    if (!Array.isArray(expect) || expect.some((e) => typeof e !== 'string' || e.trim() === '')) {
      throw new Error(`${where}: expected "expect" to be a list of non-empty strings`);
    }
    if (needExpect && expect.length === 0) throw new Error(`${where}: expected at least one "expect" string`);
    questions.push({ q: item.q, expect });
  });
  return questions;
}

/** The grader's rule: an expected string, case-insensitive, within the first 400 characters. */
export function holdsFact(answer: string | null, expect: string[]): boolean {
  if (answer === null) return false;
  const window = answer.slice(0, ANSWER_WINDOW).toLowerCase();
  return expect.some((e) => window.includes(e.toLowerCase()));
}

/** A gold string no article contains can never be found: that is a broken question, not an engine miss. */
export function goldProblems(questions: Question[], articles: Article[]): string[] {
  const bodies = articles.map((a) => a.body.toLowerCase());
  return questions.flatMap((q) =>
    q.expect.some((e) => bodies.some((b) => b.includes(e.toLowerCase())))
      ? []
      : [`"${q.q}": none of ${JSON.stringify(q.expect)} occurs in any article`],
  );
}

// ---------------------------------------------------------------------------------------------------------
// Baseline: MiniSearch with default options over 3-sentence windows, its top passage as the answer.

export interface BaselinePassage {
  id: number;
  text: string;
}

/** Windows of 3 consecutive sentences per paragraph, sliding by one; a shorter paragraph is one window. */
export function baselinePassages(articles: Article[]): BaselinePassage[] {
  const passages: BaselinePassage[] = [];
  for (const article of articles) {
    for (const para of article.paragraphs) {
      const text = article.body.slice(para.start, para.end);
      const spans = splitSentences(text);
      const starts = spans.length <= 3 ? [0] : spans.slice(0, spans.length - 2).map((_, i) => i);
      for (const s of starts) {
        const first = spans[s];
        const last = spans[Math.min(s + 2, spans.length - 1)];
        if (first && last) passages.push({ id: passages.length, text: text.slice(first.start, last.end) });
      }
    }
  }
  return passages;
}

export class Baseline {
  private readonly index = new MiniSearch<BaselinePassage>({ fields: ['text'], storeFields: ['text'] });

  constructor(articles: Article[]) {
    this.index.addAll(baselinePassages(articles));
  }

  /** The top passage; null only when no passage shares a word with the question. */
  answer(question: string): string | null {
    const top = this.index.search(question)[0];
    return top ? String(top.text) : null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Checks on what the engine returns.

/** Every excerpt must be a verbatim substring of its article, in the paragraph it names; at most 3 citations. */
export function citationViolations(result: AskResult, articles: Map<string, Article>): string[] {
  const violations: string[] = [];
  const citations: Citation[] = [...result.citations, ...(result.answer ? [result.answer.citation] : [])];
  for (const c of citations) {
    const article = articles.get(c.article.id);
    if (!article) {
      violations.push(`citation names unknown article "${c.article.id}"`);
      continue;
    }
    if (c.excerpt.trim() === '' || !article.body.includes(c.excerpt)) {
      violations.push(`excerpt not verbatim in ${c.article.id}: "${c.excerpt.slice(0, 120)}"`);
      continue;
    }
    // The excerpt may occur more than once; it is fine if one occurrence lies in the cited paragraph.
    const para = article.paragraphs.find((p) => p.number === c.paragraph);
    if (!para || !article.body.slice(para.start, para.end).includes(c.excerpt)) {
      violations.push(`excerpt is not in paragraph ${c.paragraph} of ${c.article.id}: "${c.excerpt.slice(0, 80)}"`);
    }
  }
  if (result.citations.length > 3) violations.push(`${result.citations.length} citations; expected at most 3`);
  return violations;
}

function isCitation(value: unknown): value is Citation {
  const c = value as Partial<Citation> | null;
  if (typeof c !== 'object' || c === null || typeof c.excerpt !== 'string' || typeof c.paragraph !== 'number') return false;
  const a = c.article as Partial<Citation['article']> | null | undefined;
  return (
    typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.title === 'string' &&
    typeof a.date === 'string' && 'outlet' in a && 'url' in a
  );
}

/** A line of `cli ask --json` in the documented shape, or what is wrong with it. */
export function parseCliLine(line: string): AskResult | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `stdout line is not JSON: ${line.slice(0, 120)}`;
  }
  const v = value as { answer?: unknown; citations?: unknown } | null;
  if (typeof v !== 'object' || v === null) return `stdout line is not a JSON object: ${line.slice(0, 120)}`;
  if (!Array.isArray(v.citations) || !v.citations.every(isCitation)) return `"citations" is not a Citation[]: ${line.slice(0, 120)}`;
  const a = v.answer as { text?: unknown; citation?: unknown } | null | undefined;
  if (a !== null && (typeof a !== 'object' || typeof a.text !== 'string' || !isCitation(a.citation))) {
    return `"answer" is neither null nor {text, citation}: ${line.slice(0, 120)}`;
  }
  return value as AskResult;
}
