// The date expressions of a sentence in news prose: absolute, relative to the article's date, or relative to
// another mention. Calendar arithmetic is in model/periods.ts; which July a sentence means (its tense) is in
// tense.ts.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import type { Precision } from '../model/types.js';
import { OCCASION_NOUNS, tenseAt, type Tense, type TenseContext } from './tense.js';
import { STREET_WORDS, isGivenName } from './names.js';
import { isTitle } from './vocabulary.js';
import { type Period, type Ymd, precisionRank, coarser, widen, parseYmd, formatYmd, toDays, fromDays, addDays, weekdayOf, shift, periodOf } from '../model/periods.js';

// ---------------------------------------------------------------------------------------------
// Date expressions in one sentence.

/** One date expression found in a sentence; offsets are into the sentence text. */
export interface DateMention {
  start: number;
  end: number;
  /** The expression itself, e.g. "last week", "the 1990s". */
  text: string;
  period: Period;
  /** "the weekend" after a sentence that told of a weekend: that time again, not a new one. */
  anaphoric?: true;
  /** "this year", "earlier this month": a time word too vague to date an event by. */
  vague?: true;
  /** "days after Y", "two weeks before": counted from another date of the sentence, which it is background to. */
  anchored?: true;
  /** "on July 10", "in October": a month or day whose year the text does not give (taken from the article's date). */
  yearless?: true;
  /** "in 1958", "October 1960", "Aug. 31, 1958": the text gives the year. */
  explicitYear?: true;
  /** "yesterday", "last week", "on Monday", "two years ago": counted from the article's date (the story's present). */
  deictic?: true;
}

/** A phrase dated relative to another mention ("a month later", "days after", "that year"). */
interface Relative {
  /** `after`: "N units after/before X" (X is the next or the previous mention); `later`: from the previous mention; `same`: the previous mention's period. */
  kind: 'later' | 'after' | 'same';
  unit: Precision;
  amount: number;
  /** +1 later/after, -1 earlier/before. */
  direction: 1 | -1;
  /** "days later" (no count) is vaguer than "two days later": one precision step coarser. */
  vague: boolean;
}

interface Candidate {
  start: number;
  end: number;
  /** Higher wins an overlap: 9/11 (3) > calendar dates from chrono (2) > this module's rules (1). */
  priority: number;
  period?: Period;
  relative?: Relative;
  vague?: true;
  anaphoric?: true;
  /** How the year is known: from the text (`explicit`), guessed for a month or day without one (`yearless`), or counted from the article's date (`deictic`). */
  year?: 'explicit' | 'yearless' | 'deictic';
}

interface Context extends TenseContext {
  article: Ymd;
  /** The story's day when its lead tells of a day a week or more before the article (a weekly's report): bare and "last" weekdays count back from it. */
  frame?: Ymd;
  /** The period of the last date the article told before this sentence. */
  previous?: Period;
  /** The report says "today" for its own day: a bare weekday that falls on its date is a week before (or ahead). */
  sameDayIsToday?: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_NAME = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'a hundred': 100, 'a couple of': 2,
};
/** Counts that say "some": the result is one precision step vaguer. */
const VAGUE_COUNTS = new Set(['a few', 'few', 'several', 'some']);
const COUNT = `(?:a couple of|a few|a hundred|${Object.keys(NUMBER_WORDS).filter((w) => !w.startsWith('a ')).join('|')}|several|some|few|\\d{1,3})`;
/** How far "days after" reaches when no count is given. */
const VAGUE_AMOUNT: Record<Precision, number> = { day: 3, week: 2, month: 2, year: 3, decade: 1 };

const UNIT_OF: Record<string, Precision> = {
  hour: 'day', day: 'day', morning: 'day', afternoon: 'day', evening: 'day', night: 'day',
  week: 'week', month: 'month', year: 'year', decade: 'decade',
};

function amountOf(count: string | undefined): { amount: number; vague: boolean } | null {
  if (count === undefined) return null;
  const c = count.toLowerCase();
  if (VAGUE_COUNTS.has(c)) return { amount: -1, vague: true };
  if (/^\d+$/.test(c)) return { amount: Number(c), vague: false };
  const n = NUMBER_WORDS[c];
  return n === undefined ? null : { amount: n, vague: false };
}

