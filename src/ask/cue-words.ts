// The words /ask reads as cues: titles and roles written before a name, and the words that report speech.

/** Titles written with a capital before a name ("Foreign Minister Olta Xhacka"): still the common word. */
export const TITLE_WORDS = new Set(
  ('minister ministers president vice prime foreign interior defense defence secretary judge justice governor senator ' +
    'mayor chairman chairwoman chair director chief officer spokesman spokeswoman spokesperson ambassador king queen ' +
    'prince princess commissioner attorney general representative deputy leader speaker councilman magistrate ' +
    'captain commander sergeant lieutenant colonel major admiral bishop pope professor doctor coach')
    .split(' '),
);

/** Words of a role that news puts right before a name ("sound engineer Thorne Nogar", "Nationwide economist …"). */
export const ROLES_BEFORE_NAME: readonly string[] =
  'minister president secretary judge governor senator mayor chairman chairwoman chair director chief officer executive spokesman spokeswoman spokesperson ambassador king queen prince princess commissioner attorney general deputy leader speaker magistrate captain commander colonel bishop pope professor doctor coach manager economist analyst engineer editor correspondent reporter singer actor actress star keeper goalkeeper striker defender midfielder winger founder owner lawyer prosecutor adviser advisor boss head chancellor champion medallist athlete sprinter runner player footballer cricketer golfer boxer author writer novelist presenter host comedian musician rapper filmmaker'.split(
    ' ',
  );

/** Verbs that attribute speech, next to the speaker's name ("Lapid told", "said Lapid"). */
export const SPEECH_VERBS = new Set('said says say told tells added adds noted notes stated states wrote writes tweeted declared insisted argued asserted explained replied according called calls'.split(' '));

/**
 * Words that show a sentence reports what someone said (besides quotation marks): verbs of speech, and words of a
 * statement or a reaction to something.
 */
export const SPEECH_CUES: readonly string[] = [
  ...'said says told added noted stated wrote tweeted'.split(' '),
  'according to',
  ...'statement called described rejected condemned denied warned'.split(' '),
];
