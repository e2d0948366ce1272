// The one set of cue words news prose gives about people and what they say: the verbs that report speech, the titles
// and roles written before a name, honorifics, and what counts as a role noun. The entity finder (names.ts,
// entities/), the quote attributor (quotes/) and /ask all read them from here, so that /who, /quote and /ask agree
// on who is a person. Where one reader needs other members, its variant is defined here from the base list, named
// for what it is used for and with the reason it differs. All words are lower case.
import { compoundLexiconTags, lexiconTags } from '../text/lexicon.js';
import { wordNet } from '../text/synonyms.js';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/**
 * The words of `members`, in order, each of which must be in one of `lists` (checked when this module loads): a
 * variant can only pick from the lists it names.
 */
function pick(members: string, ...lists: ReadonlySet<string>[]): ReadonlySet<string> {
  const out = words(members);
  for (const w of out) if (!lists.some((l) => l.has(w))) throw new Error(`vocabulary: "${w}" is in none of the lists it is picked from`);
  return out;
}

/** `base` without the words of `left`, each of which must be in it. */
function without(base: ReadonlySet<string>, left: string): ReadonlySet<string> {
  const drop = pick(left, base);
  return new Set([...base].filter((w) => !drop.has(w)));
}

// ---------------------------------------------------------------------------------------------------------------
// Speech.

/**
 * Verbs that report speech or writing, in all their forms: a quotation next to one is its subject's, and a name
 * right before one ("X said") is someone speaking.
 */
export const SPEECH_VERBS: ReadonlySet<string> = words(`
  say says said saying tell tells told telling add adds added adding note notes noted noting write writes wrote
  writing tweet tweets tweeted tweeting post posts posted posting state states stated stating explain explains
  explained explaining insist insists insisted insisting argue argues argued arguing warn warns warned warning
  declare declares declared declaring announce announces announced announcing ask asks asked asking reply replies
  replied replying respond responds responded responding remark remarks remarked remarking recall recalls recalled
  recalling claim claims claimed claiming acknowledge acknowledges acknowledged admit admits admitted concede
  concedes conceded conceding confirm confirms confirmed confirming emphasize emphasizes emphasized emphasise
  emphasises emphasised stress stresses stressed stressing observe observes observed observing comment comments
  commented commenting conclude concludes concluded concluding caution cautions cautioned cautioning lament laments
  lamented lamenting quip quips quipped joke jokes joked predict predicts predicted predicting suggest suggests
  suggested suggesting testify testifies testified testifying rule rules ruled ruling report reports reported
  reporting recount recounts recounted continue continues continued shout shouted yell yelled exclaim exclaimed
  boast boasted complain complains complained mention mentions mentioned reiterate reiterates reiterated
  reiterating assert asserts asserted asserting maintain maintains maintained maintaining contend contends
  contended contending counter counters countered countering retort retorted read reads texted messaged disclose
  discloses disclosed reveal reveals revealed indicate indicates indicated recommend recommends recommended advise
  advises advised assure assures assured inform informs informed inquire inquires inquired inquiring plead pleads
  pleaded pleading confess confesses confessed reminisce reminisces reminisced sigh sighs sighed laugh laughs
  laughed smile smiles smiled grin grins grinned chuckle chuckles chuckled shrug shrugs shrugged muse muses mused
  snap snapped bark barked growl growled beam beamed volunteer volunteered interject interjects interjected
  whisper whispers whispered mutter muttered cry cried beg begged wonder wonders wondered query queried pray prays
  prayed praying urged urges denied denies spoke speaks hint hints hinted hinting greet greets greeted greeting`);

/**
 * The speech verbs the quote attributor reads: all but "states", "urged" and "denied". The attributor compares
 * tokens in lower case whatever their capital, so it would read "the United States" as "the United said" (the entity
 * finder only takes a lower-case word for a verb). It reads "urged" and "denied" among the evaluative verbs: it
 * takes a name before a speech verb for a person, and a country or a company denies and urges as often as anyone
 * ("Veldland denied the claim").
 */
export const ATTRIBUTION_SPEECH_VERBS: ReadonlySet<string> = without(SPEECH_VERBS, 'states urged urges denied denies');

/**
 * The speech verbs news writes before their subject ("said Lapid", "added the minister"): the entity finder counts
 * the name after one as someone speaking. Only the commonest, and not "told" or "asked", whose next name is the one
 * spoken to.
 */
