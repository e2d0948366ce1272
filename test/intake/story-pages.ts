// Pages and feeds of an invented story (the Aurora Star ferry sinking; see fixtures/intake/story-filter/README.md) for
// the intake service, poller and CLI tests: realistic article pages under two outlets' chrome, and RSS feeds.
import { readFileSync } from 'node:fs';
import type { Entity } from '../../src/model/types.js';
import { FIXTURES } from './fixture-server.js';

export interface StoryPage {
  slug: string;
  title: string;
  date: string;
  author: string;
  /** Whether it is about the story (for the filter). */
  onStory: boolean;
  /** The feed's summary of it. */
  summary: string;
  paragraphs: string[];
}

export const PAGES: Record<string, StoryPage> = {
  sinks: {
    slug: 'ferry-sinks-off-kestrel-island',
    title: 'Ferry sinks off Kestrel Island with 212 aboard',
    date: '2025-01-07',
    author: 'Mara Quinn',
    onStory: true,
    summary: 'The Aurora Star, operated by Coastlink Ferries, capsized in rough seas on Tuesday evening.',
    paragraphs: [
      'The Aurora Star, a passenger ferry operated by Coastlink Ferries, capsized in rough seas on Tuesday evening while crossing from Dunmore to Kestrel Island with 212 people on board.',
      'The Coast Guard said 187 passengers and crew had been rescued by midnight, many of them pulled from the water by fishing boats that raced to the scene from the harbour.',
      'Helicopters searched Kestrel Sound through the night with floodlights, and divers were expected to reach the hull at first light on Wednesday if the wind eased.',
      'Coastlink Ferries said in a statement that it was cooperating fully with the authorities and had opened a line for relatives, who gathered at the Port of Dunmore in the cold.',
      'The ferry, built in 2009, had passed its last inspection in October, according to records published by the Maritime Safety Authority.',
    ],
  },
  inquiry: {
    slug: 'minister-orders-inquiry-into-aurora-star',
    title: 'Minister orders inquiry into Aurora Star sinking',
    date: '2025-01-08',
    author: 'Tom Ellery',
    onStory: true,
    summary:
      'Transport Minister Helena Varga said the Marine Accident Investigation Board would lead the inquiry.',
    paragraphs: [
      'Transport Minister Helena Varga ordered a full public inquiry on Wednesday into the sinking of the Aurora Star, saying families deserved to know why a ferry went down in sight of the shore.',
      'The Marine Accident Investigation Board will lead the investigation, with powers to compel Coastlink Ferries to hand over maintenance logs and the ship’s voyage data recorder.',
      'Varga told parliament that no vessel in the Coastlink fleet would sail again until independent surveyors had checked its car deck doors and its stability calculations.',
      'Opposition members welcomed the inquiry but asked why warnings about the crossing in winter weather, raised by the Seafarers’ Union last year, had not been acted on.',
      'The minister said the inquiry would report within six months and that its hearings would be held in public in Dunmore.',
    ],
  },
  survivor: {
    slug: 'survivor-recalls-night-in-freezing-water',
    title: 'Survivor recalls night in freezing water',
    date: '2025-01-09',
    author: 'Mara Quinn',
    onStory: true,
    // Neither the title nor the summary names the story: only the article's body does.
    summary:
      '“I held on to a life ring for three hours,” said a 34-year-old teacher who was pulled from the sea.',
    paragraphs: [
      'Anna Brek was reading in the lounge of the Aurora Star when the ferry lurched, the lights went out and the floor tilted so far that tables slid into the windows.',
      'The 34-year-old teacher from Kestrel Island said she climbed through a door that had become a hatch above her head and jumped into the black water of Kestrel Sound.',
      '“I held on to a life ring for three hours, and I talked to the woman next to me so that neither of us would fall asleep,” she said from her bed at Dunmore General Hospital.',
      'A fishing boat found the two women shortly after two in the morning. The other woman, whose name Brek never learned, was taken to the same hospital and is recovering.',
      'Brek said she would cross to the island again, but not by ferry, not this winter, and not until she knew why the ship had gone over so fast.',
    ],
  },
  museum: {
    slug: 'police-investigate-break-in-at-dunmore-museum',
    title: 'Police investigate break-in at Dunmore museum',
    date: '2025-01-09',
    author: 'Tom Ellery',
    onStory: false,
    summary:
      'Paintings worth thousands of pounds were taken overnight, officers said, appealing for witnesses.',
    paragraphs: [
      'Paintings worth thousands of pounds were taken from the town museum overnight on Thursday, police said, in what officers described as a carefully planned burglary.',
      'The thieves forced a rear window shortly after one in the morning and spent less than ten minutes inside, according to the museum’s director, who said the alarm had sounded at once.',
      'Three small landscapes by local painters of the last century were taken from the upper gallery. The larger works on the ground floor were left untouched.',
      'Detectives appealed for anyone who saw a dark van in the lanes behind the museum to come forward, and said they were studying footage from cameras along the seafront.',
      'The museum will stay closed over the weekend while forensic officers finish their work, the director said.',
    ],
  },
  derby: {
    slug: 'late-goal-settles-coastal-derby',
    title: 'Late goal settles coastal derby',
    date: '2025-01-10',
    author: 'Sam Holt',
    onStory: false,
    summary: 'A header in the 89th minute gave the home side a 2-1 win in front of a record crowd.',
    paragraphs: [
      'A header in the 89th minute gave the home side a 2-1 win in the coastal derby on Saturday, in front of the biggest crowd the old ground has seen in a decade.',
      'The visitors had led for most of the second half after a penalty awarded for a clumsy challenge in the box, and they defended deep as the rain grew heavier.',
      'The equaliser came from a corner that was half cleared and driven back through a crowd of players, and the winner from a cross that the goalkeeper misjudged in the wind.',
      'The manager said afterwards that his players had shown the character he asked of them all season, and that the supporters had carried them through the last ten minutes.',
      'The result lifts the club to third in the table with a game in hand over the two sides above it.',
    ],
  },
};

