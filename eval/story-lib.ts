// The story evaluation's rules (issue 16), kept apart from the runner so that they can be tested: how the gold
// (eval/gold/*.json) is read and checked, and how /timeline, /who and /quote JSON are scored against it.
//
// - timeline: a listed event is right when it cites the gold event's article with an excerpt holding the gold
//   quote, at the gold date and precision (or an `alt`). Each gold event is matched by at most one listed event
//   (a maximum matching), so the same event listed twice counts once right and once wrong. A gold event with
//   `also` (the same event told by another article) is merged when its one listed event cites those quotes too.
// - who: a gold person is found when a listed person's name is one of the gold forms (name, aliases) or the
//   listed person's aliases hold the gold name; their role is given when a listed role holds one of the gold role
//   words (or is a long enough part of one). A listed person who matches no gold person of the set (nor an ignored
//   name) is a not-person.
// - quote: a gold quotation is found when a listed quote of its article holds it (or is held by it), attributed
//   when that quote's speaker is one of the accepted forms (word for word inside the speaker's name) and none of
//   the rejected words.

export type Precision = 'day' | 'week' | 'month' | 'year' | 'decade';

export interface GoldPerson {
  name: string;
  /** The text's role phrase and acceptable words for it; null when the text gives none. */
  role: string[] | null;
  aliases: string[];
  optional?: boolean;
}

export interface GoldEvent {
  date: string;
  precision: Precision;
  quote: string;
  optional?: boolean;
  alt?: { date: string; precision: Precision }[];
  also?: string[];
}

export interface GoldQuote {
  quote: string;
  speaker: string;
  accept: (string | null)[];
  reject?: string[];
}

export interface GoldArticle {
  article: string;
  people: GoldPerson[];
  ignore: string[];
  events: GoldEvent[];
  quotes: GoldQuote[];
}

export interface GoldSet {
  about: string;
  corpus: string;
  articles: GoldArticle[];
}

// The CLI's JSON, as far as the scoring reads it.
export interface CliCitation {
  article: { id: string };
  excerpt: string;
}
export interface CliEvent {
  date: string;
  precision: string;
  text: string;
  citations: CliCitation[];
}
export interface CliEntity {
  name: string;
  kind: string;
  roles: string[];
  aliases: string[];
}
export interface CliQuote {
  text: string;
  speaker: string | null;
  citation: CliCitation;
}

const PRECISIONS = new Set(['day', 'week', 'month', 'year', 'decade']);

/** Reads and checks a gold file's shape; throws with the place of the first problem. */
export function parseGold(file: string, text: string): GoldSet {
  const gold = JSON.parse(text) as GoldSet;
  const fail = (where: string, what: string): never => {
    throw new Error(`${file}: ${where}: ${what}`);
  };
  if (typeof gold.corpus !== 'string' || !Array.isArray(gold.articles)) fail('top', 'expected "corpus" and "articles"');
  for (const a of gold.articles) {
    const at = a.article;
    if (typeof at !== 'string') fail('article', 'expected an "article" id');
    for (const p of a.people ?? []) {
      if (typeof p.name !== 'string' || !Array.isArray(p.aliases)) fail(at, `person ${JSON.stringify(p)}`);
      if (p.role !== null && (!Array.isArray(p.role) || p.role.length === 0)) fail(at, `${p.name}: role is a list or null`);
    }
    for (const e of a.events ?? []) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date) || !PRECISIONS.has(e.precision)) fail(at, `event ${JSON.stringify(e)}`);
      for (const alt of e.alt ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(alt.date) || !PRECISIONS.has(alt.precision)) fail(at, `alt ${JSON.stringify(alt)}`);
    }
    for (const q of a.quotes ?? []) if (typeof q.quote !== 'string' || !Array.isArray(q.accept)) fail(at, `quote ${JSON.stringify(q)}`);
    a.ignore ??= [];
  }
  return gold;
}

/** Gold that can never be matched: quotes no article holds, people whose every form is absent from their article. */
export function goldTextProblems(gold: GoldSet, bodies: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const a of gold.articles) {
    const body = bodies.get(a.article);
    if (body === undefined) {
      problems.push(`${a.article}: no such article in ${gold.corpus}`);
      continue;
    }
    for (const e of a.events) {
      if (!body.includes(e.quote)) problems.push(`${a.article}: event quote not in the article: "${e.quote}"`);
      for (const also of e.also ?? []) if (![...bodies.values()].some((b) => b.includes(also))) problems.push(`${a.article}: "also" quote in no article: "${also}"`);
    }
    for (const q of a.quotes) if (!body.includes(q.quote)) problems.push(`${a.article}: quotation not in the article: "${q.quote}"`);
    for (const p of a.people) if (![p.name, ...p.aliases].some((f) => body.includes(f))) problems.push(`${a.article}: no form of ${p.name} in the article`);
  }
  return problems;
}