export const INVERTED_SPEECH_VERBS: ReadonlySet<string> = pick(
  'said says added adds noted wrote explained continued insisted recalled',
  SPEECH_VERBS,
);

/** Verbs that characterise what was said ("rejected the claim as “baseless”"): they attribute a partial quote. */
export const EVALUATIVE_VERBS: ReadonlySet<string> = words(`
  reject rejects rejected rejecting dismiss dismisses dismissed dismissing denounce denounces denounced denouncing
  condemn condemns condemned condemning brand brands branded branding label labels labelled labeled labelling
  labeling term terms termed terming hail hails hailed hailing praise praises praised praising criticize
  criticizes criticized criticizing criticise criticises criticised criticising slam slams slammed slamming blast
  blasts blasted accuse accuses accused accusing blame blames blamed blaming urge urges urged urging vow vows
  vowed vowing pledge pledges pledged pledging promise promises promised promising call calls called calling
  describe describes described describing express expresses expressed expressing offer offers offered offering
  propose proposes proposed proposing demand demands demanded demanding welcome welcomes welcomed welcoming decry
  decries decried lambast lambasted characterize characterized characterise characterised deem deems deemed dub
  dubbed dubs refer referred refers deny denies denied denying deplore deplores deplored deploring cite cites cited citing agreed agree agrees refute
  refutes refuted refuting estimate estimates estimated believe believes believed thinks thought feels felt
  considers considered expects expected hopes hoped fears feared wants wanted recommended charge charges charged
  charging acclaim acclaims acclaimed acclaiming applaud applauds applauded applauding commend commends commended
  commending laud lauds lauded lauding`);

/** Nouns of speech that name their speaker with "by"/"from": "a remark by X that “…”". */
export const SPEECH_NOUNS: ReadonlySet<string> = words(
  'remark remarks comment comments words statement assertion claim warning quip phrase message',
);

/** Ministry/department words that belong to a title: "Secretary of State", "Foreign Minister". */
export const DEPARTMENT_WORDS: ReadonlySet<string> = words(`
  state foreign affairs defense defence homeland security interior finance treasury health education justice
  energy commerce labor labour transportation transport agriculture economy economic trade culture sport sports
  environment home human services housing veterans public national international internal external digital
  intelligence information communications development planning industry tourism infrastructure`);

/** Nouns naming a document that "says" things: "the statement said", "the ruling read". */
export const DOCUMENT_NOUNS: ReadonlySet<string> = words(`
  statement release tweet post report letter filing ruling announcement memo complaint lawsuit indictment judgment
  judgement verdict communique communiqué document email message notice decision order readout transcript
  affidavit motion petition text declaration resolution resolutions proclamation editorial advertisement invitation
  inscription letters note bulletin cable telegram preamble citation summons warrant manifesto platform reply replies
  response answer`);

/** Verbs whose subject is a news outlet used as a source ("Politico reported"). */
export const OUTLET_VERBS: ReadonlySet<string> = words('reported reports cited cites quoted quotes broadcast');

/**
 * The words next to a quoted speaker's name that /ask looks for in a sentence with a quotation ("Lapid told",
 * "said Lapid", "according to Lapid"): the commonest speech verbs and "called", a short list because any of them
 * next to a name the question gives counts.
 */
export const QUOTED_SPEAKER_CUES: ReadonlySet<string> = pick(
  'said says say told tells added adds noted notes stated states wrote writes tweeted declared insisted argued ' +
    'asserted explained replied according called calls',
  SPEECH_VERBS,
  EVALUATIVE_VERBS,
  words('according'),
);

// ---------------------------------------------------------------------------------------------------------------
// Titles and roles.

/**
 * Titles and roles that stand before a name, capitalised or not ("Foreign Minister X", "spokesperson X",
 * "Ayatollah X", "striker X"), with their abbreviations and the honorifics.
 */
