// Follow-up questions: "and what did he say after that?", "where was that?", "when?" read against the question before
// and its answer, so that a conversation goes on without naming everything again. Host-free: the adapters keep the
// conversations (src/engine/conversations.ts) and the story says what the names are (its entity index).
import type { Answer, EntityKind } from '../model/types.js';
import { cleanTyped } from '../text/clean.js';
import { termOf } from '../text/terms.js';

/** One question and its answer, as a conversation remembers it. */
export interface Exchange {
  /** The question as the engine asked it: a follow-up already resolved ("Where did Lapid say it (tell Rama)?"). */
  question: string;
  /** Its answer; null when the articles didn't say. */
  answer: Answer | null;
}

/** A name of a text that the story knows. */
export interface NamedRef {
  /** As the story writes it ("Edi Rama"). */
  name: string;
  /** As the text writes it ("Rama"). */
  surface: string;
  /** Null for a name the articles use that the entity index doesn't type. */
  kind: EntityKind | null;
  /** How often the articles mention it (0 when unknown): the story's main names come first when nothing else tells. */
  mentions?: number;
}

/** What resolving a follow-up needs of the story. */
export interface FollowUpContext {
  /** The names a text gives that the story knows, in the order it gives them. */
  namesIn(text: string): NamedRef[];
}

export interface FollowUp {
  /** The question to ask: the question itself when it stands alone, else read against the previous exchange. */
  question: string;
  /**
   * `standalone`: asked as typed. `follow-up`: rewritten from the previous exchange. `unresolved`: it depends on a
   * previous exchange that names nothing it can refer to ("Where did he say it?" first of all): not to be answered.
   */
  kind: 'standalone' | 'follow-up' | 'unresolved';
  /** For `unresolved`, the word with nothing to refer to ("he", "when"); else null. */
  unresolved: string | null;
  /** Each pronoun read as a name: [["he", "Lapid"]]. */
  readings: [string, string][];
  /** The question asks what came after the previous answer ("after that", "next"): answered from later passages. */
  after: boolean;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WH = new Set(['who', 'whom', 'whose', 'what', 'when', 'where', 'which', 'why', 'how']);
const AUX = new Set(
  'did does do is was were are am be been has have had will would can could should may might must shall'.split(' '),
);
/** Words that join a question to the one before without saying anything of their own. */
const LEAD_IN = new Set(['and', 'so', 'but', 'ok', 'okay', 'also', 'then', 'well']);
/** Words an elliptical question ("and when was that, exactly?") may hold besides its wh-word. */
const FILLER = new Set(['exactly', 'precisely', 'roughly', 'approximately', 'again', 'else', 'about', 'then', 'that', 'this', 'it', 'there', 'happen', 'happened']);
/** How-words and what-words that belong to the wh-phrase: "how many", "what year". */
const HOW_WORDS = new Set(['many', 'much', 'long', 'old', 'far', 'often', 'big', 'large', 'soon', 'early', 'late']);
const KIND_WORDS = new Set(['year', 'month', 'day', 'date', 'time', 'country', 'city', 'place', 'kind', 'sort', 'type', 'town']);

const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'himself', 'herself']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves']);
const THING_PRONOUNS = new Set(['it', 'its', 'itself']);
const POSSESSIVES = new Set(['his', 'its', 'their', 'hers', 'theirs']);
/** Verbs whose "it" is what was said or done ("say it", "when did it happen"), not a thing with a name. */
const EVENT_VERBS = new Set(
  ('say said says tell told mean meant do does did done cause caused propose proposed announce announced report reported confirm ' +
    'confirmed deny denied claim claimed call called happen happened occur occurred start started end ended stop stopped ' +
    'order ordered approve approved plan planned decide decided take took write wrote')
    .split(' '),
);
/** Words after which a "that" or "this" stands for what came before ("when did that happen?", "where was that?"). */
const AFTER_DEICTIC = new Set(['is', 'was', 'were', 'happen', 'happened', 'mean', 'meant', 'come', 'came', 'take', 'took', 'start', 'started', 'end', 'ended', 'about']);

/** "after that", "afterwards", "next", "and then?": what came after the previous answer. */
const AFTER = /\b(?:after (?:that|this)|afterwards?|following that|next)\b|\bthen\s*\??\s*$/i;

