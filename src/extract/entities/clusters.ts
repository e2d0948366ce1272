// Name keys → entities: which names are one entity (an acronym and its expansion, a surname and the full name,
// a company's short name), what each entity is, and how it is described.
import { pushTo } from '../../util/collections.js';
import type { Entity, EntityKind } from '../../model/types.js';
import {
  KINDS,
  MIN_SCORE,
  alwaysHonoured,
  best,
  hasPersonEvidence,
  isAcronymSurface,
  mayBeListedPerson,
  mostFrequent,
  scoreName,
  type MentionRef,
  type NameStats,
  type Scores,
} from './scores.js';
import type { WordStats } from './mentions.js';
import { NAME_SUFFIXES, ORG_CONNECTORS, ORG_CUES, PLACE_CUES, isFemaleGivenName, isGivenName, isMaleGivenName, isPetFormOf, lexiconKind, nameKey } from '../names.js';
import { honorificKeepsName } from '../vocabulary.js';

/** One entity as the index keeps it. */
export interface Built {
  entity: Entity;
  /** The key of the entity's name ("edi rama"). */
  nameKey: string;
  /** The keys of the name and every alias. */
  keys: string[];
  /** Every name word of every key, for forgiving lookups. */
  tokens: string[];
  /** Its mentions, in article order. */
  mentions: MentionRef[];
}

type KindOf = (key: string) => [EntityKind, number];

/** Union-find over name keys. */
class Clusters {
  private readonly parent = new Map<string, string>();
  private readonly sizes = new Map<string, number>();

  find(k: string): string {
    let root = k;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(k, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent.set(ra, rb);
    this.sizes.set(rb, this.size(ra) + this.size(rb));
  }

  /** How many keys share this key's cluster. */
  size(k: string): number {
    return this.sizes.get(this.find(k)) ?? 1;
  }
}

/**
 * Names of two or more words that begin a longer name ending in an organisation or place noun: "Wayne State" of
 * "Wayne State University", "Beverly Hilton" of "Beverly Hilton Hotel" — the short form of that institution or place.
 */
function institutionPrefixes(names: Map<string, NameStats>): Map<string, 'organization' | 'place'> {
  const out = new Map<string, 'organization' | 'place'>();
  for (const s of names.values()) {
    if (s.words.length < 3 || s.mentions.length === 0) continue;
    const last = s.words.at(-1)!;
    const kind = ORG_CUES.has(last) ? 'organization' : PLACE_CUES.has(last) ? 'place' : null;
    if (!kind) continue;
    for (let n = 2; n < s.words.length; n++) {
      const key = s.words.slice(0, n).join(' ');
      if (names.has(key)) out.set(key, kind);
    }
  }
  return out;
}

/**
 * "Mundt, Goldwater, Bridges, Dirksen, et al", "Brandt, Triandos and Walker": a list of one-word names (or of names of
 * two to four words) is of one kind. A name in it that nothing says is a place or organisation (`mayBeListedPerson`)
 * is a person when another name of the list is one by the text's own evidence (a title, appositive, speech, a pronoun,
 * a byline), or by the shape of a full name (a given name or an initial first), or is a person's surname here, or was
 * made one this way. Scores are changed in place.
 */
function listedPeople(names: Map<string, NameStats>, scores: Map<string, Scores>): void {
  const surnames = new Set<string>();
  for (const s of names.values()) {
    const [kind, score] = best(scores.get(s.key)!);
    if (s.words.length >= 2 && kind === 'person' && score >= MIN_SCORE) surnames.add(surnameOf(s.words));
  }
  const made = new Set<string>();
  const isPerson = (key: string): boolean => {
    const p = names.get(key);
    if (!p) return false;
    const [kind, score] = best(scores.get(key)!);
    if (kind !== 'person' || score < MIN_SCORE) return false;
    // (A full name opening with a given name or an initial is a person by its shape alone.)
    const shaped = p.words.length >= 2 && (isGivenName(p.words[0]!) || p.words[0]!.length === 1);
    return hasPersonEvidence(p, false) || shaped || p.evidence.pronoun > 0 || surnames.has(key) || made.has(key);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of names.values()) {
      if (!s.listPeers || made.has(s.key) || !mayBeListedPerson(s)) continue;
      const [kind, score] = best(scores.get(s.key)!);
      if (kind === 'person' && score >= MIN_SCORE) continue;
      if (![...s.listPeers].some(isPerson)) continue;
      scores.set(s.key, { person: Math.max(MIN_SCORE, scores.get(s.key)!.person), organization: 0, place: 0 });
      made.add(s.key);
      changed = true;
    }
  }
}

