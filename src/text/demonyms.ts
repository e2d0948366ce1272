// Countries and their people or adjective ("Britain" / "British", "Netherlands" / "Dutch", "Switzerland" / "Swiss"),
// from the `world-countries` package: the irregular pairs that no rule of endings finds.
import { createRequire } from 'node:module';
import { terms } from './terms.js';

interface CountryRecord {
  name: { common: string };
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