/**
 * The question to ask for `question` in a conversation whose last exchange is `previous` (null when there is none,
 * or it has expired). A question that stands alone is asked as it is. Otherwise:
 * - a pronoun with no name before it in the question is read as a name of the previous exchange: he/she a person (for
 *   a who-question, the one its answer named; else the one the question named first, then one the answer named),
 *   it/they an organisation or a place the previous question named (they also two people it named); "it" said or done
 *   ("say it", "did it happen"), "that"/"this" standing alone and "there" (a place) refer to the previous question's event;
 * - such an event reference brings the previous question's words along: "Where did he say it?" after "What did
 *   Lapid tell Rama?" asks "Where did Lapid say it (tell Rama)?";
 * - an elliptical question ("when?", "and where was that?", "how many?") is the previous question with its wh-word
 *   changed: "When did Lapid say it (tell Rama)?";
 * - "what about X?" / "and X?" is the previous question with its name of X's kind changed to X;
 * - "after that", "next" ask for what came after the previous answer (`after`).
 * A person pronoun, or an elliptical question, with nothing to refer to is `unresolved`: the caller abstains.
 */
export function resolveFollowUp(question: string, previous: Exchange | null, ctx: FollowUpContext): FollowUp {
  const typed = cleanTyped(question);
  const standalone: FollowUp = { question: typed, kind: 'standalone', unresolved: null, readings: [], after: false };
  const after = AFTER.test(typed);
  const text = after ? tidy(typed.replace(AFTER, ' ')) : typed;
  const tokens = tokenize(text);
  const body = tokens.filter((t, i) => !(LEAD_IN.has(t.lower) && tokens.slice(0, i).every((b) => LEAD_IN.has(b.lower))));

  // "when?", "and where was that?": the previous question, asked for something else.
  const wh = whPhrase(body);
  if (wh && body.slice(wh.length).every((t) => AUX.has(t.lower) || FILLER.has(t.lower) || THING_PRONOUNS.has(t.lower))) {
    if (!previous) return unresolved(typed, wh.words);
    return { question: withWhPhrase(previous.question, wh.words), kind: 'follow-up', unresolved: null, readings: [], after: after && previous.answer !== null };
  }
  if (after && !previous?.answer) return unresolved(typed, 'that');

  // "what about Rama?", "and Roll?": the previous question about another name.
  const swapped = previous ? swapName(body, text, previous, ctx) : null;
  if (swapped) return { ...standalone, question: swapped, kind: 'follow-up' };

  const readings: [string, string][] = [];
  const replacements: { token: Token; by: string }[] = [];
  let event = after;
  for (const [i, t] of tokens.entries()) {
    const next = tokens[i + 1];
    if (t.lower === 'that' || t.lower === 'this') {
      // "where was that?", "when did that happen?": the previous question's event.
      if (!next || AFTER_DEICTIC.has(next.lower)) event = true;
      continue;
    }
    if (t.lower === 'there' && !next && previous) {
      const names = previousNames(previous, ctx);
      const place = firstOf(names.question, ['place']) ?? firstOf(names.answer, ['place']);
      if (place) {
        replacements.push({ token: t, by: `in ${place.name}` });
        readings.push([t.text, place.name]);
      }
      continue;
    }
    const person = PERSON_PRONOUNS.has(t.lower);
    const group = GROUP_PRONOUNS.has(t.lower);
    const thing = THING_PRONOUNS.has(t.lower);
    if (!person && !group && !thing) continue;
    if (hasAntecedent(text.slice(0, t.start), person ? ['person', null] : ['person', 'organization', 'place', null], ctx)) continue;
    if (thing && (isEventObject(tokens, i) || (next && EVENT_VERBS.has(next.lower) && !DO.has(next.lower)))) {
      event = true;
      continue;
    }
    const referent = previous ? referentFor(t.lower, previous, text, ctx) : null;
    if (!referent) {
      if (person) return unresolved(typed, t.text);
      // "it"/"they" with no name to stand for: the previous question's event, or (first of all) as typed.
      if (thing && previous) event = true;
      continue;
    }
    const possessive = POSSESSIVES.has(t.lower) || (t.lower === 'her' && next !== undefined && termOf(next.text) !== null && !AUX.has(next.lower));
    replacements.push({ token: t, by: possessive ? possessiveOf(referent) : referent });
    readings.push([t.text, referent]);
  }
  let rewritten = text;
  for (const { token, by } of [...replacements].sort((a, b) => b.token.start - a.token.start)) {
    rewritten = rewritten.slice(0, token.start) + by + rewritten.slice(token.end);
  }
  if (event && previous) {
    const carried = carryOver(previous.question, rewritten);
    if (carried) rewritten = `${rewritten.replace(/[\s?.!]+$/, '')} (${carried})?`;
  }
  if (rewritten === typed && !after) return standalone;
  return { question: withoutLeadIn(tidy(rewritten)), kind: 'follow-up', unresolved: null, readings, after: after && previous !== null && previous.answer !== null };
}

const DO = new Set(['do', 'does', 'did', 'done']);
const SAYING = new Set(['say', 'says', 'said', 'tell', 'tells', 'told']);