/** Name keys → entities: explicit links, acronyms, surnames; then each cluster's kind, name, roles and mentions. */
export function cluster(
  names: Map<string, NameStats>,
  links: [string, string][],
  wordStats: WordStats,
): Built[] {
  const singles = new Set(
    [...names.values()].filter((s) => s.words.length === 1 && s.mentions.length > 0).map((s) => s.key),
  );
  const cuedPrefixes = institutionPrefixes(names);
  const scores = new Map<string, Scores>();
  for (const s of names.values()) scores.set(s.key, scoreName(s, { wordStats, singles, cuedPrefixes }));
  listedPeople(names, scores);
  const kindOf: KindOf = (k) => best(scores.get(k)!);
  const clusters = new Clusters();
  for (const [a, b] of links) if (names.has(a) && names.has(b)) clusters.union(a, b);
  linkAcronyms(names, clusters, kindOf);
  const surnames = new Set<string>();
  const reassigned = linkSurnames(names, clusters, kindOf, surnames);
  linkShortOrgNames(names, clusters, kindOf);

  const members = new Map<string, NameStats[]>();
  const mentionsOf = new Map<string, MentionRef[]>();
  for (const s of names.values()) {
    const root = clusters.find(s.key);
    pushTo(members, root, s);
    for (const m of s.mentions) {
      const owner = clusters.find(reassigned.get(m) ?? s.key);
      pushTo(mentionsOf, owner, m);
    }
  }
  const built: Built[] = [];
  for (const [root, group] of members) {
    const total: Scores = { person: 0, organization: 0, place: 0 };
    // A surname counts only as a person: its other clues ("Throneberry's …") are about the word, not the entity.
    for (const s of group)
      for (const k of KINDS) if (!surnames.has(s.key) || k === 'person') total[k] += scores.get(s.key)![k];
    const [kind, score] = best(total);
    if (score < MIN_SCORE) continue;
    const mentions = mentionsOf.get(root) ?? [];
    const bylines = group.reduce((n, s) => n + s.bylines, 0);
    if (mentions.length + bylines === 0) continue;
    mentions.sort((a, b) => a.article - b.article || a.sentence - b.sentence || a.start - b.start);
    const entity = describe(group, kind, mentions);
    built.push({
      entity,
      nameKey: nameKey(entity.name),
      keys: [...new Set([...group.map((s) => s.key), nameKey(entity.name), ...entity.aliases.map(nameKey)])],
      tokens: [...new Set(group.flatMap((s) => s.words))].filter((w) => !ORG_CONNECTORS.has(w)),
      mentions,
    });
  }
  built.sort((a, b) => b.entity.mentions - a.entity.mentions || a.entity.name.localeCompare(b.entity.name));
  return built;
}

/**
 * A cluster → its entity: the fullest name, every other way it was written, the roles stated at its mentions
 * (bylines give "author"), in the order first stated.
 */
/** Is the name written opening with a nickname in quotation marks ("“Mom” Marr")? */
function opensWithNickname(s: NameStats): boolean {
  return [...s.surfaces.keys()].some((x) => x.startsWith('“'));
}