/** The lower-cased words right before `index` (nearest last). */
function wordsBefore(text: string, index: number, n = 3): string[] {
  return (text.slice(Math.max(0, index - 60), index).match(/[\p{L}\p{N}'’]+/gu) ?? []).slice(-n).map((w) => w.toLowerCase());
}

function wordAfter(text: string, index: number): string {
  return /^\s*([\p{L}\p{N}'’]+)/u.exec(text.slice(index))?.[1] ?? '';
}

function atSentenceStart(text: string, index: number): boolean {
  return /^[\s"'“‘([—–-]*$/.test(text.slice(0, index));
}

/** Is `index` inside a quotation (“…” or "…")? */
function insideQuotes(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return curly > 0 || straight % 2 === 1;
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

// ---- Eras: named periods that are general knowledge, dated by the decade most associated with them.

interface Era {
  pattern: RegExp;
  period: Period;
  /** The years the era lasted, when it lasted well past its decade: in a report written then, it is the present. */
  years?: [number, number];
}

const ERAS: Era[] = [
  { pattern: /\b(?:World War (?:II|2|Two)|Second World War|WWII|WW2)\b/, period: { date: '1940-01-01', precision: 'decade' } },
  { pattern: /\b(?:World War (?:I|1|One)|First World War|Great War|WWI|WW1)\b/, period: { date: '1910-01-01', precision: 'decade' } },
  { pattern: /\b(?:the )?Holocaust\b/, period: { date: '1940-01-01', precision: 'decade' } },
  { pattern: /\b(?:the )?Cold War\b/, period: { date: '1940-01-01', precision: 'decade' }, years: [1947, 1991] },
  { pattern: /\b(?:the )?Vietnam War\b/, period: { date: '1960-01-01', precision: 'decade' }, years: [1955, 1975] },
  { pattern: /\b(?:the )?Great Depression\b/, period: { date: '1930-01-01', precision: 'decade' } },
  { pattern: /\b(?:the )?Korean War\b/, period: { date: '1950-01-01', precision: 'decade' } },
  { pattern: /\b(?:the )?Iran[-–]Iraq [Ww]ar\b/, period: { date: '1980-01-01', precision: 'decade' } },
  { pattern: /\b(?:the )?(?:(?:First|1991) )?Gulf War\b/, period: { date: '1990-01-01', precision: 'decade' } },
  { pattern: /\b(?:the )?Arab Spring\b/, period: { date: '2011-01-01', precision: 'year' } },
];

/** An era is a date only when the sentence uses it as a time: "during World War II", not "a World War II veteran". */
const ERA_CUES = new Set(['during', 'in', 'after', 'before', 'since', 'until', 'following', 'amid', 'throughout', 'of', 'by']);

function eraCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const era of ERAS) {
    for (const m of ctx.sentence.matchAll(new RegExp(era.pattern.source, 'g'))) {
      const words = wordsBefore(ctx.sentence, m.index, 2).filter((w) => w !== 'the');
      if (!ERA_CUES.has(words.at(-1) ?? '')) continue;
      // "weren't doing the country much good in the Cold War", written in 1961: the present, too vague to date by.
      const current = era.years !== undefined && ctx.article.y >= era.years[0] && ctx.article.y <= era.years[1];
      out.push({ start: m.index, end: m.index + m[0].length, priority: 1, period: era.period, ...(current ? { vague: true as const } : {}) });
    }
  }
  // 9/11 names a day, not September 11 of the article's year.
  for (const m of ctx.sentence.matchAll(/(?<![\d/])9\/11(?![\d/])|\bSeptember 11(?:th)?,? attacks\b/g)) {
    out.push({ start: m.index, end: m.index + m[0].length, priority: 3, period: { date: '2001-09-11', precision: 'day' } });
  }
  return out;
}

// ---- Decades: "the 1990s", "early 1990s", "the '80s".

function decadeCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ctx.sentence.matchAll(/\b(?:(?:early|mid|late)[-\s]+)?(?:the\s+)?((?:1[0-9]|20)\d0)['’]?s\b/gi)) {
    const c: Candidate = { start: m.index, end: m.index + m[0].length, priority: 1, period: { date: `${m[1]}-01-01`, precision: 'decade' } };
    if (isPresentDecade(ctx, Number(m[1]))) c.vague = true;
    out.push(c);
  }
  for (const m of ctx.sentence.matchAll(/(?<![\p{L}\p{N}])['’](\d)0s\b/gu)) {
    const twoThousands = 2000 + Number(m[1]) * 10;
    const year = twoThousands <= ctx.article.y ? twoThousands : twoThousands - 100;
    out.push({ start: m.index, end: m.index + m[0].length, priority: 1, period: { date: `${year}-01-01`, precision: 'decade' } });
  }
  return out;
}

/**
 * "This isn't true of the many homemakers of the 1960's" (in 1961): the decade the article is written in, in a sentence
 * in the present tense, is "these days": too vague to date an event by.
 */
function isPresentDecade(ctx: Context, decade: number): boolean {
  if (ctx.article.y < decade || ctx.article.y >= decade + 10) return false;
  if (!/\b(?:is|are|am|isn['’]t|aren['’]t|remains?|has|have|seems?)\b/i.test(ctx.sentence)) return false;
  return !/\b(?:was|were|had|did)\b/i.test(ctx.sentence) && !nlp(ctx.sentence).has('#PastTense');
}

// ---- Bare years: "in 2013", "at least 2007", "the 1979 revolution" — but not "2000 people".

/** Words after which a four-digit number is a year whatever follows. */
const YEAR_CUES = new Set([
  'in', 'since', 'during', 'until', 'till', 'before', 'after', 'through', 'throughout', 'early', 'mid', 'late',
  'year', 'spring', 'summer', 'autumn', 'fall', 'winter', 'circa', 'c',
]);
/** Words after which it is a year unless a counted noun follows ("of 2000 people"). */
const WEAK_YEAR_CUES = new Set(['from', 'to', 'and', 'or', 'of', 'between', 'by', 'around', 'the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that']);
const MULTI_WORD_CUES = ['at least', 'as early as', 'as late as', 'as recently as', 'as of', 'no later than', 'no earlier than'];
const NOT_PLURAL = new Set(['was', 'has', 'is', 'as', 'its', 'this', 'his', 'thus', 'always', 'whereas', 'perhaps', 'afterwards', 'us', 'plus', 'ties']);

function countFollows(next: string): boolean {
  return (
    (/^\p{Ll}+s$/u.test(next) && !NOT_PLURAL.has(next)) ||
    /^(?:people|men|women|children|feet|km|kg|mph|million|billion|thousand|hundred|percent|per|dollars?|euros?|pounds?)$/i.test(next)
  );
}

/** "of 1671 Nakoma St.", "at 2300 Maple Avenue": a house number before a street. */
const STREET_AFTER = new RegExp(String.raw`^\s+(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,3}(?:${[...STREET_WORDS].map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')})\b`, 'u');

function isYearUse(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  if (/^\s*(?:%|[-–]\s*(?:year|month|day)s?\b)/.test(after)) return false;
  if (STREET_AFTER.test(after)) return false;
  if (/^\s+models?\b/i.test(after)) return false; // "his 1958 model automobile"
  // "the National Defense Education Act of 1958": the year names a law.
  if (/\b(?:Act|Acts|Law|Treaty|Accord|Agreement|Convention|Amendment|Charter)\s+of\s+$/.test(text.slice(Math.max(0, start - 20), start))) return false;
  if (/^\s*[x×]\s*\d/.test(after) || /\d\s*[x×]\s*$/.test(text.slice(0, start))) return false; // "1800 x 1920": a size
  // "His best years were 1954 when he hit …", "one sensational season, 1959, when he …": a year something happened in.
  if (/^,?\s+when\b/.test(after) || /\b(?:season|year|campaign)s?,\s*$/i.test(text.slice(Math.max(0, start - 12), start))) return true;
  if (/^['’]s\b/.test(after)) return true;
  const next = wordAfter(text, end);
  const startsWithWord = /^\s+[\p{L}]/u.test(after);
  const dash = /([\p{L}]+)[-–]$/u.exec(text.slice(Math.max(0, start - 12), start));
  if (dash) return /^(?:mid|early|late)$/i.test(dash[1]!);
  if (/[-–/]$/.test(text.slice(0, start))) return false; // the end of a range "2014-16" or a code
  if (atSentenceStart(text, start)) return !countFollows(next);
  const words = wordsBefore(text, start, 4);
  const prev = words.at(-1) ?? '';
  const tail = words.join(' ');
  if (YEAR_CUES.has(prev)) return true;
  if (MULTI_WORD_CUES.some((cue) => tail.endsWith(cue))) return !countFollows(next);
  if (/^(?:1[5-9]|20)\d\d$/.test(prev) && /,\s*$/.test(text.slice(0, start))) return true; // "in 2010, 2012 and 2014"
  // "the 2016 elections": edited news writes counts of a thousand or more with a comma ("the 2,000 troops").
  if (['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that'].includes(prev)) return startsWithWord;
  if (WEAK_YEAR_CUES.has(prev)) return !countFollows(next);
  return false;
}

function yearCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  // "'55 when he belted 51 home runs", "the '49 Cards": a year written with its century left out, at or before the story.
  for (const m of ctx.sentence.matchAll(/(?<=^|\s)['’](\d\d)(?=\s+(?:when|season|team|club|squad)\b)/g)) {
    let y = Math.floor(ctx.article.y / 100) * 100 + Number(m[1]);
    if (y > ctx.article.y) y -= 100;
    out.push({ start: m.index, end: m.index + 3, priority: 1, period: { date: `${y}-01-01`, precision: 'year' }, year: 'explicit' });
  }
  for (const m of ctx.sentence.matchAll(/(?<![\p{L}\p{N}$€£#.,:])((?:1[5-9]|20)\d\d)(?![\p{L}\p{N}%]|[.,:]\d)/gu)) {
    if (!isYearUse(ctx.sentence, m.index, m.index + 4)) continue;
    // "in 1961" in a 1961 report is "this year": a year not yet over dates no event ("he'll do better in 1961").
    const current = Number(m[1]) === ctx.article.y;
    out.push({ start: m.index, end: m.index + 4, priority: 1, period: { date: `${m[1]}-01-01`, precision: 'year' }, year: 'explicit', ...(current ? { vague: true as const } : {}) });
  }
  return out;
}

/** Northern-hemisphere seasons by first and last month; winter straddles two years and is left out. */
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };

// ---- Relative to the article's date: "this year", "last week", "over the weekend", "two years ago", "on Monday".

/** An amount's comparison baseline is not an event: "up from $1.92 billion a year earlier", "from last year's $11.9 billion". */
const AMOUNT = String.raw`(?:[$€£]\s?\d|\d[\d.,]*\s*(?:%|percent|per ?cent|billion|million|cents?))`;
const BASELINE_BEFORE = new RegExp(
  String.raw`\b(?:from|to|compared (?:with|to)|(?<!(?:more|less|fewer|greater|rather) )than|versus|vs\.?)\s+(?:about |around |nearly |almost )?${AMOUNT}[^.;]{0,40}$`,
  'i',
);
const BASELINE_AFTER = new RegExp(String.raw`^['’]s\s+${AMOUNT}`, 'i');

function isBaseline(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 100), start).replace(/(\d)\.(\d)/g, '$1,$2'); // "$1.92" is one amount
  return BASELINE_BEFORE.test(before) || BASELINE_AFTER.test(sentence.slice(end));
}

function articleRelativeCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const s = ctx.sentence;
  const add = (m: RegExpMatchArray, ymd: Ymd, precision: Precision, vague = false): void => {
    if (isBaseline(s, m.index!, m.index! + m[0].length)) return;
    out.push({ start: m.index!, end: m.index! + m[0].length, priority: 1, period: periodOf(ymd, precision), ...(vague ? { vague: true as const } : {}) });
  };
  // "the last year" / "the next month" are durations ("over the last year"), not dates.
  for (const m of s.matchAll(/\b(this|last|next)\s+(week|month|year)\b(?!\s+(?:before|after|earlier|later))/gi)) {
    if (wordsBefore(s, m.index, 1)[0] === 'the') continue;
    const unit = UNIT_OF[m[2]!.toLowerCase()]!;
    const step = { this: 0, last: -1, next: 1 }[m[1]!.toLowerCase() as 'this' | 'last' | 'next'];
    // "this year", "earlier this month": vague; "this week" is a week ("In their meetings this week, …"), and so is
    // a month something is set for ("set to open some time this month"). On a Sunday, a week ahead ("hopes to pass it
    // sometime this week") is the one starting the next day.
    const ahead = step === 0 && unit !== 'year' && tenseAt(ctx, m.index, m.index + m[0].length) === 'future';
    const sundayAhead = unit === 'week' && ahead && weekdayOf(ctx.article) === 0;
    // (Only what is set for the month: "We will know more this month" is still vague; so is what was done in it,
    // "Earlier this month Murrow came to Hollywood", a month's event.)
    const setFor = ahead && (/\b(?:set|scheduled|slated|due|planned)\s+(?:to|for)\b/i.test(s.slice(0, m.index)) || /\bsome\s?time\s+$/i.test(s.slice(0, m.index)));
    const earlier = /\bearlier\s+$/i.test(s.slice(0, m.index));
    add(m, sundayAhead ? addDays(ctx.article, 1) : shift(ctx.article, unit, step), unit, step === 0 && (unit === 'year' || (unit === 'month' && !setFor && !earlier)));
  }
  // "sold to the public during the past week": the seven days before the report.
  for (const m of s.matchAll(/\bduring\s+the\s+past\s+week\b/gi)) add(m, addDays(ctx.article, -3), 'week');
  for (const m of s.matchAll(/\b(?:(?:over|during|on|at)\s+)?(the|this|last|this past|past|next|this coming)\s+weekend\b/gi)) {
    if (m[1]!.toLowerCase() === 'past' && wordsBefore(s, m.index, 1)[0] === 'the') continue;
    // "This coming weekend they have reserved the inn. … the theme for the weekend": the weekend just told of.
    if (m[1]!.toLowerCase() === 'the' && ctx.previous?.precision === 'week') out.push({ start: m.index, end: m.index + m[0].length, priority: 1, period: ctx.previous, anaphoric: true });
    else add(m, weekendOf(ctx, m[1]!.toLowerCase(), tenseAt(ctx, m.index, m.index + m[0].length)), 'week');
  }
  // "Four persons died in Georgia weekend traffic crashes" (a Monday paper): a past weekend's happenings, told in the
  // days right after it, are the weekend just gone ("weekend traffic is heavy" is no day; nor "a weekend trip").
  const nearWeekend = [0, 1, 2].includes(weekdayOf(ctx.article));
  for (const m of nearWeekend ? s.matchAll(/\b[Ww]eekend\s+(?=\p{Ll}+\s+\p{Ll}|\p{Ll}+[.,;]|\p{Ll}+$)/gu) : []) {
    if (/\b(?:a|an|the|this|that|next|last|past|every|each|any|one|long|holiday|coming)\s+$/i.test(s.slice(0, m.index))) continue;
    const end = m.index + 'weekend'.length;
    if (!/\b(?:was|were|had|\p{Ll}{2,}ed|died|killed|hit|fell|struck|took|won|lost)\b/u.test(s) || tenseAt(ctx, m.index, end) !== 'past') continue;
    out.push({ start: m.index, end, priority: 1, period: periodOf(weekendOf(ctx, 'the', 'past'), 'week') });
  }
  for (const m of s.matchAll(new RegExp(`\\b(${COUNT})\\s+(day|week|month|year|decade)s?\\s+ago(\\s+(?:today|tonight))?\\b`, 'gi'))) {
    const count = amountOf(m[1]);
    if (!count || count.vague) continue; // "several years ago" names no period
    const unit = UNIT_OF[m[2]!.toLowerCase()]!;
    // "Seventeen years ago today": the very day, so many years back (over the "today" chrono reads in it).
    if (m[3]) out.push({ start: m.index, end: m.index + m[0].length, priority: 3, period: periodOf(shift(ctx.article, unit, -count.amount), 'day') });
    else add(m, shift(ctx.article, unit, -count.amount), unit);
  }
  for (const m of s.matchAll(/\b(?:this (?:morning|afternoon|evening)|(?:earlier|later) today)\b/gi)) add(m, ctx.article, 'day');
  // A season is no precision of its own: "last summer" is shown as the year it fell in.
  for (const m of s.matchAll(/\b(last|this|next|this past)\s+(spring|summer|autumn|fall)\b/gi)) {
    const [first, last] = SEASONS[m[2]!.toLowerCase()]!;
    const which = m[1]!.toLowerCase();
    let y = ctx.article.y;
    if ((which === 'last' || which === 'this past') && ctx.article.m <= last) y--;
    if (which === 'next' && ctx.article.m >= first) y++;
    add(m, { y, m: first, d: 1 }, 'year', which === 'this'); // "this spring", like "this year": the season now, vague
  }
  out.push(...weekdayCandidates(ctx));
  for (const c of out) c.year = 'deictic';
  return out;
}

/** The Saturday of the weekend meant: the latest one on or before the article, unless "next"/"last" or the tense says otherwise. */
function weekendOf(ctx: Context, which: string, tense: Tense): Ymd {
  const day = weekdayOf(ctx.article);
  const inWeekend = day === 6 || day === 0;
  const saturday = addDays(ctx.article, -((day + 1) % 7)); // latest Saturday on or before
  if (which === 'next' || which === 'this coming') return addDays(saturday, 7);
  if (which === 'last' || which === 'past' || which === 'this past') return inWeekend ? addDays(saturday, -7) : saturday;
  const ahead = tense === 'future' || (tense === 'nearest' && (day + 1) % 7 > 3);
  return which === 'this' && ahead && !inWeekend ? addDays(saturday, 7) : saturday;
}

/** Words that make a weekday the name of a day or an event rather than a date. */
const NAMED_DAYS = /\b(?:Bloody|Easter|Palm|Super|Black|Cyber|Ash|Good|Holy|Maundy|Shrove|Giving|Fat|Whit|Low|Mothering|Plough|Blue|Manic)\s+$/;

function weekdayCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const s = ctx.sentence;
  const re = /\b(?:([Tt]his [Pp]ast|[Tt]his [Cc]oming|[Ll]ast|[Tt]his|[Nn]ext)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b/g;
  for (const m of s.matchAll(re)) {
    const nameAt = m.index + m[0].indexOf(m[2]!);
    // "Bloody Sunday", "Black Friday", "The Sunday Times": part of a name, not a day ("on Wall Street Monday" is a day).
    if (!m[1] && NAMED_DAYS.test(s.slice(Math.max(0, m.index - 20), m.index))) continue;
    const next = wordAfter(s, m.index + m[0].length);
    if (/^\s+\p{Lu}/u.test(s.slice(m.index + m[0].length)) && !MONTH_NAME.test(next)) continue;
    if (!m[1] && HABITUAL_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue; // "usually on the first Saturday"
    if (HABITUAL_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue; // "Saturday evening of each month"
    if (DATE_BESIDE.test(s.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue; // "Saturday afternoon, Jan. 7": the date says it
    // "its Sunday sales law", "Sunday closing laws", "Saturday shoppers": a weekday before a plural or a law is a kind,
    // not a day.
    // Only after a determiner or a clause's start: "the company said Monday profits fell" is a day.
    if (!m[1] && !/['’]s$/.test(m[0]) && GENERIC_DAY_NOUN.test(s.slice(m.index + m[0].length)) && GENERIC_DAY_BEFORE.test(s.slice(0, m.index))) continue;
    const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    // "who come in here tomorrow for a night game and a single test Sunday afternoon": the days ahead.
    // "Wednesday's game", "Friday's performance": a day naming an occasion is the nearer one, ahead or behind.
    // "the Wednesday night starting assignment", "the Friday game": so is one naming a noun after "the".
    // "a luncheon next week in honor of Mrs. X, who celebrates her birthday on Tuesday": a day of the week ahead.
    const after = s.slice(m.index + m[0].length);
    // "the body's action of Friday": so is a day a noun is "of".
    const occasion = !m[1] && (/['’]s$/.test(m[0]) || /\b\p{Ll}{3,}\s+of\s+$/u.test(s.slice(0, m.index)) || (/\bthe\s+$/i.test(s.slice(0, m.index)) && /^\s+(?:(?:morning|afternoon|evening|night)\s+)?\p{Ll}/u.test(after)));
    const ahead = /\b(?:tomorrow|next week)\b/i.test(s.slice(0, m.index));
    const tense = ahead ? 'future' : occasion ? 'nearest' : tenseAt(ctx, m.index, m.index + m[0].length);
    const ymd = resolveWeekday(ctx, target, (m[1] ?? '').toLowerCase(), tense);
    out.push({ start: m[1] ? m.index : nameAt, end: m.index + m[0].length, priority: 1, period: periodOf(ymd, 'day') });
  }
  return out;
}

/** A noun after a weekday that makes it a kind of thing: a plural ("Sunday sales", "Saturday shoppers") or a rule. */
const GENERIC_DAY_NOUN = /^\s+(?:(?!(?:morning|afternoon|evening|night|news)\b)\p{Ll}{3,}[^s\s]s|\p{Ll}+ing\s+laws?|laws?|blue\s+laws?|observance|closing)\b/u;
const GENERIC_DAY_BEFORE = /(?:^|[,;:(“"]\s*|\b(?:its|his|her|their|our|the|a|an|of|for|that|which|on|against|regulating|governing|about|new|state|city|local)\s+)$/iu;
/**
 * A weekday that recurs rather than names a day: "every Monday", "on the first Saturday evening of each month",
 * "two more Sunday afternoons", "works Saturday nights".
 */
const HABITUAL_BEFORE = /\b(?:every|each|first|second|third|fourth|usually|mondays|saturdays)\s+(?:on\s+)?(?:the\s+)?$/i;
const HABITUAL_AFTER = /^\s*(?:(?:(?:morning|afternoon|evening|night)\s+)?of\s+(?:each|every)|(?:morning|afternoon|evening|night)s)\b/i;
/** A calendar date right after the weekday: the weekday only repeats it. */
const DATE_BESIDE = new RegExp(`^\\s*(?:(?:morning|afternoon|evening|night)\\b)?,?\\s*${MONTH_NAME.source}\\.?\\s+\\d`, 'i');

/**
 * News is about the past: a bare weekday is the latest one on or before the article date, unless the tense looks
 * ahead. In a report whose lead is a week or more old (a weekly's "last Monday"), past weekdays count from that day.
 */
function resolveWeekday(ctx: Context, target: number, modifier: string, tense: Tense): Ymd {
  const looksAhead = modifier === 'next' || modifier === 'this coming' || tense === 'future';
  if (ctx.frame && !looksAhead && modifier !== 'this') {
    const back = (weekdayOf(ctx.frame) - target + 7) % 7;
    return addDays(ctx.frame, modifier === 'last' || modifier === 'this past' ? -(back || 7) : -back);
  }
  const day = weekdayOf(ctx.article);
  // "this Friday night": the Friday of the report's own week (Monday to Sunday).
  if (modifier === 'this') return addDays(ctx.article, ((target + 6) % 7) - ((day + 6) % 7));
  const back = (day - target + 7) % 7;
  const forward = (target - day + 7) % 7 || 7;
  if (modifier === 'last' || modifier === 'this past') return addDays(ctx.article, -(back || 7));
  if (modifier === 'next' || modifier === 'this coming') return addDays(ctx.article, forward);
  if (back === 0 && ctx.sameDayIsToday) return addDays(ctx.article, tense === 'future' ? 7 : -7);
  const ahead = back !== 0 && (tense === 'future' || (tense === 'nearest' && forward < back));
  return ahead ? addDays(ctx.article, forward) : addDays(ctx.article, -back);
}

// ---- Relative to another mention: "a month later", "days after", "the following year", "that year".

function anchoredCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const s = ctx.sentence;
  const push = (m: RegExpMatchArray, relative: Relative): void => {
    if (isBaseline(s, m.index!, m.index! + m[0].length)) return;
    out.push({ start: m.index!, end: m.index! + m[0].length, priority: 1, relative });
  };
  const counted = new RegExp(`\\b(?:(${COUNT})\\s+)?(hour|day|week|month|year|decade)(s?)\\s+(later|afterwards?|on(?=\\s*[,.;])|earlier|after|before|prior)\\b(?![^.;,]{0,40}\\bthan\\b)`, 'gi'); // "a day earlier for Willie than for …": a comparison
  for (const m of s.matchAll(counted)) {
    const count = amountOf(m[1]);
    const plural = m[3] !== '';
    if (!count && !plural) continue; // "day after" without a count belongs to "the day after"
    if (['for', 'over', 'within', 'the', 'of'].includes(wordsBefore(s, m.index, 1)[0] ?? '')) continue; // durations
    if (/[$€£]\s?[\d,.]+(?:\s+(?:million|billion))?(?:\s+(?:more|less|extra))?\s+$/i.test(s.slice(Math.max(0, m.index - 40), m.index))) continue; // "$2,330,000 more a year after that": a rate
    const word = m[4]!.toLowerCase();
    if (word === 'on' && !count) continue; // "days on end"
    const unitWord = m[2]!.toLowerCase();
    const unit = UNIT_OF[unitWord]!;
    const vague = !count || count.vague;
    const amount = unitWord === 'hour' ? 0 : vague ? VAGUE_AMOUNT[unit] : count.amount;
    const kind = ['after', 'before', 'prior'].includes(word) ? 'after' : 'later';
    const direction = ['earlier', 'before', 'prior'].includes(word) ? -1 : 1;
    push(m, { kind, unit, amount, direction, vague: vague && unitWord !== 'hour' });
  }
  for (const m of s.matchAll(/\bthe\s+(next|following|previous|preceding|prior|same)\s+(day|morning|afternoon|evening|night|week|month|year)\b/gi)) {
    const which = m[1]!.toLowerCase();
    const unit = UNIT_OF[m[2]!.toLowerCase()]!;
    if (which === 'same') push(m, { kind: 'same', unit, amount: 0, direction: 1, vague: false });
    else push(m, { kind: 'later', unit, amount: 1, direction: ['next', 'following'].includes(which) ? 1 : -1, vague: false });
  }
  for (const m of s.matchAll(/\bthe\s+(day|week|month|year)\s+(after|before)\b/gi)) {
    push(m, { kind: 'after', unit: UNIT_OF[m[1]!.toLowerCase()]!, amount: 1, direction: m[2]!.toLowerCase() === 'after' ? 1 : -1, vague: false });
  }
  for (const m of s.matchAll(/\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(day|morning|afternoon|evening|night|week|month|year)\b/gi)) {
    push(m, { kind: 'same', unit: UNIT_OF[m[1]!.toLowerCase()]!, amount: 0, direction: 1, vague: false });
  }
  return out;
}

/** Resolves a relative phrase from its base period. */
function applyRelative(base: Period, rel: Relative, flip: boolean): Period | null {
  const baseYmd = parseYmd(base.date);
  // "The verdict came three hours later": hours count only from a day.
  if (rel.unit === 'day' && rel.amount === 0 && rel.kind !== 'same' && base.precision !== 'day') return null;
  if (rel.kind === 'same') {
    return precisionRank(base.precision) <= precisionRank(rel.unit) ? periodOf(baseYmd, rel.unit) : null;
  }
  const unitPrecision = rel.vague ? widen(rel.unit) : rel.unit;
  const direction = flip ? -rel.direction : rel.direction;
  return periodOf(shift(baseYmd, rel.unit, direction * rel.amount), coarser(unitPrecision, base.precision));
}

// ---- Calendar dates found by chrono-node: "July 15", "October 23, 2022", "July 2022", "in June", "yesterday".

/** An occasion right after "tomorrow's" / "yesterday's", past a clock time and two modifiers. */
const OCCASION_AFTER = new RegExp(
  String.raw`^\s+(?:(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)|[\p{L}-]+)\s+){0,2}(?:${OCCASION_NOUNS.join('|')})s?\b`,
  'iu',
);
const CASUAL_DAYS: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, 'last night': -1, tomorrow: 1 };
/** Words after which a bare month name is a month: "in July", "the July attack" — not "Theresa May". */
const MONTH_CUES = new Set([
  'in', 'since', 'during', 'until', 'till', 'by', 'before', 'after', 'through', 'throughout', 'from', 'to', 'and', 'or',
  'of', 'between', 'early', 'mid', 'late', 'last', 'this', 'next', 'the', 'around', 'that', 'each', 'every', 'past',
]);

function chronoCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const ref = new Date(ctx.article.y, ctx.article.m - 1, ctx.article.d, 12);
  for (const r of chrono.casual.parse(ctx.sentence, ref).map((r) => partOfDayOf(r, ref))) {
    const text = r.text.replace(/[\s,.;:]+$/, '');
    const start = r.index;
    const end = start + text.length;
    // "10 a.m. tomorrow", "3 p.m. yesterday": the day word dates it.
    const casual = CASUAL_DAYS[casualDayWord(text)];
    if (casual !== undefined) {
      if (casual === 0 && !isReportedDay(ctx.sentence, start, end)) continue;
      // "today's successful companies": nowadays; "tomorrow's 8 P.M. contest", "yesterday's game": that day's occasion.
      if (/^['’]s\b/.test(ctx.sentence.slice(end)) && (casual === 0 || !OCCASION_AFTER.test(ctx.sentence.slice(end + 2)))) continue;
      out.push({ start, end, priority: 2, period: periodOf(addDays(ctx.article, casual), 'day'), year: 'deictic' });
      continue;
    }
    const period = calendarPeriod(ctx, r.start, text, start, end);
    if (period) out.push({ start, end, priority: 2, period, year: r.start.isCertain('year') ? 'explicit' : 'yearless' });
  }
  return out;
}

/**
 * "On the evening of Dec. 7": chrono reads "evening of" as this evening's time and loses the date after it; the
 * date is read from the words after "of" instead (the part of the day changes nothing a timeline shows).
 */
function partOfDayOf(r: chrono.ParsedResult, ref: Date): Pick<chrono.ParsedResult, 'text' | 'index' | 'start'> {
  const part = /^(?:morning|afternoon|evening|night)\s+of\s+/i.exec(r.text);
  if (!part || r.start.isCertain('month')) return r;
  const inner = chrono.casual.parse(r.text.slice(part[0].length), ref)[0];
  if (!inner || inner.index !== 0) return r;
  return { text: inner.text, index: r.index + part[0].length, start: inner.start };
}

/**
 * The day word of a casual date with its clock time: "at 4:30 p.m. tomorrow", "noon tomorrow", "Tonight at 8
 * o'clock", "yesterday afternoon" → "tomorrow", "tonight", "yesterday"; other text as it is.
 */
export function casualDayWord(text: string): string {
  const lower = text.toLowerCase();
  const clock = String.raw`(?:at\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?|o['’]clock)|\d{1,2}:\d\d|noon|midnight)`;
  const bare = lower
    .replace(new RegExp(`^${clock}\\s+(?=today|tonight|yesterday|tomorrow|last night)`), '')
    .replace(new RegExp(`^(today|tonight|yesterday|tomorrow|last night),?\\s+${clock}$`), '$1')
    .replace(/^(today|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)$/, '$1'); // "yesterday afternoon"
  return bare;
}

/**
 * "Today" dates an event only when the sentence reports one: "police arrested two men today", not "today, X
 * remains a threat" or "the process today has much to do with money" (nowadays). Quoted "today" is the speaker's.
 */
function isReportedDay(sentence: string, start: number, end: number): boolean {
  if (insideQuotes(sentence, start)) return false;
  // "Tonight at 8 o'clock the Cardinals open", "will give the dinner tonight": tonight is never "nowadays".
  if (/^tonight\b/i.test(sentence.slice(start, end)) || /\btonight$/i.test(sentence.slice(start, end))) return true;
  // "Today, the evil … remains": nowadays; "Today, M. Kegham was in Detroit": a past copula makes it the day.
  if (atSentenceStart(sentence, start) && /^\s*,/.test(sentence.slice(end))) return /^\s*,(?:\s+(?!(?:who|which|that)\b)[\p{L}.'’-]+){1,6}?\s+(?:was|were)\b/u.test(sentence.slice(end));
  // "But today many of those men are reaching retirement age": a present tense after it is nowadays.
  if (/^[^,;.]{0,40}?\b(?:is|are|am|remains?|has|have|seems?)\b/i.test(sentence.slice(end)) && !/^[^,;.]{0,40}?\b(?:was|were|had|did|\w+ed)\b/i.test(sentence.slice(end))) return false;
  // "a voice probably unique among sopranos today": a plural noun compared with, then "today", is nowadays.
  if (/\b(?:among|like|than)\s+(?:\p{Ll}+\s+)?\p{Ll}{3,}s\s+$/u.test(sentence.slice(Math.max(0, start - 40), start)) && /^\s*(?:[.;,]|$)/.test(sentence.slice(end))) return false;
  // "millions of American homes today display pieces": so is a present verb right after it.
  const next = /^\s+(\p{Ll}+)\b/u.exec(sentence.slice(end))?.[1];
  const tagged = next ? nlp(next) : null;
  if (tagged && tagged.has('#PresentTense') && !tagged.has('#Noun')) return false;
  // "The opening session will begin at 10 a.m. today": the day an event is set for.
  if (/\b(?:will|shall)\b/i.test(sentence.slice(0, start))) return true;
  return nlp(sentence).has('#PastTense');
}

type ChronoComponents = chrono.ParsedResult['start'];

function calendarPeriod(ctx: Context, c: ChronoComponents, text: string, start: number, end: number): Period | null {
  if (!c.isCertain('month')) return null;
  const monthWord = MONTH_NAME.exec(text);
  const numeric = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text);
  if (!monthWord && !numeric) return null; // "24/7", "1/2": not dates
  const m = c.get('month')!;
  const hasDay = c.isCertain('day');
  if (monthWord && !hasDay && !c.isCertain('year') && !isMonthUse(ctx.sentence, start, end, monthWord[0])) return null;
  if (monthWord && !/\d/.test(text) && !MONTHS.includes(monthWord[0].toLowerCase())) return null; // "Mar", "Sep" alone
  const d = hasDay ? c.get('day')! : 1;
  // "the Sept. 7 Democratic primary": a date naming an occasion may be ahead as well as behind.
  // "The letters set a Nov. 15 deadline": so may one after "a".
  const attributive = /\b(?:the|an?)\s+$/i.test(ctx.sentence.slice(Math.max(0, start - 5), start)) && /^\s+\p{L}/u.test(ctx.sentence.slice(end));
  const tense = tenseAt(ctx, start, end);
  // "With the March pickup, dealers are optimistic that …": an occasion in a fronted phrase is the nearer one too.
  const fronted = !/[,;:]/.test(ctx.sentence.slice(0, start)) && /^[^,;:]*,/.test(ctx.sentence.slice(end));
  // "told Moscow he would give his answer by May 20", in a May 21 paper: a future seen from the past, whose day has
  // just gone by, is that day, not the next year's.
  const reported = tense === 'future' && hasDay && /\bwould\b/i.test(ctx.sentence.slice(0, start)) && daysSince(ctx.article, m, d) <= 14;
  const y = c.isCertain('year') ? c.get('year')! : resolveYear(ctx.article, m, d, hasDay, reported || (attributive && (tense === 'past' || fronted)) ? 'nearest' : tense);
  const ymd = { y, m, d };
  if (formatYmd(fromDays(toDays(ymd))) !== formatYmd(ymd)) return null; // "February 30"
  return periodOf(ymd, hasDay ? 'day' : 'month');
}

/** A bare month name must be capitalised and used as a time ("in June", "the July attack", "July's vote"). */
function isMonthUse(sentence: string, start: number, end: number, word: string): boolean {
  if (!isCapitalized(word)) return false; // "may", "march" are verbs
  if (/^['’]s\b/.test(sentence.slice(end))) return true;
  const before = wordsBefore(sentence, start, 3);
  // "Howard Anderson and August Jack McNair": after "and", a month before a given name is a name of its own.
  const nextWord = /^\s+(\p{Lu}\p{Ll}+)\b/u.exec(sentence.slice(end))?.[1];
  if (/^(?:and|or)$/.test(before.at(-1) ?? '') && nextWord && isGivenName(nextWord.toLowerCase()) && !isTitle(nextWord.toLowerCase())) return false;
  if (MONTH_CUES.has(before.at(-1) ?? '')) return true;
  if (MULTI_WORD_CUES.some((cue) => before.join(' ').endsWith(cue))) return true;
  if (/[-–]$/.test(sentence.slice(0, start)) && /(?:mid|early|late)[-–]$/i.test(sentence.slice(0, start))) return true;
  return false;
}

/** Days from the latest `m`/`d` on or before the article date to it. */
function daysSince(a: Ymd, m: number, d: number): number {
  const y = m < a.m || (m === a.m && d <= a.d) ? a.y : a.y - 1;
  return toDays(a) - toDays({ y, m, d });
}

/** A month (and day) without a year: the latest one on or before the article date, the next one, or the nearer one. */
function resolveYear(a: Ymd, m: number, d: number, hasDay: boolean, tense: Tense): number {
  const onOrBefore = m < a.m || (m === a.m && (!hasDay || d <= a.d)) ? a.y : a.y - 1;
  const onOrAfter = m > a.m || (m === a.m && (!hasDay || d >= a.d)) ? a.y : a.y + 1;
  if (tense === 'past' || onOrBefore === onOrAfter) return onOrBefore;
  if (tense === 'future') return onOrAfter;
  const days = (y: number): number => Math.abs(toDays({ y, m, d: hasDay ? d : 15 }) - toDays(a));
  return days(onOrAfter) < days(onOrBefore) ? onOrAfter : onOrBefore;
}

// ---- Putting it together.

/**
 * A timestamp line ("Updated: July 5, 2021 10:30 a.m.", "Published 3 March 2015") dates the page, not an event; a
 * sentence that opens with the word is no timestamp ("Published annually by X, the 1962 edition is …").
 */
const PAGE_FURNITURE = /^\s*(?:[Pp]ublished|[Uu]pdated|[Pp]osted|[Ll]ast [Uu]pdated|[Ff]irst [Pp]ublished)(?:\s+(?:on|at))?(?:\s*:|\s+(?=\d|\p{Lu}))/u;
/** A dateline ("NEW YORK, Jan 5 (Reuters) -", "Miami, Fla., March 17 —") dates the report, not an event. */
const DATELINE = /^\s*(?:[\p{Lu}\p{N}][\p{L}\p{N}.'’/-]*(?:\s+|,\s*))*$/u;
const DATELINE_END = /^[\s,]*(?:\d{4}\s*)?(?:\([^)]{1,40}\)\s*)?[-–—]/;

function isDateline(sentence: string, c: Candidate): boolean {
  return DATELINE.test(sentence.slice(0, c.start)) && DATELINE_END.test(sentence.slice(c.end));
}

/** Keeps the best of overlapping candidates: higher priority, then longer, then earlier. */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The date expressions of one sentence, in reading order, each resolved to a period.
 * `articleDate` (YYYY-MM-DD) resolves "last week" and bare months; `previous` is the period of the last date
 * mentioned before this sentence, which "a month later" counts from. Phrases that cannot be anchored are dropped.
 */
export function extractDates(sentence: string, articleDate: string, previous: Period | null = null, options: { frame?: string; sameDayIsToday?: boolean } = {}): DateMention[] {
  const ctx: Context = {
    sentence,
    article: parseYmd(articleDate),
    ...(options.frame ? { frame: parseYmd(options.frame) } : {}),
    ...(previous ? { previous } : {}),
    ...(options.sameDayIsToday ? { sameDayIsToday: true } : {}),
  };
  if (PAGE_FURNITURE.test(sentence)) return [];
  const candidates = dropOverlaps([
    ...eraCandidates(ctx),
    ...decadeCandidates(ctx),
    ...yearCandidates(ctx),
    ...articleRelativeCandidates(ctx),
    ...anchoredCandidates(ctx),
    ...chronoCandidates(ctx),
  ]).filter((c) => !isDateline(sentence, c));
  const fixed = candidates.filter((c) => c.period);
  const mentions: DateMention[] = [];
  for (const c of candidates) {
    const period = c.period ?? resolveAnchor(c, c.relative!, fixed, mentions, previous, sentence);
    if (!period) continue;
    const mention: DateMention = { start: c.start, end: c.end, text: sentence.slice(c.start, c.end), period };
    if (c.vague) mention.vague = true;
    if (c.anaphoric) mention.anaphoric = true;
    if (c.relative?.kind === 'after') mention.anchored = true;
    if (c.year === 'explicit') mention.explicitYear = true;
    else if (c.year === 'yearless') mention.yearless = true;
    else if (c.year === 'deictic') mention.deictic = true;
    mentions.push(mention);
  }
  return mentions;
}

/**
 * The day of a dateline that opens an article ("Washington, Feb. 9 — …", "LONDON, Jan 5 (Reuters) -"): the day the
 * report was filed, from which its "today", "yesterday" and weekdays count. Null when the article has none.
 */
export function datelineDay(firstSentence: string, articleDate: string): string | null {
  const head = /^\s*((?:[\p{Lu}][\p{L}.'’-]*(?:\s+|,\s*)){1,5}?)([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\s*(?:\([^)]{1,40}\)\s*)?[-–—]/u.exec(firstSentence);
  if (!head || !/,\s*$/.test(head[1]!)) return null;
  const month = MONTHS.findIndex((name) => name.startsWith(head[2]!.toLowerCase()) && (head[2]!.length >= 3));
  if (month < 0) return null;
  const article = parseYmd(articleDate);
  const d = Number(head[3]);
  const y = head[4] ? Number(head[4]) : resolveYear(article, month + 1, d, true, 'past');
  const ymd = { y, m: month + 1, d };
  if (formatYmd(fromDays(toDays(ymd))) !== formatYmd(ymd)) return null;
  return formatYmd(ymd);
}

function resolveAnchor(c: Candidate, rel: Relative, fixed: Candidate[], done: DateMention[], previous: Period | null, sentence: string): Period | null {
  if (rel.kind === 'after') {
    // "two days after the July 15 attack, …": counted from the date that follows in the same clause.
    const next = fixed.find((f) => f.start >= c.end && !/[.;]/.test(sentence.slice(c.end, f.start)) && f.start - c.end <= 60);
    if (next) return applyRelative(next.period!, rel, false);
    // "X on Monday, days after Y": Y is counted back from X's date.
    const before = done.at(-1);
    return before ? applyRelative(before.period, rel, true) : null;
  }
  const base = done.at(-1)?.period ?? previous;
  return base ? applyRelative(base, rel, false) : null;
}
