// One sentence → the names it mentions and the evidence around each (entities/mentions.ts, with the spans of
// entities/name-spans.ts), and the corpus's word statistics.
import { describe, expect, it } from 'vitest';
import { addWordStats, scanSentence, type RawMention, type WordStats } from '../../../src/extract/entities/mentions.js';

const emptyStats = (): WordStats => ({ lower: new Set(), capitalisedMidSentence: new Set() });

/** Each mention as [key, roles, the evidence it has (counts above zero), organisation by form]. */
function mentionsOf(text: string, stats = emptyStats()): [string, string[], Record<string, number>, boolean][] {
  const evidence = (m: RawMention) => Object.fromEntries(Object.entries(m.evidence).filter(([, n]) => n > 0));
  return scanSentence(text, stats).mentions.map((m) => [m.key, m.roles, evidence(m), m.organization]);
}

describe('where the names of a sentence are', () => {
  it('splits a title off a name and keeps it as the name’s role; a demonym is part of the title', () => {
    expect(mentionsOf('Deputy Foreign Minister Idan Roll met Albanian Foreign Minister Olta Xhacka in Berlin.')).toEqual([
      ['idan roll', ['Deputy Foreign Minister'], { title: 1 }, false],
      ['olta xhacka', ['Albanian Foreign Minister'], { title: 1 }, false],
      ['berlin', [], { placePrep: 2 }, false],
    ]);
  });

  it('drops a capitalised common word that opens the sentence', () => {
    expect(mentionsOf('Following the vote, Rama left for Tirana.').map(([key]) => key)).toEqual(['rama', 'tirana']);
  });

  it('reads a month after "in" as a date, not a name', () => {
    expect(mentionsOf('The vote is due in May, said Jan Hatzius.').map(([key]) => key)).toEqual(['jan hatzius']);
  });

  it('takes a capitalised word before a lower-case "administration" into an organisation’s name', () => {
    expect(mentionsOf('The Biden administration welcomed the move.')).toEqual([['biden administration', [], { theX: 1 }, true]]);
  });
});

describe('the evidence around a name', () => {
  it('an appositive role after the name ("X, chief defense counsel,")', () => {
    expect(mentionsOf('Charles Bellows, chief defense counsel, said the verdict would be appealed.')).toEqual([
      ['charles bellows', ['chief defense counsel'], { appositive: 1 }, false],
    ]);
  });

  it('an inverted speech verb before the name and a role after it', () => {
    expect(mentionsOf('“It is done,” said Adrienne Watson, a spokesperson.')).toEqual([
      ['adrienne watson', ['spokesperson'], { appositive: 1, speech: 1 }, false],
    ]);
  });

  it('an employer before a title ("Apple CEO Tim Cook")', () => {
    expect(mentionsOf('Apple CEO Tim Cook spoke at the summit.')).toEqual([
      ['apple', [], { affiliation: 1 }, false],
      ['tim cook', ['CEO'], { title: 1, speech: 1 }, false], // "spoke at the summit": a speaker
    ]);
  });

  it('an outlet verb ("Politico reported") and an acronym in parentheses that names the same thing', () => {
    const scan = scanSentence('The Mujahedeen-e-Khalq (MEK) denied the report, Politico reported.', emptyStats());
    expect(scan.mentions.map((m) => m.key)).toEqual(['mujahedeen-e-khalq', 'mek', 'politico']);
    expect(scan.mentions[2]!.evidence).toMatchObject({ outlet: 1, speech: 1 });
    expect(scan.links).toEqual([['mujahedeen-e-khalq', 'mek']]);
  });

  it('no link between a dateline and the agency in parentheses after it', () => {
    expect(scanSentence('WASHINGTON (UPI) Congress adjourned.', emptyStats()).links).toEqual([]);
  });
});