function describe(group: NameStats[], kind: EntityKind, refs: MentionRef[]): Entity {
  const first = (s: NameStats): number => {
    const m = s.mentions[0];
    return m ? m.article * 1e6 + m.sentence : Number.MAX_SAFE_INTEGER;
  };
  // ("Esther Marr" before "“Mom” Marr": a name, not a nickname, names the person.)
  const nickname = (s: NameStats): number => Number(opensWithNickname(s));
  const fullest = [...group].sort(
    (a, b) =>
      Number(a.epithet === true) - Number(b.epithet === true) ||
      b.words.length - a.words.length ||
      nickname(a) - nickname(b) ||
      b.mentions.length - a.mentions.length ||
      first(a) - first(b),
  )[0]!;
  // "Mrs. Benington", known only by honorific and surname: named so, apart from a namesake ("John Benington"); so is
  // a peer known only by title ("Lord Home").
  const titles = refs.map((m) => m.titled);
  const titledOnly = kind === 'person' && group.length === 1 && fullest.words.length === 1 && titles.length > 0 && titles.every((t) => t !== undefined && honorificKeepsName(t.split(/[.\s]/)[0]!.toLowerCase()));
  const name = titledOnly ? titles[0]! : mostFrequent(fullest.surfaces);
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  const addAlias = (surface: string): void => {
    if (!seen.has(surface.toLowerCase())) aliases.push(surface);
    seen.add(surface.toLowerCase());
  };
  // A surname shared with another person, given to this one, is written as the text titled it ("Mrs. Kennedy", not the
  // bare "Kennedy" of the President).
  const own = new Set(group.map((s) => s.key));
  for (const m of refs) addAlias(m.titled !== undefined && !own.has(nameKey(m.surface)) ? m.titled : m.surface);
  for (const s of group) for (const surface of s.surfaces.keys()) addAlias(surface);
  const roles: string[] = [];
  const addRole = (r: string): void => {
    if (!roles.some((x) => x.toLowerCase() === r.toLowerCase())) roles.push(r);
  };
  if (kind === 'person') {
    for (const m of refs) m.roles.forEach(addRole);
    if (group.some((s) => s.bylines > 0)) addRole('author');
  }
  const bylines = group.reduce((n, s) => n + s.bylines, 0);
  return { name, kind, roles, aliases, mentions: refs.length + bylines };
}

/**
 * For a surname two people share, which one a mention means: the one whose title it repeats ("President Kennedy"),
 * else the one named last before it in the same article, else the one mentioned most.
 */
function ownerPicker(candidates: NameStats[]): (m: MentionRef) => NameStats {
  const offices = candidates.map((p) => new Set(p.mentions.flatMap((pm) => pm.roles.map(office))));
  const byArticle = candidates.map((p) => {
    const map = new Map<number, MentionRef[]>();
    for (const pm of p.mentions) pushTo(map, pm.article, pm);
    return map;
  });
  const mostMentioned = [...candidates].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
  // A woman the article always calls "Mrs."/"Miss", or whose given name is a woman's, is not the bare surname.
  const female = candidates.map((p) => p.mentions.every((pm) => pm.honorific === 'f') || isFemaleGivenName(p.words[0]!));
  return (m) => {
    const byRole = candidates.filter((_, i) => m.roles.some((r) => offices[i]!.has(office(r))));
    if (byRole.length === 1) return byRole[0]!;
    if (m.honorific === undefined && female.some((f) => !f) && female.some((f) => f)) {
      const men = candidates.filter((_, i) => !female[i]);
      if (men.length === 1) return men[0]!;
      return ownerPicker(men)(m);
    }
    let owner: NameStats | undefined;
    let latest = -1;
    candidates.forEach((p, i) => {
      for (const pm of byArticle[i]!.get(m.article) ?? []) {
        const position = pm.sentence * 1e6 + pm.start;
        if (position < m.sentence * 1e6 + m.start && position > latest) [owner, latest] = [p, position];
      }
    });
    return owner ?? mostMentioned;
  };
}

/** The office a role names: "Former President" is "president"; "Vice President" stays "vice president". */
function office(role: string): string {
  return role.toLowerCase().replace(/^(?:(?:former|then|ex|acting|interim|late)[\s-]+)+/, '');
}

