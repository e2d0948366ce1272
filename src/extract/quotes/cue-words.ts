// The quote attributor's own cue words: generic English news usage, nothing here knows any story. The cue words it
// shares with the entity finder and /ask (speech verbs, titles, honorifics, role nouns) are in ../vocabulary.ts.

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Words that may stand between a subject and its speech verb ("Lapid also said", "she later told"). */
export const VERB_SKIP = words(`
  also later then once further previously earlier again still even has had have would will was were is are
  reportedly quoted as had repeatedly similarly separately subsequently simply only just recently not himself
  herself itself themselves does did
  yesterday today tonight monday tuesday wednesday thursday friday saturday sunday`);

export const DETERMINERS = words('the a an this that these those');
export const POSSESSIVE_PRONOUNS = words('its his her their our your my');
export const SUBJECT_PRONOUNS = words('he she it they we i anybody anyone somebody someone everybody everyone nobody');

/** Lower-case nouns naming an organisation: "the company said", "the ministry said". */
export const ORG_NOUNS = words(`
  company firm club team ministry department government administration police authorities agency group
  organization organisation bank court council committee commission office party campaign board union embassy
  army military regime cabinet parliament network newspaper broadcaster airline carrier maker manufacturer
  retailer insurer lender startup charity institute university school hospital federation league association
  side squad opposition jury trustees panel tribunal commission magazine website outlet channel station studio label
  foundation think-tank watchdog regulator brokerage`);

/**
 * Lower-case nouns naming a group of people who speak together ("Mr Cole's family said", "her relatives said",
 * "campaigners said") that the shared speaker nouns leave out: the speaker is the group as the text describes it.
 */
export const GROUP_NOUNS = words(`
  family families relatives campaigners supporters critics parents staff workers protesters villagers colleagues
  neighbours neighbors friends passengers pupils students`);

/** Lower-case modifiers allowed inside a speaker noun phrase. */
export const NP_MODIFIERS = words(`
  top senior former chief deputy acting new then longtime interim assistant associate general executive press
  one two three four several both national foreign defense defence local state federal regional written joint
  prime vice prime-minister district lead trial appeals appeal head first second official brief short
  company club ministry team police court government department defense prosecution`);

/** Particles that join the parts of a name: "Secretary of State", "Ursula von der Leyen". */
export const NAME_CONNECTORS = words('of for de del della di da du dos das von van der den la le bin ibn al el ben y');

/** Head words of organisation names: "US State Department", "Acme Corp.". */
export const ORG_HEADS = words(`
  ministry department council agency office commission committee court police army forces force navy guard
  corps company corporation corp corp. inc inc. ltd ltd. llc plc co co. group bank party parliament government
  administration authority service services institute foundation association union federation league club fc
  university college school hospital board bureau network times post news press organization organisation
  embassy senate congress assembly cabinet fund trust holdings industries airlines airways motors technologies
  systems labs laboratories partners capital media pictures records studios tribunal secretariat directorate
  ministries center centre house unit team brigade battalion command alliance coalition movement front
  commissioner's prosecutor's jury trustees foods brands pharmaceuticals pharma energy airlines motors
  electric electronics telecom communications entertainment resources mining petroleum oil gas insurance
  finance financial securities investments ventures logistics shipping retail stores markets`);

/** Capitalised words that never start a name: function words, days, months. */
export const CAP_STOPWORDS = words(`
  the a an and but or so yet nor in on at for after before during following since when while as if although
  though despite with without under over from to by of about into onto upon earlier later meanwhile however
  still also then now once instead according asked yesterday today tonight tomorrow what who whom whose why how
  where which there here some many most all both each every no not even only just already last next this that
  these those they we it he she i you his her its their our my your speaking especially indeed thus hence
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december`);

/** Words that introduce a fronted phrase ending at a comma: "In the case of Albania, Lapid noted …". */
export const INTRO_WORDS = words(`
  in on at for after before during following since when while as if although though despite with without under
  over from by last this earlier later meanwhile however but and yet so still also today yesterday tonight then
  outside inside speaking
  now once instead speaking asked unlike like given amid among throughout within until through according`);

export const FEMALE_WORDS = words('mrs ms miss spokeswoman chairwoman congresswoman businesswoman queen princess lady dame madam mother wife daughter sister');
export const MALE_WORDS = words('mr spokesman chairman congressman businessman king prince sir lord father husband son brother');

/** Verbs that issue a document: "The Veldland government issued a press release". */
export const ISSUE_VERBS = words('issued issues released releases published publishes posted posts sent sends put puts adopted adopts');

// compromise's lexicon gives first names (with gender), countries, cities, demonyms and well-known organisations.

export const isPlaceTag = (t: string): boolean => t === 'Country' || t === 'City' || t === 'Region' || t === 'Place' || t === 'Demonym';
export const isFirstNameTag = (t: string): boolean => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName';
/** Tags of words that are ordinary vocabulary when capitalised at the start of a sentence. */
export const COMMON_TAGS = new Set([
  'Gerund', 'Adjective', 'PastTense', 'Plural', 'PresentTense', 'Infinitive', 'Comparative', 'Superlative', 'Adverb',
  'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'QuestionWord', 'Expression', 'Singular',
  'Uncountable', 'Date', 'Duration', 'Participle', 'Noun', 'Negative', 'Verb', 'Cardinal', 'TextValue',
]);

/** Participles of speech that take "as “…” by X" in the passive: "described as “heartbreaking” by the department". */
export const PASSIVE_SPEECH = words('described called termed dubbed labelled labeled branded characterized characterised hailed praised criticized criticised denounced');
