// The type of a question: what kind of answer it asks for (a person, a date, a place, a figure, a reason, …).
import { words } from '../text/terms.js';
import { CAPITALISED_TITLE_WORDS } from '../extract/vocabulary.js';

export type QuestionType = 'who' | 'when' | 'where' | 'quantity' | 'duration' | 'money' | 'age' | 'why' | 'entity' | 'said' | 'definition' | 'other';

/** Words of a how-much question that asks for a sum of money ("how much did it cost", "how much money"). */
const MONEY_WORDS =
  /\b(?:pay|pays|paid|paying|cost|costs|costing|spend|spends|spent|spending|price|priced|charge|charges|charged|earn|earns|earned|sell|sold|buy|bought|fund|funded|funding|invest|invested|fine|fined|owe|owed|salary|money|cash|bid|raise|raised|grant|granted|worth|budget)\b/;

/** Words of a how-much question about a change ("how much did prices rise"), answered by a percentage as often as a sum. */
const CHANGE_WORDS =
  /\b(?:more|less|rise|rises|rose|risen|fall|falls|fell|fallen|increase|increased|decrease|decreased|grow|grew|grown|drop|dropped|cut|jump|jumped|climb|climbed|slump|slumped|up|down)\b/;

/** A query of keywords rather than a question ("MOIS sanctions", "Corus share price"). */
export function isKeywordQuery(question: string): boolean {
  return !/[?]|^(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|will)\b/i.test(question.trim());
}

/** "Set you back": cost. */
export const SETS_BACK = /\bset (?:you|me|us|them|buyers|consumers|customers|fans|people) back\b/i;

/** Words before a question's wh-word that don't change what it asks: "By when…", "Roughly how many…", "So what…". */
const LEAD_IN = /^(?:(?:so|and|but|ok|okay|well|roughly|approximately|about|around|exactly|just|by|until|till|since|after|before)[,]?\s+)+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/;

/** "Who is Alun Michael?", "Who's Mourinho": a who-question about a name and nothing else. */
const WHO_IS_NAME = /^(?:[Ww]ho(?:['’]s| is| was| are| were))\s+((?:\p{Lu}[\p{L}\p{N}'’.-]*\s*){1,4})\??$/u;

export function questionType(question: string): QuestionType {
  // "Who is Alun Michael?" asks what the articles say the person is (their role), not for another person.
  // Not "Who is Albania's Foreign Minister?" (as a lower-case question reads once its names are capitalised): a
  // title, or a possessive, asks for the person who holds it.
  const named = WHO_IS_NAME.exec(question.trim());
  if (named && !/['’]s\b/.test(named[1]!) && !words(named[1]!).some((w) => CAPITALISED_TITLE_WORDS.has(w))) return 'definition';
  const asked = question.trim().toLowerCase();
  const q = asked.replace(LEAD_IN, '');
  // "Who …", "To whom …"; not a relative clause ("… young people who can't afford a home?").
  if (/^(who|whom|whose)\b/.test(q) || /^(?:to|by|with|from|for|of|about|against) (?:who|whom|whose)\b/.test(q)) return 'who';
  if (/^when\b|\bwhat (year|month|day|date|time)\b|\bwhich (year|month|day|date)\b|\bhow long ago\b/.test(q)) return 'when';
  if (/^where\b|\bwhat (country|city|place|region)\b/.test(q) || /\bin which (country|city)\b/.test(asked)) return 'where';
  if (/^how old\b|\b(?:what|which) age\b/.test(q)) return 'age';
  // "How much did prices rise?" asks for a change, often a percentage: a quantity, not a sum.
  if (/^how much\b/.test(q) && MONEY_WORDS.test(q) && !CHANGE_WORDS.test(q)) return 'money';
  // "How much is the Nintendo DS?": a thing's price.
  if (/^how much (?:is|are|was|were) (?:an? |the )?(?:[\w'’-]+ ){0,3}[\w'’-]+\??$/.test(q) && !CHANGE_WORDS.test(q)) return 'money';
  // "What will the handheld set you back?": what it costs.
  if (SETS_BACK.test(q) || /^how (?:pricey|expensive|costly|cheap|dear)\b/.test(q)) return 'money';
  // "What cost Dallaglio the captaincy?" asks what made him lose it: a cause, not a sum.
  if (/^what cost (?!is|was|are|were|will|would|does|did|has|have|had)\w/.test(q)) return 'why';
  if (/\b(?:what|which) (?:price|fee|salary|wage|sum|cost)\b/.test(q)) return 'money';
  // "What was BT's share price?", "What is her salary?": the thing asked for is a sum of money.
  if (/^what(?:'s| is| was| are| were| will be)(?: [\w'’-]+){0,3} (?:price|salary|fee|wage|cost|fine|bill)s?\b(?! of living)/.test(q) && !CHANGE_WORDS.test(q)) return 'money';
  // "How long did she work there?" asks for a stretch of time ("less than a week"), often with no figure.
  if (/^(?:for )?how long\b/.test(q)) return 'duration';
  // "What was the half-time score?": a score is figures.
  if (/^what(?:'s| is| was| were)(?: [\w'’-]+){0,3} score\b/.test(q)) return 'quantity';
  if (/^how (many|much|large|big|long|fast|quickly|high|tall|heavy|deep|wide)\b|\b(?:what|which) (number|amount|percentage|proportion|share|price|sum|cost|fee|salary|wage|total|figure)\b/.test(q)) return 'quantity';
  // A keyword query that ends by naming a figure ("Corus share price", "Turkey inflation 2001 peak").
  if (isKeywordQuery(q)) {
    if (/\b(?:price|cost|salary|fee|fine|bill)$/.test(q)) return 'money';
    if (/\b(?:percentage|percent|rate|figure|total|number|peak|score)$/.test(q)) return 'quantity';
    // "Imelda Staunton age Oscar nomination": a keyword query that names an age asks for one.
    if (/\bage\b/.test(q)) return 'age';
  }
  if (/^why\b|\bwhat (caused|led to|prompted)\b|\bfor what reason\b|\bwhat was the reason\b/.test(q)) return 'why';
  if (/^(?:(?:in|at|from|of|for|by|with|to|on|against) )?which\b/.test(q)) return 'entity';
  if (/\b(say|said|says|saying|tell|told|state|stated|comment|commented|react|reacted|respond|responded|call|called|describe|described|claim|claimed|warn|warned)\b/.test(q) || /^what did .+ think\b/.test(q)) return 'said';
  if (/^what (is|are|was|were) (the |an? )?[\w’'.-]+( [\w’'.-]+){0,3}\??$/.test(q)) return 'definition';
  return 'other';
}
