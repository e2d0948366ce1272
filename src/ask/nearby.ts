// When /ask abstains: what the question names that is in the story, and the closest passages about it. Shown as
// "the articles don't answer that; here is what they say about X" — never as an answer.
import { cite } from '../model/citation.js';
import type { Citation, Entity, Sentence } from '../model/types.js';
import { isCalendarWord, isDemonym } from '../extract/names.js';
import { keyWord, STOP_WORDS, terms } from '../text/terms.js';
import { rankCandidates } from './ask.js';
import type { AskContext } from './context.js';
import { truecase, unchat } from './typed.js';

/** What a question names that the story knows, and up to `MAX_NEARBY` passages about it, best first. */
export interface Nearby {
  /** The names as the story writes them ("Edi Rama" for "rama"); empty when the question names nothing in the story. */
  names: string[];
  /** Verbatim passages that mention one of the names: the closest to the question first. Not an answer. */
  citations: Citation[];
}

/** What nearbyPassages needs of the story besides the passage index: its entity index. */
export interface NearbyContext extends AskContext {
  /** The entity a name stands for ("Rama" → Edi Rama, "MEK" → the organisation), without guessing at typos; else null. */
  resolveName(name: string): Entity | null;
  /** The entities a sentence names, by sentence id. */
  entitiesIn(sentenceId: string): Entity[];
  /** Passages that mention an entity (its first mentions, in article order). */
  mentionsOf(entity: Entity): Citation[];
}

/** At most this many passages are offered. */
export const MAX_NEARBY = 2;
/** At most this many names are looked for in one question. */
const MAX_NAMES = 3;

/** A name of the question: the entity it stands for, or (for a name the articles use but the entity index lacks) its words. */
export interface NameRef {
  label: string;
  /** The name's words as the question writes them ("Rama" for Edi Rama). */
  surface: string;
  entity: Entity | null;
  terms: string[];
}

/** A word of the question as written, with where it is. */
interface Token {
  text: string;
  index: number;
}

/** Words that join the words of one name ("Bank of England", "Mujahideen-e Khalq"). */
const CONNECTORS = new Set(['of', 'the', 'de', 'du', 'al', 'bin', 'van', 'von', 'da', 'del', 'e', 'and', '&']);

/**
 * What the question names that the story knows, and the passages closest to the question that mention one of them.
 * The passages are the question's own best candidates (as /ask ranks them) that mention a name, then the names' first
 * mentions; one per paragraph.
 */
export function nearbyPassages(question: string, ctx: NearbyContext): Nearby {
  const names = namesIn(question, ctx);
  if (names.length === 0) return { names: [], citations: [] };
  const citations: Citation[] = [];
  const paragraphs = new Set<string>();
  const add = (c: Citation): void => {
    const key = `${c.article.id}#${c.paragraph}`;
    if (citations.length >= MAX_NEARBY || paragraphs.has(key)) return;
    paragraphs.add(key);
    citations.push(c);
  };
  for (const s of rankCandidates(ctx, question)) {
    if (citations.length >= MAX_NEARBY) break;
    const sentence = s.passage.sentence;
    if (names.some((n) => isAbout(ctx, sentence, n))) add(cite(ctx.articles.get(sentence.articleId)!, sentence.start, sentence.end));
  }
  for (const n of names) {
    if (!n.entity) continue;
    for (const c of ctx.mentionsOf(n.entity)) add(c);
  }
  return { names: names.map((n) => n.label), citations };
}

/** Does the sentence mention this name: the entity, or every word of a name the entity index doesn't have? */
function isAbout(ctx: NearbyContext, sentence: Sentence, name: NameRef): boolean {
  if (name.entity) return ctx.entitiesIn(sentence.id).some((e) => e.name === name.entity!.name);
  const own = new Set(ctx.sentenceTerms(sentence));
  return name.terms.every((t) => own.has(t));
}

/**
 * The names of a question the story knows, in the order the question gives them. Runs of capitalised words (after
 * lower-case names are capitalised as the articles write them) are resolved longest first: "Prime Minister Edi Rama"
 * finds Edi Rama, "Albania's" Albania. A whole run the entity index doesn't know counts when the articles write all
 * its words as a name ("Stuxnet"); a part of it does not ("World" of "World Cup", in articles that name World War II).
 */