export type Chrome = 'gazette' | 'wire';

export interface PageOptions {
  chrome?: Chrome;
  /** Another headline (a republished copy). */
  title?: string;
  /** rel=canonical. */
  canonical?: string;
  /** Feeds the page advertises. */
  feeds?: string[];
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article page of `page`: the Harbour Gazette's chrome, or a wire republisher's (another site, headline, byline). */
export function pageHtml(page: StoryPage, options: PageOptions = {}): string {
  const chrome = options.chrome ?? 'gazette';
  const title = options.title ?? page.title;
  const outlet = chrome === 'gazette' ? 'Harbour Gazette' : 'Coastal Wire Daily';
  const links = [
    ...(options.canonical ? [`<link rel="canonical" href="${escape(options.canonical)}">`] : []),
    ...(options.feeds ?? []).map(
      (f) => `<link rel="alternate" type="application/rss+xml" title="Latest" href="${escape(f)}">`,
    ),
  ].join('\n');
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: `${page.date}T08:00:00Z`,
    author: { '@type': 'Person', name: chrome === 'gazette' ? page.author : 'Wire Staff' },
    publisher: { '@type': 'Organization', name: outlet },
  });
  const body = page.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
  if (chrome === 'gazette') {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | ${outlet}</title>
<meta property="og:site_name" content="${outlet}"><meta property="og:type" content="article"><meta property="og:title" content="${escape(title)}">
${links}<script type="application/ld+json">${ld}</script></head>
<body><header><a href="/">${outlet}</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main><article><h1>${escape(title)}</h1><p class="byline">By ${escape(page.author)}</p>
${body}
<aside class="newsletter"><p>Sign up for our morning briefing</p></aside></article></main>
<footer><p>© ${outlet}. All rights reserved.</p><a href="/about">About us</a></footer></body></html>`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - ${outlet}</title>
<meta property="og:site_name" content="${outlet}"><meta property="og:title" content="${escape(title)}">
${links}<script type="application/ld+json">${ld}</script></head>
<body><div id="top"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></div>
<div class="content"><div class="story"><h1 class="headline">${escape(title)}</h1><div class="meta">Wire Staff · ${page.date}</div>
${body}
<div class="share">Share this story</div></div>
<div class="related"><h3>Related</h3><ul><li><a href="/x">Storms close harbours</a></li><li><a href="/y">Fuel prices rise</a></li></ul></div></div>
<div id="footer">Coastal Wire Daily · Terms · Privacy</div></body></html>`;
}

export interface FeedEntry {
  guid: string;
  page: StoryPage;
  link: string;
}

/** An RSS 2.0 feed listing `entries`, newest first (as feeds do). */
export function feedXml(entries: FeedEntry[], title = 'Harbour Gazette: latest'): string {
  const items = [...entries]
    .reverse()
    .map(
      (e) =>
        `<item><guid isPermaLink="false">${escape(e.guid)}</guid><title>${escape(e.page.title)}</title><link>${escape(e.link)}</link><description>${escape(e.page.summary)}</description><pubDate>${new Date(`${e.page.date}T08:00:00Z`).toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>https://gazette.example/</link><description>Latest</description>\n${items}\n</channel></rss>`;
}

/** The story's names (fixtures/intake/story-filter/story-names.json) as the engine's who() lists them. */
export function storyEntities(): Entity[] {
  const names = JSON.parse(readFileSync(`${FIXTURES}story-filter/story-names.json`, 'utf8')) as {
    name: string;
    aliases: string[];
  }[];
  return names.map((n, i) => ({
    name: n.name,
    aliases: n.aliases,
    kind: 'organization',
    roles: [],
    mentions: 100 - i,
  }));
}
