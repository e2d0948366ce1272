// A run of capitalised tokens → the name it writes and what it names: a person (with a gender when the text tells
// it), an organisation, a place, or unknown.
import { lexiconTags } from '../../text/lexicon.js';
import { ATTRIBUTION_TITLES, DEPARTMENT_WORDS, isSpeakerNoun } from '../vocabulary.js';
import { FEMALE_WORDS, MALE_WORDS, NAME_CONNECTORS, ORG_HEADS, isFirstNameTag, isPlaceTag } from './cue-words.js';
import type { Gender, Kind, Mention, SpeakerKind } from './speakers.js';
import { bareLower, bareText, base, expandTitle, isAcronymName, type Tok } from './tokens.js';

/** A named run: a mention not yet placed in the text. */
export type NamedRun = Omit<Mention, 'pos' | 'unit'>;

/** What naming a run needs of its article: the text, and the resolver's canonical names (memoised per article). */
export interface RunContext {
  readonly body: string;
  resolveExternal(name: string): { name: string; kind: SpeakerKind } | null;
}

/**
 * Names a run of capitalised tokens: strips titles ("Foreign Minister", "Judge"), tells a person from an organisation
 * or a place, and guesses a person's gender from a first name or a title. `before` are lower-case title and role
 * words written before the run; `speaks` says a speech verb follows it.
 */
export function classifyRun(article: RunContext, run: Tok[], before: string[] = [], speaks = false): NamedRun | null {
  if (run.length === 0) return null;
  const start = run[0]!.lower === 'the' ? 1 : 0;
  const full = run.slice(start);
  if (full.length === 0) return null;
  const last = full[full.length - 1]!;
  const verbatim = article.body.slice(full[0]!.start, last.end).replace(/['’]s$/, '');
  // Organisations keep their whole name: "US State Department", "Iran’s Foreign Ministry".
  const headOfPhrase = full.some((t, j) => ORG_HEADS.has(base(t)) && full[j + 1]?.lower === 'of'); // "Ministry of Finance"
  if (headOfPhrase || ORG_HEADS.has(base(last)) || ORG_HEADS.has(bareLower(last)) || (full.length === 1 && isAcronymName(last.text))) {
    return withResolver(article, { name: verbatim, kind: 'organization', gender: null, titles: before });
  }
  const possessiveAt = full.findIndex((t, j) => t.possessive && j < full.length - 1);
  if (possessiveAt >= 0 && lexiconTags(base(full[possessiveAt + 1]!)).some(isFirstNameTag) && full.length - possessiveAt > 2) {
    // "Museum of Modern Art's Alfred Barr": the person after the possessive.
    return classifyRun(article, full.slice(possessiveAt + 1), before, speaks);
  }
  if (possessiveAt >= 0) return withResolver(article, { name: verbatim, kind: 'unknown', gender: null, titles: before });
  const titles = [...before];
  let k = 0;
  for (let j = 0; j < full.length; j++) {
    const w = base(full[j]!);
    const afterOf = j > 0 && full[j - 1]!.lower === 'of' && k === j; // "Secretary of State"
    const titleLike = ATTRIBUTION_TITLES.has(w) || (isSpeakerNoun(w) && j < full.length - 1 && !lexiconTags(w).some(isFirstNameTag));
    if (titleLike || (DEPARTMENT_WORDS.has(w) && (j < full.length - 1 || afterOf)) || (j > 0 && k === j && NAME_CONNECTORS.has(full[j]!.lower))) k = j + 1; // "Secretary of State", not "Ben Tarr" or "Vincent van Gogh"
    else if (lexiconTags(w).includes('Demonym') && j < full.length - 1) k = Math.max(k, j + 1);
  }
  if (k === 0) {
    // An unknown title before a known first name: "City Solicitor David Berger", "Colquitt Policeman Tom Williams".
    const f = full.findIndex((t, j) => j > 0 && j <= 3 && lexiconTags(base(t)).some(isFirstNameTag));
    const prefix = full.slice(0, f);
    if (f > 0 && f <= full.length - 2 && !prefix.some((t) => lexiconTags(base(t)).some(isFirstNameTag) || /^\p{Lu}\.$/u.test(t.text))) k = f;
  }
  for (let j = 0; j < k; j++) titles.push(expandTitle(base(full[j]!)));
  const nameToks = full.slice(k);
  if (nameToks.length === 0) return null; // a bare title ("Prime Minister") names no one
  const name = nameToks.map(bareText).join(' ').replace(/\.$/, '');
  const first = base(nameToks[0]!);
  const firstTags = lexiconTags(first);
  let gender: Gender = firstTags.includes('FemaleName') ? 'f' : firstTags.includes('MaleName') ? 'm' : null;
  for (const w of titles) {
    if (FEMALE_WORDS.has(w)) gender = 'f';
    if (MALE_WORDS.has(w)) gender = 'm';
  }
  const personTitle = titles.some((w) => ATTRIBUTION_TITLES.has(w) || isSpeakerNoun(w));
  const phrase = nameToks.map((t) => base(t)).join(' ');
  const placeLike = lexiconTags(phrase).some(isPlaceTag) || (nameToks.length === 1 && lexiconTags(first).some(isPlaceTag));
  const orgLike = lexiconTags(phrase).includes('Organization') || lexiconTags(phrase).includes('SportsTeam');
  let kind: Kind = 'unknown';
  if (orgLike) kind = 'organization';
  else if (placeLike && !personTitle) kind = 'place';
  else if (personTitle || ((firstTags.some(isFirstNameTag) || speaks) && !nameToks.some((t) => lexiconTags(base(t)).some(isPlaceTag)))) kind = 'person';
  return withResolver(article, { name, kind, gender, titles });
}

/** The resolver's canonical name and kind for a name, when it knows it. */
function withResolver(article: RunContext, m: NamedRun): NamedRun {
  const r = article.resolveExternal(m.name);
  // A surname alone stays as written until the speaker is finished: the article may give it to several people.
  if (r && r.kind === 'person' && !/\s/.test(m.name) && /\s/.test(r.name)) return { ...m, kind: 'person' };
  return r ? { ...m, kind: r.kind, name: r.name } : m;
}
