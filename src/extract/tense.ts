// The tense a sentence gives a date in it: "in July" is last July in "hackers struck in July", next July in "the
// vote will be held in July". Read from the verbs compromise's tagger finds, the sentence tagged only when a word in
// it could make the date future.
import nlp from 'compromise';

/**
 * Which occurrence of a yearless month or a weekday is meant: the latest one on or before the article date (news
 * is about the past), the next one (the sentence looks ahead), or whichever is nearer (a present tense that may
 * schedule — "Obama leaves office in January" — or narrate — a caption's "Ebbers leaves court July 13").
 */
export type Tense = 'past' | 'future' | 'nearest';

/** A sentence whose dates are read, with its verbs once they are parsed (on first need: tagging is slow). */
export interface TenseContext {
  readonly sentence: string;
  verbs?: VerbSpan[];
}

/** A finite verb of the sentence, and the tense it gives a date. */
export interface VerbSpan {
  start: number;
  end: number;
  tense: Tense;
}

interface VerbJson {
  offset?: { start: number; length: number };
  verb?: { root?: string; auxiliary?: string; grammar?: { tense?: string; form?: string; copula?: boolean } };
}

/** Words right before a date that schedule it: "scheduled for Friday", "due in March", "set for Friday". */
const SCHEDULED = /\b(?:scheduled|slated|set (?:(?:it|them|him|her|this|that) )?(?:to|for)|due|expected|planned|upcoming|coming|to be held|will be held)\b[^.;]{0,40}$/i;
/** A schedule that a colon list follows: "Also set for appearances at the auditorium this season are: …". */
const SCHEDULED_LIST = /\b(?:set for|scheduled|slated|booked)\b[^.;:]{0,80}:(?:[^.]|\.(?=\s\d))*$/i; // (a month's period: "Jan. 27")
/**
 * A present-tense intention or expectation before a date in its clause: "Solly plans to open with Jackson … here
 * Friday night", "as many more are expected to prove it again … from 4 to 8 p.m. Sunday".
 */
const INTENDS = /\b(?:plans?|intends?|hopes?|expects?|wants?|is going|are going|(?:is|are) (?:expected|scheduled|due|set))\s+to\s+[^.;,:—]{0,80}$/i;
/** What something is planned for: "the gayety planned by members of the Thrift Shop Committee for May 6". */
const PLANNED_FOR = /\b(?:scheduled|slated|planned|set|booked|arranged)\b[^.;:—]{0,80}\bfor\s+$/i;
/**
 * The announcement of, or invitation to, an occasion is before it: "an announcement of the … organizing convention
 * Wednesday night", "invitations to the club's dinner Friday".
 */
/** Nouns of an occasion set for a day: "the dinner", "tomorrow's 8 P.M. contest". */
export const OCCASION_NOUNS =
  'convention meeting dinner luncheon party dance tea reception banquet conference rally concert recital session ceremony game show festival fair sale picnic benefit ball contest match race bout fight hearing vote election doubleheader encounter'.split(' ');
const ANNOUNCED_OCCASION = new RegExp(
  String.raw`\b(?:announcements?|notices?|invitations?|tickets?|plans?)\s+(?:of|to|for)\b[^.;:—]{0,80}\b(?:${OCCASION_NOUNS.join('|')})s?\s+$`,
  'i',
);
/**
 * "his birthday is May 29", "The deadline is June 1", "the election falls on Nov. 7": what a recurring or set day is,
 * in the present, is said of the nearer one, ahead or behind.
 */