/** The surname of a full name: its last word, or the one before "Jr."/"III". */
function surnameOf(words: string[]): string {
  const last = words.at(-1)!;
  return NAME_SUFFIXES.has(last) && words.length > 1 ? words.at(-2)! : last;
}

/** "US" ↔ "United States", "UN" ↔ "United Nations": an acronym and the one multi-word name it abbreviates. */
function linkAcronyms(names: Map<string, NameStats>, clusters: Clusters, kindOf: KindOf): void {
  const byInitials = new Map<string, string[]>();
  for (const s of names.values()) {
    if (s.words.length < 2 || kindOf(s.key)[0] === 'person') continue;
    for (const i of initials(mostFrequent(s.surfaces))) pushTo(byInitials, i, s.key);
  }
  for (const s of names.values()) {
    const surface = mostFrequent(s.surfaces);
    if (s.words.length !== 1 || !isAcronymSurface(surface)) continue;
    const candidates = [...new Set(byInitials.get(surface.replace(/\./g, '')) ?? [])];
    if (candidates.length === 1) clusters.union(s.key, candidates[0]!);
  }
}

/**
 * "Northwind" ↔ "Northwind Analytics Inc.", "City" ↔ "Manchester City": a single word that starts (or ends) exactly
 * one organisation's longer name. An organisation noun alone ("Council") is not a short name.
 */
function linkShortOrgNames(names: Map<string, NameStats>, clusters: Clusters, kindOf: KindOf): void {
  const byEdgeWord = new Map<string, Set<string>>();
  for (const s of names.values()) {
    const [kind, score] = kindOf(s.key);
    if (s.words.length < 2 || kind !== 'organization' || score < MIN_SCORE) continue;
    // The last word only when no "of" precedes it: "Rotary Club of Providence" is not "Providence".
    const edges = s.words.includes('of') ? [s.words[0]!] : [s.words[0]!, s.words.at(-1)!];
    for (const w of edges) byEdgeWord.set(w, (byEdgeWord.get(w) ?? new Set()).add(s.key));
  }
  for (const s of names.values()) {
    // Already a surname ("Rice" of "Mike Rice") or an alias of something else; or used as a place ("in Brevard").
    if (
      s.words.length !== 1 ||
      ORG_CUES.has(s.key) ||
      lexiconKind(s.key) ||
      isGivenName(s.key) ||
      clusters.size(s.key) > 1
    )
      continue;
    if (s.evidence.placePrep > 0) continue;
    const [kind, score] = kindOf(s.key);
    if (kind !== 'organization' && score >= 4) continue;
    // "Jones will run well ahead of his opponents": taken up by "he"/"his", a person, not "the Jones Committee".
    if (kind === 'person' && s.evidence.pronoun > 0) continue;
    const candidates = [...(byEdgeWord.get(s.key) ?? [])];
    if (candidates.length === 1) clusters.union(s.key, candidates[0]!);
  }
}

/**
 * A surname alone is the person named in full elsewhere ("Rama" → "Edi Rama"). When two people share it, each
 * mention goes to the one named in the same article (the nearest before it), else to the most mentioned.
 * Returns the mentions given to a specific person that way.
 */