export const TITLES: ReadonlySet<string> = words(`
  minister president premier chancellor secretary spokesperson spokesman spokeswoman ambassador envoy consul senator sen
  governor gov mayor judge magistrate general gen colonel col admiral adm commander cmdr chief director chairman
  chairwoman chair chairperson ceo cfo coo cto founder cofounder co-founder owner coach manager captain capt king queen
  prince princess emperor pope ayatollah sheikh emir sultan rabbi imam cleric bishop archbishop cardinal reverend rev
  pastor dr doctor prof professor detective det officer sergeant sgt lieutenant lt major maj inspector attorney
  prosecutor counsel lawyer rep representative congressman congresswoman lawmaker legislator mp mep leader speaker
  commissioner superintendent supt sheriff deputy analyst economist editor reporter correspondent columnist journalist
  author writer head executive treasurer diplomat adviser advisor aide negotiator official strategist researcher
  scientist investigator striker midfielder defender goalkeeper goalie winger forward quarterback pitcher skipper
  player nurse teacher surgeon physician engineer historian activist campaigner organizer organiser consultant
  partner president-elect secretary-general director-general ceo-elect chancellor-elect actor actress singer rapper
  artist novelist poet filmmaker producer host anchor presenter commentator pundit broadcaster mr mrs ms mx miss sir
  dame lord baroness baron viscount viscountess marquess marchioness duchess hon councilman councilwoman councillor alderman solicitor controller comptroller auditor
  clerk registrar pfc cpl pvt outfielder infielder shortstop catcher linebacker halfback fullback boxer golfer dictator statesman
  prosecutor-general chief-of-staff marshal chief-executive constable crown justice lady prime vice sens reps govs atty
  insp cllr messrs mmes mesdames drs revs`);

/**
 * Plural title abbreviations before a list of names ("Sens. Leverett Saltonstall and Dick Russell", "Drs. and Mmes. A
 * and B"): each has the title, in the singular ("Sen.", "Dr.").
 */
export const PLURAL_TITLES: ReadonlySet<string> = pick('sens reps govs drs revs', TITLES);

const PLURAL_TITLE_END = new RegExp(`\\b(${[...PLURAL_TITLES].map((t) => t.slice(0, -1)).join('|')})s(\\.?)$`, 'i');

/** A role that ends in a plural title abbreviation, for one of the people listed after it: "US Sens." → "US Sen.". */
export function singularTitle(role: string): string {
  return role.replace(PLURAL_TITLE_END, '$1$2');
}

/**
 * The titles the quote attributor strips from a speaker's name: all but "player". The attributor takes a title
 * word anywhere in a capitalised run for part of the title, so a surname that is also a title would leave no name
 * ("Gary Player said").
 */
export const ATTRIBUTION_TITLES: ReadonlySet<string> = without(TITLES, 'player');

/** Courtesy titles: evidence of a person, but not a role worth reporting, nor a way to tell two namesakes apart. */
export const HONORIFICS: ReadonlySet<string> = pick('mr mrs ms mx miss sir dame lord hon messrs mmes mesdames', TITLES);

/** What a courtesy title before a name says of it (the readers of HONORIFICS that need more than "a person"). */
interface HonorificUse {
  /** The gender it gives one person ("Mrs."/"Miss"/"Ms." f, "Mr."/"Lord" m); the plurals give none. */
  gender?: 'f' | 'm';
  /** It makes a surname of one word after it, even a town's name or a noun ("Mrs. Greenfield", "Lord Home"; not "Miss Texas"). */
  surname?: true;
  /** Someone known only by it and a surname is named with it ("Mrs. Benington", "Lord Home"; "Mr. Smith" is "Smith"). */
  keepsName?: true;
  /** A wife's, after her husband's title in a couple ("Gen. and Mrs. Leroy Watson", "Drs. and Mmes. A and B"). */
  wife?: true;
}
const HONORIFIC_USES: ReadonlyMap<string, HonorificUse> = new Map<string, HonorificUse>([
  ['mr', { gender: 'm', surname: true }],
  ['mrs', { gender: 'f', surname: true, keepsName: true, wife: true }],
  ['ms', { gender: 'f', surname: true, keepsName: true }],
  ['miss', { gender: 'f', keepsName: true }],
  ['lord', { gender: 'm', surname: true, keepsName: true }],
  ['messrs', { surname: true }],
  ['mmes', { surname: true, wife: true }],
]);

/** The gender an honorific gives the name after it (a lower-case key: "mrs" → "f"). */
export function honorificGender(key: string): 'f' | 'm' | undefined {
  return HONORIFIC_USES.get(key)?.gender;
}

/** Whether the honorific makes a surname of the one word after it ("Mrs. Greenfield"; not "Miss Texas"). */
export function honorificMakesSurname(key: string): boolean {
  return HONORIFIC_USES.get(key)?.surname === true;
}