const DAY_OF = new RegExp(String.raw`\b(?:birthday|anniversary|deadline|holiday|${OCCASION_NOUNS.join('|')})\s+(?:is|falls)\s+(?:on\s+)?$`, 'i');
/** Words right before a date that put it in the past: "since April", "earlier this…". */
const PAST_MARKER = /\b(?:since|ago|earlier|last)\s+$/i;
/** Words right before a date that put it ahead: "next Aug. 31", "this coming Friday", "come May 25". */
const FUTURE_MARKER = /\b(?:next|coming|upcoming|come)\s+$/i;
const FUTURE_AUXILIARY = /\b(?:will|shall|should|would|must|may|might|going|ll)\b/;
/** Cheap pre-checks for the tagger: a future auxiliary anywhere, or a third-person "-s" word just before the date. */
const FUTURE_HINT = /\b(?:will|would|shall|should|must|may|might|going to|(?:is|are|was|were) to)\b|['’]ll\b/i;
/** A present progressive ("seats are being erected", "the club is planning"): it may be about either side of today. */
const PROGRESSIVE = /\b(?:is|are|am)\s+(?:being\s+\p{Ll}+|\p{Ll}+ing)\b/iu;
const PROGRESSIVE_VERB = new RegExp(`^${PROGRESSIVE.source}`, 'iu');
const NOT_VERBS = new Set(['was', 'has', 'is', 'as', 'its', 'this', 'his', 'hers', 'us', 'thus', 'perhaps', 'whereas', 'always', 'across', 'towards', 'besides', 'news', 'plus', 'yes']);

/** A third-person "-s" word among the few words before the date: "begins on", "leaves office in". */
function scheduleHint(before: string): boolean {
  // (past a name: "begins at St. Thomas Aquinas Monday")
  const words = before.match(/[\p{L}'’]+/gu)?.filter((w) => !/^\p{Lu}/u.test(w)).slice(-4) ?? [];
  return words.some((w) => /^\p{Ll}+[^\P{L}s]s$/u.test(w) && !NOT_VERBS.has(w));
}

/** The sentence's finite verbs with the tense each gives a date (infinitives and bare participles left out). */
function verbSpans(sentence: string): VerbSpan[] {
  const out: VerbSpan[] = [];
  for (const v of nlp(sentence).verbs().json({ offset: true }) as VerbJson[]) {
    if (!v.offset || !v.verb) continue;
    const start = v.offset.start;
    // The tagger's span can swallow trailing punctuation ("voted;"), which marks a clause boundary.
    const end = start + sentence.slice(start, start + v.offset.length).replace(/[^\p{L}\p{N}]+$/u, '').length;
    const aux = (v.verb.auxiliary ?? '').toLowerCase();
    const grammar = v.verb.grammar ?? {};
    if (/\bto\s+$/i.test(sentence.slice(0, start))) continue; // an infinitive takes its tense from the verb before
    if (start > 0 && /^\p{Lu}/u.test(sentence.slice(start)) && !aux) continue; // "Plant City": a name's word, mid-sentence
    if (!aux && /ing$/i.test(v.verb.root ?? '')) continue; // "…, defeating X": a participle, not the clause's verb
    let tense: Tense = 'past';
    // ("should have met": a modal's perfect is past.)
    if ((FUTURE_AUXILIARY.test(aux) && !/\bhave\b/.test(aux)) || grammar.tense === 'FutureTense') tense = 'future';
    else if (grammar.copula && !aux) tense = /^\s+to\b/.test(sentence.slice(end)) ? 'future' : 'past'; // "was to last until Sunday"
    else if (!aux && isPresentSimple(v.verb.root ?? '', grammar)) tense = 'nearest';
    // "Seats are being erected … for the parade on Jan. 20": the date may be ahead as well as behind.
    else if (PROGRESSIVE_VERB.test(sentence.slice(start, end))) tense = 'nearest';
    out.push({ start, end, tense });
  }
  return out;
}

/**
 * A present-simple third-person verb ("begins", "leaves"). Only that form counts: bare present forms are too
 * often past tenses ("let", "cut") or nouns the tagger took for verbs ("the transit strike in March").
 */
function isPresentSimple(root: string, grammar: { tense?: string; form?: string }): boolean {
  // (the verb of a phrasal verb or after an adverb: "brings in", "also begins")
  const verbs = root.split(/\s+/).filter((w) => /^[a-z]+[^s]s$/i.test(w) && !NOT_VERBS.has(w.toLowerCase()));
  return grammar.tense === 'PresentTense' && (grammar.form ?? 'simple-present') === 'simple-present' && verbs.length > 0;
}

/** The ;-separated part of the sentence holding `index`. */
function partAround(sentence: string, index: number): { start: number; end: number } {
  const start = sentence.lastIndexOf(';', index - 1) + 1;
  const next = sentence.indexOf(';', index);
  return { start, end: next === -1 ? sentence.length : next };
}

/**
 * The tense the sentence gives the date at [start, end). Its verb decides: the verb before it in its clause
 * ("met again in early October"); for a date that opens the sentence, any future verb of the sentence
 * ("In August, the executives who were convicted will learn their fates"); else the verb after it in its clause,
 * else the nearest one.
 */
export function tenseAt(ctx: TenseContext, start: number, end: number): Tense {
  const before = ctx.sentence.slice(0, start);
  if (PAST_MARKER.test(before)) return 'past';
  if (FUTURE_MARKER.test(before)) return 'future';
  if (DAY_OF.test(before)) return 'nearest';
  // "6 p.m. Friday had been set for a canvass": a date something is set for is ahead.
  if (/^\s+(?:\p{Ll}+\s+){0,2}(?:has|had|have)\s+been\s+(?:set|scheduled|planned|called|fixed)\b/u.test(ctx.sentence.slice(end))) return 'future';
  const clock = before.slice(-140).replace(/\b([ap])\.\s?m\./gi, '$1m'); // "from 4 to 8 p.m. Sunday": no sentence end
  if (SCHEDULED.test(clock.slice(-60))) return 'future'; // "A hearing was set for 10:30 a.m. Tuesday"
  // "Also set for appearances this season are: “A” on Jan. 27, “B” on Feb. 2": each date of a schedule's list.
  if (SCHEDULED_LIST.test(before)) return 'future';
  if (INTENDS.test(clock.slice(-110))) return 'future';
  if (PLANNED_FOR.test(clock.slice(-110)) || ANNOUNCED_OCCASION.test(clock)) return 'future';
  // Tagging is slow: skip it when nothing in the sentence could make the date future.
  if (!FUTURE_HINT.test(ctx.sentence) && !PROGRESSIVE.test(ctx.sentence) && !scheduleHint(before)) return 'past';
  const verbs = (ctx.verbs ??= verbSpans(ctx.sentence));
  const gap = (v: VerbSpan): string => (v.end <= start ? ctx.sentence.slice(v.end, start) : ctx.sentence.slice(end, v.start));
  const sameClause = (v: VerbSpan): boolean => !/[,;:—]/.test(gap(v));
  // "the people will like the truth and elect their candidate in November": a verb joined by "and" to a future one
  // shares its future; a past form after the auxiliary ("will recall that he resigned in May") does not.
  const chunk = before.slice(Math.max(...[',', ';', ':', '—', '“', '”'].map((c) => before.lastIndexOf(c))) + 1);
  const aux = /\b(?:will|shall|should)\b|['’]ll\b/i.exec(chunk);
  // ("will be honored at a supper … Sunday": the passive's participle is the future verb's own.)
  if (aux && !/\b(?:was|were|had|did|\p{Ll}+ed)\b/u.test(chunk.slice(aux.index).replace(/^\S+\s+(?:not\s+)?(?:be|have\s+been)\s+\p{Ll}+ed\b/u, ''))) return 'future';
  // "The first broadcast on Dec. 9 will introduce her": a date ending the subject of a future verb is ahead (not one
  // of a relative clause: "The team that won on Oct. 3 will play again").
  if (/^\s+(?:will|shall)\s+(?:not\s+)?\p{Ll}/u.test(ctx.sentence.slice(end)) && !/\b(?:that|who|which|whom)\b/i.test(before)) return 'future';
  const preceding = verbs.filter((v) => v.end <= start && sameClause(v)).at(-1);
  if (preceding) return preceding.tense;
  const part = partAround(ctx.sentence, start);
  const inPart = verbs.filter((v) => v.start >= part.start && v.end <= part.end);
  if (!inPart.some((v) => v.end <= start) && inPart.some((v) => v.tense === 'future')) return 'future';
  const following = verbs.find((v) => v.start >= end && sameClause(v));
  // "will be presented … at a ceremony on Dec. 7 at the plant, which this year is celebrating …": a relative clause
  // after the date does not govern it.
  const relative = (v: VerbSpan): boolean => v.start >= end && /[,—]\s*(?:which|who|whom|whose|where)\b/i.test(gap(v));
  const verb = following ?? verbs.filter((v) => !relative(v)).sort((a, b) => gap(a).length - gap(b).length)[0];
  if (!verb) return 'past';
  return verb.tense === 'nearest' && verb.start > start ? 'past' : verb.tense; // "in July begins" is not a schedule
}