/** Is the token the object of a verb of saying or doing ("say it", "they did it"), not the subject after "did" ("what did it back")? */
function isEventObject(tokens: Token[], i: number): boolean {
  const verb = tokens[i - 1];
  if (!verb || !EVENT_VERBS.has(verb.lower)) return false;
  if (!DO.has(verb.lower)) return true;
  const before = tokens[i - 2];
  return before !== undefined && !WH.has(before.lower) && !LEAD_IN.has(before.lower);
}

function unresolved(question: string, word: string): FollowUp {
  return { question, kind: 'unresolved', unresolved: word, readings: [], after: false };
}

/** "and what did Lapid say?" → "What did Lapid say?" */
function withoutLeadIn(text: string): string {
  const rest = text.replace(/^(?:(?:and|so|but|ok|okay|also|then|well)\b[,]?\s*)+/i, '');
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : text;
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([?,.!])/g, '$1')
    .replace(/,\s*\?/g, '?')
    .trim();
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((m) => {
    const word = m[0].replace(/[.]+$/, '');
    return { text: word, lower: word.toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + word.length };
  });
}

/** The wh-phrase a question opens with ("when", "how many", "what year"), after words like "and"; null if none. */
function whPhrase(tokens: Token[]): { words: string; length: number } | null {
  const first = tokens[0];
  if (!first || !WH.has(first.lower)) return null;
  const second = tokens[1];
  const joined = second && ((first.lower === 'how' && HOW_WORDS.has(second.lower)) || ((first.lower === 'what' || first.lower === 'which') && KIND_WORDS.has(second.lower)));
  return joined ? { words: `${first.lower} ${second.lower}`, length: 2 } : { words: first.lower, length: 1 };
}

/** The previous question with another wh-phrase: "What did Lapid tell Rama?" + "when" → "When did Lapid tell Rama?" */
function withWhPhrase(previous: string, wh: string): string {
  const tokens = tokenize(previous);
  let i = 0;
  while (i < tokens.length && LEAD_IN.has(tokens[i]!.lower)) i++;
  const own = whPhrase(tokens.slice(i));
  const capital = wh.charAt(0).toUpperCase() + wh.slice(1);
  if (!own) return tidy(`${capital} ${previous.replace(/[\s?.!]+$/, '')}?`);
  const rest = previous.slice(tokens[i + own.length - 1]!.end);
  return tidy(`${capital}${rest}`.replace(/[\s.!]*$/, '').replace(/\?*$/, '?'));
}

/** The names the previous question and its answer (the answering part) give. */
function previousNames(previous: Exchange, ctx: FollowUpContext): { question: NamedRef[]; answer: NamedRef[] } {
  const answer = previous.answer ? ctx.namesIn(previous.answer.text.slice(previous.answer.focus.start, previous.answer.focus.end)) : [];
  return { question: ctx.namesIn(previous.question), answer };
}

function firstOf(names: NamedRef[], kinds: (EntityKind | null)[]): NamedRef | null {
  return names.find((n) => kinds.includes(n.kind)) ?? null;
}

/** Does the question name, before the pronoun, something of a kind the pronoun can stand for? */
function hasAntecedent(before: string, kinds: (EntityKind | null)[], ctx: FollowUpContext): boolean {
  return before.trim() !== '' && ctx.namesIn(before).some((n) => kinds.includes(n.kind));
}

/**
 * The name a pronoun stands for, from the previous exchange, as the story writes it ("Yair Lapid"); not a name the
 * question itself gives.
 */
function referentFor(pronoun: string, previous: Exchange, question: string, ctx: FollowUpContext): string | null {
  const named = new Set(ctx.namesIn(question).map((n) => n.name));
  const { question: asked, answer } = previousNames(previous, ctx);
  const fresh = (list: NamedRef[]) => list.filter((n) => !named.has(n.name) && n.kind !== null);
  const inAsked = fresh(asked);
  // For "Who …?", the one the answer names that the question didn't is whom "he" or "they" means next.
  const answered = isWhoQuestion(previous.question) && previous.answer ? whoAnswered(previous.question, previous.answer, fresh(answer).filter((n) => !asked.some((a) => a.name === n.name))) : [];
  const pick = (...lists: NamedRef[][]) => lists.flat()[0]?.name ?? null;
  if (PERSON_PRONOUNS.has(pronoun)) {
    const people = (list: NamedRef[]) => list.filter((n) => n.kind === 'person');
    return pick(people(answered), people(inAsked), people(fresh(answer)));
  }
  const bodies = (list: NamedRef[]) => list.filter((n) => n.kind === 'organization' || n.kind === 'place');
  if (THING_PRONOUNS.has(pronoun)) return pick(bodies(answered), bodies(inAsked));
  // they / them / their: a body the question named, two people it named, or whom a who-question's answer named.
  const organisations = inAsked.filter((n) => n.kind === 'organization');
  const people = inAsked.filter((n) => n.kind === 'person');
  if (organisations.length > 0) return organisations[0]!.name;
  if (people.length >= 2) return `${people[0]!.name} and ${people[1]!.name}`;
  return pick(answered, bodies(inAsked));
}