/** Whether a person known only by the honorific and a surname is named with it ("Mrs. Benington", "Lord Home"). */
export function honorificKeepsName(key: string): boolean {
  return HONORIFIC_USES.get(key)?.keepsName === true;
}

/** Whether the honorific is a wife's after her husband's title in a couple ("Gen. and Mrs. X"). */
export function isWifeHonorific(key: string): boolean {
  return HONORIFIC_USES.get(key)?.wife === true;
}

/** Abbreviated titles → the word a later "the captain" would use. */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  capt: 'captain', sgt: 'sergeant', gen: 'general', lt: 'lieutenant', col: 'colonel', sen: 'senator', rep: 'representative',
  gov: 'governor', dr: 'doctor', prof: 'professor', det: 'detective', insp: 'inspector', supt: 'superintendent',
  cmdr: 'commander', adm: 'admiral', maj: 'major', rev: 'reverend', pres: 'president',
  pfc: 'private', cpl: 'corporal', pvt: 'private', atty: 'attorney', cllr: 'councillor',
};

/** Words that qualify a title ("Deputy Foreign Minister", "former vice president", "chief defense counsel"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = words(`
  former ex then acting interim deputy vice assistant associate chief senior junior executive general managing
  foreign prime defense defence interior finance economy economic health justice trade home national security
  intelligence military police party opposition top lead head principal supreme grand high district federal regional
  local team club press communications policy political public presidential first second incoming outgoing longtime
  veteran star special operating technology information marketing sales research medical energy environment education
  culture sports transport labor labour agriculture treasury commerce homeland armed naval legal criminal defense
  court appeals circuit cabinet election campaign union central majority minority attorney crown state news
  investigative science foreign-policy human rights hedge fund portfolio investment film music record football
  basketball baseball hockey tennis soccer rugby cricket equity asset wealth property software movie fashion art
  museum school university hospital council county town village community church youth civil rear brigadier
  lieutenant field staff fire`);

/** Titles that take an organisation or place noun before them into the title ("District Attorney", "Police Chief"). */
export const TITLES_AFTER_INSTITUTIONS: ReadonlySet<string> = pick(
  'attorney judge manager controller commissioner clerk treasurer sheriff executive chief',
  TITLES,
);

/**
 * Capitalised words of a title that stay common words ("Foreign Minister Olta Xhacka"): /ask does not read them as
 * a name. The commonest titles, with the department words written in them.
 */
export const CAPITALISED_TITLE_WORDS: ReadonlySet<string> = pick(
  'minister ministers president vice prime foreign interior defense defence secretary judge justice governor ' +
    'senator mayor chairman chairwoman chair director chief officer spokesman spokeswoman spokesperson ambassador ' +
    'king queen prince princess commissioner attorney general representative deputy leader speaker councilman ' +
    'magistrate captain commander sergeant lieutenant colonel major admiral bishop pope professor doctor coach',
  TITLES,
  TITLE_MODIFIERS,
  words('ministers'),
);

/**
 * Roles that say who a named person is when written right before the name ("economist Alex Bannister", "champion
 * X"): what /ask looks for to answer "who is X". Titles, and the sports and arts roles news writes that way.
 */
export const ROLES_BEFORE_NAME: ReadonlySet<string> = pick(
  'minister president secretary judge governor senator mayor chairman chairwoman chair director chief officer ' +
    'executive spokesman spokeswoman spokesperson ambassador king queen prince princess commissioner attorney ' +
    'general deputy leader speaker magistrate captain commander colonel bishop pope professor doctor coach manager ' +
    'economist analyst engineer editor correspondent reporter singer actor actress star keeper goalkeeper striker ' +
    'defender midfielder winger founder owner lawyer prosecutor adviser advisor boss head chancellor champion ' +
    'medallist athlete sprinter runner player footballer cricketer golfer boxer author writer novelist presenter ' +
    'host comedian musician rapper filmmaker',
  TITLES,
  words('star keeper boss champion medallist athlete sprinter runner footballer cricketer comedian musician'),
);

/** A title word, including hyphenated ones ("Vice-President", "ex-minister", "Mayor-nominate"). */
export function isTitle(key: string): boolean {
  return TITLES.has(key) || (key.includes('-') && (TITLES.has(key.split('-').at(-1)!) || designated(key)));
}

