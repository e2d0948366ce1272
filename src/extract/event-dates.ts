// Which of a sentence's dates are events (issue 16). A sentence reports what its main verb says, dated by the
// date that governs that verb; its other dates are background: a comparison ("above a year earlier", "than last
// year"), a state's start ("since 1934"), a range's end, a date counted from the event ("days after …"), a
// subordinate or relative clause's date when the main clause has one of its own, an adjective ("his Thursday
// round") beside a real date. A sentence telling two events at two dates gives both, each with its clause:
// "designs supplied in 1959 and was launched last year"; "on Monday … an attack on Friday". A specific day told
// in a subordinate clause ("… of burns from an explosion Saturday night") is still its own event.
import type { DateMention } from './dates.js';

/** One event of a sentence: the date mention that dates it and the part of the sentence that tells it. */
export interface SentenceEvent {
  mention: DateMention;
  /** The clause, as offsets into the sentence (the whole sentence when it tells one event). */
  start: number;
  end: number;
  /** Dated only by an adjective with "the" ("the July cyberattack was …"): most likely an event told before. */
  anaphoric?: true;
}

/**
 * Words that open a phrase whose dates are background when the main clause has a date: a time told relative to
 * the event ("after …", "when …"), a reason or condition, what someone said or claimed ("accusations that …").
 * A relative clause ("who led the firm from 2009", "which Okafor ended with a wage deal in April") tells events of
 * its own and is not one of them.
 */
