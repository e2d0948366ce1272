// What one sentence says a name's role is, from what comes after the name: an appositive ("Charles Bellows, chief
// defense counsel,", "X, earlier named Attorney General,"), a copula ("Williams is a defensive coach"), "hired Smith as
// coach", "X, who sells tractors", a trade verb ("X represented the owners"). They extend the readers of what comes
// before the name (roles-before.ts); the sentence scanner (mentions.ts) asks them in turn for each name it emits;
// each adds what it finds to the name's evidence and roles.
import { lexiconTags } from '../../text/lexicon.js';
import { STOP_WORDS } from '../../text/terms.js';
import { NAME_SUFFIXES, isContentWord, isFunctionWord, isGivenName, isStateAbbreviation } from '../names.js';
import {
  HONORIFICS,
  KINSHIP_NOUNS,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
  isPersonNounBeforeName,
  isRoleNoun,
  isTitle,
  singularPersonNoun,
  singularRole,
  ROLE_PHRASES,
} from '../vocabulary.js';
import type { Evidence } from './mentions.js';
import { ADJECTIVE_RANKS, CLASS_NOUNS, COURT_SIDES, DETERMINERS, MAX_ROLE_WORDS, PLAYING_POSITIONS, RolesBefore, markAffiliation } from './roles-before.js';

/** Words that end a looser appositive's role phrase ("the defending champion, lost", "candidate, that"). */
const LOOSE_APPOSITIVE_STOPS = new Set('who whom whose which that said says told and or but is was has had will would'.split(' '));

/** Two-word roles whose words alone are no role ("running mate"). */
const COMPOUND_ROLES = new Set(['running mate']);

/** Verbs of a trade in "X, who sells tractors": the clause says what the person does. */
const TRADE_VERBS = new Set(
  ('sells runs heads owns manages directs chairs coaches leads teaches edits publishes represents operates works ' +
    'represented headed managed directed chaired coached owned').split(' '),
);

/**
 * A ceremony's duties, written as what a person did ("Dan Roe presented music", "A and B seated guests"): the duty is
 * the role, as a wedding or a funeral notice gives one.
 */
const DUTY = /^(?:presented|played|provided)\s+(?:the\s+)?(?:music|organ\s+music|nuptial\s+music|organ\s+selections)\b|^(?:seated|ushered)\s+(?:the\s+)?guests\b|^officiated\b/i;

/** Participles of appointment that open an appositive: "X, earlier named Attorney General,". */
const APPOINTED: ReadonlySet<string> = new Set(['named', 'appointed', 'elected', 'chosen', 'designated', 'nominated', 'promoted']);

/** Roles held to someone or somewhere, written with "to": "assistant to the Attorney General", "ambassador to Laos". */
const ROLES_TO: ReadonlySet<string> = new Set(['assistant', 'aide', 'adviser', 'advisor', 'counsel', 'consultant', 'ambassador', 'envoy', 'secretary', 'successor', 'heir', 'delegate', 'attache', 'liaison', 'deputy', 'representative']);

/** Nouns that say a person without saying a role: "X, a man mentioned in the indictment,". */
const PERSON_WORDS: ReadonlySet<string> = new Set(['man', 'woman', 'boy', 'girl', 'youth', 'person', 'child']);

const APPOSITIVE_END = new Set(', . ; — – ) : of at for with who and said told in from on says'.split(' '));

/** Verbs whose object takes the role after "as": "hired Smith as coach", "named Jones as chairman". */
const OBJECT_ROLE_VERBS = new Set(
  'hire hires hired appoint appoints appointed name names named elect elects elected choose chooses chose chosen select selects selected employ employs employed sign signs signed install installs installed confirm confirms confirmed nominate nominates nominated retain retains retained recruit recruits recruited re-elected reelected tap taps tapped pick picks picked'.split(' '),
);

/** Passives whose "as" gives the subject a role: "was listed as the mayor's attorney", "is named as chairman". */
const PASSIVE_ROLE_VERBS = new Set('listed named appointed elected chosen identified hired designated installed confirmed nominated'.split(' '));

/** The role readers of one sentence's scanner, over its name spans. */
export abstract class RoleReaders extends RolesBefore {