/** "mayor-nominate", "governor-elect", "ambassador-designate": a title someone is about to take. */
function designated(key: string): boolean {
  const m = /^(.+)-(?:elect|nominate|designate)$/.exec(key);
  return m !== null && (TITLES.has(m[1]!) || m[1]!.split('-').some((p) => TITLES.has(p)));
}

/**
 * Roles news gives people that are neither titles nor in compromise's lexicon as actors: a candidacy, a standing
 * in a contest, a trade, a position in a team ("Democratic gubernatorial candidate", "the defending champion", "a
 * Tyler lawyer", "amateur Bill Hyndman", "the big righthander", "Tailback James Saxton").
 */
export const MORE_ROLE_NOUNS: ReadonlySet<string> = words(`
  candidate nominee contender challenger incumbent competitor rival amateur rookie veteran
  bookseller merchant dealer grocer druggist pharmacist carpenter plumber electrician mechanic roofer farmer rancher
  salesman saleswoman broker banker financier industrialist manufacturer contractor builder architect
  righthander lefthander southpaw hurler baseman kicker place-kicker placekicker tailback wingback fielder
  sprinter swimmer jockey referee umpire principal provost headmaster headmistress chaplain deacon priest
  missionary trustee regent foreman forewoman supervisor administrator assessor surveyor warden jailer patrolman
  policeman policewoman fireman firefighter soldier sailor airman pilot corporal victim suspect defendant witness
  survivor
  member proprietor critic publisher designer creator stewardess passenger recruit student housewife concertmaster
  violinist pianist cellist conductor dancer ballerina composer choreographer
  drummer guitarist bassist keyboardist vocalist frontman frontwoman bandmate band-mate teammate team-mate barrister
  fellow researcher scholar academic expert ranger warden curator pro
  hoodlum gangster mobster racketeer gunman thug bookmaker slugger letterman robber burglar thief embezzler swindler
  forger murderer killer kidnaper kidnapper arsonist smuggler
  bridesmaid groomsman bridegroom groom attendant officiant model
`);

/**
 * Roles of more than one word that no title reader builds from a head noun ("best man", "maid of honor"): the parts
 * of a wedding party and of a ceremony, as society pages write them after a copula ("Miss X was maid of honor").
 */
export const ROLE_PHRASES: readonly (readonly string[])[] = [
  'best man', 'maid of honor', 'maid of honour', 'matron of honor', 'matron of honour', 'flower girl', 'ring bearer',
  'master of ceremonies', 'mistress of ceremonies',
].map((p) => p.split(' '));

/**
 * Kinds of organisation news writes before the organisation's name, in lower case ("the regulator Ofwat", "the shop
 * workers' union Usdaw", "promoter Big Sky Concerts", "retailer Bennett Hollis"): the name after one is that kind of
 * body, not a person — unless it opens with a given name ("promoter Frank Warren").
 */
export const ORGANISATION_KIND_NOUNS: ReadonlySet<string> = words(`
  union regulator watchdog firm company group band club retailer supermarket chain broadcaster airline carmaker
  label charity insurer lender bank promoter studio network channel newspaper magazine brewer utility giant outfit
  team side party agency council conglomerate consultancy startup start-up
`);

/** Kinship nouns: who someone is to another, a role only in apposition ("her daughter, Christine", "X, his wife"). */
export const KINSHIP_NOUNS: ReadonlySet<string> = words(`
  wife husband son daughter mother father brother sister stepson stepdaughter stepmother stepfather widow widower
  grandmother grandfather granddaughter grandson nephew niece uncle aunt cousin twin sister-in-law brother-in-law
  mother-in-law father-in-law son-in-law daughter-in-law fiance fiancee fiancé fiancée
`);

/** People by relation or circumstance, not by role: compromise lists some as actors ("friend", "visitor"). */
const NOT_ROLES: ReadonlySet<string> = words(`
  friend friends baby child boy girl person human man woman men women guest visitor tourist customer user citizen native
  winner loser soul spirit ghost god phrase population character somebody nobody anybody people enemy foe lover
  stranger parent mother father son daughter brother sister wife husband mate pal kin
`);

/**
 * A role: a title, or a noun compromise knows as an actor ("nurse", "dealer", "conductor"), in the singular and not
 * a relation ("friend", "mother"). What the entity finder reports as someone's role.
 */
