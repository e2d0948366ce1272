// The articles → each name's statistics: every mention of it with the evidence its sentence gives, its bylines,
// and the pairs of names the sentences say are one ("Mujahedeen-e-Khalq (MEK)").
import type { Article } from '../../model/types.js';
import { isCountryLike, lexiconKind, nameKey } from '../names.js';
import { lastPluralRole, scanSentence, type Evidence, type RawMention, type WordStats } from './mentions.js';
import { newStats, type MentionRef, type NameStats } from './scores.js';

const NO_ROLES: string[] = [];

/** Scans articles (each at its slot) for names: their stats, with every mention and byline, and the links stated. */
export function scanArticles(
  articles: { article: Article; slot: number }[],
  wordStats: WordStats,
): { names: Map<string, NameStats>; links: [string, string][] } {
  const names = new Map<string, NameStats>();
  const links: [string, string][] = [];
  const statsFor = (key: string, words: string[]): NameStats => {
    let s = names.get(key);
    if (!s) names.set(key, (s = newStats(key, words)));
    return s;
  };
  for (const { article, slot } of articles) {
    let lastCountry: string | null = null;
    const epithetsSeen = new Set<string>();
    // The person "he" and "she" take up: the last person-shaped subject of each gender (see SentenceScan.subject).
    const referent: Partial<Record<'f' | 'm', { stats: NameStats; surface: string }>> = {};
    // The role of a list the last sentence ended inside, for its items that run on into this one.
    let listRole: string | undefined;
    article.sentences.forEach((sentence, si) => {
      const scan = scanSentence(sentence.text, wordStats);
      // "… the work of 100 artists … Among them will be A, B": the plural role noun of the sentence before.
      const plural = scan.amongThem && si > 0 ? lastPluralRole(article.sentences[si - 1]!.text) : undefined;
      if (scan.amongThem && plural !== undefined) giveRole(scan.amongThem, plural);
      // "The 33 honored students are: …, and C of N. R. Crozier Tech. Paulah Roe, … of Hillcrest; …": the list goes on
      // past a stray period, and into the next paragraph, while the sentences hold only its items.
      if (listRole !== undefined && scan.list?.itemsOnly) giveRole(scan.list.items, listRole);
      else listRole = scan.list?.role;
      // "Of Irish descent, Greer Garson was born … She is state chairman for …": the role goes to the person the
      // pronoun takes up, cited at the pronoun's sentence.
      const taken = scan.pronoun ? referent[scan.pronoun.gender] : undefined;
      if (scan.pronoun && taken) {
        const pronoun = /^\S+/.exec(sentence.text)![0];
        taken.stats.mentions.push({ article: slot, sentence: si, start: 0, end: pronoun.length, surface: taken.surface, roles: scan.pronoun.roles });
      }
      if (scan.subject) for (const g of scan.subject.genders) referent[g] = { stats: statsFor(scan.subject.mention.key, scan.subject.mention.words), surface: scan.subject.mention.surface };
      for (const m of scan.mentions) {
        // "… ties with Iran, citing accusations that the Islamic Republic …": the country's other name.
        const epithet = epithetOf(m.words, sentence.text.slice(0, m.start));
        if (epithet && lastCountry && !epithetsSeen.has(m.key)) {
          links.push([m.key, lastCountry]);
          statsFor(m.key, m.words).epithet = true;
        }
        if (epithet) epithetsSeen.add(m.key);
        if (m.words.length === 1 && isCountryLike(m.key)) lastCountry = m.key;
        // "Mrs. Kennedy": the honorific with a surname alone, for the alias of one of two people who share it ("Lord
        // Home": a peer's too).
        const ref = {
          ...(m.honorificText !== undefined && m.words.length === 1 ? { titled: `${m.honorificText}${m.surface}` } : {}),
          article: slot,
          sentence: si,
          start: m.start,
          end: m.end,
          surface: m.surface,
          roles: m.roles.length > 0 ? m.roles : NO_ROLES,
          ...(m.honorific ? { honorific: m.honorific } : {}),
        };
        addMention(statsFor(m.key, m.words), m, ref);
      }
      links.push(...scan.links);
    });
    for (const author of bylineNames(article.author)) {
      const s = statsFor(nameKey(author), nameKey(author).split(' '));
      s.surfaces.set(author, (s.surfaces.get(author) ?? 0) + 1);
      s.evidence.byline++;
      s.bylines++;
    }
  }
  return { names, links };
}

/** A role an earlier sentence gives these listed names, for each that its own sentence gave none. */
function giveRole(mentions: RawMention[], role: string): void {
  for (const m of mentions) {
    if (m.roles.length > 0) continue;
    m.roles.push(role);
    m.evidence.appositive++;
  }
}

/** Nouns that end a state's other name ("the Islamic Republic", "the Hashemite Kingdom"). */
const STATE_NOUNS = new Set(['republic', 'kingdom', 'emirate', 'federation', 'confederation', 'sultanate', 'principality']);

/**
 * "the Islamic Republic", "the Jewish State": a state named by what it is, after "the", with no country word in it —
 * another name of the country the article just named (the first time it is used in the article).
 */
function epithetOf(words: string[], before: string): boolean {
  if (words.length < 2 || words.length > 3 || !/\bthe\s+$/i.test(before)) return false;
  if (!STATE_NOUNS.has(words.at(-1)!)) return false;
  return words.slice(0, -1).every((w) => lexiconKind(w) !== 'place' && !isCountryLike(w)) && lexiconKind(words.join(' ')) === null;
}

function addMention(s: NameStats, m: RawMention, ref: MentionRef): void {
  s.surfaces.set(m.surface, (s.surfaces.get(m.surface) ?? 0) + 1);
  if (m.listPeers) for (const p of m.listPeers) if (p !== s.key) (s.listPeers ??= new Set()).add(p);
  for (const k of Object.keys(m.evidence) as (keyof Evidence)[]) s.evidence[k] += m.evidence[k];
  if (m.organization) s.organization = true;
  s.mentions.push(ref);
}

/** "By Jane Doe and John Roe" → the names; outlets and agencies in the byline are not authors. */
export function bylineNames(author: string | null): string[] {
  if (!author) return [];
  return author
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|&|\band\b|\/|;)\s*/)
    .map((p) => p.trim())
    .filter(
      (p) =>
        /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(p) && lexiconKind(nameKey(p)) === null,
    );
}