const SUBORDINATORS =
  /(?:^|[\s,(—–-])(?:after|before|when|whenever|while|because|although|though|if|unless|following|citing|despite|thanks to|because of|whereby)\s/gi;
/** "that" opening what someone said, thought or claimed, not a relative clause ("the side that reached the final"). */
const CONTENT_THAT =
  /\b(?:said|says|say|saying|told|tells|noted|notes|reported|reports|announced|claimed|claims|accusations?|allegations?|charges?|believes?|believed|thought|determined|found|argued|added|warned|indicated|suggested|stated|insisted|learned|realized?|fact|evidence|news|word|hopes?|concluded|agreed|denied|confirmed|estimated|predicted|explained|revealed|disclosed|testified|ruled|feared|knew|know|knows)\s+that\s/i;
/** A comparison's baseline: "than last year", "above a year earlier", "behind 1960", "compared with mid-July", "over this time last year". */
const COMPARISON_BEFORE =
  /(?:\bthan(?:\s+\p{L}+){0,3}|\b(?:above|below|behind|ahead of|compared (?:with|to)|versus|vs\.?|over|(?:gains?|up|down|rise|fall|drop|increase|decrease) from|(?:equal|top|match|exceed|surpass|beat|better) (?:or (?:equal|top|match|exceed|surpass|beat|better) )?))\s*(?:(?:about|around|nearly|almost|roughly|the|a|an|in|its|their|his|her|that|of|at|(?:this|that|same) time|(?:same|corresponding|like|comparable) period)\s+)*$/iu;
/** "from 869 in the like period a year earlier": a number's baseline. */
const NUMBER_FROM_BEFORE = /\bfrom\s+(?!(?:1[5-9]|20)\d\d\b)[$€£]?\d[\d,.]*(?:\s+[\p{L}\d,.%]+){0,5}\s+$/iu;
/** A duration, not a date: "for the rest of the weekend". */
const DURATION_BEFORE = /\b(?:rest|remainder|part|most|much|all) of\s+$/i;
/** "Last year, we probably would have given him …": what would have happened. */
const HYPOTHETICAL_AFTER = /^[^;.?!]{0,40}\b(?:would|could|might) (?:probably |not |never )?have\b/i;
/**
 * "as price conscious as last year", "not as abrupt as in 1958", "as severe as in late 1959", "as was the case in
 * 1958": the time compared with.
 */
const AS_AS_BEFORE =
  /\bas\s+(?:(?!(?:early|late|recently|soon|long ago)\s+as\s)[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s+as|(?:was|is|has been|had been) the case)\s+(?:(?:in|on|during|at)\s+)?(?:(?:early|late|mid)[-\s]+)?$/iu;
/** "up $1 billion from 1960", "from 869 in the like period a year earlier", "the $639 million of 1960", "80 per cent of the total in the first quarter a year earlier". */
const AMOUNT_FROM_BEFORE = /(?:[$€£]\s?\d|\d[\d,.]*\s*(?:%|per ?cent|percent|units|billion|million|dollars))[^.;,]{0,30}\b(?:from|of)\s+(?:(?:the|a|an|in|like|same)\s+)*(?:[\p{L}]+\s+){0,5}$/iu;
/** "since 1934", "since his arrest last July", "as of Aug. 22": a state from then on, not an event then. */
const SINCE_BEFORE = /\b(?:since|as of|except(?: for)?)\s+(?:[\p{L}'’]+\s+){0,5}$/iu;
/** A speculation or condition: "who may have altered history in the 1960s". */
const HYPOTHETICAL_BEFORE = /\b(?:may|might|could|would|should|must) have\b[^;,—–()]*$/i;
/** A range's end after its start: "from June, 1942, until December, 1945", "between 2014 and 2017". */
const RANGE_END_BEFORE = /^[\s,]*(?:until|till|through|to|-|–)\s*(?:(?:early|late|mid)[-\s]+)?$/i;
/** Two dates joined into one time: "in July and August", "late 1960 and early 1961", "Thursday and Friday". */
const LIST_JOIN = /^\s*(?:,|and|or|&|-|–|,\s*and)\s*(?:(?:early|late|mid)[-\s]+)?(?:(?:in|on)\s+)?$/i;
/** Two dates written as one: "late 1959 and 1960", "1958, 1959". */
const TIGHT_JOIN = /^\s*(?:,|and|or|&|,\s*and)\s*(?:(?:early|late|mid)[-\s]+)?$/i;
/** Nouns after a year that make it a time rather than an adjective: "the 1955 season", "the 2019 session". */
const TIME_NOUNS = /^(?:season|year|term|session|campaign|tour|spring|summer|fall|autumn|winter|period|quarter|half)\b/i;
const POSSESSIVE_DETERMINER = /\b(?:his|her|its|their|our|my|your)\s+$/i;

/** Is the mention an adjective of a noun ("a July 15 cyberattack", "the 1979 revolution", "Sunday's round")? */
function attributive(sentence: string, m: DateMention): 'possessive' | 'noun' | null {
  const after = sentence.slice(m.end);
  const before = sentence.slice(Math.max(0, m.start - 30), m.start);
  if (/^['’]s\s+\p{L}/u.test(after) || (/['’]s$/.test(m.text) && /^\s+\p{L}/u.test(after))) return 'possessive'; // "Thursday's open date"
  if (/^[-–](?:\d|\p{Lu})/u.test(after) || /\p{L}[-–]$/u.test(before)) return 'noun'; // "September-October term", "1961-62 budget"
  if (/^\s*(?:in|on|at|during|by|since|until|from|of|last|this|next|yesterday|today|tonight|early|late|mid)\b/i.test(m.text)) return null;
  const next = /^\s+([\p{L}][\p{L}-]*)/u.exec(after)?.[1];
  if (next !== undefined && /^\p{Lu}/u.test(next)) return /\b(?:the|a|an)\s+$/i.test(before) ? 'noun' : null; // "the 1961 Masters"
  if (next === undefined || TIME_NOUNS.test(next) || /^(?:and|or|to|with|when|after|before|in|on|at|of|for|by|as|the|a|an|that|which|who)$/.test(next)) {
    return POSSESSIVE_DETERMINER.test(before) && next !== undefined ? 'possessive' : null;
  }
  if (POSSESSIVE_DETERMINER.test(before)) return 'possessive';
  return /\b(?:the|a|an)\s+$/i.test(before) ? 'noun' : null;
}

/** Does a subordinating word open a phrase that still runs at `index` (it runs to the next comma, semicolon, dash or bracket)? */
function subordinate(sentence: string, index: number): boolean {
  const head = sentence.slice(0, index);
  // Inside brackets or between dashes: an aside.
  const opens = (head.match(/\(/g) ?? []).length - (head.match(/\)/g) ?? []).length;
  if (opens > 0) return true;
  if ((head.match(/ [—–] /g) ?? []).length % 2 === 1) return true;
  const clauseStart = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(' — '), head.lastIndexOf(' – '), head.lastIndexOf(')'));
  // The phrase opened by a subordinator runs to the next comma: look for one in the current stretch, or in the
  // previous stretch when that stretch was a phrase opened by "after", "that", … and the comma closed it.
  const stretch = head.slice(clauseStart + 1);
  SUBORDINATORS.lastIndex = 0;
  if (SUBORDINATORS.test(` ${stretch}`) || /^\s*as\s/i.test(stretch) || CONTENT_THAT.test(head.slice(Math.max(0, clauseStart - 30)))) return true;
  // ", citing …", ", officially joining …": a participle phrase.
  return /^\s*(?:\p{Ll}+ly\s+)?\p{Ll}+ing\b/u.test(stretch) && clauseStart >= 0 && head[clauseStart] === ',';
}

/**
 * A comparison's clause: "than it was to fill the lots that were open last year", "than the Birds had all last
 * year", "as well as they did in 1960", "as much trouble as anyone did in 1960" — a subject and its verb after
 * "than" or "as … as", the date being the time compared with ("more than 300 teenagers last Sunday" is a count).
 */
const COMPARISON_CLAUSE_BEFORE = /\b(?:than|as\s+(?:[\p{L}-]+\s+){1,3}as)\s+((?:[\p{L}'’-]+\s+){1,12})$/iu;
const FINITE_IN_CLAUSE = /\b(?:was|were|is|are|did|does|do|had|has|have|could|can)\b/i;
/** "Robby's performance last year was tremendous": a date in the subject of a judgement (copula and adjective) is no event. */
const JUDGED_AFTER = /^\s+(?:was|were|is|are)\s+(?:(?:very|so|truly|really|quite|just|not|also|simply|rather|pretty|most|more|less)\s+)*(?!(?:a|an|the|\p{Ll}+(?:ed|en))\b)\p{Ll}+\s*[.!]?\s*$/u;
/**
 * A verbless appositive after a name: "Henry Hall Wilson, a student at the music camp 25 years ago and now on the
 * President's staff, …" describes the person; its date is no event.
 */
const APPOSITIVE_BEFORE = /[\p{Lu}][\p{L}.'’-]*,\s+(?:a|an|the|once|formerly|then)\s+([^,;:()—–]*)$/u;
const FINITE_WORD = /\b(?:was|were|is|are|am|be|been|has|had|have|did|does|do|will|would|who|whom|whose|which|that|\p{Ll}+ed)\b/u;
/** A recurring time: "who will play each Saturday during June"; "during May, which is National Salvation Army Week". */
const HABITUAL_BEFORE = /\b(?:each|every)\s+[\p{L}]+(?:\s+[\p{L}]+)?\s+(?:during|in|of|through|throughout)\s+$/iu;
const GENERIC_AFTER = /^\s*,\s*which\s+(?:is|are)\b/i;
/** A citation in brackets: "(Newsweek, Aug. 7)", "Business Week (Aug. 9, 1961) reports". */
const CITATION_BEFORE = /\(\s*(?:[\p{Lu}][\p{L}.'’&-]*\s*)*,?\s*$/u;
/** "after Jan. 20", "after Thursday's open date", "before Monday": a bound of the event's time, not its date. */
const BOUND_BEFORE = /\b(?:after|before)\s+$/i;
/** A clock time opening a date: "11:30 a.m. yesterday", "noon Sunday". */
const CLOCK_START = /^(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\b|o['’]clock)|\d{1,2}:\d\d|noon|midnight)/i;
/** "shortly before Monday's game", "just after Tuesday's vote": so near the day that it dates the event. */
const NEAR_BOUND_BEFORE = /\b(?:shortly|just|soon|minutes|hours|moments)\s+(?:after|before)\s+$/i;
/** A condition: "If they do as well as they did in 1960 …", "unless the bill passes by May". */
const CONDITION = /(?:^|[\s,(—–-])(?:if|unless)\s/i;
/** An appositive after a date naming what it is set for: ", date set for reopening …", ", the day scheduled for …". */
const SET_FOR_AFTER = /^\s*,\s*(?:the\s+)?(?:date|day)\s+(?:set|scheduled|fixed|planned|chosen)\s+for\b/i;

/** Is `index` inside a quotation (“…” or "…"), the sentence opening inside one when `quoted`? */
function insideQuotes(sentence: string, index: number, quoted: boolean): boolean {
  const before = sentence.slice(0, index);
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length + (quoted ? 1 : 0);
  const straight = (before.match(/"/g) ?? []).length;
  return curly > 0 || straight % 2 === 1;
}

/** A date that cannot date an event of this sentence, whatever else the sentence holds. */
function background(sentence: string, m: DateMention, previous: DateMention | undefined, quoted = false): boolean {
  if (m.vague) return true;
  // "… until after Oct. 20, date set for reopening the restaurant": an appositive says what the date is set for.
  if (SET_FOR_AFTER.test(sentence.slice(m.end))) return false;
  // A speaker's year or decade ("“A year ago I took the grips of the plow”", "“someone who retired in 1940”") is
  // what they look back on, not the story's event, and so is a decade ("“… as they did in the early 1940s”"); a quoted
  // day or month ("“In August our dealers sold …”") is, and so is a named era ("“… to save Jews during the Holocaust”").
  if ((m.period.precision === 'year' || (m.period.precision === 'decade' && /\d/.test(m.text))) && insideQuotes(sentence, m.start, quoted)) return true;
  const head = sentence.slice(0, m.start);
  const clause = head.slice(Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':')) + 1);
  const comparison = COMPARISON_CLAUSE_BEFORE.exec(head.slice(-120));
  if (comparison && FINITE_IN_CLAUSE.test(comparison[1]!) && !/[,;:]/.test(comparison[0])) return true;
  if (/\S\s+$/.test(head) && !/^[\s"“‘(]*$/.test(head) && JUDGED_AFTER.test(sentence.slice(m.end))) return true;
  const appositive = APPOSITIVE_BEFORE.exec(head);
  if (appositive && !FINITE_WORD.test(appositive[1]!) && !FINITE_WORD.test(/^[^,;:()—–]*/.exec(sentence.slice(m.end))![0])) return true;
  if (HABITUAL_BEFORE.test(head.slice(-60)) || GENERIC_AFTER.test(sentence.slice(m.end))) return true;
  if (CITATION_BEFORE.test(head.slice(-40)) && /^\s*\)/.test(sentence.slice(m.end))) return true;
  // ("shortly before 11:30 a.m. yesterday", "just after midnight Sunday": the hour is the bound; the day is the event's.)
  if (BOUND_BEFORE.test(head.slice(-20)) && !CLOCK_START.test(m.text) && !NEAR_BOUND_BEFORE.test(head.slice(-40))) return true;
  if (CONDITION.test(` ${clause}`)) return true;
  // "Why not have them travel the state in November debating?": a question reports no event.
  // ("… a speech entitled “Are Women Here To Stay”?": the question is the title's.)
  const titleQuestion = /\b(?:entitled|titled|called|named)\s+[“"][^”"]*[”"]\?[\s”"’')]*$/.test(sentence);
  if (/\?[\s”"’')]*$/.test(sentence) && !titleQuestion && !insideQuotes(sentence, m.start, quoted)) return true;
  // "the September-October term", "the 1961-62 budget", "the 1947-49 average": a span's label.
  if (/[\p{L}\d][-–][\p{L}\d]/u.test(m.text.replace(/^(?:mid|early|late)[-–]/i, '')) || /^[-–]\d/.test(sentence.slice(m.end)) || /\d[-–]$/.test(sentence.slice(0, m.start))) return true;
  const before = sentence.slice(Math.max(0, m.start - 80), m.start);
  // "from 4 to 8 p.m. Sunday": a clock time, not a number's baseline.
  const numberFrom = NUMBER_FROM_BEFORE.test(before) && !/\b(?:[ap]\.?\s?m\.?|o['’]clock|noon|midnight)\s*$/i.test(before);
  if (COMPARISON_BEFORE.test(before) || AS_AS_BEFORE.test(before) || AMOUNT_FROM_BEFORE.test(before) || numberFrom) return true;
  // "since 1934", "since his arrest": a state from then on; but "since the bill was introduced only last Monday" (a
  // clause, "because") dates its own event.
  const since = SINCE_BEFORE.exec(before);
  if (since && !/\b(?:was|were|is|are|has|had|have|been|did|\p{Ll}+ed)\b/u.test(since[0].replace(/^\S+/, '')) && sinceIsBackground(sentence, m, since[0])) return true;
  if (HYPOTHETICAL_BEFORE.test(before) || DURATION_BEFORE.test(before)) return true;
  if (HYPOTHETICAL_AFTER.test(sentence.slice(m.end))) return true;
  if (previous) {
    const between = sentence.slice(previous.end, m.start);
    if (LIST_JOIN.test(between)) return true;
    if (RANGE_END_BEFORE.test(between)) return true;
  }
  return false;
}

/**
 * "since 1934" is background to the sentence's own event, to a record ("the highest since 1953", "the first title
 * since 1987") or a comparison ("sales since August 1 show gains"); alone, it dates the start of what the sentence
 * tells ("has been employed by the company since January, 1946").
 */
function sinceIsBackground(sentence: string, m: DateMention, since: string): boolean {
  if (/^(?:except|as of)/i.test(since)) return true;
  // "has increased 125,000 each year since 1950": a rate over a span, not an event at its start.
  if (/\b(?:(?:each|every|per|a)\s+(?:year|month|week|day)|annually|yearly|a\s+year)\s+$/i.test(sentence.slice(Math.max(0, m.start - since.length - 30), m.start - since.length))) return true;
  if (/\b(?:\p{Ll}+est|first|last|most|least|record|best|worst)\b/iu.test(sentence.slice(Math.max(0, m.start - 60), m.start))) return true;
  if (COMPARATIVE_WORDS.test(sentence)) return true;
  return OTHER_DATE.test(sentence.slice(0, m.start - since.length)) || OTHER_DATE.test(sentence.slice(m.end));
}

/** Words that make a "since" date a comparison's window ("gains since August 1", "above a year earlier"). */
const COMPARATIVE_WORDS = /\b(?:above|below|higher|lower|more|less|fewer|gains?|up|down|than|compared|trailed|lagged|behind|rose|fell)\b/i;
/** A rough sign that the sentence dates something else too: a year, a month, a weekday, a relative day. */
const OTHER_DATE = /\b(?:1[5-9]\d\d|20\d\d|January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|tomorrow|ago|last (?:week|month|year))\b/;

/** Where to cut between two events' dates: the strongest boundary between them, else nowhere (-1). */
function cutBetween(sentence: string, from: number, to: number): number {
  const span = sentence.slice(from, to);
  const kinds: RegExp[] = [
    /;\s*/g,
    /\s+[—–]\s+|\s*\(\s*/g,
    /,\s+(?:and|but|then|while)\s+/g,
    /,\s+(?=(?:\p{Ll}+ly\s+)?\p{Ll}+ing\s)/gu, // ", officially joining NATO in 2009"
    // "… in 1959 and was launched last year", "… than a year earlier and in September sales were …": a new clause.
    /\s+(?:and|but|then)\s+(?=(?:was|were|is|are|has|had|have|will|would|did|then|in|on|at|last|this|he|she|they|it|we|i|\p{Ll}+ed)\s)/giu,
  ];
  for (const kind of kinds) {
    const found = [...span.matchAll(kind)];
    if (found.length > 0) return from + found.at(-1)!.index!;
  }
  return -1;
}

/** The verbatim part of the sentence from `start` to `end`, without a leading conjunction or trailing separator. */
function trimClause(sentence: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  const lead = /^[\s;,()—–]*(?:(?:and|but|then|while)\s+)?/i.exec(sentence.slice(s, e))![0];
  s += lead.length;
  const tail = /[\s;,(—–]+$/.exec(sentence.slice(s, e));
  if (tail) e -= tail[0].length;
  return e > s ? { start: s, end: e } : { start, end };
}

/**
 * The events of one sentence among its date mentions (in reading order): the dates that govern a verb of their
 * own, each with its clause. A sentence whose main clause holds no date gives the dates of its other clauses.
 */
export function sentenceEvents(sentence: string, mentions: DateMention[], options: { quoted?: boolean } = {}): SentenceEvent[] {
  if (mentions.length === 0) return [];
  const candidates: DateMention[] = [];
  mentions.forEach((m, i) => {
    // A date joined straight to a background date shares its part: "as severe as in late 1959 and 1960" (but "than
    // a year earlier and in September retail sales were …" starts a clause of its own).
    const prev = mentions[i - 1];
    if (prev && !candidates.includes(prev) && TIGHT_JOIN.test(sentence.slice(prev.end, m.start))) return;
    if (!background(sentence, m, candidates.at(-1), options.quoted)) candidates.push(m);
  });
  // A date counted from another date of the sentence ("X on Monday, days after Y") is that date's background; so is
  // "this week" beside a day ("said Monday … he hopes to start this week", "due to play … this week, was admitted … on
  // Sunday"): the day dates the event.
  const hasDay = candidates.some((m) => m.period.precision === 'day');
  const anchoredOk = candidates.filter((m) => !(m.anchored && candidates.some((o) => o !== m && !o.anchored)) && !(hasDay && /^this\s+week$/i.test(m.text)));
  const info = anchoredOk.map((m) => ({ m, sub: subordinate(sentence, m.start), adj: attributive(sentence, m) }));
  const strong = info.filter((x) => !x.sub && x.adj === null);
  let chosen: DateMention[];
  if (strong.length > 0) {
    chosen = strong.map((x) => x.m);
    // A specific day told in a subordinate phrase is an event of its own ("died … Monday, have been scheduled for tomorrow").
    for (const x of info) {
      if (x.adj === 'possessive' || chosen.includes(x.m) || x.m.period.precision !== 'day') continue;
      chosen.push(x.m);
    }
  } else {
    const plain = info.filter((x) => x.adj === null);
    const nouns = info.filter((x) => x.adj === 'noun');
    chosen = (plain.length > 0 ? plain : nouns.length > 0 ? nouns : info.slice(0, 1)).map((x) => x.m);
  }
  // One event per period; in reading order.
  const seen = new Set<string>();
  const events = mentions.filter((m) => {
    if (!chosen.includes(m)) return false;
    const key = `${m.period.date}/${m.period.precision}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (events.length === 1 && (events[0]!.anaphoric || (strong.length === 0 && attributive(sentence, events[0]!) === 'noun' && /\bthe\s+$/i.test(sentence.slice(0, events[0]!.start))))) {
    return [{ mention: events[0]!, start: 0, end: sentence.length, anaphoric: true }];
  }
  if (events.length <= 1) return events.map((mention) => ({ mention, start: 0, end: sentence.length }));
  const cuts = events.slice(1).map((m, i) => cutBetween(sentence, events[i]!.end, m.start));
  if (cuts.some((c) => c < 0)) return events.map((mention) => ({ mention, start: 0, end: sentence.length }));
  return events.map((mention, i) => {
    const clause = trimClause(sentence, i === 0 ? 0 : cuts[i - 1]!, i === events.length - 1 ? sentence.length : cuts[i]!);
    return { mention, ...clause };
  });
}
