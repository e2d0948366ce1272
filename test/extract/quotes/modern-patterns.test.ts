// Attribution patterns of modern news (issue 16), each on made-up sentences: a headline-style line, a fronted
// "In a statement," that later "the statement added" refers to, a lead's indefinite description of an organisation,
// an organisation noun before a name, role words before a subject's name, a family or group as the speaker, and a
// description in apposition to a name.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/extract/quotes/quotes.js';
import { makeArticle } from '../../helpers/articles.js';

function quotesOf(body: string): Array<[string, string | null]> {
  return extractQuotes([makeArticle({ body })]).map((q) => [q.text, q.speaker]);
}

describe('modern news attribution', () => {
  it('gives a headline-style line "Name: ‘quote’" to the name', () => {
    const body = 'Jonas Pell met voters in Dunmore.\n\nPell: ‘No plan, no money’\n\nThe meeting ended early.';
    expect(quotesOf(body)).toEqual([['No plan, no money', 'Jonas Pell']]);
  });

  it('gives "the statement added" to whoever spoke "In a statement, …"', () => {
    const body =
      'The Tarrow Group runs six ferries.\n\nIn a statement, the Tarrow Group said it was “deeply sorry”.\n\n' +
      '“We will refund every passenger,” the statement added.';
    expect(quotesOf(body).map(([, s]) => s)).toEqual(['Tarrow Group', 'Tarrow Group']);
  });

  it('reads a lead’s "A … company" as the name the next sentence opens with, not a court named later', () => {
    const body =
      'A ferry company has been fined £2m after a crash in Dunmore harbour.\n\n' +
      'Brellan Marine admitted two safety breaches at Dunmore Crown Court on Friday.\n\n' +
      'In a statement, the company said it “accepts the ruling”.';
    expect(quotesOf(body)).toEqual([['accepts the ruling', 'Brellan Marine']]);
  });

  it('takes a name right after an organisation noun as the organisation "the company" means', () => {
    const body = 'The software company Quillon is to close two offices.\n\nIn a statement, the company said the move was “overdue”.';
    expect(quotesOf(body)).toEqual([['overdue', 'Quillon']]);
  });

  it('gives "he said" to the subject named after role words, not to a man named later in the sentence', () => {
    const body =
      'Shadow transport secretary Owen Marsh debated the budget with treasury minister Ivor Dale on Sunday.\n\n' +
      '“There is no money for the trains,” he said.';
    expect(quotesOf(body)).toEqual([['There is no money for the trains,', 'Owen Marsh']]);
  });

  it('gives a quotation to a family or a group as the text describes it, not to the person it belongs to', () => {
    const body =
      'Peter Vane was injured in the fire.\n\nIn a statement read outside court, Mr Vane’s family said: “We want answers.”\n\n' +
      'His relatives said they were “let down”.';
    expect(quotesOf(body)).toEqual([
      ['We want answers.', 'Mr Vane’s family'],
      ['let down', 'Peter Vane’s relatives'],
    ]);
  });

  it('gives the quotation to the name in apposition to a described relative or officer', () => {
    expect(quotesOf('Mrs Orme’s son, Daniel Orme, said his mother was “still frightened”.')).toEqual([['still frightened', 'Daniel Orme']]);
    expect(quotesOf('Norland Rail’s chief executive, Ruth Kell, said the line was “sound”.')).toEqual([['sound', 'Ruth Kell']]);
  });

  it('leaves a scare quote unattributed, not given to a person named nearby', () => {
    const body = 'Council leader Aled Hughes opened a “rest centre” at the school on Sunday.';
    expect(quotesOf(body)).toEqual([['rest centre', null]]);
  });

  it('does not take a name before a plural noun and its verb ("Lena suits rate high") for the she who speaks', () => {
    const body =
      'Mrs. Dora Quayle buys her clothes in Paris.\n\nLena suits rate high because they suit her tall frame. She also likes hats by Mira Holt.\n\n' +
      'Corvani is her favourite tailor.\n\n“I found him when I was young”, she recalls.';
    expect(quotesOf(body)).toEqual([['I found him when I was young', 'Dora Quayle']]);
  });

  it('does not take "the President" for a vice president named nearer', () => {
    const body =
      'President Ralph Ostby met Vice President Hal Brenner of Norland. The President, he added, was firm; ' +
      'in his speech last week he declared: “We shall talk with anyone”.';
    expect(quotesOf(body)).toEqual([['We shall talk with anyone', 'Ralph Ostby']]);
  });

  it('gives a quotation a pledge or a promise introduces to the sentence’s subject, after a dateline', () => {
    const body = 'Dunmore — Mara Quist opened her campaign for mayor here last night with a pledge “to mend every road”.';
    expect(quotesOf(body)).toEqual([['to mend every road', 'Mara Quist']]);
    const owned = 'Tom Vell spoke last.\n\nHe ended with his promise that “the mill will stay open”.';
    expect(quotesOf(owned)).toEqual([['the mill will stay open', 'Tom Vell']]);
  });

  it('reads "the governor" as the governor named before, not the possessive of an earlier "the governor’s move"', () => {
    const body =
      'Governor Ardley said he will name a panel.\n\nThe governor\'s move came in a letter to the town clerk.\n\n' +
      'The governor wrote that he has long been troubled “by the state of the bridges”.';
    expect(quotesOf(body)).toEqual([['by the state of the bridges', 'Ardley']]);
  });

  it('gives "the former County Court judge said" to the man quoted just before, but not an unmarked "the coach"', () => {
    const body =
      'Dunmore — Paul Ekker spoke to 200 party workers last night.\n\nHe said, “We will win this county.”\n\n' +
      '“We must keep the county honest”, the former County Court judge said.';
    expect(quotesOf(body).map(([, s]) => s)).toEqual(['Paul Ekker', 'Paul Ekker']);
    const coach = '“We lost”, Ben Tarr said.\n\n“It was a fair game”, the coach said.';
    expect(quotesOf(coach).map(([, s]) => s)).toEqual(['Ben Tarr', 'coach']);
  });

  it('keeps a given name that is also a name particle ("Ben") and a particle inside a name ("van")', () => {
    expect(quotesOf('“We lost”, Ben Tarr said.')).toEqual([['We lost', 'Ben Tarr']]);
    expect(quotesOf('“We won”, Lotte van Dijk said.')).toEqual([['We won', 'Lotte van Dijk']]);
    expect(quotesOf('“We won”, Secretary of State Ann Drew said.')).toEqual([['We won', 'Ann Drew']]);
  });

  it('never reads "he said" as a plural description that opens the sentence ("Children growing up …")', () => {
    const body = 'In an interview, Mr Vane said it was "distressing".\n\nChildren growing up now "will see things differently," he said.';
    expect(quotesOf(body).map(([, s]) => s)).toEqual(['Vane', 'Vane']);
  });

  it('gives a bulleted point after "X also said:" to X', () => {
    const body = 'In a long interview, Mayor Ida Fenn also said:\n\nThe bridge will be rebuilt\n\nShe would speak "bluntly" to the council\n\nThe mayor flies to Leeds on Friday.\n\nIt was "odd" to some.';
    expect(quotesOf(body)).toEqual([['bluntly', 'Ida Fenn'], ['odd', null]]);
  });

  it('reads "X states," as a speech verb (not "the United States"), and a report "released on Monday by" a body as its', () => {
    expect(quotesOf('In another post, Lina Ortiz states, “Some people will believe anything.”')).toEqual([['Some people will believe anything.', 'Lina Ortiz']]);
    const report = 'A report released on Monday by the Dale Institute on Work and Pay calls that into question.\n\nAs the report states: "Where you are born matters."';
    expect(quotesOf(report)).toEqual([['Where you are born matters.', 'Dale Institute on Work and Pay']]);
  });

  it('keeps a body’s remit in its name ("Joint Committee on Intelligence and Security"), but not "Rama and Lapid"', () => {
    const body = 'But, as the Joint Committee on Roads and Rail has pointed out, it would be used “to track every driver”.';
    expect(quotesOf(body)).toEqual([['to track every driver', 'Joint Committee on Roads and Rail']]);
    expect(quotesOf('Ekker and Vale met on Friday. “We agree,” Ekker said.')).toEqual([['We agree,', 'Ekker']]);
  });

  it('gives "The leader of X, Name, condemned …, saying …" to the name, and a magazine’s tweet to the magazine', () => {
    const body = 'The city was calm.\n\nThe leader of the Dale Party, Omar Tissot, condemned the attack, saying that it “will not break us.”';
    expect(quotesOf(body)).toEqual([['will not break us.', 'Omar Tissot']]);
    expect(quotesOf('The tweet from Kestrel magazine reads, “Show stopped by a heckler.”')).toEqual([['Show stopped by a heckler.', 'Kestrel magazine']]);
  });

  it('gives "described as “…” by X" to X, and a quotation after a colon to the clause’s named subject', () => {
    expect(quotesOf('The closures have been described as “heartbreaking” by the parks department.')).toEqual([['heartbreaking', 'parks department']]);
    const colon = 'Luis van Delden wrote the book.\n\nVan Delden neatly sums up the era in his preface: “It was the age of light.”';
    expect(quotesOf(colon)).toEqual([['It was the age of light.', 'Van Delden']]);
  });

  it('reads a quotation paragraph after a photo caption as going on from the paragraph before the caption', () => {
    const body = '“We guard the coast,” said Mere Tane.\n\nMere Tane at her farm near the harbour, where she grew up\n\n“We are tired of being ignored.”';
    expect(quotesOf(body).map(([, s]) => s)).toEqual(['Mere Tane', 'Mere Tane']);
  });

  it('gives first-person words in the next sentence to the speaker just quoted, unless someone there voices them', () => {
    const body = '“I was shocked,” said Tara Voss, a trader. The price, matched at other stores, is “as low as I’ve ever seen.”';
    expect(quotesOf(body).map(([, s]) => s)).toEqual(['Tara Voss', 'Tara Voss']);
    const chant = '“We lost,” said Tara Voss, the captain. Fans chanted ‘we want our money back’ at the whistle.';
    expect(quotesOf(chant).map(([, s]) => s)).toEqual(['Tara Voss', null]);
  });

  it('takes a name before a kind of organisation ("the D.A. Dale brokerage") for the organisation, not the "he" who spoke', () => {
    const body = 'Sales are steady, said Tom Ferris, a director at the D.A. Dale brokerage. In a few years, he said, “You won’t know the place.”';
    expect(quotesOf(body)).toEqual([['You won’t know the place.', 'Tom Ferris']]);
  });

  it('reads past a dateline to the sentence’s subject, and a state in brackets ("Albany (Cal.)") is no one who speaks', () => {
    const body = 'Ogden, Utah, May 1 — (AP) — Outfielder Jake Tenney said Monday night he was through.\n\n“I’ve had it”, he told a newsman.';
    expect(quotesOf(body)).toEqual([['I’ve had it', 'Jake Tenney']]);
    const state = 'Ron Haskell arrived.\n\nThe rangy, Albany (Cal.) native set a goal.\n\n“I can do better”, he said.';
    expect(quotesOf(state)).toEqual([['I can do better', 'Ron Haskell']]);
  });

  it('gives a quotation to documents the text describes ("the identically worded letters said"), not to a later statement of another kind', () => {
    const body =
      'The demands went out in letters to the owners.\n\n“We intend to come before the end of the year”, the identically worded letters said.\n\n' +
      'A prepared statement released by the student group Friday stated that “the research was thorough”.';
    expect(quotesOf(body)).toEqual([
      ['We intend to come before the end of the year', 'the identically worded letters'],
      ['the research was thorough', 'prepared statement'],
    ]);
  });

  it('gives a document with a prepositional object before its verb to the document\'s owner ("Kennedy\'s invitation to the master said")', () => {
    const body = 'The cellist played at the White House.\n\nPresident Kendall’s invitation to the Spanish-born master said, “We feel your performance would lend distinction”.';
    expect(quotesOf(body)).toEqual([['We feel your performance would lend distinction', 'Kendall']]);
  });

  it('gives a lead\'s definite description the person the next sentence names with a title ("The vice president … Councilman X")', () => {
    const body =
      'The vice president of the City Council complained yesterday that there are “deficiencies” in the snow program.\n\n' +
      'Councilman William D. Schaffer (D., Fifth) said in a letter to the mayor that crews should work longer.';
    expect(quotesOf(body)).toEqual([['deficiencies', 'William D. Schaffer']]);
  });

  it('gives a quotation to "the report" when no one is said to have written it, but a bare "the statement" to no one', () => {
    expect(quotesOf('The report called job discrimination “one of the most serious causes of family breakdown”.')).toEqual([
      ['one of the most serious causes of family breakdown', 'The report'],
    ]);
    expect(quotesOf('The statement called the move “a betrayal”.')).toEqual([['a betrayal', null]]);
  });

  it('gives a quotation that goes on with "but" to the sentence\'s subject, not to the object before it', () => {
    const body = 'The book is published by William Hord Richards.\n\nPublisher Richards has updated the Blue Book “but it still remains the compact reference book”.';
    expect(quotesOf(body)).toEqual([['but it still remains the compact reference book', 'William Hord Richards']]);
  });

  it('gives no speaker to a label in quotation marks after "as a" ("worked as a “labor consultant”")', () => {
    expect(quotesOf('A grand jury called witnesses about Ben Stame, who collected fees as a “labor consultant” for years.')).toEqual([['labor consultant', null]]);
  });

  it('gives "says the handsome food expert" to the person quoted a few sentences back, when no one else is named since', () => {
    const body = '“Mostly meat”, says Rams. So he hides the mayonnaise.\n\nWhat do the girls like?\n\n“Pretty much hamburger”, says the handsome food expert.';
    expect(quotesOf(body)).toEqual([
      ['Mostly meat', 'Rams'],
      ['Pretty much hamburger', 'Rams'],
    ]);
  });

  it('reads past a dateline and then a fronted phrase naming someone else ("Moscow, June 18 — At a party for President X, Premier Y said: …")', () => {
    expect(quotesOf('Moscow, June 18 — At a party in the Kremlin for President Sukarto of Indonesia, Premier Krushev pulled out his pockets and said, beaming: “Look, he took everything I had”!')).toEqual([
      ['Look, he took everything I had', 'Krushev'],
    ]);
  });
});
