// The question set: fixed generic questions that apply to any news story, plus questions built from the corpus's
// own frequent words and names so that they match. Deterministic for a given corpus.
import { eng } from 'stopword';
import type { Article } from '../src/model/types.js';
import { pick, seededRandom, type Random } from './random.js';

export type QuestionKind = 'who' | 'when' | 'where' | 'quantity' | 'why' | 'said' | 'what' | 'keyword' | 'noisy';

export interface BenchQuestion {
  text: string;
  kind: QuestionKind;
  source: 'generic' | 'corpus';
  /** The question's content words: the topic filter of timeline and quotes. */
  topic: string;
  /** A name the question is about, for whoIs and the person/speaker filters; null when it names no one. */
  name: string | null;
}

const GENERIC: Record<QuestionKind, string[]> = {
  who: [
    'Who is the president?',
    'Who won the election?',
    'Who was arrested?',
    'Who is responsible for the attack?',
    'Who leads the committee?',
    'Who paid for the new building?',
    'Who was elected mayor?',
    'Who opposed the bill?',
    'Who will replace him?',
  ],
  when: [
    'When did it happen?',
    'When was the agreement signed?',
    'When will the vote take place?',
    'What year did the program start?',
    'When did the meeting end?',
    'When was the law passed?',
    'When did the strike begin?',
    'What day was the hearing?',
  ],
  where: [
    'Where did the attack take place?',
    'Where was the meeting held?',
    'Where is the headquarters?',
    'In which city did the conference take place?',
    'Where did the president travel?',
    'Where will the new school be built?',
  ],
  quantity: [
    'How many people were killed?',
    'How many votes did he get?',
    'How much money was spent?',
    'How much will the project cost?',
    'How many members does the committee have?',
    'How many years did it take?',
    'How old is the governor?',
    'What percentage of voters supported the plan?',
  ],
  why: [
    'Why did the minister resign?',
    'Why was the decision delayed?',
    'Why did the talks fail?',
    'What caused the crisis?',
    'Why did prices rise?',
    'What led to the strike?',
  ],
  said: [
    'What did the president say?',
    'How did the government respond?',
    'What did officials say about the budget?',
    'What did critics claim?',
    'Who warned about the risks?',
    'How did the public react to the decision?',
  ],
  what: [
    'What is the plan?',
    'What is NATO?',
    'What is the U.N.?',
    'What happened next?',
    'What are the main problems?',
    'What was the outcome of the investigation?',
  ],
  keyword: [
    'budget',
    'election results',
    'tax increase',
    'school board',
    'foreign policy',
    'court ruling',
    'police investigation',
    'economy',
    'war',
    'health care costs',
    'New York',
    'sanctions against Iran',
  ],
  noisy: [
    'who wa the presidnet',
    'whn did the gouvernment anounce the new polcy',
    'Can you tell me everything that is known about the investigation into the election and who was involved in it?',
    "what did the jury say about the election and the city's administration of it last year",
    'the',
    '?',
  ],
};

const STOP = new Set([
  ...eng,
  ...'said would will were there their they this that which more than have into only other such when what where who why how shall upon must might also them these those then been being very much many made make like well even back just over most some could should your every does ever almost however among within without whether though although since while until still already often perhaps rather quite really'.split(
    ' ',
  ),
]);

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** Content words: lower-cased words of three letters or more that are not stop words. */
export function contentWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !STOP.has(w));
}

const NAME = /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}/gu;

/** A capitalised run of two or three words that does not open the sentence, as in "… said Edi Rama". */
export function namesIn(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(NAME)) {
    if (m.index === 0) continue;
    const first = m[0].split(/\s+/)[0]!.toLowerCase();
    if (STOP.has(first) || first === 'the') continue;
    out.push(m[0]);
  }
  return out;
}

