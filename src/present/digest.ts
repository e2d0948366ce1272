// The digest as plain text, for the console and `cli digest`.
import type { Digest, DigestEvent, DigestQuote } from '../digest/content.js';
import { dateLabel, DigestLabels, sourceLine, SourceStyles } from './labels.js';

function speakerLabel(q: DigestQuote): string {
  return q.speaker ? `${q.speaker}: ` : '';
}

/** The digest as plain text for the console. */
export function renderDigestText(digest: Digest): string {
  const out: string[] = [`Digest for ${digest.date}`, ''];
  if (digest.empty) out.push(DigestLabels.nothingNew);
  else out.push(`New since the last digest (${digest.newArticles.length + digest.moreNewArticles}):`);
  for (const a of digest.newArticles) {
    const meta = [a.article.outlet, a.article.date].filter(Boolean).join(', ');
    out.push('', `* ${a.article.title} (${meta})${a.article.url ? `\n  ${a.article.url}` : ''}`);
    for (const e of a.events) out.push(`  - ${dateLabel(e.date, e.precision)}: "${e.citation.excerpt}" [${sourceLine(e.citation, SourceStyles.outlet)}]`);
    for (const q of a.quotes) out.push(`  > ${speakerLabel(q)}"${q.text}" [${sourceLine(q.citation, SourceStyles.outlet)}]`);
  }
  if (digest.moreNewArticles > 0) out.push('', `…and ${digest.moreNewArticles} more new articles.`);
  section(out, DigestLabels.storySoFar, digest.storySoFar);
  section(out, DigestLabels.onThisDay, digest.onThisDay);
  return out.join('\n');
}

function section(out: string[], title: string, events: DigestEvent[]): void {
  if (events.length === 0) return;
  out.push('', `${title}:`);
  // Outside an article's own section, the line names the article: several may share an outlet and a date.
  for (const e of events) out.push(`  - ${dateLabel(e.date, e.precision)}: "${e.citation.excerpt}" [${sourceLine(e.citation, SourceStyles.short)}]`);
}