  /** "Charles Bellows, chief defense counsel," / "Jane Doe, 45, a nurse," / "Tim Cook, Apple’s chief executive,". */
  protected appositiveAfter(last: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    let i = last + 1;
    // "Raymond Fortin Sr., 63, a carpenter": the abbreviation's period before the comma.
    if (toks[i]?.text === '.' && (NAME_SUFFIXES.has(toks[last]!.key) || toks[last]!.text.length === 1)) i++;
    // "according to W. E. Blasingame state entomologist.": a role right after the name that ends the sentence.
    // Not a name that opens another name's appositive ("Edward W. Roos, West Orange public safety commissioner."):
    // there it is the place or employer the role belongs to.
    const opener = this.firstOf(last);
    const inAppositive = toks[opener - 1]?.text === ',' && this.byLast.has(opener - 2);
    if (toks[i]?.word && !toks[i]!.cap && !toks[last]!.possessive && !inAppositive) {
      let h = i;
      while (h < toks.length && h - i < 3 && toks[h]!.word && !toks[h]!.cap && !STOP_WORDS.has(toks[h]!.key)) h++;
      if (h > i && isRoleNoun(toks[h - 1]!.key) && (h === toks.length || (toks[h]!.text === '.' && h === toks.length - 1))) {
        roles.push(this.text.slice(toks[i]!.start, toks[h - 1]!.end));
        evidence.appositive++;
        return;
      }
    }
    // "Francis P. Nolan 3rd, the committee chairman,": an ordinal after the surname is part of the name.
    if (/^[2-9](?:d|nd|rd|th)$/.test(toks[i]?.text ?? '') && toks[i + 1]?.text === ',') i++;
    if (toks[i]?.text !== ',' || toks[last]!.possessive) return;
    // "Kenny Lane of Muskegon, Mich., world's seventh ranked lightweight": the appositive after the state is the one
    // after the town (read there for the town's resident); the state's own is none.
    if (this.isStateAfterTown(opener, last)) return;
    i++;
    // (only after a home town, "X of Muskegon, Mich.,": "from Hyannis Port, Mass., a White House spokesman said …")
    if (toks[opener - 1]?.key === 'of') i = this.pastState(i);
    if (/^\d{1,3}$/.test(toks[i]?.text ?? '') && toks[i + 1]?.text === ',') i += 2;
    // "Hank Greenberg, now vice-president of the Chicago White Sox": the role held now.
    if (/^(?:now|currently|presently)$/.test(toks[i]?.key ?? '') && !toks[i]!.cap && toks[i + 1]?.word && !toks[i + 1]!.cap) i++;
    // "Ralph Sisk, 9230 Vernor east, a third grader", "Buaford Robinson, 23, of 7026 Stewart Av., a CTA bus driver":
    // past a street address.
    const at = toks[i]?.key === 'of' && !toks[i]!.cap ? i + 1 : i;
    if (/^\d{2,5}$/.test(toks[at]?.text ?? '') && toks[at + 1]?.cap) {
      let k = at + 1;
      while (k < toks.length && k - at < 6 && ((toks[k]!.word && (toks[k]!.cap || /^(?:east|west|north|south|st|av|ave|rd|pl|dr)$/.test(toks[k]!.key))) || toks[k]!.text === '.')) k++;
      if (toks[k]?.text === ',') i = k + 1;
    }
    // "Samuel D. Goodis, representing the Philadelphia Hotel Association,": whom the name speaks for.
    if (toks[i]?.word && !toks[i]!.cap && /^(?:representing|heading|leading)$/.test(toks[i]!.key) && toks[i + 1]?.word) {
      let end = i + 1;
      for (let k = i + 1; k < toks.length && k - i < 9; k++) {
        const t = toks[k]!;
        if (!t.word && t.text !== '&' && t.text !== '.') break;
        if (t.word && !t.cap && !/^(?:the|of|and|for|on)$/.test(t.key)) break;
        if (t.word) end = k;
      }
      if (end > i && toks[end]!.cap) {
        roles.push(this.text.slice(toks[i]!.start, toks[end]!.end));
        evidence.appositive++;
        return;
      }
    }
    // "Thomas B. Finan, earlier named Attorney General to succeed …": the office an appointment gave.
    if (this.appointedRole(i, evidence, roles)) return;
    // "paid to Huff, as attorney for the loan association,": the capacity "as" gives.
    // Not after an employer ("a vice president at Oracle, as its new finance chief"): the capacity is the object's.
    const prep = toks[this.firstOf(last) - 1];
    const employer = prep?.word === true && !prep.cap && /^(?:at|of|for|from|with|by|in|on)$/.test(prep.key);
    if (toks[i]?.key === 'as' && !toks[i]!.cap && !employer && toks[i + 1]?.word && !toks[i + 1]!.cap) i++;
    // "Sarah Roe, prosecuting, said": the side a barrister speaks for.
    const side = toks[i];
    const afterSide = toks[i + 1];
    if (side?.word && !side.cap && COURT_SIDES.has(side.key) && afterSide && (afterSide.text === ',' || afterSide.text === '.' || (!afterSide.cap && SPEECH_VERBS.has(afterSide.key)))) {
      roles.push(side.text);
      evidence.appositive++;
      return;
    }
    if (this.oneOfRole(i, last, evidence, roles)) return;
    // "Mrs. Allen McCluskey and Stephen J. Jussel, both wellknown Manhattan decorators,": each one of them.
    // "Skinny Brown and Hoyt Wilhelm, the Flock's veteran knuckleball specialists,": a plural appositive after a pair
    // (the possessive is their employer, not part of the role).
    const pair = toks[opener - 1]?.key === 'and' && !toks[opener - 1]!.cap && this.byLast.has(opener - 2);
    const both = toks[i]?.key === 'both' && !toks[i]!.cap;
    if (both || (pair && !toks[i]?.cap && (toks[i]?.key === 'the' || toks[i]?.possessive))) {
      let from = i + (toks[i]!.possessive ? 0 : 1);
      if (!both && toks[from]?.possessive) from++;
      let head = -1;
      let singular: string | null = null;
      for (let j = from; j < toks.length && j - from < 5; j++) {
        const t = toks[j]!;
        if (!t.word || t.possessive) break;
        if (!t.cap && (singular = singularRole(t.key) ?? (both ? null : singularPersonNoun(t.key)))) {
          head = j;
          break;
        }
      }
      const boundary = toks[head + 1];
      if (singular && head >= from && (!boundary || APPOSITIVE_END.has(boundary.key) || APPOSITIVE_END.has(boundary.text))) {
        const role = `${this.text.slice(toks[from]!.start, toks[head]!.start)}${singular}`;
        roles.push(role);
        evidence.appositive++;
        this.shareWithPartner(last, role);
        return;
      }
    }
    // "previously a senior vice president", "now the company's chief".
    if (/(?:ly|^now)$/.test(toks[i]?.key ?? '') && DETERMINERS.has(toks[i + 1]?.key ?? '')) i++;
    const determiner = DETERMINERS.has(toks[i]?.key ?? '') && !toks[i]!.cap;
    // "Jessy Maroy, a man mentioned in the indictment": a person, though "man" is no role.
    if (determiner && /^(?:a|an|the)$/.test(toks[i]!.key)) {
      let h = i + 1;
      while (h < toks.length && h - i < 3 && toks[h]!.word && !toks[h]!.cap && !PERSON_WORDS.has(toks[h]!.key) && isContentWord(toks[h]!.key)) h++;
      if (toks[h]?.word && !toks[h]!.cap && PERSON_WORDS.has(toks[h]!.key)) evidence.pronoun++; // weaker than a role: "said Arnold, a man who knows the rules" is still "Arnold Palmer"
    }
    if (determiner) i++;
    // An employer first: "Apple’s chief executive", "the Reform UK leader".
    let e = i;
    while (
      toks[e]?.cap &&
      !toks[e]!.possessive &&
      e - i < 4 &&
      !isTitle(toks[e]!.key) &&
      !TITLE_MODIFIERS.has(toks[e]!.key)
    )
      e++;
    const possessive = toks[e]?.cap === true && toks[e]!.possessive;
    if (possessive || (determiner && e > i && toks[e]?.word && !toks[e]!.cap)) {
      const employer = this.byFirst.get(i);
      if (employer) markAffiliation(employer);
      i = possessive ? e + 1 : e;
    }
    let headEnd = -1;
    let j = i;
    for (; j < toks.length && j - i < MAX_ROLE_WORDS; j++) {
      const t = toks[j]!;
      // "Bucky Harris, the “boy-manager” of Washington": a role in quotation marks.
      if (/^[“”"]$/.test(t.text)) continue;
      if (!t.word) break;
      // "assistant United States attorney": a name inside the role, between its lower-case words.
      if (t.cap && !this.isRolePart(t) && j > i && !toks[j - 1]!.cap) {
        let k = j;
        while (k < toks.length && k - j < 4 && toks[k]!.word && toks[k]!.cap && !toks[k]!.possessive) k++;
        if (toks[k]?.word && !toks[k]!.cap && isRoleNoun(toks[k]!.key)) {
          j = k - 1;
          continue;
        }
      }
      if (t.cap ? !this.isRolePart(t) : !this.isRolePhraseWord(t)) break;
      // "a third grader at the school": after a determiner, a noun WordNet knows first as a kind of person.
      if (isRoleNoun(t.key) || (determiner && !t.cap && isPersonNounBeforeName(t.key))) headEnd = j;
      // "Ralph Houk, successor to Casey Stengel at the Yankee helm,": a bare one before "to" (read to the comma below).
      else if (!determiner && j === i && !t.cap && toks[j + 1]?.key === 'to' && isPersonNounBeforeName(t.key)) headEnd = j;
    }
    if (headEnd < 0 || HONORIFICS.has(toks[headEnd]!.key)) {
      this.looseAppositive(i, determiner, evidence, roles);
      return;
    }
    const closing = /^[”"]$/.test(toks[headEnd + 1]?.text ?? '') ? 1 : 0;
    const boundary = toks[headEnd + 1 + closing];
    // "David L. Hackett, a special assistant to the Attorney General,": whom the role serves, up to the comma.
    if (boundary?.key === 'to' && !boundary.cap && (ROLES_TO.has(toks[headEnd]!.key) || (!determiner && headEnd === i))) {
      let end = -1;
      for (let k = headEnd + 2; k < toks.length && k - headEnd < 10; k++) {
        const t = toks[k]!;
        if (t.text === ',' || t.text === ';' || t.text === '.' || t.text === ')') break;
        if (!t.word) {
          end = -1;
          break;
        }
        end = k;
      }
      if (end > headEnd + 1 && /^[,;.)]$/.test(toks[end + 1]?.text ?? '.')) {
        roles.push(this.text.slice(toks[i]!.start, toks[end]!.end));
        evidence.appositive++;
        return;
      }
    }
    const participle = boundary?.word === true && !boundary.cap && /ing$/.test(boundary.key); // "a lawyer representing …"
    if (boundary && !participle && !APPOSITIVE_END.has(boundary.key) && !APPOSITIVE_END.has(boundary.text)) return;
    // "of Houston, Dr. James Carter": a title that runs into the next name is not this name's role.
    if (boundary?.text === '.' && this.isNameToken(headEnd + 2) && toks[headEnd]!.cap) return;
    roles.push(this.text.slice(toks[i]!.start, toks[headEnd]!.end).replace(/[“”"]/g, ''));
    evidence.appositive++;
    // "an analyst at Harbor Lane Securities": the name after at/of/with is the employer.
    if (boundary && /^(?:at|of|with|for)$/.test(boundary.key)) {
      const employer =
        this.byFirst.get(headEnd + 2 + closing) ??
        (toks[headEnd + 2 + closing]?.key === 'the' ? this.byFirst.get(headEnd + 3 + closing) : undefined);
      if (employer) markAffiliation(employer);
    }
  }

  /** "A and B, both decorators": the role of an appositive after B is A's too, when A has none. */
  private shareWithPartner(last: number, role: string): void {
    // ("A and Mrs. B are co-chairmen": past the partner's honorific.)
    const and = this.pastHonorific(this.firstOf(last) - 1, -1);
    const partner = this.tokens[and]?.key === 'and' ? this.byLast.get(and - 1)?.mention : undefined;
    if (partner && partner.roles.length === 0) {
      partner.roles.push(role);
      partner.evidence.appositive++;
    }
  }

  /**
   * An appositive whose role phrase the strict reading above does not take: adjectives and participles before the
   * role ("the defending champion", "the spectacular young amateur", "Democratic gubernatorial candidate", "the
   * naturalized British German born scientist who"), a kinship after a determiner ("her daughter"), an employer
   * with an abbreviation ("Ford Motor Co. vice president"). `i` is the first token after the comma (and age).
   */
  private looseAppositive(i: number, determiner: boolean, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    let headEnd = -1;
    for (let j = i; j < toks.length && j - i < 9; j++) {
      const t = toks[j]!;
      if (!t.word) {
        if (t.text === '.' && toks[j - 1]?.word && toks[j - 1]!.cap && toks[j + 1]?.word) continue; // "Co. vice president"
        if (t.text === '-' || t.text === '’' || t.text === "'") continue;
        break;
      }
      if (!t.cap && determiner && j === i && /^(?:only|lone|sole)$/.test(t.key)) continue; // "the only junior in the group"
      if (!t.cap && (LOOSE_APPOSITIVE_STOPS.has(t.key) || (STOP_WORDS.has(t.key) && t.key !== 'of'))) break;
      // "state GOP chairman": a speech verb before a name or a role is its modifier.
      const next = toks[j + 1];
      if (!t.cap && SPEECH_VERBS.has(t.key) && !(next?.word && (next.cap || isRoleNoun(next.key)))) break;
      if (t.key === 'of') break;
      // "wife of an engineer and mother of a son": a kinship followed by whose it is needs no determiner.
      if (isRoleNoun(t.key) || (KINSHIP_NOUNS.has(t.key) && (determiner || (j === i && toks[j + 1]?.key === 'of')))) headEnd = j;
      // "the 6-foot-10 center who …", "the only junior in the group": a playing position or a class, not "the center of".
      else if (determiner && !t.cap && (PLAYING_POSITIONS.has(t.key) || CLASS_NOUNS.has(t.key)) && toks[j + 1]?.key !== 'of') headEnd = j;
      // "the sexton of the church": a noun WordNet knows first as a kind of person, with what it is of (not an
      // abstract noun's: "a personification of the look").
      else if (determiner && !t.cap && toks[j + 1]?.key === 'of' && !/(?:tion|ment|ness|ity)$/.test(t.key) && isPersonNounBeforeName(t.key)) headEnd = j;
    }
    if (headEnd < 0 || HONORIFICS.has(toks[headEnd]!.key)) return;
    const boundary = toks[headEnd + 1];
    // "a Tyler lawyer representing the Texas Bankers Association": a participle after the role ends it too.
    const participle = boundary?.word === true && !boundary.cap && /ing$/.test(boundary.key);
    if (boundary && !participle && !APPOSITIVE_END.has(boundary.key) && !APPOSITIVE_END.has(boundary.text) && !LOOSE_APPOSITIVE_STOPS.has(boundary.key)) return;
    // "of Houston, Dr. James Carter": a title that runs into the next name is not this name's role.
    if (boundary?.text === '.' && this.isNameToken(headEnd + 2) && toks[headEnd]!.cap) return;
    roles.push(this.text.slice(toks[i]!.start, toks[headEnd]!.end));
    evidence.appositive++;
  }

  /**
   * "… with Paul R. Screvane and Abraham D. Beame as running mates", "named Jane Doe as its president": the role
   * after "as" belongs to the names before it (singular for a plural role).
   */
  protected asRole(last: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    let k = last + 1;
    if (toks[this.firstOf(last) - 1]?.key === 'the') return; // "rejoining the Steelers as an assistant coach"
    // "who follows Amazon as a managing director": the object of a verb is the role's holder only when the verb
    // gives it ("hired Smith as coach", "named X as chairman"); otherwise the subject is.
    const verb = toks[this.firstOf(last) - 1];
    if (verb?.word && !verb.cap && !OBJECT_ROLE_VERBS.has(verb.key) && lexiconTags(verb.key).some((tag) => tag === 'PresentTense' || tag === 'PastTense' || tag === 'Infinitive')) return;
    // "William S. Pfaff Jr., 41, as promotion manager": past the suffix's period and the age.
    if (toks[k]?.text === '.' && NAME_SUFFIXES.has(toks[last]!.key)) k++;
    if (toks[k]?.text === ',' && /^\d{1,3}$/.test(toks[k + 1]?.text ?? '') && toks[k + 2]?.text === ',') k += 3;
    // Past the other names of a list: "X and Y as …".
    for (let guard = 0; guard < 4 && toks[k]?.key === 'and' && !toks[k]!.cap; guard++) {
      const next = this.byFirst.get(k + 1);
      if (!next) return;
      k = next.last + 1;
    }
    // "Henry L. Bowden was listed on the petition as the mayor's attorney": a passive that gives the subject a role.
    if (/^(?:is|was|were|are)$/.test(toks[k]?.key ?? '') && PASSIVE_ROLE_VERBS.has(toks[k + 1]?.key ?? '')) {
      let a = k + 2;
      while (a < toks.length && a - k < 9 && toks[a]!.key !== 'as' && toks[a]!.text !== ',' && toks[a]!.text !== '.') a++;
      if (toks[a]?.key === 'as') k = a;
    }
    if (toks[k]?.key !== 'as' || toks[k]!.cap) return;
    let i = k + 1;
    if (DETERMINERS.has(toks[i]?.key ?? '') && !toks[i]!.cap) i++;
    // "the swearing in of Dean Bryson as Multnomah County Circuit Judge": a capitalised office ending in a title.
    if (toks[i]?.word && toks[i]!.cap) {
      let end = i;
      while (end + 1 < toks.length && end - i < 5 && ((toks[end + 1]!.word && toks[end + 1]!.cap) || toks[end + 1]!.text === '.')) end++;
      while (end > i && !toks[end]!.word) end--;
      if (isTitle(toks[end]!.key) && !HONORIFICS.has(toks[end]!.key)) {
        roles.push(this.text.slice(toks[i]!.start, toks[end]!.end));
        evidence.appositive++;
      }
      return;
    }
    let head = -1;
    let role = '';
    for (let j = i; j < toks.length && j - i < 4; j++) {
      const t = toks[j]!;
      if (!t.word || t.cap) break;
      const compound = j > i ? `${toks[j - 1]!.key} ${t.key}` : '';
      const singular = COMPOUND_ROLES.has(compound) ? compound : COMPOUND_ROLES.has(compound.replace(/s$/, '')) ? compound.replace(/s$/, '') : null;
      if (singular) [head, role] = [j, `${this.text.slice(toks[i]!.start, toks[j - 1]!.start)}${singular}`.trim()];
      else if (isRoleNoun(t.key)) [head, role] = [j, this.text.slice(toks[i]!.start, t.end)];
      else if (singularRole(t.key)) [head, role] = [j, `${this.text.slice(toks[i]!.start, t.start)}${singularRole(t.key)}`];
    }
    if (head < 0) return;
    roles.push(role);
    evidence.appositive++;
  }

  /** Is the one word at `first`..`last` a state's abbreviation after a town and a comma ("Muskegon, Mich.")? */
  private isStateAfterTown(first: number, last: number): boolean {
    const toks = this.tokens;
    return first === last && isStateAbbreviation(toks, first) && toks[first - 1]?.text === ',' && this.byLast.has(first - 2);
  }

  /** Past a home town's state at `i` and the comma after it ("Muskegon, Mich.,": the token after), else `i`. */
  private pastState(i: number): number {
    if (!this.isStateAfterTown(i, i)) return i;
    const comma = this.tokens[i + 1]?.text === '.' ? i + 2 : i + 1;
    return this.tokens[comma]?.text === ',' ? comma + 1 : i;
  }


  /** A trade verb at `k` with its object ("heads a group", "runs the store"): the determiner shows it is the verb. */
  protected tradeVerbAt(k: number): boolean {
    const verb = this.tokens[k];
    // "where J. Edgar Hoover presides over the federal bureau of investigation".
    const over = verb?.word === true && /^presid(?:es|ed)$/.test(verb.key) && this.tokens[k + 1]?.key === 'over' ? 1 : 0;
    const object = this.tokens[k + 1 + over];
    return verb?.word === true && !verb.cap && (TRADE_VERBS.has(verb.key) || over === 1) && object?.word === true && !object.cap && /^(?:a|an|the|his|her|its|their)$/.test(object.key);
  }

  /** "Mr. Roe heads a group within the industry": a verb of a trade right after the name says what they do. */
  protected tradeVerbAfter(last: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    const verb = toks[last + 1]!;
    if (toks[last]!.possessive) return;
    // "Dan Beam presented music", "Robert Roe and Cedric Burr Jr. seated guests": a ceremony's duty (each subject's).
    const afterName = (end: number): number => (toks[end + 1]?.text === '.' ? end + 2 : end + 1); // "… Jr. seated"
    const partner = this.pastHonorific(last + 2, 1); // "and Mrs. B"
    const subjectEnd = this.word(last + 1)?.key === 'and' && !toks[last + 1]!.cap ? this.byFirst.get(partner)?.last : undefined;
    const dutyAt = subjectEnd !== undefined && !toks[subjectEnd]!.possessive ? afterName(subjectEnd) : afterName(last);
    const duty = toks[dutyAt]?.word && !toks[dutyAt]!.cap ? DUTY.exec(this.text.slice(toks[dutyAt]!.start)) : null;
    if (duty) {
      roles.push(duty[0]);
      evidence.appositive++;
      return;
    }
    if (!this.tradeVerbAt(last + 1)) return;
    let end = last + 2;
    for (let j = last + 3; j < toks.length && j - last < 12; j++) {
      const t = toks[j]!;
      // "Jones owned the building until 1958": a time after the trade is no part of it.
      if (t.text === ',' || t.text === ';' || (!t.word && t.text !== '.') || (!t.cap && /^(?:to|since|and|who|which|that|until|till|before|after|during|when|while)$/.test(t.key))) break;
      if (t.text === '.') break;
      end = j;
    }
    roles.push(this.text.slice(verb.start, toks[end]!.end));
    evidence.appositive++;
  }

  /**
   * "X, one of some twenty Air Force recruits,", "X was one of the speakers on the panel": one of a plural role at `i`
   * ("A and B, two of the defendants,": two), for the name ending at `last`.
   */
  private oneOfRole(i: number, last: number, evidence: Evidence, roles: string[]): boolean {
    const toks = this.tokens;
    if (!/^(?:one|two|three|four|five|both)$/.test(toks[i]?.key ?? '') || toks[i]!.cap || toks[i + 1]?.key !== 'of') return false;
    for (let j = i + 2; j < toks.length && j - i < 9; j++) {
      const t = toks[j]!;
      if (!t.word) break;
      if (!t.cap && singularRole(t.key) && !isRoleNoun(t.key)) {
        const boundary = toks[j + 1];
        if (boundary && !APPOSITIVE_END.has(boundary.key) && !APPOSITIVE_END.has(boundary.text)) break;
        const role = this.text.slice(toks[i]!.start, t.end);
        roles.push(role);
        evidence.appositive++;
        // "James White and Jeremiah Pullings, two of the defendants,": the name before "and" is one of them too.
        if (toks[i]!.key !== 'one') this.shareWithPartner(last, role);
        return true;
      }
    }
    return false;
  }

  /** "Williams is a defensive coach.": the role a copula gives the name before it. */
  protected copulaRole(last: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    let k = last + 1;
    // "Cecil Mason of Hartford, Conn., was best man": past a home town's state.
    if (toks[k]?.text === ',' && this.pastState(k + 1) > k + 1) k = this.pastState(k + 1);
    // "Terry Barnes has been named manager": a perfect copula too, and a participle of appointment after it.
    const perfect = /^(?:has|have|had)$/.test(toks[k]?.key ?? '') && toks[k + 1]?.key === 'been' ? 1 : 0;
    if (!(perfect || /^(?:is|was|are|were)$/.test(toks[k]?.key ?? '')) || toks[k]!.cap || toks[last]!.possessive) return;
    const plural = /^(?:are|were|have)$/.test(toks[k]!.key);
    k += 1 + perfect;
    if (/^(?:also|now|still)$/.test(toks[k]?.key ?? '')) k++;
    const appointed = APPOINTED.has(toks[k]?.key ?? '') && !toks[k]!.cap ? k : -1;
    if (appointed >= 0) {
      k++;
      if (toks[k]?.key === 'as' && !toks[k]!.cap) k++;
    }
    const before = roles.length;
    const determiner = /^(?:a|an|the)$/.test(toks[k]?.key ?? '') && !toks[k]!.cap;
    if (this.oneOfRole(k, last, evidence, roles)) return;
    if (!determiner) this.bareCopulaRole(k, evidence, roles);
    else this.looseAppositive(k + 1, true, evidence, roles);
    // "Mrs. A and Mrs. B are co-chairmen": the pair's.
    if (plural && roles.length > before) this.shareWithPartner(last, roles.at(-1)!);
    // "has been appointed temporary assistant district attorney": the office, however many words qualify it.
    if (roles.length === before && appointed >= 0) this.appointedRole(appointed, evidence, roles);
  }

  /**
   * "Mrs. Roe is treasurer", "X is vice chairman of the committee", "A and B are controllers", "X is in charge of
   * admittance": a role after a copula without a determiner (an office one holds), with what it is "of" or "for", and
   * perhaps a time after it ("are co-chairmen this year").
   */
  private bareCopulaRole(k: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    // "was best man for his brother", "was her sister's maid of honor": a role of several words.
    const phraseEnd = this.rolePhraseAt(k);
    if (phraseEnd >= 0) {
      roles.push(this.text.slice(toks[k]!.start, toks[phraseEnd]!.end));
      evidence.appositive++;
      return;
    }
    let i = k;
    let head = -1;
    let singular: string | null = null;
    if (toks[i]?.key === 'in' && toks[i + 1]?.key === 'charge' && toks[i + 2]?.key === 'of') head = i + 1;
    else {
      while (i < toks.length && i - k < 3 && toks[i]!.word && !toks[i]!.cap && TITLE_MODIFIERS.has(toks[i]!.key) && !isRoleNoun(toks[i]!.key)) i++;
      const t = toks[i];
      if (!t?.word || t.cap) return;
      if (isRoleNoun(t.key) && !ADJECTIVE_RANKS.has(t.key)) head = i;
      else if ((singular = singularRole(t.key))) head = i;
      // A modifier that is a role itself: "is vice chairman", "is head of".
      else if (i > k && isRoleNoun(toks[i - 1]!.key)) head = i - 1;
      // A noun that says what the office is for: "is ticket chairman", "is publicity director".
      else if (i - k < 2 && isContentWord(t.key) && !isFunctionWord(t.key) && toks[i + 1]?.word && !toks[i + 1]!.cap && isRoleNoun(toks[i + 1]!.key) && !ADJECTIVE_RANKS.has(toks[i + 1]!.key)) head = i + 1;
      if (head < 0) return;
      // "vice chairman": a title word that qualifies the role after it.
      while (!singular && toks[head + 1]?.word && !toks[head + 1]!.cap && isRoleNoun(toks[head + 1]!.key) && head - k < 3) head++;
    }
    let end = head;
    const next = toks[head + 1];
    if (next?.word && !next.cap && /^(?:of|for)$/.test(next.key)) {
      for (let j = head + 2; j < toks.length && j - head < 8; j++) {
        const t = toks[j]!;
        if (!t.word && t.text !== '’' && t.text !== "'") break;
        if (!t.cap && /^(?:and|or|but|who|which|that|is|was|will|to|at|on|in|during)$/.test(t.key)) break;
        if (t.word) end = j;
      }
      if (end === head) return;
    } else if (next && !(next.text === '.' || next.text === ',' || next.text === ';' || (next.word && !next.cap && /^(?:and|at|in|since|until|now|again|this|last|next)$/.test(next.key)))) return;
    const written = this.text.slice(toks[k]!.start, toks[end]!.end);
    roles.push(singular && end === head ? `${this.text.slice(toks[k]!.start, toks[head]!.start)}${singular}` : written);
    evidence.appositive++;
  }

  /**
   * The last token of a role phrase ("best man", "maid of honor") at `k`, after a possessive if any ("her sister's
   * maid of honor"), or -1.
   */
  protected rolePhraseAt(k: number): number {
    const toks = this.tokens;
    let i = k;
    if (/^(?:his|her|their)$/.test(toks[i]?.key ?? '') && !toks[i]!.cap) i++;
    if (i > k && toks[i]?.word && toks[i]!.possessive && !toks[i]!.cap) i++;
    for (const phrase of ROLE_PHRASES) {
      const words: number[] = [];
      for (let j = i; j < toks.length && words.length < phrase.length; j++) if (toks[j]!.word) words.push(j);
      if (words.length === phrase.length && words.every((j, n) => toks[j]!.key === phrase[n] && !toks[j]!.cap && (n === 0 || j === words[n - 1]! + 1))) return words.at(-1)!;
    }
    return -1;
  }

  /**
   * "earlier named Attorney General", "recently appointed as the county's chief engineer": a participle of appointment
   * opening an appositive, and the office after it (to its role noun).
   */
  private appointedRole(i: number, evidence: Evidence, roles: string[]): boolean {
    const toks = this.tokens;
    let k = i;
    if (toks[k]?.word && !toks[k]!.cap && (/ly$/.test(toks[k]!.key) || /^(?:earlier|once|now|just)$/.test(toks[k]!.key))) k++;
    if (!toks[k]?.word || toks[k]!.cap || !APPOINTED.has(toks[k]!.key)) return false;
    k++;
    if (toks[k]?.key === 'as' && !toks[k]!.cap) k++;
    const from = k;
    if (DETERMINERS.has(toks[k]?.key ?? '') && !toks[k]!.cap) k++;
    let head = -1;
    for (let j = k; j < toks.length && j - k < MAX_ROLE_WORDS; j++) {
      const t = toks[j]!;
      if (!t.word || t.possessive) break;
      if (t.cap ? !this.isRolePart(t) : !this.isRolePhraseWord(t)) break;
      if (isRoleNoun(t.key)) head = j;
    }
    if (head < 0) return false;
    roles.push(this.text.slice(toks[from]!.start, toks[head]!.end));
    evidence.appositive++;
    return true;
  }

  /**
   * "X, who …": only people are "who", so it is a person; "X, who sells tractors in Sioux City" also says what
   * they do, which is their role when nothing else gives one.
   */
  protected whoAfter(last: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    if (toks[last]!.possessive) return;
    // "Frank House who will be …": "who" with no comma after a given name and another word says person too (it opens a
    // restrictive clause) — unlike "the two Birds who got …", "the Cuban-American who".
    const givenFirst = this.firstOf(last) < last && isGivenName(toks[this.firstOf(last)]!.key);
    if (givenFirst && toks[last + 1]?.key === 'who' && !toks[last + 1]!.cap && toks[last + 2]?.word && !toks[last + 2]!.cap) {
      evidence.appositive++;
      return;
    }
    // "Ben Stein, 47, who …": past an age; "Ivan Allen Jr., who …": past a suffix's period.
    const closed = toks[last + 1]?.text === '.' && NAME_SUFFIXES.has(toks[last]!.key) ? last + 1 : last;
    const who = toks[closed + 1]?.text === ',' && /^\d{1,3}$/.test(toks[closed + 2]?.text ?? '') && toks[closed + 3]?.text === ',' ? closed + 4 : closed + 2;
    if (toks[who - 1]?.text !== ',' || !/^who(?:se)?$/.test(toks[who]?.key ?? '') || toks[who]!.cap) return;
    evidence.appositive++;
    const verb = toks[who + 1];
    if (roles.length > 0 || !verb?.word) return;
    if (!TRADE_VERBS.has(verb.key)) {
      // "Ivan Allen Jr., who became a candidate in the Sept. 13 primary": the role a copula gives in the clause.
      // "who has been an assistant more than three years": the perfect too.
      const perfect = /^(?:has|had|have)$/.test(verb.key) && toks[who + 2]?.key === 'been' ? 1 : 0;
      if ((/^(?:became|becomes|is|was)$/.test(verb.key) || perfect) && /^(?:a|an|the)$/.test(toks[who + 2 + perfect]?.key ?? '')) {
        const head = toks[who + 3 + perfect];
        if (head?.word && !head.cap && isRoleNoun(head.key)) {
          roles.push(head.text);
          return;
        }
      }
      this.asRoleInClause(who + 2, roles);
      return;
    }
    let end = who + 1;
    for (let j = who + 2; j < toks.length && j - who < 11; j++) {
      const t = toks[j]!;
      if (t.text === ',' || t.text === ';' || (!t.word && t.text !== '.') || (!t.cap && /^(?:in|at|on|for|since|and)$/.test(t.key) && end > who + 1 && !toks[j + 1]?.cap)) break;
      if (t.word) end = j;
    }
    if (end > who + 1) roles.push(this.text.slice(verb.start, toks[end]!.end));
  }

  /** "who collected big fees as a “labor consultant”": the role "as" gives in the clause, its quotation marks dropped. */
  private asRoleInClause(from: number, roles: string[]): void {
    const toks = this.tokens;
    for (let j = from; j < toks.length && j - from < 14; j++) {
      const t = toks[j]!;
      if (t.text === ',' || t.text === ';' || t.text === '.' || (t.word && !t.cap && /^(?:who|which|that|because|but)$/.test(t.key))) return;
      if (t.key !== 'as' || t.cap) continue;
      let k = j + 1;
      if (/^(?:a|an)$/.test(toks[k]?.key ?? '')) k++;
      while (k < toks.length && /^[“"‘]$/.test(toks[k]!.text)) k++;
      let head = -1;
      for (let h = k; h < toks.length && h - k < 4; h++) {
        const w = toks[h]!;
        if (/^[”"’]$/.test(w.text)) continue;
        if (!w.word || w.cap) break;
        if (isRoleNoun(w.key)) head = h;
        else if (head >= 0) break;
      }
      if (head >= 0) roles.push(this.text.slice(toks[k]!.start, toks[head]!.end).replace(/[“”"‘’]/g, ''));
      return;
    }
  }
}