describe('the corpus’s word statistics', () => {
  it('collects the words written in lower case and those capitalised away from a sentence or quotation start', () => {
    const stats = emptyStats();
    addWordStats(stats, 'Swift thanked fans, and “Swift’s tour” went on; Taylor Swift’s fans cheered.');
    expect([...stats.lower]).toEqual(['thanked', 'fans', 'and', 'tour', 'went', 'on', 'cheered']);
    expect([...stats.capitalisedMidSentence]).toEqual(['taylor', 'swift']);
  });

  it('lets a sentence-initial word the corpus writes capitalised mid-sentence stay a name', () => {
    expect(mentionsOf('Swift thanked her fans.').map(([key]) => key)).toEqual([]);
    const stats = emptyStats();
    addWordStats(stats, 'Fans cheered for Swift.');
    expect(mentionsOf('Swift thanked her fans.', stats).map(([key]) => key)).toEqual(['swift']);
  });

  it('gives a plural role before "like" or "such as" to each listed name, without an adverb before it', () => {
    const roles = mentionsOf('The defenders were mostly rural mayors like Ann Holt of Byrne, Tom Vick of Ash and Joe Lamm.')
      .filter(([key]) => !['byrne', 'ash'].includes(key))
      .map(([key, r]) => [key, r]);
    expect(roles).toEqual([
      ['ann holt', ['rural mayor']],
      ['tom vick', ['rural mayor']],
      ['joe lamm', ['rural mayor']],
    ]);
    expect(mentionsOf('Big cities like Dallas and Fort Worth grew.').every(([, r]) => r.length === 0)).toBe(true);
  });

  it('keeps a bracketed nickname inside a name ("V. E. (Red) Berry"), and a plural title for each name after it, in the singular', () => {
    expect(mentionsOf('A debate between Reps. V. E. (Red) Berry and Joe Ratcliff was set.').map(([key, r]) => [key, r[0]])).toEqual([
      ['v e red berry', 'Rep.'],
      ['joe ratcliff', 'Rep.'],
    ]);
    // "Drs. and Mmes. A, and B": the couples' list; "Mmes." ends no sentence.
    expect(mentionsOf('Others are Drs. and Mmes. Alfred Robbard, and J. Lafe Ludwin.').map(([key, r]) => [key, r[0]])).toEqual([
      ['alfred robbard', 'Dr.'],
      ['j lafe ludwin', 'Dr.'],
    ]);
    expect(mentionsOf('The backers include Eligio (Kika) De La Garza of Mission.')[0]![0]).toBe('eligio kika de la garza');
  });

  it('reads a dateline’s name as a place ("Austin, Texas — …"), and a client in apposition as a role', () => {
    const dateline = mentionsOf('Austin, Texas — The bill passed on Thursday.');
    expect(dateline[0]![0]).toBe('austin');
    expect(dateline[0]![2].placePrep).toBeGreaterThanOrEqual(3);
    expect(mentionsOf('Trenton — Ward Lisle retired today.')[0]![2].placePrep).toBeGreaterThanOrEqual(3);
    expect(mentionsOf('The lawyer asked the court to free his client, Ann Voss, 30, at once.').find(([key]) => key === 'ann voss')?.[1]).toEqual(['client']);
    expect(mentionsOf('This is not true of homemakers, according to decorator consultant, Leland Aldane.').find(([key]) => key === 'leland aldane')?.[1]).toEqual([
      'decorator consultant',
    ]);
  });

  it('takes "a senior fellow at X" and "Vice-president elect" as roles, and no name from a hashtag', () => {
    const role = (text: string, key: string) => mentionsOf(text).find(([k]) => k === key)?.[1];
    expect(role('“It is late,” said Rhea Vost, a senior fellow at the Dale Institute.', 'rhea vost')).toEqual(['senior fellow']);
    expect(role('The cast spoke to Vice-president elect Tom Arden from the stage.', 'tom arden')).toEqual(['Vice-president elect']);
    expect(mentionsOf('The post reads, “#Kestrel Leeds show stopped by a heckler.”').map(([key]) => key)).toEqual([]);
  });

  it('takes a name that fills a quotation for a title, not a person ("Super Kestrel Run" is divided into levels)', () => {
    expect(mentionsOf('"Super Kestrel Run" is divided into levels, unlike "Temple Dash," its rival.').map(([key]) => key)).toEqual([]);
    expect(mentionsOf('“It works,” said Tom Ferris.').map(([key]) => key)).toEqual(['tom ferris']);
  });

  it('reads "the Scottish chemist Sir X" and "conservation department ranger X" as roles, and "who follows Acme as a director" as not Acme’s', () => {
    const role = (text: string, key: string) => mentionsOf(text).find(([k]) => k === key)?.[1];
    expect(role('In 1898 the Scottish chemist Sir Ivor Gale made a discovery.', 'ivor gale')).toEqual(['Scottish chemist']);
    expect(role('The conservation department ranger Jo Tane attended the stranding.', 'jo tane')).toEqual(['conservation department ranger']);
    expect(role('Sales are steady, said Tom Ferris, who follows Acme as a managing director at a brokerage.', 'acme')).toEqual([]);
    expect(role('The club hired Tom Ferris as coach.', 'tom ferris')).toEqual(['coach']);
  });

  it('reads a playing position before a given name, or after a class word, as a role, but not "the center Mike built"', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('Except for sophomore center Tim Kell and fullback Joe Rane, the squad is sound.')).toMatchObject({ 'tim kell': ['sophomore center'], 'joe rane': ['fullback'] });
    expect(roles('He praised end Bill Norrey.')).toMatchObject({ 'bill norrey': ['end'] });
    expect(roles('They met at the center Mike built.')).toMatchObject({ mike: [] });
  });

  it('reads "Patrolmen A and B", "Judge H. Hobart Grooms", "Roger I. Vermeersch" and a state after a town', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('Patrolmen J. W. Slade and A. L. Crane Jr. said they arrested him.')).toMatchObject({ 'j w slade': ['Patrolmen'], 'a l crane jr': ['Patrolmen'] });
    expect(mentionsOf('Supt. Ann Roe had recommended Roger I. Vermont for the post.').map(([key]) => key)).toEqual(['ann roe', 'roger i vermont']);
    const state = mentionsOf('He identified the man as Lou Parr, 59, a farmer of Hartsdale, Ala.');
    expect(state.find(([key]) => key === 'ala')?.[2].address).toBeGreaterThan(0);
    expect(state.find(([key]) => key === 'hartsdale')?.[2].address).toBeGreaterThan(0);
  });

  it('reads "X is headed by Mrs. Y", "Y 3rd, the chairman,", "The idol of the fans, of course, is Y" and "another pro, Y" as roles', () => {
    const role = (text: string, key: string) => mentionsOf(text).find(([k]) => k === key)?.[1];
    expect(role('The Boston franchise is headed by Mrs. Jane Ellery.', 'jane ellery')).toEqual(['head of the Boston franchise']);
    expect(role('The team was led by Tom Ferris.', 'tom ferris')).toEqual(['leader of the team']);
    expect(role('The dress was designed by Tom Ferris, who flew in.', 'tom ferris')).toEqual(['designer of the dress']);
    expect(role('He named the coordinator, Frank P. Noll 3rd, the committee chairman, to the post.', 'frank p noll')).toEqual(['committee chairman']);
    expect(role('The idol of the fans, of course, is Ray Ainsworth, who scored a 19.', 'ray ainsworth')).toEqual(['The idol of the fans']);
    expect(role('Their second hero is another pro, Willie Chase, who drank his lunch.', 'willie chase')).toEqual(['pro']);
  });

  it('keeps a nickname that is a role noun in the name ("Jimmy (Monk) Roe"), joins "James McN. Hester", and reads roles in a "who … as a" clause, after ", as", with no comma, or from a past trade verb', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('His buddies were four gang chiefs, Gus (Slim) Alden and Jimmy (Monk) Allery.')).toEqual({ 'gus slim alden': ['gang chief'], 'jimmy monk allery': ['gang chief'] });
    expect(mentionsOf('The new president is Dr. James McN. Hessel, dean of the school.').map(([key]) => key)).toEqual(['james mcn hessel']);
    expect(roles('The jury studied the affairs of Ben Stame, 47, who collected big fees as a “labor consultant” and operator of a firm.')).toEqual({ 'ben stame': ['labor consultant'] });
    expect(roles('The money was paid to Curt Huffer, as attorney for the loan association, last year.')).toEqual({ 'curt huffer': ['attorney'] });
    expect(roles('The program covers 30,000 acres, according to W. E. Blasdell state entomologist.')).toEqual({ 'w e blasdell': ['state entomologist'] });
    expect(roles('Saul Hodder represented the owners.')).toEqual({ 'saul hodder': ['represented the owners'] });
    expect(roles('Another hoodlum, Lou Argent, drew $39,000 from the firm.')).toMatchObject({ 'lou argent': ['hoodlum'] });
  });

  it('reads a list of one-word names with "counties" after it, or after "counties —", as places', () => {
    const evidence = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, , e]) => [key, e]));
    expect(evidence('Also treated are Houlton, Bleck and Dodd counties, he said.')).toMatchObject({ houlton: { address: 1 }, bleck: { address: 1 }, dodd: { address: 1 } });
    expect(evidence('The plan reaches four more counties — Troupe, Pierson, Bryant and Bullard — this year.')).toMatchObject({ troupe: { address: 1 }, bullard: { address: 1 } });
  });

  it('reads "Gov. and Mrs. X", a plural role opening the sentence before a copula and a list, and a position or class in an appositive', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('Guests include some dignitaries including Gov. and Mrs. Price Dalton.')).toMatchObject({ 'price dalton': ['Gov.'] });
    expect(roles('Other lettermen from the team that finished second in the tournament were: Don Reiding, Bill Nordby and Dave Harlan.')).toMatchObject({
      'don reiding': ['letterman'],
      'bill nordby': ['letterman'],
      'dave harlan': ['letterman'],
    });
    expect(roles('Committee members aiding them in planning the dance are Messrs and Mmes Roy McKeen and Jack Fannon.')).toMatchObject({ 'roy mckeen': ['Committee member'], 'jack fannon': ['Committee member'] });
    expect(roles('A special award was given to Bob Nordby, the 6-foot-10 center who missed the season.')).toMatchObject({ 'bob nordby': ['6-foot-10 center'] });
    expect(roles('Kiefer, the only junior in the group, was commended.')).toMatchObject({ kiefer: ['only junior'] });
    expect(roles('Happier under new managers, Mays and Mantel are hitting.')).toMatchObject({ mays: [], mantel: [] });
  });

  it('reads "Victim of the accident was X", "two of his sons, John, 17, and Jim, 13", "X, representing Y," and no person in "Minister of External Affairs"', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('Victim of the accident was Robert Lee Stansby, 39.')).toMatchObject({ 'robert lee stansby': ['Victim of the accident'] });
    expect(roles('His wife and two of his sons, John, 17, and Jim, 13, were inside.')).toMatchObject({ john: ['son'], jim: ['son'] });
    expect(roles('Samuel D. Goodman, representing the Philadelphia Hotel Association, objected.')).toMatchObject({ 'samuel d goodman': ['representing the Philadelphia Hotel Association'] });
    expect(mentionsOf('Howard C. Greene, Canada’s Minister of External Affairs, spoke.').map(([key]) => key)).not.toContain('affairs');
  });

  it('reads "X, state GOP chairman,", "Advisors for the company were A and B", "five daughters — A, 5, B, 4", "who became a candidate", "was listed … as the mayor\'s attorney" and "convicted bank robber X"', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('Robert Snowden, state GOP chairman, said so.')).toMatchObject({ 'robert snowden': ['state GOP chairman'] });
    expect(roles('Advisors for the winning company were John K. Morrow and William H. Baxter.')).toMatchObject({ 'john k morrow': ['advisor'], 'william h baxter': ['advisor'] });
    expect(roles('They have five daughters — Glenda Rae, 4, Pamela, 3, and Shari, five months.')).toMatchObject({ 'glenda rae': ['daughter'], pamela: ['daughter'] });
    expect(roles('He will be succeeded by Ivan Allard Jr., who became a candidate in the primary.')).toMatchObject({ 'ivan allard jr': ['candidate'] });
    expect(roles("Henry L. Bowdon was listed on the petition as the mayor's attorney.")).toMatchObject({ 'henry l bowdon': ["mayor's attorney"] });
    expect(roles('The wife of convicted bank robber Lawrence G. Huntly was arrested.')).toMatchObject({ 'lawrence g huntly': ['bank robber'] });
  });

  it('reads a list of items with details after a plural role and a copula ("are: A, Jefferson high school; B, Madison; and C, Cleveland")', () => {
    const roles = (text: string) => Object.fromEntries(mentionsOf(text).map(([key, r]) => [key, r]));
    expect(roles('Other members of the delegation are: Kathleen Masters, Jefferson high school; Phil Reifen, Madison; and Shelby Carl, Cleveland.')).toMatchObject({
      'kathleen masters': ['member'],
      'phil reifen': ['member'],
      'shelby carl': ['member'],
      madison: [],
      cleveland: [],
    });
  });

  it('ends a trade read from a past verb before a time ("Jones owned the building until 1958")', () => {
    expect(mentionsOf('Tom Jonas owned the building until 1958.').find(([k]) => k === 'tom jonas')?.[1]).toEqual(['owned the building']);
  });
});
