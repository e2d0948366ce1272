// The one place text becomes search terms: tokens → lower case, no accents, no possessive → stop words out →
// irregular verb forms to their base ("spoke" → "speak") → Porter stem.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * Bump when what terms() returns for a text changes: an index or term statistics built with another version must
 * be rebuilt (search.ts can hash it with its own version).
 */
export const TERMS_VERSION = 2;

/** English stop words (the `stopword` package's list) plus the words every question is made of. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...('what who whom whose when where why how which is are was were be been do does did has have had ' +
    'the a an of to in on at for by with from as that this these those it its their there here ' +
    'about tell me us please many much say said says ' +
    // Words that carry no topic, and contractions as normalizeWord leaves them ("can't" → "cant").
    'during nor will shall whether upon onto via per among within become becomes became becoming seem seems seemed ' +
    'cant dont doesnt didnt isnt wasnt arent werent couldnt wouldnt shouldnt hasnt havent hadnt aint wont'
  ).split(' '),
]);

/**
 * Irregular verb forms → base form, so that "Who won?" finds "will win" and "spoke" finds "speak" (the Porter
 * stemmer only strips regular endings). Forms that are just as often another word ("left", "shot", "lay",
 * "saw", "born") are left alone. "use"/"used" would stem to "us", the acronym of the United States: kept apart.
 */
const BASE_FORMS: ReadonlyMap<string, string> = new Map(
  (
    'spoke:speak spoken:speak won:win wrote:write written:write met:meet took:take taken:take gave:give given:give ' +
    'told:tell thought:think brought:bring bought:buy sought:seek held:hold began:begin begun:begin ' +
    'chose:choose chosen:choose drove:drive driven:drive ate:eat eaten:eat fought:fight forgot:forget forgotten:forget ' +
    'forgave:forgive forgiven:forgive froze:freeze frozen:freeze grew:grow grown:grow hid:hide hidden:hide knew:know ' +
    'known:know rode:ride ridden:ride ran:run sang:sing sung:sing sank:sink sunk:sink shook:shake shaken:shake ' +
    'stole:steal stolen:steal struck:strike swore:swear sworn:swear taught:teach threw:throw thrown:throw ' +
    'understood:understand woke:wake woken:wake wore:wear worn:wear broke:break broken:break caught:catch ' +
    'dealt:deal drew:draw drawn:draw fled:flee flew:fly flown:fly got:get gotten:get heard:hear kept:keep ' +
    'led:lead lent:lend lost:lose made:make meant:mean paid:pay sent:send sold:sell slept:sleep spent:spend ' +
    'stood:stand swept:sweep swung:swing tore:tear torn:tear withdrew:withdraw withdrawn:withdraw found:find ' +
    'rose:rise risen:rise fell:fall fallen:fall felt:feel ' +
    'sat:sit built:build arose:arise arisen:arise bid:bid fed:feed hung:hang shut:shut sped:speed ' +
    'use:use used:use uses:use using:use'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The base form of an irregular verb form ("spoke" → "speak"); any other word unchanged. */
export function baseForm(word: string): string {
  return BASE_FORMS.get(word) ?? word;
}

/** A normalised word (not a stop word) → its index term. */
function stem(w: string): string {
  const base = BASE_FORMS.get(w);
  return base === 'use' ? 'use' : stemmer(base ?? w);
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** "US", "U.S.", "MEK": an acronym is never a stop word ("US" is not "us") and is not stemmed. */
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** Lower case, accents removed, possessive "'s" dropped: "Xhaçka's" → "xhacka". */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’.]/g, '');
}

/** The words of a text, normalised but neither stemmed nor filtered. */
export function words(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(normalizeWord).filter((w) => w.length > 0);
}

/**
 * Token as written → its term, null for a stop word, '' for no word at all. Memoised: a corpus's vocabulary is small
 * next to its tokens, and normalising and stemming each token again was most of the cost of reading sentences.
 */
const tokenTerms = new Map<string, string | null>();
const MAX_MEMO = 200_000;

function tokenTerm(raw: string): string | null {
  let t = tokenTerms.get(raw);
  if (t === undefined) {
    const w = normalizeWord(raw);
    t = w.length === 0 ? '' : ACRONYM.test(raw) ? w : STOP_WORDS.has(w) ? null : stem(w);
    if (tokenTerms.size >= MAX_MEMO) tokenTerms.clear();
    tokenTerms.set(raw, t);
  }
  return t;
}

/** One word → its index term, or null for a stop word. */
export function termOf(word: string): string | null {
  return tokenTerm(word) || null;
}

/** The tokens of a text as written, one per entry of termSequence() and words(). */
export function rawTokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).filter((raw) => tokenTerm(raw) !== '');
}

/** The index term of each token of a text, in order: null for a stop word (positions are kept for proximity). */
export function termSequence(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const raw of text.match(TOKEN) ?? []) {
    const t = tokenTerm(raw);
    if (t !== '') out.push(t);
  }
  return out;
}

/** The index terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  return termSequence(text).filter((t): t is string => t !== null);
}