function ranked(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** The corpus's words (lower case only, so mostly nouns and verbs) and names, most frequent first. */
export function vocabulary(articles: readonly Article[]): { words: string[]; names: string[] } {
  const wordCounts = new Map<string, number>();
  const nameCounts = new Map<string, number>();
  for (const article of articles) {
    for (const s of article.sentences) {
      for (const w of s.text.match(WORD) ?? []) {
        // Nouns suit the templates best: skip adverbs, participles and contractions (a heuristic, not tagging).
        if (w.length < 4 || w !== w.toLowerCase() || STOP.has(w) || /(?:ly|ed|ing)$|['’]/.test(w)) continue;
        wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
      }
      for (const n of namesIn(s.text)) nameCounts.set(n, (nameCounts.get(n) ?? 0) + 1);
    }
  }
  return { words: ranked(wordCounts), names: ranked(nameCounts) };
}

type Template = { kind: QuestionKind; make: (w: () => string, n: () => string) => string };

const TEMPLATES: Template[] = [
  { kind: 'who', make: (_w, n) => `Who is ${n()}?` },
  { kind: 'who', make: (w) => `Who was in charge of the ${w()}?` },
  { kind: 'when', make: (w) => `When was the ${w()} announced?` },
  { kind: 'when', make: (_w, n) => `When did ${n()} arrive?` },
  { kind: 'where', make: (_w, n) => `Where is ${n()}?` },
  { kind: 'where', make: (w) => `Where did the ${w()} take place?` },
  { kind: 'quantity', make: (w) => `How many ${w()} were there?` },
  { kind: 'quantity', make: (w) => `How much did the ${w()} cost?` },
  { kind: 'why', make: (w, n) => `Why did ${n()} support the ${w()}?` },
  { kind: 'why', make: (w) => `Why was the ${w()} changed?` },
  { kind: 'said', make: (w, n) => `What did ${n()} say about the ${w()}?` },
  { kind: 'what', make: (w) => `What is the ${w()} ${w()}?` },
  { kind: 'what', make: (w) => `What happened to the ${w()}?` },
  { kind: 'keyword', make: (w) => w() },
  { kind: 'keyword', make: (w) => `${w()} ${w()}` },
  { kind: 'keyword', make: (w, n) => `${n()} ${w()}` },
];

function nameOf(text: string): string | null {
  return namesIn(` ${text}`)[0] ?? null;
}

function toQuestion(text: string, kind: QuestionKind, source: BenchQuestion['source'], name: string | null): BenchQuestion {
  const topic = contentWords(text).join(' ') || text.trim();
  return { text, kind, source, topic, name };
}

/**
 * Generic questions, then `corpusCount` built from the corpus: half from its 150 most frequent words (which
 * match many passages: the expensive case), half from less frequent ones, names from its 60 most frequent.
 */
export function buildQuestions(articles: readonly Article[], corpusCount = 64, seed = 7): BenchQuestion[] {
  const questions: BenchQuestion[] = [];
  for (const [kind, texts] of Object.entries(GENERIC) as [QuestionKind, string[]][]) {
    for (const text of texts) questions.push(toQuestion(text, kind, 'generic', nameOf(text)));
  }
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { words, names } = vocabulary(sorted);
  if (words.length === 0) return questions;
  const random: Random = seededRandom(seed);
  const seen = new Set(questions.map((q) => q.text));
  const frequent = words.slice(0, 150);
  const rarer = words.length > 150 ? words.slice(150, 3000) : frequent;
  const namePool = names.slice(0, 60);
  for (let i = 0, tries = 0; i < corpusCount && tries < corpusCount * 10; tries++) {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    const pool = i % 2 === 0 ? frequent : rarer;
    let name: string | null = null;
    const text = template.make(
      () => pick(random, pool),
      () => (name = namePool.length > 0 ? pick(random, namePool) : pick(random, pool)),
    );
    if (seen.has(text)) continue;
    seen.add(text);
    questions.push(toQuestion(text, template.kind, 'corpus', name));
    i++;
  }
  return questions;
}
