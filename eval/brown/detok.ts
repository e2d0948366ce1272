// Brown Corpus (form C, POS-tagged) → plain prose: strip `word/tag`, rejoin tokens with natural spacing.

/** A paragraph of the sample, as tokens (tags stripped) with headline lines removed. */
export interface BrownParagraph {
  tokens: string[];
}

const HEADLINE_TAG = /-hl$/;

/** `word/tag` → word; the tag follows the LAST slash ("1-1/2/cd" is "1-1/2"). */
function splitToken(raw: string): { word: string; tag: string } {
  const slash = raw.lastIndexOf('/');
  if (slash <= 0) throw new Error(`Brown token without a tag: "${raw}"`);
  return { word: raw.slice(0, slash), tag: raw.slice(slash + 1) };
}

const SENTENCE_END_TOKEN = /^(?:[.?!:;]|''|\))$/;

/**
 * A heading line is page furniture, not prose: every token tagged as headline (`-hl`), or a short line
 * that does not end a sentence ("The nation", a section name).
 */
function isHeading(tokens: { word: string; tag: string }[]): boolean {
  if (tokens.every((t) => HEADLINE_TAG.test(t.tag))) return true;
  // A quoted headline ("'/' had/hvd-hl to/to-hl …") tags its words but not its quote marks.
  if (tokens.length <= 8 && tokens.some((t) => HEADLINE_TAG.test(t.tag))) return true;
  const first = tokens[0]!.word;
  const last = tokens[tokens.length - 1]!.word;
  // A line that starts or ends on punctuation ("(", ", fourth in …") is a sentence broken across lines.
  return tokens.length <= 8 && /^[A-Za-z]/.test(first) && /[A-Za-z0-9]$/.test(last) && !SENTENCE_END_TOKEN.test(last);
}

/**
 * Splits a sample into paragraphs. Paragraphs are blocks separated by blank lines; each line of a block is
 * one sentence. Headings are dropped, except a dateline ("London, Feb. 9") that the next line continues
 * with a dash: it is part of the lead sentence.
 */
export function brownParagraphs(sample: string, dropped: string[] = []): BrownParagraph[] {
  const paragraphs: BrownParagraph[] = [];
  for (const block of sample.split(/\n[ \t]*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.trim().split(/\s+/).filter((t) => t.length > 0).map(splitToken))
      .filter((line) => line.length > 0);
    let tokens: string[] = [];
    const flush = (): void => {
      // A full stop after a closing bracket sometimes opens the next block: it belongs to the one before.
      const last = paragraphs[paragraphs.length - 1];
      while (last && tokens.length > 0 && /^[.,;:]$/.test(tokens[0]!)) last.tokens.push(tokens.shift()!);
      if (tokens.length > 0) paragraphs.push({ tokens });
      tokens = [];
    };
    lines.forEach((line, i) => {
      const dateline = lines[i + 1]?.[0]?.word === '--';
      // A heading or a dateline inside a block starts a new story or section: break the paragraph there.
      if (isHeading(line) || dateline) flush();
      if (isHeading(line) && !dateline) {
        dropped.push(line.map((t) => t.word).join(' '));
        return;
      }
      tokens.push(...line.map((t) => t.word));
    });
    flush();
  }
  return paragraphs;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', "''", "'s"]);

/** Joins tokens into text: “curly” double quotes, paired single quotes, em dashes, tight punctuation. */
export function detokenize(tokens: string[]): string {
  let out = '';
  let glueNext = false; // the previous token opens something: no space after it
  let singleOpen = false;
  let previous = '';
  for (const token of tokens) {
    // The tagged text sometimes doubles a semicolon (";/. ;/."): one is enough.
    if (token === previous && /^[;,.:?!]$/.test(token)) continue;
    // "Corp." at the end of a sentence is followed by its own full-stop token: "Corp.." reads wrong.
    if (token === '.' && previous.endsWith('.')) continue;
    previous = token;
    let word = token;
    let glueBefore = NO_SPACE_BEFORE.has(word);
    let opens = false;
    if (word === '``') {
      word = '“';
      opens = true;
    } else if (word === "''") {
      word = '”';
    } else if (word === "'") {
      // Brown marks both ends of a quotation within a quotation with a bare apostrophe: they alternate.
      if (singleOpen) {
        word = '’';
        glueBefore = true;
      } else {
        word = '‘';
        opens = true;
      }
      singleOpen = !singleOpen;
    } else if (word === '(') {
      opens = true;
    } else if (word === '--') {
      word = '—';
    }
    if (out.length > 0 && !glueBefore && !glueNext) out += ' ';
    out += word;
    glueNext = opens;
  }
  return out;
}