export function isRoleNoun(key: string): boolean {
  if (TITLES.has(key) || MORE_ROLE_NOUNS.has(key)) return true;
  // "ex-schoolteacher", "ex-mayor": a role once held.
  if (/^ex-\p{Ll}{3,}$/u.test(key)) return isRoleNoun(key.slice(3)) || isPersonNounBeforeName(key.slice(3));
  if (key.endsWith('s') && (TITLES.has(key.slice(0, -1)) || MORE_ROLE_NOUNS.has(key.slice(0, -1)))) return false;
  if (NOT_ROLES.has(key)) return false;
  // "vice-chairman", "co-pilot", "mayor-nominate": a hyphenated role.
  if (key.includes('-') && !KINSHIP_NOUNS.has(key) && (isTitle(key) || MORE_ROLE_NOUNS.has(key.split('-').at(-1)!))) return true;
  const tags = compoundLexiconTags(key);
  if (tags.includes('Actor') && !tags.includes('Plural')) return true;
  // "chemist", "physicist", "biologist", "novelist": a practitioner the lexicon lacks (not a verb: "persist", "insist").
  return /^\p{Ll}{4,}ist$/u.test(key) && !/[^aeiou]list$/.test(key) && !tags.some((tag) => /Verb|Tense|Infinitive/.test(tag)); // not "checklist"
}

/**
 * A role noun, or a lower-case noun the lexicon knows no more of than that it is a noun, whose most frequent sense in
 * WordNet is a kind of person ("baton twirler Sue Ann Nuttall"). Only for a lower-case word right before a name: a
 * capitalised word or one in a name's run is read by `isRoleNoun` alone.
 */
export function isPersonNounBeforeName(key: string): boolean {
  if (isRoleNoun(key)) return true;
  if (NOT_ROLES.has(key) || !/^\p{Ll}{3,}$/u.test(key)) return false;
  return compoundLexiconTags(key).every((t) => t === 'Singular' || t === 'Noun') && wordNet().isPersonNoun(key);
}

/** The singular of a plural noun that `isPersonNounBeforeName` takes ("newsmen" → "newsman"), or null. */
export function singularPersonNoun(key: string): string | null {
  return singularOf(key, isPersonNounBeforeName);
}

/** The singular of a plural role noun ("bankers" → "banker", "civil servants"' "servants" → "servant"), or null. */
export function singularRole(key: string): string | null {
  return singularOf(key, isRoleNoun);
}

/** The singular of a plural noun that `accepts` takes ("bankers" → "banker", "newsmen" → "newsman"), or null. */
function singularOf(key: string, accepts: (singular: string) => boolean): string | null {
  for (const singular of [key.replace(/ies$/, 'y'), key.replace(/es$/, ''), key.replace(/s$/, ''), key.replace(/men$/, 'man')]) {
    if (singular !== key && accepts(singular)) return singular;
  }
  return null;
}

/**
 * People who speak without being a role `isRoleNoun` knows: roles in the plural, relations, sides of a case,
 * sources and witnesses ("prosecutors said", "his father said", "sources said", "the defence argued").
 */
const SPEAKER_NOUNS: ReadonlySet<string> = words(`
  spokespeople officials ministers judges prosecutors lawyers attorneys directors leaders activists analysts
  source sources witnesses resident residents officers investigators expert experts researchers keeper players
  owners diplomats aides advisers advisors defendant plaintiff victim doctors star referee fan fans father mother
  son daughter wife husband brother sister friend neighbour teammate lawmakers legislators member members
  negotiators organizers organisers representatives prosecution defense defence jurors juror trustee`);

/**
 * A noun that can name whoever speaks ("the judge said", "prosecutors said", "his father said", "sources said"): a
 * role, but also in the plural and by relation, and any noun compromise knows as an actor or that ends like one
 * ("-man", "-ist") unless it is a speech verb or a document. The quote attributor's test, wider than `isRoleNoun`
 * because a speaker needs no title: the entity finder asks what someone is, the attributor who spoke.
 */
export function isSpeakerNoun(w: string): boolean {
  if (isRoleNoun(w) || SPEAKER_NOUNS.has(w)) return true;
  if (SPEECH_VERBS.has(w) || EVALUATIVE_VERBS.has(w) || DOCUMENT_NOUNS.has(w)) return false;
  const tags = lexiconTags(w);
  if (tags.includes('Actor')) return true;
  return tags.length === 0 && /^[a-z]{3,}(?:man|woman|person|ist|ists|men|women)$/.test(w);
}
