import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import type { Article, Quote } from '../../../src/model/types.js';
import { defaultSpeakerMatches, extractQuotes, filterQuotes, findQuoteSpans, type SpeakerResolver } from '../../../src/extract/quotes/quotes.js';
import { makeArticle } from '../../helpers/articles.js';

/** The quotes of one article body, as [text, speaker] pairs. */
function quotesOf(body: string, resolver?: SpeakerResolver): Array<[string, string | null]> {
  return extractQuotes([makeArticle({ body })], resolver).map((q) => [q.text, q.speaker]);
}

/** The speaker of the quote whose text starts with `start`. */
function speakerOf(quotes: Quote[], start: string): string | null | undefined {
  const found = quotes.filter((q) => q.text.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one quote starting "${start}", found ${found.length}`);
  return found[0]!.speaker;
}

/** Every quote is verbatim: its text and citation are slices of the body, the citation holds the quote. */
function expectVerbatim(articles: Article[], quotes: Quote[]): void {
  for (const q of quotes) {
    const article = articles.find((a) => a.id === q.citation.article.id)!;
    expect(article.body).toContain(q.text);
    expect(article.body).toContain(q.citation.excerpt);
    expect(q.citation.excerpt).toContain(q.text);
    expect(q.text).not.toMatch(/^[“"‘']|[”"]$/);
  }
}

describe('finding quotation marks', () => {
  it('finds curly, straight and single-quoted quotations and nothing in apostrophes', () => {
    const body = 'He said “yes” and "no", then ‘maybe’. Israel’s rock ’n’ roll in the ’90s, don’t, the players’ union, it\'s.';
    const spans = findQuoteSpans(body, 0, body.length, 1).map((s) => body.slice(s.start, s.end));
    expect(spans).toEqual(['yes', 'no', 'maybe']);
  });

  it('keeps single quotes inside double quotes as part of the outer quotation', () => {
    const body = 'She said: “His reference to ‘tattered remains’ is an insult. I don’t accept it.”';
    const spans = findQuoteSpans(body, 0, body.length, 1).map((s) => body.slice(s.start, s.end));
    expect(spans).toEqual(['His reference to ‘tattered remains’ is an insult. I don’t accept it.']);
  });

  it('runs a quotation left open to the end of its paragraph', () => {
    const body = '“We will win. We always do.';
    const [span] = findQuoteSpans(body, 0, body.length, 1);
    expect(span).toMatchObject({ closed: false });
    expect(body.slice(span!.start, span!.end)).toBe('We will win. We always do.');
  });
});

describe('attribution patterns', () => {
  it.each([
    ['“We are ready,” Anna Berg said.', 'Anna Berg'],
    ['“We are ready,” said Anna Berg.', 'Anna Berg'],
    ['“We are ready,” Anna Berg told reporters on Monday.', 'Anna Berg'],
    ['“We are ready,” Anna Berg added.', 'Anna Berg'],
    ['The plan is “ready to go,” according to Anna Berg.', 'Anna Berg'],
    ['Anna Berg noted that “the plan is ready.”', 'Anna Berg'],
    ['Anna Berg wrote that the plan was “ready to go.”', 'Anna Berg'],
    ['“We are ready,” Anna Berg said in a statement.', 'Anna Berg'],
    ['“We are ready,” Anna Berg wrote in a tweet.', 'Anna Berg'],
    ['In a statement, Anna Berg said: “We are ready.”', 'Anna Berg'],
    ['Said Anna Berg after the vote, “We are ready.”', 'Anna Berg'],
    ['Anna Berg, 61, said, “We are ready.”', 'Anna Berg'],
    ['Anna Berg, who chairs the board, said: “We are ready.”', 'Anna Berg'],
    ['A spokesperson, Anna Berg, said: “We are ready.”', 'Anna Berg'],
    ['“We are ready,” said the magistrate, Anna Berg.', 'Anna Berg'],
    ['The Finance Ministry of Norland noted that “the plan is ready.”', 'Finance Ministry of Norland'],
    ['“We are ready,” said Veld Bank chief executive Anna Berg.', 'Anna Berg'],
    ['“We are ready,” the Veld Transport Authority said.', 'Veld Transport Authority'],
    ['Mayor Anna Berg (Ind., North) called the plan “a disgrace.”', 'Anna Berg'],
  ])('%s → %s', (body, speaker) => {
    expect(quotesOf(body)).toEqual([[expect.any(String), speaker]]);
  });

  it('reads "X told Y" as X speaking, not Y', () => {
    expect(quotesOf('Tomas Ruiz met Clara Vance. “We agree,” Ruiz told Vance.')).toEqual([['We agree,', 'Tomas Ruiz']]);
  });

  it('attributes a whole-sentence quote from the previous or the next sentence of the paragraph', () => {
    const body = '“The first step is done,” Mayor Karl Osei said. “The second will be harder.”\n\n“We were outplayed.” Coach Dana Pike said it plainly after the game.';
    expect(quotesOf(body)).toEqual([
      ['The first step is done,', 'Karl Osei'],
      ['The second will be harder.', 'Karl Osei'],
      ['We were outplayed.', 'Dana Pike'],
    ]);
  });

  it('gives a paragraph-long quotation the speaker who introduced it with a colon', () => {
    const body = 'Earlier, Karl Osei said in a statement:\n\n“The city will rebuild. It always has.”';
    expect(quotesOf(body)).toEqual([['The city will rebuild. It always has.', 'Karl Osei']]);
  });

  it('continues a quotation left open at the end of a paragraph', () => {
    const body = 'He is new. “It was a long night,” said Omar Reyes. “I could not sleep.\n\n“Then the call came.”';
    expect(quotesOf(body).map(([, s]) => s)).toEqual(['Omar Reyes', 'Omar Reyes', 'Omar Reyes']);
  });

  it('attributes partial quotes from the sentence that carries them', () => {
    const body =
      'Veldland rejected the accusation as “baseless” and called the sanctions “an act of war.” ' +
      'Prime Minister Ida Krol said the attack was planned, calling it “state aggression.”';
    expect(quotesOf(body)).toEqual([
      ['baseless', 'Veldland'],
      ['an act of war.', 'Veldland'],
      ['state aggression.', 'Ida Krol'],
    ]);
  });

  it('leaves scare quotes and titles of works unattributed', () => {
    const body = 'The so-called “green wave” reached the coast. Critics praised the play. “Hamlet” opens on Friday.';
    expect(quotesOf(body)).toEqual([
      ['green wave', null],
      ['Hamlet', null],
    ]);
  });

  it('gives null, never a guess, when the text names no speaker', () => {
    expect(quotesOf('“Nobody saw it coming.” The storm hit at dawn and cut power to the port.')).toEqual([['Nobody saw it coming.', null]]);
    expect(quotesOf('A sign on the door read “closed until further notice.”')).toEqual([['closed until further notice.', null]]);
  });

  it('takes straight quotes as well as curly ones', () => {
    const body = '"This was not a moment of weakness. It was a plan," prosecutor Mark Lund said.';
    expect(quotesOf(body)).toEqual([['This was not a moment of weakness. It was a plan,', 'Mark Lund']]);
  });

  it('takes top-level single quotes (headline and British style)', () => {
    expect(quotesOf('‘We will fight on,’ said Nadia Orlov, the party’s leader.')).toEqual([['We will fight on,', 'Nadia Orlov']]);
  });
});

describe('resolving who "he", "it", "its", "the statement" and a surname are', () => {
  it('resolves a surname to the full name used elsewhere in the article', () => {
    const body = 'Interior Minister Selma Haddad visited the port. “We will rebuild,” Haddad said.';
    expect(quotesOf(body)).toEqual([['We will rebuild,', 'Selma Haddad']]);
  });

  it('resolves a pronoun to the sentence subject, not its object', () => {
    const body = 'Deputy Minister Piet Laan met with Foreign Minister Olga Brandt in Oslo, where he “offered support”, he said in a tweet.';
    expect(quotesOf(body)).toEqual([['offered support', 'Piet Laan']]);
  });

  it('resolves a pronoun to a person in an earlier sentence, respecting gender when known', () => {
    const body = 'Maria Costa, the club captain, thanked John Webb. “We needed that,” she said.';
    expect(quotesOf(body)).toEqual([['We needed that,', 'Maria Costa']]);
  });

  it('resolves "its" to the country or organisation the text is about', () => {
    const body = 'Veldland denied the claim. “We had no part in it,” its Foreign Ministry said.';
    expect(quotesOf(body)).toEqual([['We had no part in it,', 'Veldland’s Foreign Ministry']]);
  });

  it('resolves "it said" and "the company said" to the company', () => {
    const body = 'Orbis Logistics cut 300 jobs on Monday. The company said the move was “painful.” “We had no choice,” it said.';
    expect(quotesOf(body)).toEqual([
      ['painful.', 'Orbis Logistics'],
      ['We had no choice,', 'Orbis Logistics'],
    ]);
  });

  it('resolves "the judge" to the judge named before', () => {
    const body = 'Judge Helena Moss heard the case. “The law is clear,” the judge said.';
    expect(quotesOf(body)).toEqual([['The law is clear,', 'Helena Moss']]);
  });

  it('resolves a body referred to by its members ("the jurors said") to the body', () => {
    const body = 'The Orland County Grand Jury met on Friday. “The rules are outdated,” the jurors said.';
    expect(quotesOf(body)).toEqual([['The rules are outdated,', 'Orland County Grand Jury']]);
  });

  it('resolves "the statement"/"the press release" to whose it is, else null', () => {
    const owned = 'The Veldland government issued a press release on Sunday. The press release said the talks were “constructive.”';
    expect(quotesOf(owned)).toEqual([['constructive.', 'Veldland government']]);
    const explicit = 'The Orbis press release said the leaders “agreed on next steps.”';
    expect(quotesOf(explicit)).toEqual([['agreed on next steps.', 'Orbis']]);
    const unowned = 'The statement said the talks were “constructive.”';
    expect(quotesOf(unowned)).toEqual([['constructive.', null]]);
  });

  it('reads "the statement" after "X said in a statement" as X’s', () => {
    const body = 'Orbis Group said in a statement that it was “deeply sorry.” The statement added that staff were “safe.”';
    expect(quotesOf(body)).toEqual([
      ['deeply sorry.', 'Orbis Group'],
      ['safe.', 'Orbis Group'],
    ]);
  });

  it('uses the resolver for canonical names and kinds', () => {
    const resolver: SpeakerResolver = {
      resolve: (name) => (/^(?:Selma )?Haddad$/.test(name) ? { name: 'Selma R. Haddad', kind: 'person' } : null),
    };
    expect(quotesOf('“We will rebuild,” Haddad said.', resolver)).toEqual([['We will rebuild,', 'Selma R. Haddad']]);
  });
});

describe('extractQuotes on the seed corpus and the fixtures', () => {
  let seeds: Article[];
  let fixtures: Article[];
  beforeAll(async () => {
    seeds = (await loadCorpus('corpus')).articles;
    fixtures = (await loadCorpus('test/fixtures/quotes')).articles;
  });

  it('finds and attributes every quotation in the seeds, verbatim', () => {
    const quotes = extractQuotes(seeds);
    expectVerbatim(seeds, quotes);
    expect(quotes).toHaveLength(20);
    expect(speakerOf(quotes, 'offered to share our knowledge')).toBe('Idan Roll');
    expect(speakerOf(quotes, 'We will continue to tighten')).toBe('Idan Roll');
    expect(speakerOf(quotes, 'state aggression')).toBe('Edi Rama');
    expect(speakerOf(quotes, 'baseless')).toBe('Iran');
    expect(speakerOf(quotes, 'Iran as one of the target countries')).toBe('Iran’s Foreign Ministry');
    expect(speakerOf(quotes, 'We join in Prime Minister')).toBe('Adrienne Watson');
    expect(speakerOf(quotes, 'Iran is a shared threat')).toBe('Yair Lapid');
    expect(speakerOf(quotes, 'We saw this during')).toBe('Yair Lapid');
    expect(speakerOf(quotes, 'strengthening')).toBe('Israel');
    expect(speakerOf(quotes, 'Iran’s cyberattacks targeting')).toBe('US State Department');
    expect(speakerOf(quotes, 'You have been a true friend')).toBe('Yair Lapid');
  });

  it('keeps a quotation split by the sentence splitter as one quote, citing all its sentences', () => {
    const quote = extractQuotes(seeds).find((q) => q.text.startsWith('We saw this during'))!;
    expect(quote.text).toMatch(/Albania\. Israel will assist .* obligation\.$/);
    expect(quote.citation.excerpt.startsWith('“We saw this')).toBe(true);
    expect(quote.citation.paragraph).toBe(1);
  });

  it('attributes the court, sports and business fixtures', () => {
    const quotes = extractQuotes(fixtures);
    expectVerbatim(fixtures, quotes);
    expect(quotes.map((q) => q.speaker)).toEqual([
      // court
      'Helen Marsh', 'Helen Marsh', 'Priya Raman', 'Priya Raman', 'Mark Ellison', 'Mark Ellison',
      'Janet Bose', 'Janet Bose', 'Janet Bose', 'Harbor Credit Union', 'Harbor Credit Union',
      // sports
      'Elena Castillo', 'Elena Castillo', 'Elena Castillo', 'Elena Castillo', 'Tomás Reyes', 'Tomás Reyes',
      'Tomás Reyes', 'Martin Greaves', 'Martin Greaves', 'Martin Greaves', 'Martin Greaves', 'Ashby Town', null,
      // business
      'Northwind Foods', 'Laura Brennan', 'Laura Brennan', 'Laura Brennan', 'Northwind Foods', 'Omar Haddad',
      'Omar Haddad', 'Union leaders', 'Gwen Price', 'Kestrel Partners',
    ]);
  });
});

describe('filterQuotes', () => {
  const quotes = extractQuotes([
    makeArticle({
      body:
        '“Cyber defence is a shared duty,” said Prime Minister Édith Lamarre. “Our grids were attacked.”\n\n' +
        '“The sanctions will hurt,” Jonas Weber told reporters. The poster read “No war.”',
    }),
  ]);

  it('matches speakers forgivingly: case, accents, surname, prefix', () => {
    for (const wanted of ['Édith Lamarre', 'edith lamarre', 'LAMARRE', 'Lamar', 'Prime Minister Edith Lamarre']) {
      expect(filterQuotes(quotes, { speaker: wanted }).map((q) => q.speaker)).toEqual(['Édith Lamarre', 'Édith Lamarre']);
    }
    expect(filterQuotes(quotes, { speaker: 'Weber' })).toHaveLength(1);
    expect(filterQuotes(quotes, { speaker: 'Nobody' })).toEqual([]);
  });

  it('searches quote text and sentence by stems for a topic', () => {
    expect(filterQuotes(quotes, { topic: 'attacks on the grid' }).map((q) => q.text)).toEqual(['Our grids were attacked.']);
    expect(filterQuotes(quotes, { topic: 'sanction' }).map((q) => q.speaker)).toEqual(['Jonas Weber']);
    expect(filterQuotes(quotes, { topic: 'reporters' })).toHaveLength(1); // from the sentence, not the quote
  });

  it('combines speaker and topic, and never matches a null speaker', () => {
    expect(filterQuotes(quotes, { speaker: 'Lamarre', topic: 'cyber' })).toHaveLength(1);
    expect(filterQuotes(quotes, { speaker: 'war' })).toEqual([]);
    expect(filterQuotes(quotes, {})).toHaveLength(quotes.length);
  });

  it('accepts a custom speaker matcher', () => {
    const exact = (speaker: string, wanted: string): boolean => speaker === wanted;
    expect(filterQuotes(quotes, { speaker: 'Jonas Weber' }, exact)).toHaveLength(1);
    expect(filterQuotes(quotes, { speaker: 'Weber' }, exact)).toHaveLength(0);
    expect(defaultSpeakerMatches('Yair Lapid', 'lapid')).toBe(true);
    expect(defaultSpeakerMatches('Yair Lapid', 'la')).toBe(false);
  });
});

describe('performance', () => {
  it('is linear in text size: a 10x longer article takes about 10x as long, not 100x', () => {
    const paragraph =
      'Council member Rita Okoye spoke on Tuesday. “The budget is a disgrace,” Okoye said. “We will vote against it.” ' +
      'The mayor’s office called the criticism “unfair” and said it would respond. “Nobody was consulted,” she added.';
    const body = (n: number): string => Array.from({ length: n }, () => paragraph).join('\n\n');
    const time = (n: number): number => {
      const article = makeArticle({ body: body(n) });
      const t0 = performance.now();
      const quotes = extractQuotes([article]);
      const elapsed = performance.now() - t0;
      expect(quotes).toHaveLength(4 * n);
      return elapsed;
    };
    time(20); // warm-up
    const small = time(100);
    const large = time(1000);
    expect(large).toBeLessThan(4000);
    expect(large / Math.max(small, 1)).toBeLessThan(35);
  });
});

describe('speakers the article tells apart (issue 16)', () => {
  const family =
    'Fund-raising events were planned for the hard-hit Henry Novak family.\n\n' +
    'Mrs. Edith Novak, 42, died yesterday afternoon of burns suffered in a fire.\n\n' +
    'Her daughters, Ruth Novak, 8, and Carol, 6, escaped with minor burns.\n\n' +
    '“All we have left is one another,” Novak said in telling his children of their mother’s death.\n\n' +
    'Novak has spoken but little since the fire. But today he wanted to make a public statement.\n\n' +
    '“I never knew there were such neighbors around me.”';

  it('gives a surname several people share to the one of the gender the sentence gives ("Novak said in telling his children")', () => {
    expect(quotesOf(family)).toEqual([
      ['All we have left is one another,', 'Henry Novak'],
      ['I never knew there were such neighbors around me.', 'Henry Novak'],
    ]);
  });

  it('never gives the surname to a woman the article calls "Mrs." when it is written without the title', () => {
    const body = 'Mrs. Edith Novak spoke first. Her husband, Henry Novak, was at work.\n\n“We will stay,” Novak said.';
    expect(quotesOf(body)).toEqual([['We will stay,', 'Henry Novak']]);
  });

  it('reads "“…”? Asked Mrs. X, …" as X asking, and "he said" after it as the other person', () => {
    const body =
      '“Can you defend this contract”? Asked Mrs. Alice B. Kerr, representative from Lane County, of the commission chairman, John E. Potter Jr.\n\n' +
      '“My feeling”, he said, “is that we have no choice”.';
    expect(quotesOf(body)).toEqual([
      ['Can you defend this contract', 'Alice B. Kerr'],
      ['My feeling', 'John E. Potter Jr'],
      ['is that we have no choice', 'John E. Potter Jr'],
    ]);
  });

  it('gives a paragraph of quotation to the speaker of the reported speech that ends the paragraph before', () => {
    const body = 'Kicking is a matter of timing, Ralston declared.\n\n“Once you get the feel of it, there’s not much to it.\n\n“It’s kind of like golf”.';
    expect(quotesOf(body)).toEqual([
      ['Once you get the feel of it, there’s not much to it.', 'Ralston'],
      ['It’s kind of like golf', 'Ralston'],
    ]);
  });

  it('gives a report inside a report to the person whose words it is ("the release said X proposed that “…”")', () => {
    const body = 'Marko Horvat met Ana Kovač on Monday. For the aid, the press release said Horvat proposed to Kovač that the nations “cooperate on cyber defense.”';
    expect(quotesOf(body)).toEqual([['cooperate on cyber defense.', 'Marko Horvat']]);
  });

  it('gives a quotation to a described document ("an American naval announcement said"), and "the statement" after it too; "a report" alone is no one', () => {
    const body =
      '“Much of the navy’s future depends upon her”, an American naval announcement said on the ship’s arrival.\n\n' +
      '“Her hull will be used for new submarines”, the statement went on.\n\n“We agree”, a report said.';
    expect(quotesOf(body).map(([, speaker]) => speaker)).toEqual(['American naval announcement', 'American naval announcement', null]);
  });

  it('gives a numbered list item the speaker of the list it belongs to', () => {
    const body = 'The jury recommended that: (1) Four deputies be hired and “a doctor be employed for night duty”. (2) County legislators “work with city officials on a pension plan”.';
    expect(quotesOf(body).map(([, speaker]) => speaker)).toEqual(['jury', 'jury']);
  });

  it('gives "X of Place, sponsor of the bill, said" to X, "charged that … “…”" to who charged, and "it said" to the sender of the document just told of', () => {
    expect(quotesOf('Rep. Charles E. Hughes of Sherman, sponsor of the bill, said it would amount “to a gift to banks”.')).toEqual([['to a gift to banks', 'Charles E. Hughes']]);
    expect(quotesOf('City Controller Alexander Hemphill charged Tuesday that the company had “an inside track” with the city.')).toEqual([['an inside track', 'Alexander Hemphill']]);
    const cable = 'Letters came in from firms all over the nation.\n\nThere was even a cable in French from a bank in Switzerland. “We subscribe 500 shares”, it said.';
    expect(quotesOf(cable)).toEqual([['We subscribe 500 shares', 'bank']]);
  });

  it('reads "He cited …, and added, “…”" as his, picking the namesake of the pronoun\'s gender, and a quotation left open that ends ", Pohly said." as Pohly\'s', () => {
    const martin = 'E. M. Martin spoke to the council. It was the Soviet Union’s doing, he said.\n\nHe cited East Germany where after 15 years of Soviet rule a wall was built, and added, “so long as people rebel, we must not give up”.';
    expect(quotesOf(martin)).toEqual([['so long as people rebel, we must not give up', 'E. M. Martin']]);
    const novak = 'Mrs. Edith Novak died. Ruth Novak, 8, escaped. Henry Novak was at work.\n\nNovak has spoken little since. But today he wanted to make a public statement.\n\n“I never knew there were such neighbors.”';
    expect(quotesOf(novak)).toEqual([['I never knew there were such neighbors.', 'Henry Novak']]);
    const open = 'Clayton W. Pohly spoke.\n\n“The faculty is proud that this has been a spontaneous effort, Pohly said.';
    expect(quotesOf(open)).toEqual([['The faculty is proud that this has been a spontaneous effort', 'Clayton W. Pohly']]);
  });

  it('reads past an appositive of several comma-separated parts to the speech verb ("“…”, X, economist of Y Bank, Chicago, predicted")', () => {
    const body = '“The recovery will gather momentum”, Carl W. Reese, economist of First Trust & Savings Bank, Chicago, predicted here Tuesday.';
    expect(quotesOf(body)).toEqual([['The recovery will gather momentum', 'Carl W. Reese']]);
  });

  it('takes "he" for the person the sentence before was about even when a given name guesses otherwise, and keeps that gender', () => {
    const body =
      'Another speaker, Frank Mills, urged support for the bill.\n\nCarol W. Reese told the meeting that the upturn was real.\n\n' +
      '“In view of the current expansion” he said rates would rise.\n\nHe cautioned that “the greater danger may be inflation”.';
    expect(quotesOf(body)).toEqual([
      ['In view of the current expansion', 'Carol W. Reese'],
      ['the greater danger may be inflation', 'Carol W. Reese'],
    ]);
  });

  it('shows a quotation of one or two words with its sentence', () => {
    const [q] = extractQuotes([makeArticle({ body: 'Iran rejected the accusation as “baseless” on Monday. Officials met.' })]);
    expect(q!.sentence).toBe('Iran rejected the accusation as “baseless” on Monday.');
    const [long] = extractQuotes([makeArticle({ body: '“We will not accept this,” the minister said.' })]);
    expect(long).not.toHaveProperty('sentence');
  });

  it('finds a speaker by title and surname ("Gov. Daniel", "Prime Minister Rama")', () => {
    expect(defaultSpeakerMatches('Price Daniel', 'Gov. Daniel')).toBe(true);
    expect(defaultSpeakerMatches('Edi Rama', 'Prime Minister Rama')).toBe(true);
    expect(defaultSpeakerMatches('Edi Rama', 'Prime Minister Lapid')).toBe(false);
    expect(defaultSpeakerMatches('Grace O. Peck', 'Mrs. Peck')).toBe(true);
  });
});

describe('attribution on news the engine has not seen (issue 16, brown-fresh4 misses)', () => {
  it('reads "hinted" as a speech verb and a colon-introduced quotation as the subject’s', () => {
    expect(quotesOf('Harold Quimby came to town with ideas, as he had hinted upon his arrival: “It is going to be big. I could talk for hours”!')).toEqual([
      ['It is going to be big. I could talk for hours', 'Harold Quimby'],
    ]);
  });

  it('gives a quoted description after "deplored" to the one who deplored it', () => {
    const quotes = quotesOf('General Tom Barlow spoke to his staff. Speaking of “honor”, he deplored the sergeant “whose boots are never shined”.');
    expect(quotes.find(([t]) => t.startsWith('whose'))![1]).toBe('Tom Barlow');
  });

  it('reads a base-form speech verb after an auxiliary ("she does indicate")', () => {
    const quotes = quotesOf('Mrs. Alice Brandon is chairman of the dance. She will not say much about it. But she does indicate that the band will “play the old tunes” all night.');
    expect(quotes).toEqual([['play the old tunes', 'Alice Brandon']]);
  });

  it('gives a quotation to the clause after "but" that characterises it, not to the speaker before', () => {
    const quotes = quotesOf('Tom Hale was asked if he had ever been in trouble. No, said he, but officials still called him “evasive”.');
    expect(quotes).toEqual([['evasive', null]]);
  });

  it('looks past a bracketed aside for the antecedent of "he says"', () => {
    const quotes = quotesOf('Benched in 1956, Roger Maris told manager Kerby Farrell: “Play me”. (Farrell did — and Maris led the team to victory.) “That is the way I am”, he says.');
    expect(quotes.map(([, s]) => s)).toEqual(['Roger Maris', 'Roger Maris']);
  });

  it('goes on with the speaker of "Said X." and leaves an interviewer’s question between two answers unattributed', () => {
    const body = 'Jim Hollis talked last week. “When I was small”, Hollis told a writer, “I read about Cobb every day”.\n\n“Did you ever meet Cobb”?\n\n“Are you joking”? Said Hollis. “Nobody talks to a man he admires”.';
    expect(quotesOf(body)).toEqual([
      ['When I was small', 'Jim Hollis'],
      ['I read about Cobb every day', 'Jim Hollis'],
      ['Did you ever meet Cobb', null],
      ['Are you joking', 'Jim Hollis'],
      ['Nobody talks to a man he admires', 'Jim Hollis'],
    ]);
  });

  it('reads an unknown verb between a quotation and a person’s name as a speech verb ("bulletins Mrs. X")', () => {
    const quotes = quotesOf('“We are back in town again”, bulletins Mrs. Frank S. Sims, president of the women’s board. The opera will be here in May.');
    expect(quotes).toEqual([['We are back in town again', 'Frank S. Sims']]);
  });
});

describe('speakers in reports and leads (issue 16)', () => {
  it('reads a greeting as speech: "“Take a ride on this one”, X greeted Y"', () => {
    expect(quotesOf('“Take a ride on this one”, Brooks Robbins greeted Hanson as the third sacker grabbed a bat.')).toEqual([['Take a ride on this one', 'Brooks Robbins']]);
  });

  it('gives words nested in a quoted report to the person its lead-in names, and the next paragraph not to them', () => {
    const body = [
      'Trade Secretary Lionel Hadley toured two plants on Monday.',
      'Our correspondent cabled as follows —',
      '“Said Secretary Hadley: ‘It is a hard combination for us to face.',
      '“Ventoro had a special interest for Hadley. It took over a typewriter maker last year.',
      '“Hadley predicted: ‘I think we will see more foreign firms coming here’”.',
    ].join('\n\n');
    const quotes = extractQuotes([makeArticle({ body })]);
    expect(speakerOf(quotes, 'Said Secretary Hadley')).toBe('Lionel Hadley');
    expect(speakerOf(quotes, 'Hadley predicted')).toBe('Lionel Hadley');
    expect(speakerOf(quotes, 'Ventoro had')).toBeNull();
  });

  it('reads "Chairman X of Place said … he said" as X, and a lead\'s "a top official" as the titled person the next paragraph names', () => {
    expect(quotesOf('But State Party Chairman James Grayson of Albion said no, and he did not mince words. “They are just asking too much”, he said.')).toEqual([
      ['They are just asking too much', 'James Grayson'],
    ]);
    const lead = [
      'A top American official, after a look at the factories, thinks the country is in a “very serious situation” competitively.',
      'Commerce Secretary Lionel Hadley, accompanied by a member of our staff, toured two plants.',
    ].join('\n\n');
    expect(quotesOf(lead)).toEqual([['very serious situation', 'Lionel Hadley']]);
  });
});

describe('a speech noun far before its quotation, and words a colon sets out (issue 16, brown-fresh24)', () => {
  it('gives "with his call for a fresh approach to … “at the summit …”" to whoever made the call', () => {
    expect(quotesOf('They have met three times since Sir Winfred Chalmers in 1953 introduced a new word with his call for a fresh approach to the problem of peace “at the summit of the nations”.')).toEqual([
      ['at the summit of the nations', 'Winfred Chalmers'],
    ]);
  });

  it('gives the paragraph after "he had set forth his view in these words:" to the person "he" is', () => {
    const body = [
      'Thus when the Premier hinted at a meeting with the new President, Mr. Kenning was confronted with a delicate problem. Shortly before his nomination he had set forth his view in these words:',
      '“As long as the Premier is convinced that the balance is shifting his way, no amount of talk will help”.',
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([['As long as the Premier is convinced that the balance is shifting his way, no amount of talk will help', 'Kenning']]);
  });
});

describe('labels and words of praise (issue 16, brown-fresh23)', () => {
  it('gives a phrase praised ("acclaimed them for … a “great service”") to who praised, and a quoted modifier after a name to nobody', () => {
    expect(quotesOf('Agency spokesmen acclaimed them for performing a “great service” and laid the matter before the council.')).toEqual([['great service', 'Agency spokesmen']]);
    expect(quotesOf('The rebels fought against the Vang Pao “neutralist” government for a year.')).toEqual([['neutralist', null]]);
    // After "the" the quoted word may be the speaker's own: "the “legitimate” bids", Hemphill charged.
    expect(quotesOf('He bid less than the “legitimate” bids of others, Hempel charged.')).toEqual([['legitimate', 'Hempel']]);
  });

  it('reads a describing verb a few words before "as a" ("hailed the pact as a “turning point”")', () => {
    expect(quotesOf('Officials hailed the pact as a “turning point” in the talks.')).toEqual([['turning point', 'Officials']]);
    expect(quotesOf('He worked as a “labor consultant” for years.')).toEqual([['labor consultant', null]]);
  });
});

describe('sources and lead-ins (issue 16, brown-fresh25 and brown-fresh26)', () => {
  it('gives a quotation to the person a source is set off after, and to the owner of "in X\'s own words"', () => {
    expect(quotesOf('Compare this with how Congressman Marten, according to the Daily Labor Report of Sept. 19, defends the bill “if we wish to prevent monopolistic fixing of wages”.')).toEqual([
      ['if we wish to prevent monopolistic fixing of wages', 'Marten'],
    ]);
    expect(quotesOf('The meeting will bring together a veteran who, in Mr. Kenning\'s own words, is “shrewd, tough, vigorous”, and a young President.')).toEqual([['shrewd, tough, vigorous', 'Kenning']]);
    // A source alone still speaks: "According to the report, “…”".
    expect(quotesOf('According to the report, “the plan failed badly”.')).toEqual([['the plan failed badly', 'the report']]);
  });

  it('gives the quotations after "X makes many frank remarks:" and "X has this to say:" to X', () => {
    const quotes = quotesOf(
      'Commenting on these matters, Field Marshal Slimm makes many frank and provocative remarks:\n\n“When in doubt, a general should choose the bolder”.\n\n“The commander has failed in his duty if he has not won”.\n\nBrooding about future wars, the Field Marshal has this to say: “The fighting man is at least equally brave”.',
    );
    expect(quotes.map(([, speaker]) => speaker)).toEqual(['Slimm', 'Slimm', 'Slimm']);
  });
});