function linkSurnames(
  names: Map<string, NameStats>,
  clusters: Clusters,
  kindOf: KindOf,
  surnames: Set<string>,
): Map<MentionRef, string> {
  const bySurname = new Map<string, NameStats[]>();
  for (const s of names.values()) {
    if (s.words.length < 2 || kindOf(s.key)[0] !== 'person' || kindOf(s.key)[1] < MIN_SCORE) continue;
    const last = surnameOf(s.words);
    for (const form of new Set([last, last.split('-').at(-1)!])) pushTo(bySurname, form, s);
  }
  const firstNames = new Map<string, NameStats[]>();
  for (const list of bySurname.values())
    for (const p of list)
      if (!(firstNames.get(p.words[0]!) ?? []).includes(p)) pushTo(firstNames, p.words[0]!, p);
  // "Bob (Bevo) Nordmann" → "bevo"; "Long Jim Barnes" → "long jim": the short forms that may stand for one person.
  const byNickname = new Map<string, NameStats[]>();
  const byOpening = new Map<string, NameStats[]>();
  for (const p of new Set([...bySurname.values()].flat())) {
    for (const surface of p.surfaces.keys())
      for (const m of surface.matchAll(/\(([\p{L}'’-]+)\)/gu)) if (!byNickname.get(nameKey(m[1]!))?.includes(p)) pushTo(byNickname, nameKey(m[1]!), p);
    // (Not the name less its generation: "Robert O. Spurr" does not open "Robert O. Spurr, Jr.".)
    const named = NAME_SUFFIXES.has(p.words.at(-1)!) ? p.words.length - 1 : p.words.length;
    for (let k = 2; k < named; k++) pushTo(byOpening, p.words.slice(0, k).join(' '), p);
  }
  const reassigned = new Map<MentionRef, string>();
  for (const s of names.values()) {
    const last = surnameOf(s.words);
    // "Pope John", "King James": a titled given name alone is a monarch's or pope's name, not a surname.
    const titledGivenName = s.evidence.title + s.evidence.appositive > 0 && isGivenName(s.key);
    const candidates = (bySurname.get(last) ?? []).filter(
      (p) =>
        p !== s &&
        p.words.length > s.words.length &&
        // "Jim Sheeran" of "James J. Sheeran": a pet form of the given name counts as the name.
        s.words.every((w, k) => p.words.includes(w) || p.words.some((pw) => pw.endsWith(`-${w}`)) || (k === 0 && s.words.length > 1 && isPetFormOf(w, p.words[0]!))) &&
        (!titledGivenName || hasPersonEvidence(p)) &&
        // "Mrs. Robert O. Spurr" is not "Mrs. Robert O. Spurr, Jr.": a full name without the generation is the other one.
        !(s.words.length >= 2 && p.words.some((w) => NAME_SUFFIXES.has(w)) && !s.words.some((w) => NAME_SUFFIXES.has(w))),
    );
    if (candidates.length === 0) {
      // Family name first ("Li Qiang … Li said"), or a first name alone: only when exactly one person fits.
      // "Frankie" of "Frank Sinatra", "Bobby" of "Bob Roe": a pet form of the one given name ("-ie", "-y").
      const byFirst = s.words.length === 1 ? (firstNames.get(s.key) ?? firstNames.get(petFormOf(s.key)) ?? []).filter((p) => p !== s) : [];
      // Only within the articles that name the person in full: another story's "Karen" is someone else.
      const told = new Set(byFirst[0]?.mentions.map((m) => m.article));
      if (byFirst.length === 1 && !lexiconKind(s.key) && kindOf(s.key)[1] < 5 && s.mentions.every((m) => told.has(m.article)))
        clusters.union(s.key, byFirst[0]!.key);
      // "Bevo" of "Bob (Bevo) Nordmann": the nickname in brackets of exactly one person.
      const nicknamed = s.words.length === 1 ? (byNickname.get(s.key) ?? []).filter((p) => p !== s) : [];
      if (nicknamed.length === 1) clusters.union(s.key, nicknamed[0]!.key);
      // "“Mom” Marr" of "Esther Marr": a nickname in quotation marks before the surname of exactly one person named in
      // full in the same articles.
      const quotedNickname = s.words.length === 2 && opensWithNickname(s);
      const bearers = quotedNickname ? (bySurname.get(last) ?? []).filter((p) => p !== s && p.words.length >= 2 && !opensWithNickname(p)) : [];
      if (bearers.length === 1 && s.mentions.every((m) => bearers[0]!.mentions.some((f) => f.article === m.article))) clusters.union(s.key, bearers[0]!.key);
      // "Long Jim" of "Long Jim Barnes": a name of two words or more that opens exactly one longer person's name.
      const longer = s.words.length >= 2 && kindOf(s.key)[0] === 'person' ? (byOpening.get(s.key) ?? []).filter((p) => p !== s) : [];
      if (longer.length === 1) clusters.union(s.key, longer[0]!.key);
      // "The Kochaneks" of "Mr. and Mrs. Stephen M. Kochanek": a family called by its surname in the plural, after
      // "the" each time, when exactly one person of the same articles bears that surname.
      const family = s.words.length === 1 && s.evidence.theX >= s.mentions.length ? familySurname(s.key, bySurname) : [];
      if (family.length === 1 && s.mentions.every((m) => family[0]!.mentions.some((f) => f.article === m.article))) {
        clusters.union(s.key, family[0]!.key);
        surnames.add(s.key);
      }
      continue;
    }
    // A name that is a place or organisation in its own right ("Washington") is not taken for a surname, nor is
    // "the House" (an institution noun after "the") the surname of "Frank House".
    const own = kindOf(s.key);
    // Unless an honorific says person each time ("Mrs. Greenfield" of "Mrs. Harriet Copeland Greenfield").
    const honoured = alwaysHonoured(s);
    if (own[0] !== 'person' && own[1] >= 5 && !honoured) continue;
    if (SURNAME_NEVER.has(s.key)) continue;
    // "Mrs. Benington" is not the coach John Benington: a woman's honorific keeps a surname from a man's full name.
    const woman = s.words.length === 1 && s.mentions.length > 0 && s.mentions.every((m) => m.honorific === 'f');
    // (Unless the full name is hers too: "Mrs. Henry Francis Lenygon … Mrs. Lenygon".)
    const hers = candidates.length === 1 && candidates[0]!.mentions.every((m) => m.honorific === 'f');
    if (woman && candidates.length === 1 && !hers && (isMaleGivenName(candidates[0]!.words[0]!) || candidates[0]!.mentions.some((m) => m.honorific === 'm'))) continue;
    if (candidates.length === 1) {
      clusters.union(s.key, candidates[0]!.key);
      surnames.add(s.key);
      continue;
    }
    const pick = ownerPicker(candidates);
    for (const m of s.mentions) reassigned.set(m, pick(m).key);
  }
  return reassigned;
}

/** The people whose surname a plural family name is ("kochaneks" → "kochanek", "joneses" → "jones"). */
function familySurname(key: string, bySurname: ReadonlyMap<string, NameStats[]>): NameStats[] {
  if (!/[^s]s$|ses$/.test(key)) return [];
  const singular = /(?:s|x|z|ch|sh)es$/.test(key) && bySurname.has(key.slice(0, -2)) ? key.slice(0, -2) : key.slice(0, -1);
  return bySurname.get(singular) ?? [];
}

/**
 * Words news writes alone, capitalised, for an institution ("the House", "the Court", "Congress"): never taken for
 * the surname of a person who happens to bear it ("Frank House"), whatever the article. A word-level rule, so a
 * rebuild and an update one article at a time decide alike.
 */
export const SURNAME_NEVER: ReadonlySet<string> = new Set(['house', 'senate', 'congress', 'court', 'parliament', 'assembly', 'legislature', 'cabinet', 'council']);

/** "frankie" → "frank", "bobby" → "bob", "jackie" → "jack": the given name a pet form is made from (else ""). */
function petFormOf(key: string): string {
  if (!/^\p{Ll}{2,}(?:ie|y)$/u.test(key)) return '';
  const stem = key.replace(/(?:ie|y)$/, '');
  return /(\p{Ll})\1$/u.test(stem) ? stem.slice(0, -1) : stem;
}

/** Initials of a multi-word name, with and without its small words ("Mujahedeen-e-Khalq" → "MEK"). */
function initials(surface: string): string[] {
  const parts = surface.split(/[\s-]+/).filter((p) => /^\p{L}/u.test(p));
  const all = parts.map((p) => p[0]!.toUpperCase()).join('');
  const capitals = parts
    .filter((p) => /^\p{Lu}/u.test(p))
    .map((p) => p[0]!)
    .join('');
  return [...new Set([all, capitals])];
}
