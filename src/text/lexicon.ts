// The one accessor of compromise's lexicon: the tags it gives a word it knows (first names and their gender,
// countries, cities, demonyms, organisations, actors, parts of speech), and its words that end organisations' names.
// Every module that asks compromise what a word is asks here; what compromise's tagger makes of a whole sentence
// (nlp(text)) is another matter, and its callers call it themselves.
import nlp from 'compromise';

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean> };
}

const NO_TAGS: readonly string[] = [];
let model: CompromiseModel | null = null;
let tagsByEntry: Map<string, readonly string[]> | null = null;

function compromiseModel(): CompromiseModel {
  return (model ??= (nlp as unknown as { model(): CompromiseModel }).model());
}

/**
 * The tags compromise's lexicon gives an entry, looked up exactly as given: a lower-case word or phrase
 * ("minister" → Actor, "prime minister" → Actor, "new york" → Region). A word it doesn't know has none, and so does
 * anything not in lower case: "Paris" has none, "paris" is a City.
 */
export function lexiconTags(entry: string): readonly string[] {
  tagsByEntry ??= new Map(Object.entries(compromiseModel().one.lexicon).map(([w, t]) => [w, [t].flat()]));
  return tagsByEntry.get(entry) ?? NO_TAGS;
}

/**
 * The tags of a word that may be a hyphenated compound: the lexicon lists compounds under their words, so a hyphen
 * is read as a space ("al-qaeda" → "al qaeda" → Organization). For name keys, which keep their hyphens; the quote
 * attributor looks its words up as written (`lexiconTags`).
 */
export function compoundLexiconTags(key: string): readonly string[] {
  return lexiconTags(key.includes('-') ? key.replace(/-/g, ' ') : key);
}

/** The words compromise knows end an organisation's name ("institute", "airlines", "corp"), in lower case. */
export function lexiconOrgWords(): readonly string[] {
  return Object.keys(compromiseModel().two.orgWords);
}