/** Lower case, one apostrophe, no dots or commas, single spaces: "K.J.P. Baraclough" = "K. J. P. Baraclough". */
export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `inner` occurs in `outer` as whole words. */
export function holdsWords(outer: string, inner: string): boolean {
  if (inner === '') return false;
  return ` ${outer} `.includes(` ${inner} `);
}

export function stripMd(id: string): string {
  return id.replace(/\.md$/, '');
}

const sameQuotes = (s: string): string => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

// ---------------------------------------------------------------------------------------------------------
// Timeline

export interface TimelineScore {
  required: number;
  found: number;
  listed: number;
  right: number;
  merged: { total: number; done: number };
  missed: string[];
  wrong: string[];
  unmerged: string[];
}

interface GoldEventRef {
  article: string;
  event: GoldEvent;
}

function eventMatches(listed: CliEvent, ref: GoldEventRef): boolean {
  const when = [{ date: ref.event.date, precision: ref.event.precision }, ...(ref.event.alt ?? [])];
  if (!when.some((w) => w.date === listed.date && w.precision === listed.precision)) return false;
  return listed.citations.some((c) => stripMd(c.article.id) === ref.article && sameQuotes(c.excerpt).includes(sameQuotes(ref.event.quote)));
}

/** Maximum bipartite matching (augmenting paths): listed event i ↔ gold event j. */
function maximumMatching(edges: number[][], goldCount: number): number[] {
  const goldOwner = new Array<number>(goldCount).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (goldOwner[j] === -1 || tryAssign(goldOwner[j]!, seen)) {
        goldOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  edges.forEach((_, i) => tryAssign(i, new Array<boolean>(goldCount).fill(false)));
  return goldOwner;
}

export function scoreTimeline(gold: GoldSet, events: CliEvent[]): TimelineScore {
  const refs: GoldEventRef[] = gold.articles.flatMap((a) => a.events.map((event) => ({ article: a.article, event })));
  const edges = events.map((e) => refs.flatMap((r, j) => (eventMatches(e, r) ? [j] : [])));
  const owner = maximumMatching(edges, refs.length);
  const matchedListed = new Set(owner.filter((i) => i >= 0));
  const describe = (e: CliEvent): string => `${e.date} ${e.precision}: ${e.text.slice(0, 110)}`;
  const score: TimelineScore = {
    required: 0,
    found: 0,
    listed: events.length,
    right: matchedListed.size,
    merged: { total: 0, done: 0 },
    missed: [],
    wrong: events.filter((_, i) => !matchedListed.has(i)).map(describe),
    unmerged: [],
  };
  refs.forEach((r, j) => {
    if (!r.event.optional) {
      score.required++;
      if (owner[j]! >= 0) score.found++;
      else score.missed.push(`${r.event.date} ${r.event.precision}: "${r.event.quote}" (${r.article})`);
    }
    if (r.event.also !== undefined && r.event.also.length > 0) {
      score.merged.total++;
      const listed = owner[j]! >= 0 ? events[owner[j]!]! : undefined;
      const cites = (q: string): boolean => listed?.citations.some((c) => sameQuotes(c.excerpt).includes(sameQuotes(q))) ?? false;
      if (listed !== undefined && r.event.also.every(cites)) score.merged.done++;
      else score.unmerged.push(`"${r.event.quote}" with ${r.event.also.map((q) => `"${q}"`).join(', ')}`);
    }
  });
  return score;
}

// ---------------------------------------------------------------------------------------------------------
// People

export interface PeopleScore {
  /** Distinct gold people (by name) that are not optional. */
  people: number;
  found: number;
  withRole: number;
  roleGiven: number;
  listedPeople: number;
  notPeople: number;
  /** Gold people matched by more than one listed person. */
  duplicates: number;
  missed: string[];
  noRole: string[];
  notPeopleNames: string[];
  duplicateNames: string[];
}

interface MergedPerson {
  name: string;
  forms: Set<string>;
  role: string[] | null;
  optional: boolean;
}

/** The set's gold people, one per name (a person in two articles is one person; their role words are pooled). */
export function mergedPeople(gold: GoldSet): MergedPerson[] {
  const byName = new Map<string, MergedPerson>();
  for (const a of gold.articles) {
    for (const p of a.people) {
      const key = normName(p.name);
      const known = byName.get(key);
      const forms = [p.name, ...p.aliases].map(normName);
      if (known === undefined) {
        byName.set(key, { name: p.name, forms: new Set(forms), role: p.role === null ? null : [...p.role], optional: p.optional === true });
      } else {
        forms.forEach((f) => known.forms.add(f));
        if (p.role !== null) known.role = [...(known.role ?? []), ...p.role];
        known.optional &&= p.optional === true;
      }
    }
  }
  return [...byName.values()];
}

export function roleMatches(listedRole: string, goldRole: string): boolean {
  const r = normName(listedRole);
  const g = normName(goldRole);
  return holdsWords(r, g) || (r.length >= 4 && holdsWords(g, r));
}

export function scorePeople(gold: GoldSet, entities: CliEntity[]): PeopleScore {
  const people = mergedPeople(gold);
  const listed = entities.filter((e) => e.kind === 'person');
  const ignored = new Set(gold.articles.flatMap((a) => a.ignore.map(normName)));
  const isFound = (p: MergedPerson, e: CliEntity): boolean => p.forms.has(normName(e.name)) || e.aliases.some((a) => normName(a) === normName(p.name));
  const isSome = (p: MergedPerson, e: CliEntity): boolean => isFound(p, e) || e.aliases.some((a) => p.forms.has(normName(a)));
  const score: PeopleScore = {
    people: 0,
    found: 0,
    withRole: 0,
    roleGiven: 0,
    listedPeople: listed.length,
    notPeople: 0,
    duplicates: 0,
    missed: [],
    noRole: [],
    notPeopleNames: [],
    duplicateNames: [],
  };
  for (const p of people) {
    if (p.optional) continue;
    score.people++;
    const matches = listed.filter((e) => isFound(p, e));
    if (matches.length === 0) {
      const elsewhere = entities.find((e) => isFound(p, e));
      score.missed.push(elsewhere === undefined ? p.name : `${p.name} (listed as ${elsewhere.kind})`);
      continue;
    }
    score.found++;
    if (matches.length > 1) {
      score.duplicates++;
      score.duplicateNames.push(`${p.name}: ${matches.map((m) => m.name).join(' | ')}`);
    }
    if (p.role !== null) {
      score.withRole++;
      const roles = matches.flatMap((m) => m.roles);
      if (roles.some((r) => p.role!.some((g) => roleMatches(r, g)))) score.roleGiven++;
      else score.noRole.push(`${p.name} [${p.role[0]}] got ${JSON.stringify(roles)}`);
    }
  }
  for (const e of listed) {
    if (people.some((p) => isSome(p, e))) continue;
    if (ignored.has(normName(e.name))) continue;
    score.notPeople++;
    score.notPeopleNames.push(e.name);
  }
  return score;
}

// ---------------------------------------------------------------------------------------------------------
// Quotes

export interface QuoteScore {
  total: number;
  found: number;
  attributed: number;
  missed: string[];
  misattributed: string[];
}

export function speakerMatches(speaker: string | null, q: GoldQuote): boolean {
  if (speaker === null) return q.accept.includes(null);
  const s = normName(speaker);
  if ((q.reject ?? []).some((r) => holdsWords(s, normName(r)))) return false;
  return q.accept.some((a) => a !== null && holdsWords(s, normName(a)));
}

export function scoreQuotes(gold: GoldSet, quotes: CliQuote[]): QuoteScore {
  const score: QuoteScore = { total: 0, found: 0, attributed: 0, missed: [], misattributed: [] };
  for (const a of gold.articles) {
    const own = quotes.filter((q) => stripMd(q.citation.article.id) === a.article);
    for (const g of a.quotes) {
      score.total++;
      const want = sameQuotes(g.quote);
      const matches = own.filter((q) => {
        const text = sameQuotes(q.text);
        return text.includes(want) || (text.length >= 6 && want.includes(text));
      });
      if (matches.length === 0) {
        score.missed.push(`"${g.quote}" (${g.speaker})`);
        continue;
      }
      score.found++;
      if (matches.some((m) => speakerMatches(m.speaker, g))) score.attributed++;
      else score.misattributed.push(`"${g.quote.slice(0, 60)}" → ${matches.map((m) => JSON.stringify(m.speaker)).join(', ')}, not ${g.speaker}`);
    }
  }
  return score;
}
