// Which excerpts a reply shows, the same for Discord and the console: each passage once, and a quotation inside the
// sentence that gives it.
import type { Answer, Citation, Quote } from '../model/types.js';

/** Each citation once (same article, paragraph and excerpt), in order. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.article.id}\u0000${c.paragraph}\u0000${c.excerpt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The citations that add a passage to an answer, each once: not the answer's own, nor one that the answer's text
 * (its sentence and the context after it) already shows or starts in, nor one holding the answering sentence(s).
 */
export function furtherCitations(answer: Answer, citations: readonly Citation[]): Citation[] {
  const focus = answer.text.slice(answer.focus.start, answer.focus.end);
  const own = answer.citation.article.id;
  return uniqueCitations(citations).filter((c) => {
    if (c.article.id !== own) return true;
    const head = c.excerpt.slice(0, 60);
    return !(c.excerpt === answer.citation.excerpt || answer.text.includes(head) || (focus.length > 0 && c.excerpt.includes(focus)));
  });
}

/** One sentence's quotations by one speaker: shown once, the quoted words marked. */
export interface QuoteGroup {
  speaker: string | null;
  /** The sentence that gives the quotations. */
  citation: Citation;
  /** The quoted words, in the order the sentence gives them. */
  texts: string[];
}

/**
 * Quotations grouped by the sentence that gives them: "Iran rejected the accusation as “baseless” and called the
 * decision “an ill-considered and short-sighted action.”" is one entry with two quotations, not the same sentence twice.
 * Only neighbours are grouped (quotes come in article order), so the list keeps its order.
 */
export function groupQuotes(quotes: readonly Quote[]): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  for (const q of quotes) {
    const last = groups.at(-1);
    const c = q.citation;
    if (last && last.speaker === q.speaker && last.citation.article.id === c.article.id && last.citation.paragraph === c.paragraph && last.citation.excerpt === c.excerpt) {
      if (!last.texts.includes(q.text)) last.texts.push(q.text);
    } else {
      groups.push({ speaker: q.speaker, citation: c, texts: [q.text] });
    }
  }
  return groups;
}

/**
 * Where each quotation is in the sentence (start, end), in order and not overlapping; a quotation the sentence doesn't
 * hold verbatim is left out, and an empty list means none is there.
 */
export function quoteSpans(sentence: string, texts: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const text of texts) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    const at = sentence.indexOf(trimmed, from);
    if (at < 0) continue;
    spans.push({ start: at, end: at + trimmed.length });
    from = at + trimmed.length;
  }
  return spans;
}