export function namesIn(question: string, ctx: NearbyContext, max = MAX_NAMES): NameRef[] {
  const plain = unchat(question);
  const text = ctx.isNameWord ? truecase(ctx, plain) : plain;
  const found: NameRef[] = [];
  const seen = new Set<string>();
  for (const run of capitalisedRuns(text, ctx)) {
    for (const span of spansLongestFirst(run)) {
      if (found.length >= max) return found;
      const words = span.map((t) => t.text);
      const surface = words.join(' ');
      const entity = ctx.resolveName(surface);
      const ref: NameRef | null = entity
        ? { label: entity.name, surface, entity, terms: terms(surface) }
        : span.length === run.length && isStoryName(words, ctx)
          ? { label: surface, surface, entity: null, terms: terms(surface) }
          : null;
      if (!ref || ref.terms.length === 0) continue;
      // The span's words are taken: a shorter span inside it names the same thing.
      for (const t of span) t.index = -1;
      const key = ref.entity ? `e:${ref.entity.name}` : `w:${ref.terms.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(ref);
    }
  }
  return found;
}

/**
 * Is every word of the span a word the articles only write capitalised (a name they use), and not a month, a weekday
 * or a demonym ("July", "Iranian": capitalised, but no name a reader would be told the articles mention)?
 */
function isStoryName(words: string[], ctx: NearbyContext): boolean {
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  return (
    content.length > 0 &&
    content.every((w) => /^\p{Lu}/u.test(w) && (ctx.isNameWord?.(w.toLowerCase()) ?? false) && !isCalendarWord(w) && !isDemonym(keyWord(w)))
  );
}

/**
 * The runs of capitalised words of a question, possessives dropped ("Albania's" → "Albania"), with connectors
 * between capitalised words kept ("Bank of England"). The question's first word counts only when the articles write
 * it as a name ("Rama said what?"), not when it is capitalised for starting the sentence ("Who …").
 */
function capitalisedRuns(text: string, ctx: NearbyContext): Token[][] {
  const tokens: Token[] = [];
  // Punctuation between two words ends a name: "until the Masters, Player gradually…" names two things.
  const apart = new Set<number>();
  let end = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.&’'-]*/gu)) {
    const word = m[0].replace(/['’]s$|['’]$/u, '').replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(m[0]) ? dot : ''));
    if (/[^\s]/u.test(text.slice(end, m.index))) apart.add(tokens.length);
    tokens.push({ text: word, index: m.index });
    end = m.index + m[0].length;
  }
  const isName = (t: Token, i: number): boolean => {
    if (!/^\p{Lu}/u.test(t.text)) return false;
    if (i > 0) return true;
    const lower = t.text.toLowerCase();
    return !STOP_WORDS.has(lower) && ((ctx.isNameWord?.(lower) ?? false) || /^\p{Lu}{2,}$/u.test(t.text));
  };
  const runs: Token[][] = [];
  let run: Token[] = [];
  tokens.forEach((t, i) => {
    if (isName(t, i)) {
      if (apart.has(i) && run.length > 0) {
        runs.push(run);
        run = [];
      }
      run.push(t);
      return;
    }
    const next = tokens[i + 1];
    if (run.length > 0 && CONNECTORS.has(t.text.toLowerCase()) && next && isName(next, i + 1)) {
      run.push(t);
      return;
    }
    if (run.length > 0) runs.push(run);
    run = [];
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Every contiguous span of a run that neither starts nor ends with a connector, longest first, then left to right. */
function* spansLongestFirst(run: Token[]): Generator<Token[]> {
  for (let length = run.length; length >= 1; length--) {
    for (let start = 0; start + length <= run.length; start++) {
      const span = run.slice(start, start + length);
      if (span.some((t) => t.index < 0)) continue;
      if (CONNECTORS.has(span[0]!.text.toLowerCase()) || CONNECTORS.has(span[span.length - 1]!.text.toLowerCase())) continue;
      yield span;
    }
  }
}
