// Countries and their people or adjective: the rule of endings ("Albania" / "Albanian", "Israel" / "Israeli"), and
// from the `world-countries` package the irregular pairs that no rule of endings finds ("Britain" / "British",
// "Netherlands" / "Dutch", "Switzerland" / "Swiss").
import { createRequire } from 'node:module';
import { compoundLexiconTags } from './lexicon.js';
import { terms } from './terms.js';

/** Endings that turn a place into its people or adjective: Albania → Albanian, Israel → Israeli, Japan → Japanese. */
export const DEMONYM_ENDINGS: readonly string[] = ['n', 'an', 'ian', 'i', 'ese', 'ish'];
const DEMONYM_ENDING_SET: ReadonlySet<string> = new Set(DEMONYM_ENDINGS);
/** The same endings for the people in the plural: Albanians, Israelis ("-ese" and "-ish" have none). */
const PLURAL_ENDINGS = DEMONYM_ENDINGS.filter((e) => !/(?:ese|ish)$/.test(e)).map((e) => `${e}s`);
/** How a place's name ends where its demonym has the ending instead: Slovenia, Ukraine, Italy, Congo. */
const PLACE_ENDINGS = ['', 'a', 'e', 'ia', 'y', 'o'];

/** Is `word` the demonym of `place` by one of the endings ("albanian" of "albania", "israeli" of "israel")? */
export function isDemonymOf(word: string, place: string): boolean {
  return word.length > place.length && word.startsWith(place) && DEMONYM_ENDING_SET.has(word.slice(place.length));
}

/**
 * Is this lower-case word, by its ending, the demonym (or the plural people) of a country, region or place that
 * compromise's lexicon knows ("slovenian" ← slovenia, "ukrainians" ← ukraine, "israeli" ← israel)?
 */
export function isDemonymOfLexiconPlace(word: string): boolean {
  for (const ending of [...DEMONYM_ENDINGS, ...PLURAL_ENDINGS]) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= 3 && PLACE_ENDINGS.some((e) => isLexiconPlace(stem + e))) return true;
  }
  return false;
}

function isLexiconPlace(key: string): boolean {
  return compoundLexiconTags(key).some((t) => t === 'Country' || t === 'Region' || t === 'Place');
}

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: Record<string, { m?: string; f?: string }>;
}

/** "Republic of Turkey" → "Turkey", "Great Britain" → "Britain", "The Netherlands" → "Netherlands". */
function shortName(name: string): string | null {
  const short = name
    .replace(/^the\s+/i, '')
    .replace(/^great\s+/i, '')
    .replace(/^(?:[\p{L}-]+\s+)*(?:republic|kingdom|state|states|commonwealth|federation|principality|sultanate|emirate|union|confederation)\s+of\s+(?:the\s+)?/iu, '');
  return /^\p{L}+$/u.test(short) && /^\p{Lu}/u.test(short) ? short : null;
}

/** Two-letter country codes that news uses as names. */
const NEWS_CODES = new Set(['US', 'UK']);

let countryRecords: CountryRecord[] | null = null;
const countries = (): CountryRecord[] => (countryRecords ??= createRequire(import.meta.url)('world-countries/countries.json') as CountryRecord[]);

let pairs: Map<string, Set<string>> | null = null;

function build(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    let set = out.get(a);
    if (!set) out.set(a, (set = new Set()));
    set.add(b);
  };
  for (const c of countries()) {
    const names = new Set<string>();
    for (const n of [c.name.common, ...c.altSpellings]) {
      const short = shortName(n);
      if (short && short.length > 3) for (const t of terms(short)) names.add(t);
      // "USA", "UAE", and the two that news writes most ("US", "UK"); not other two-letter codes ("IT", "ID", "NO").
      if (/^\p{Lu}{3,4}$/u.test(n) || NEWS_CODES.has(n)) for (const t of terms(n)) names.add(t);
    }
    const eng = c.demonyms?.eng;
    const people = new Set<string>();
    for (const d of [eng?.m, eng?.f]) if (d && /^\p{L}+$/u.test(d)) for (const t of terms(d)) people.add(t);
    for (const n of names) {
      for (const p of people) {
        link(n, p);
        link(p, n);
      }
      // The country's other names are the same place: "America", "US", "USA"; "Britain", "UK".
      for (const m of names) link(n, m);
    }
  }
  return out;
}

/** Index terms of the country's people or adjective for a country's name, or of the countries for a people. */
export function demonymPartners(term: string): ReadonlySet<string> | undefined {
  pairs ??= build();
  return pairs.get(term);
}

let placeWords: Set<string> | null = null;

/**
 * Is this lower-case word a country, its people or a continent ("africa", "french")? A question typed all in lower
 * case names places the articles may never mention, and they are names all the same.
 */
export function isPlaceWord(lower: string): boolean {
  if (!placeWords) {
    placeWords = new Set(['africa', 'america', 'americas', 'asia', 'europe', 'oceania', 'antarctica', 'arctic']);
    for (const c of countries()) {
      for (const n of [c.name.common, ...c.altSpellings, c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
        const short = n ? shortName(n) : null;
        if (short && short.length >= 4) placeWords.add(short.toLowerCase());
      }
    }
  }
  return placeWords.has(lower);
}

let countryNames: Set<string> | null = null;

/**
 * Is this lower-case name a country's name in world-countries, common, official or an alternative spelling in Latin
 * letters ("viet nam", "burma", "republic of the union of myanmar")? Two-letter codes are not names.
 */
export function isCountryName(lower: string): boolean {
  if (!countryNames) {
    countryNames = new Set();
    for (const c of countries()) {
      for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
        if (n.length >= 4 && /^[A-Za-z][A-Za-z' -]*$/.test(n)) countryNames.add(n.toLowerCase());
      }
    }
  }
  return countryNames.has(lower);
}
