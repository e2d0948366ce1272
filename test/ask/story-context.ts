// The /ask tests' stories: a real Story over a test's own articles, and the AskContext it gives /ask (the entity
// annotator, name words, surnames and acronyms the bot uses), so that what the tests exercise is what the bot runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ask, rankCandidates } from '../../src/ask/ask.js';
import type { AskContext } from '../../src/ask/context.js';
import type { askDefaults } from '../../src/ask/tuning.js';
import { loadStory, type Story } from '../../src/engine/story.js';

/** An article of a test: its body (paragraphs separated by blank lines) and maybe its title ("Article <n>" if not). */
export interface TestArticle {
  title?: string;
  body: string;
}

/** The story of these articles, loaded as the bot loads a corpus (files `a0.md`, `a1.md`, … of one day). */
export async function storyOf(...articles: TestArticle[]): Promise<Story> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storydesk-ask-'));
  try {
    articles.forEach((a, i) => {
      const front = `---\ntitle: ${JSON.stringify(a.title ?? `Article ${i}`)}\ndate: 2024-03-15\noutlet: "The Fixture Times"\nurl: "https://example.com/fixture"\n---\n\n`;
      writeFileSync(path.join(dir, `a${i}.md`), `${front}${a.body}\n`);
    });
    return await loadStory({ corpusDir: dir, cacheDir: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The AskContext a story answers with (Story keeps it private: this is the very one `story.ask` passes to ask). */
export function askContextOf(story: Story): AskContext {
  return (story as unknown as { askContext(): AskContext }).askContext();
}

/** The AskContext of a story of these articles. */
export async function contextOf(...articles: TestArticle[]): Promise<AskContext> {
  return askContextOf(await storyOf(...articles));
}

export const answerIn = (ctx: AskContext, q: string) => ask(ctx, q).answer?.text ?? null;

/** An unrelated article of `n` sentences, so that a test article's words are rare (weighty) in the corpus. */
export const filler = (n: number): TestArticle => ({ body: Array.from({ length: n }, (_, i) => `Shop ${i + 1} opened its doors on the high street.`).join(' ') });

/** Another unrelated article, of 200 sentences. */
export const roads: TestArticle = { body: Array.from({ length: 200 }, (_, i) => `Road ${i + 1} was resurfaced by the council.`).join(' ') };

/** The candidate made of the sentence that starts with `start`. */
export const candidate = (ctx: AskContext, q: string, start: string, options: Partial<typeof askDefaults> = {}) =>
  rankCandidates(ctx, q, options).find((x) => x.passage.sentence.text.startsWith(start))!;

/** How much of a question term that candidate was credited with. */
export const creditOf = (ctx: AskContext, q: string, start: string, term: string, options: Partial<typeof askDefaults> = {}) =>
  candidate(ctx, q, start, options).detail.find((d) => d.term === term)!.credit;

/** A story of a harbour bridge reopened, a mayor, a design contest, a councillor; and a ferry service cut. */
export const harbourArticles: TestArticle[] = [
  {
    title: 'Harbour bridge reopens after repairs',
    body:
      'The harbour bridge reopened to traffic after two years of repairs. The work was finished on March 3, 2024.\n\n' +
      'Mayor Ellen Park cut the ribbon in front of a large crowd. She thanked the engineers who rebuilt the deck.\n\n' +
      'The repairs cost $48 million, the city said. The winner of the design contest was Tomas Berg, a local architect.\n\n' +
      'Councillor Ravi Shah, who chairs the transport committee, praised the defense of the budget by the city treasurer.\n\n' +
      'Shah spoke at City Hall on Tuesday.',
  },
  {
    title: 'Ferry service cut as bridge opens',
    body: 'The ferry company said it would end the night service. Its chief executive, Anna Holm, blamed falling ticket sales.',
  },
];