/**
 * The names a who-question's answer gives, the likeliest answer first: the one written with most of the question's
 * words just before it (or as the word after it: "Iranian-sponsored attack") ("Albanian Foreign Minister Olta Xhacka" for "Who is the Albanian foreign
 * minister?", not "Deputy Foreign Minister Idan Roll" before it); of two as near, the one the articles mention most
 * (the story's main actor over a passing name).
 */
function whoAnswered(question: string, answer: Answer, names: NamedRef[]): NamedRef[] {
  const asked = new Set(tokenize(question).flatMap((t) => termOf(t.text) ?? []));
  const text = answer.text.slice(answer.focus.start, answer.focus.end);
  // Titles and what is said of someone come just before the name ("Albanian Foreign Minister Olta Xhacka").
  const near = (n: NamedRef): number => {
    const from = text.indexOf(n.surface);
    if (from < 0) return 0;
    // Where the name itself starts, after any title the text gives it ("Foreign Minister Idan Roll").
    const core = n.surface.lastIndexOf(n.name.split(' ').at(-1)!);
    const at = from + Math.max(0, core);
    // The words just before it, and the one word after ("Iranian-sponsored attack").
    const after = tokenize(text.slice(from + n.surface.length)).slice(0, 1);
    return [...tokenize(text.slice(Math.max(0, at - 32), at)), ...after].filter((t) => asked.has(termOf(t.text) ?? '')).length;
  };
  return names
    .map((n, i) => ({ n, i, near: near(n) }))
    .sort((a, b) => b.near - a.near || (b.n.mentions ?? 0) - (a.n.mentions ?? 0) || a.i - b.i)
    .map((x) => x.n);
}

function isWhoQuestion(question: string): boolean {
  return /^(?:(?:and|so|but|ok|okay|also)[,]?\s+)*(?:(?:to|by|with|from|for|of|against) )?(?:who|whom|whose)\b/i.test(question.trim());
}

function possessiveOf(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/**
 * "What about Rama?", "and Roll?": the previous question with the name of the same kind (else its first) changed to
 * this one. Null when the question is more than a name, or the previous question gives no name to change.
 */
function swapName(body: Token[], text: string, previous: Exchange, ctx: FollowUpContext): string | null {
  let rest = body;
  if (rest[0] && (rest[0].lower === 'what' || rest[0].lower === 'how') && rest[1]?.lower === 'about') rest = rest.slice(2);
  else if (rest.length === body.length && !/^\s*(?:and|also)\b/i.test(text)) return null;
  if (rest.length === 0 || rest.length > 5 || rest.some((t) => WH.has(t.lower) || AUX.has(t.lower))) return null;
  const wanted = ctx.namesIn(text.slice(rest[0]!.start));
  const content = rest.filter((t) => termOf(t.text) !== null);
  if (wanted.length !== 1 || content.some((t) => !wanted[0]!.surface.toLowerCase().split(/\s+/).includes(t.lower.replace(/'s$/, '')))) return null;
  const names = ctx.namesIn(previous.question);
  const target = names.find((n) => n.kind === wanted[0]!.kind && n.name !== wanted[0]!.name) ?? names.find((n) => n.name !== wanted[0]!.name);
  if (!target) return null;
  const at = previous.question.indexOf(target.surface);
  if (at < 0) return null;
  return previous.question.slice(0, at) + wanted[0]!.surface + previous.question.slice(at + target.surface.length);
}

/**
 * The previous question's words that the new one lacks, in order, without its wh-phrase, auxiliaries and stop words:
 * "What did Lapid tell Rama?" for "Where did Lapid say it?" → "tell Rama".
 */
function carryOver(previous: string, question: string): string {
  const have = new Set(tokenize(question).map((t) => termOf(t.text) ?? t.lower));
  const tokens = tokenize(previous.replace(/[()]/g, ' '));
  let i = 0;
  while (i < tokens.length && LEAD_IN.has(tokens[i]!.lower)) i++;
  i += whPhrase(tokens.slice(i))?.length ?? 0;
  const kept: string[] = [];
  for (const t of tokens.slice(i)) {
    // Stop words stay behind, but for the verbs of saying ("tell Rama": what was asked about).
    const term = termOf(t.text) ?? (SAYING.has(t.lower) ? t.lower : null);
    if (term === null || have.has(term) || AUX.has(t.lower)) continue;
    have.add(term);
    kept.push(t.text);
  }
  return kept.join(' ');
}
