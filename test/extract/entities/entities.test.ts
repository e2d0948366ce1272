import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import type { Article, Entity } from '../../../src/model/types.js';
import { EntityIndex, MAX_ENTITY_CITATIONS } from '../../../src/extract/entities/entities.js';
import { bylineNames } from '../../../src/extract/entities/scan.js';
import { makeArticle } from '../../helpers/articles.js';

const entity = (index: EntityIndex, name: string): Entity => {
  const found = index.list().find((e) => e.name === name);
  if (!found)
    throw new Error(
      `no entity named ${name}; have ${index
        .list()
        .map((e) => e.name)
        .join(', ')}`,
    );
  return found;
};
/** The index of one article with this body. */
const indexOf = (body: string): EntityIndex => EntityIndex.build([makeArticle({ body })]);
const names = (index: EntityIndex, kind?: Entity['kind']): string[] =>
  index
    .list()
    .filter((e) => kind === undefined || e.kind === kind)
    .map((e) => e.name);

// A diplomatic story in the seed articles' style, with people and places of its own.
const diplomacy = makeArticle({
  id: '2024-02-05-cyber-talks.md',
  date: '2024-02-05',
  author: 'Laura Becker',
  body: [
    'Croatia offered cyber defense help to Slovenia on Monday, days after the Alpine state expelled diplomats from Belarus.',
    'Deputy Foreign Minister Marko Horvat met with Slovenian Foreign Minister Ana Kovač in Vienna, where he “offered to share our experience,” he said in a tweet.',
    '“We will keep working together,” Horvat added.',
    'Slovenian Prime Minister Janez Zupan said the attack was “state aggression.” Kovač’s ministry said the investigation was continuing.',
    'The Biden administration said it supported the move. “The United States condemns the attack,” National Security Council spokesperson Emily Carter said in a statement. “We join in Prime Minister Zupan’s call for accountability.”',
    'Israeli officials have accused Belarus of similar attacks. Today, the U.S. and the United Nations are watching closely.',
    'The opposition Liberation Front of Carinthia, or Osvobodilna Fronta (OF), held a summit in Ljubljana. The OF regularly hosts events that have drawn support from former US vice president Harold Brandt, who spoke in June.',
    'Especially since July, the US has urged calm. Semafor reported that the Interior Ministry had also been hit.',
  ].join('\n\n'),
});

describe('EntityIndex on the seed articles', () => {
  let seeds: EntityIndex;
  beforeAll(async () => {
    seeds = EntityIndex.build((await loadCorpus('corpus')).articles);
  });

  it('lists every person the seeds name, in full, each with a stated role', () => {
    const people = seeds.list().filter((e) => e.kind === 'person');
    expect(people).toHaveLength(8);
    for (const p of people) {
      expect(p.name.split(' ').length, p.name).toBeGreaterThanOrEqual(2);
      expect(p.roles.length, p.name).toBeGreaterThan(0);
    }
  });

  it('lists places and organisations, never as people', () => {
    const places = names(seeds, 'place');
    const people = names(seeds, 'person');
    for (const name of ['Tehran', 'Islamic Republic', 'Biden administration'])
      expect(people).not.toContain(name);
    expect(places).toEqual(expect.arrayContaining(['Tehran', 'United States', 'Berlin', 'Jerusalem']));
    expect(seeds.resolve('MEK')?.kind).toBe('organization');
    expect(seeds.resolve('Biden administration')?.kind).toBe('organization');
  });

  it('gives every entity verbatim citations from the seed bodies', () => {
    for (const e of seeds.list()) {
      const found = seeds.lookup(e.name);
      expect(found?.entity).toBe(e);
      for (const c of found!.citations) expect(c.excerpt.length).toBeGreaterThan(0);
    }
  });
});

describe('EntityIndex: people, their roles and aliases', () => {
  const index = EntityIndex.build([diplomacy]);

  it('splits a title from the name after it and keeps the role as written', () => {
    expect(entity(index, 'Marko Horvat')).toMatchObject({
      kind: 'person',
      roles: ['Deputy Foreign Minister'],
    });
    expect(entity(index, 'Ana Kovač')).toMatchObject({
      kind: 'person',
      roles: ['Slovenian Foreign Minister'],
    });
    expect(entity(index, 'Janez Zupan').roles).toEqual(['Slovenian Prime Minister', 'Prime Minister']);
  });

  it('gives the surnames of the people named in full with a first name, and keeps them up to date', () => {
    expect(index.surnamesOf('marko')).toEqual(['Horvat']);
    expect(index.surnamesOf('horvat')).toEqual([]);
    const updated = EntityIndex.build([diplomacy]);
    updated.addArticle(makeArticle({ id: 'more.md', title: 'More', body: 'Marko Novak, the mayor, said the port would reopen.' }));
    expect(updated.surnamesOf('marko')).toEqual(expect.arrayContaining(['Horvat', 'Novak']));
    updated.removeArticle('more.md');
    expect(updated.surnamesOf('marko')).toEqual(['Horvat']);
  });

  it('reads a lower-case role before a name, leaving an employer out of it', () => {
    expect(entity(index, 'Emily Carter')).toMatchObject({ kind: 'person', roles: ['spokesperson'] });
    expect(entity(index, 'National Security Council').kind).toBe('organization');
    expect(entity(index, 'Harold Brandt').roles).toEqual(['former US vice president']);
  });

  it('makes a surname alone, and a possessive, the person named in full', () => {
    const horvat = entity(index, 'Marko Horvat');
    expect(horvat.aliases).toContain('Horvat');
    expect(horvat.mentions).toBe(2);
    const kovac = entity(index, 'Ana Kovač');
    expect(kovac.mentions).toBe(2); // "Ana Kovač" and "Kovač’s ministry"
    expect(entity(index, 'Janez Zupan').mentions).toBe(2); // "… Janez Zupan said" and "Prime Minister Zupan’s call"
    expect(names(index)).not.toContain('Horvat');
  });

  it('makes the byline a person whose role is author', () => {
    expect(entity(index, 'Laura Becker')).toMatchObject({ kind: 'person', roles: ['author'], mentions: 1 });
    expect(bylineNames('By Dana Whitfield and Marcus Oyelaran')).toEqual([
      'Dana Whitfield',
      'Marcus Oyelaran',
    ]);
    expect(bylineNames('Reuters')).toEqual([]);
    expect(bylineNames(null)).toEqual([]);
  });

  it('does not list demonyms, sentence-initial words, months or outlets as people', () => {
    const all = names(index);
    for (const word of ['Israeli', 'Slovenian', 'Today', 'Especially', 'June', 'July', 'Monday'])
      expect(all).not.toContain(word);
    expect(entity(index, 'Semafor').kind).toBe('organization'); // "Semafor reported"
    expect(entity(index, 'Biden administration').kind).toBe('organization');
    expect(names(index, 'person')).not.toContain('Biden');
  });

  it('joins an organisation, its other name and its acronym', () => {
    const front = entity(index, 'Liberation Front of Carinthia');
    expect(front.kind).toBe('organization');
    expect(front.aliases).toEqual(expect.arrayContaining(['Osvobodilna Fronta', 'OF']));
    expect(front.mentions).toBe(4);
    expect(index.resolve('OF')).toBe(front);
  });

  it('makes "the US", "U.S." and "United States" one place', () => {
    const us = entity(index, 'United States');
    expect(us.kind).toBe('place');
    expect(us.aliases).toEqual(expect.arrayContaining(['U.S.', 'US']));
    expect(index.resolve('the US')).toBe(us);
    expect(index.resolve('U.S.')).toBe(us);
    expect(entity(index, 'Vienna').kind).toBe('place');
    expect(entity(index, 'United Nations').kind).toBe('organization');
  });
});

describe('EntityIndex: a rank that is also an everyday adjective', () => {
  it('takes a lower-case "major" or "general" before a name as an adjective, not a title', () => {
    const index = EntityIndex.build([
      makeArticle({
        id: 'discs.md',
        title: 'Studios back the new disc',
        body:
          'The format has won backing from major Hollywood studios, such as Disney.\n\n' +
          'Voters in the general Westland election backed Major Anna Berg, who said she was pleased.',
      }),
    ]);
    expect(names(index, 'person')).not.toContain('Hollywood');
    expect(index.list().find((e) => e.name === 'Hollywood')?.roles ?? []).not.toContain('major');
    expect(names(index, 'person')).not.toContain('Westland');
    expect(entity(index, 'Anna Berg').roles).toEqual(['Major']);
  });
});

describe('EntityIndex: given names compromise does not know', () => {
  it('makes a person of a given name of the name lists before a surname, not of one before an ordinary noun', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: [
          'The Hawks tied the score in the sixth, but Harmon Vostrikel came back in the bottom of the inning with a homer.',
          'Both were under the meet mark set in 1950 by Mal Quendry.',
          'The student newspaper, The Emory Wheel, called for a new stadium.',
        ].join('\n\n'),
      }),
    ]);
    expect(names(index, 'person')).toEqual(expect.arrayContaining(['Harmon Vostrikel', 'Mal Quendry']));
    expect(names(index, 'person')).not.toContain('Emory Wheel');
  });
});

describe('EntityIndex: lists of full names, and a titled person’s administration', () => {
  it('makes a person of a full name listed among people, not of a group or a publisher after "of"', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: [
          'Among those with reservations are William A. Thompson, Zed Cott Nivarre, A. B. Coxwell and Samuel Perry.',
          'The club found a pair in two ex-National Hockey Leaguers, M. C. Raynor and Warren Rabbley.',
          'Among them were newsmen, including Henry Raymore, of United Press Syndicate, and Robert Berrol.',
        ].join('\n\n'),
      }),
    ]);
    expect(names(index, 'person')).toEqual(expect.arrayContaining(['Zed Cott Nivarre', 'A. B. Coxwell']));
    expect(names(index, 'person')).not.toContain('Hockey Leaguers');
    expect(names(index, 'person')).not.toContain('National Hockey Leaguers');
    expect(names(index, 'person')).not.toContain('United Press Syndicate');
  });

  it('reads "the Gov. X administration" as the governor X, with his title', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'The Gov. Jimmie H. Dalvey administration appears to face a difficult year.\n\nDalvey may use the tax bill.' }),
    ]);
    expect(entity(index, 'Jimmie H. Dalvey')).toMatchObject({ kind: 'person', roles: ['Gov.'] });
  });
});

describe('EntityIndex on other news styles', () => {
  let index: EntityIndex;
  beforeAll(async () => {
    index = EntityIndex.build((await loadCorpus('test/fixtures/entities')).articles);
  });

  it('reads appositive roles in a court story', () => {
    expect(entity(index, 'Charles Bellows')).toMatchObject({
      kind: 'person',
      roles: ['chief defense counsel'],
    });
    expect(entity(index, 'Maria Santos')).toMatchObject({ kind: 'person', roles: ['nurse'] });
    expect(entity(index, 'Daniel Okafor').roles).toEqual([
      'former hedge fund manager',
      'former portfolio manager',
    ]);
    expect(entity(index, 'Patricia Huang').roles).toEqual(['Judge']);
    expect(entity(index, 'Rachel Lindqvist').roles).toEqual(['U.S. Attorney']);
    expect(entity(index, 'Securities and Exchange Commission').aliases).toEqual(['SEC']);
    expect(entity(index, 'John Joseph Moakley Courthouse').kind).toBe('place');
  });

  it('reads a business story: chief executive, company, short name, acronym, employer', () => {
    expect(entity(index, 'Priya Raman').roles).toEqual(['Chief executive']);
    const company = entity(index, 'Northwind Analytics Inc');
    expect(company).toMatchObject({ kind: 'organization', aliases: ['Northwind'] });
    expect(company.mentions).toBe(4);
    expect(entity(index, 'European Bank for Reconstruction and Development').aliases).toEqual(['EBRD']);
    expect(entity(index, 'Gene Albrecht').roles).toEqual(['analyst']);
    expect(entity(index, 'Tomasz Wiśniewski').roles).toEqual(['senior vice president']);
    expect(entity(index, 'Oracle').kind).toBe('organization');
    expect(entity(index, 'Harbor Lane Securities').kind).toBe('organization');
  });

  it('reads a sports story: players without titles, clubs and grounds', () => {
    // "Erling Haaland scored …", "Haaland now has …", and in a quote, "Erling was incredible".
    expect(entity(index, 'Erling Haaland')).toMatchObject({ kind: 'person', mentions: 3 });
    expect(entity(index, 'Erling Haaland').aliases.sort()).toEqual(['Erling', 'Haaland']);
    expect(entity(index, 'Rodri')).toMatchObject({ kind: 'person', roles: ['midfielder'] });
    expect(entity(index, 'Pep Guardiola').roles).toEqual(['manager']);
    expect(entity(index, 'Martin Odegaard').roles).toEqual(['captain']);
    expect(entity(index, 'Manchester City')).toMatchObject({ kind: 'organization', aliases: ['City'] });
    expect(entity(index, 'Arsenal').kind).toBe('organization');
    expect(entity(index, 'Etihad Stadium').kind).toBe('place');
    expect(entity(index, 'Premier League').kind).toBe('organization');
  });

  it('keeps people people: every listed person has a name-like form', () => {
    for (const p of index.list().filter((e) => e.kind === 'person')) {
      expect(p.name, p.name).toMatch(/^\p{Lu}/u);
      expect(
        ['Stadium', 'League', 'Inc', 'Securities', 'City'].some((w) => p.name.includes(w)),
        p.name,
      ).toBe(false);
    }
  });
});

describe('EntityIndex on wire copy', () => {
  const wire = makeArticle({
    id: 'wire.md',
    body: [
      'WASHINGTON (Reuters) - Bank of England Governor Andrew Bailey and Chinese Premier Li Qiang met in Washington on Jan. 5, officials said. Li said the talks were useful.',
      'Manhattan District Attorney Alvin Bragg, a Democrat, said the case would go ahead. Former President Donald Trump has denied wrongdoing; Melania Trump did not comment. President Trump spoke on Friday.',
      '“It’s a close call,” said Jan Hatzius, chief economist at Goldman Sachs. The World Cup and the Affordable Care Act also came up in talks in Khan Younis.',
    ].join('\n\n'),
  });
  const index = EntityIndex.build([wire]);

  it('keeps a dateline apart from the agency in parentheses', () => {
    expect(entity(index, 'Washington')).toMatchObject({ kind: 'place', aliases: [] });
    expect(entity(index, 'Reuters').kind).toBe('organization');
  });

  it('reads titles that include an employer or an office noun', () => {
    expect(entity(index, 'Andrew Bailey').roles).toEqual(['Governor']);
    expect(entity(index, 'Bank of England').kind).toBe('organization');
    expect(entity(index, 'Alvin Bragg').roles).toEqual(['District Attorney']);
    expect(entity(index, 'Jan Hatzius').roles).toEqual(['chief economist']); // "Jan" is a name here, not January
  });

  it('resolves a family name written first, and a shared surname by its title', () => {
    expect(entity(index, 'Li Qiang')).toMatchObject({ roles: ['Chinese Premier'], mentions: 2 });
    const donald = entity(index, 'Donald Trump');
    expect(donald.mentions).toBe(2); // "Former President Donald Trump", "President Trump"
    expect(donald.roles).toEqual(['Former President', 'President']);
    expect(entity(index, 'Melania Trump').mentions).toBe(1);
  });

  it('lists no events or laws, and finds a place from "in"', () => {
    expect(names(index).filter((n) => /Cup|Act/.test(n))).toEqual([]);
    expect(entity(index, 'Khan Younis').kind).toBe('place');
  });
});

describe('EntityIndex on British-style copy', () => {
  const index = EntityIndex.build([
    makeArticle({
      body: [
        'The prime minister, Sir Keir Starmer, told MPs that the plan was ready. Mr Starmer said there was “no choice”.',
        'Nigel Farage, the Reform UK leader, called for an inquiry. Dr Sarah Chen, a virologist at Imperial College London, disagreed.',
        'European Commission President Ursula von der Leyen met officials in Brussels. Von der Leyen said Europe was united.',
        'Taylor Swift’s tour earned more than $2bn. Swift thanked fans.',
      ].join('\n\n'),
    }),
  ]);

  it('reads a role before an honorific and a name, and an employer inside an appositive', () => {
    expect(entity(index, 'Keir Starmer')).toMatchObject({ roles: ['prime minister'], mentions: 2 });
    expect(entity(index, 'Nigel Farage').roles).toEqual(['leader']);
    expect(entity(index, 'Reform UK').kind).toBe('organization');
    expect(entity(index, 'Imperial College London').kind).toBe('organization');
    expect(entity(index, 'Sarah Chen').roles).toEqual(['Dr', 'virologist']);
  });

  it('keeps a name that opens a sentence with a particle or a common word', () => {
    expect(entity(index, 'Ursula von der Leyen')).toMatchObject({
      roles: ['President'],
      aliases: ['Von der Leyen'],
    });
    expect(entity(index, 'Taylor Swift')).toMatchObject({ kind: 'person', aliases: ['Swift'], mentions: 2 });
  });
});

describe('EntityIndex lookups', () => {
  const index = EntityIndex.build([diplomacy]);

  it('looks up forgivingly: case, accents, surname, prefix, titles and small typos', () => {
    const kovac = entity(index, 'Ana Kovač');
    expect(index.lookup('ana kovac')?.entity).toBe(kovac);
    expect(index.lookup('KOVAC')?.entity).toBe(kovac);
    expect(index.lookup('Kovač’s')?.entity).toBe(kovac);
    expect(index.lookup('kovak')?.entity).toBe(kovac); // one typo
    expect(index.lookup('horvt')?.entity.name).toBe('Marko Horvat');
    expect(index.lookup('Prime Minister Zupan')?.entity.name).toBe('Janez Zupan');
    expect(index.lookup('Liberation')?.entity.name).toBe('Liberation Front of Carinthia');
    expect(index.lookup('zzzzzz')).toBeNull();
    expect(index.lookup('')).toBeNull();
  });

  it('resolves exact-ish names without guessing at typos', () => {
    expect(index.resolve('Horvat')?.name).toBe('Marko Horvat');
    expect(index.resolve('deputy foreign minister marko horvat')?.name).toBe('Marko Horvat');
    expect(index.resolve('horvt')).toBeNull();
    expect(index.resolve('Nobody Known')).toBeNull();
  });

  it('suggests names for a typed prefix, name prefixes first, then by mentions', () => {
    expect(index.suggest('ko').map((e) => e.name)[0]).toBe('Ana Kovač');
    expect(index.suggest('Horv').map((e) => e.name)).toEqual(['Marko Horvat']);
    expect(index.suggest('o', 3).length).toBeLessThanOrEqual(3);
    expect(index.suggest('', 2)).toEqual(index.list().slice(0, 2));
    const united = index.suggest('united').map((e) => e.name);
    expect(united).toEqual(expect.arrayContaining(['United States', 'United Nations']));
  });

  it('cites the sentences that mention an entity, first mention first, verbatim', () => {
    const found = index.lookup('Zupan')!;
    expect(found.citations.map((c) => c.excerpt)).toEqual([
      'Slovenian Prime Minister Janez Zupan said the attack was “state aggression.”',
      '“We join in Prime Minister Zupan’s call for accountability.”',
    ]);
    for (const c of found.citations) expect(diplomacy.body).toContain(c.excerpt);
    expect(found.citations[0]!.paragraph).toBe(4);
  });

  it('caps citations and orders them by article date', () => {
    const later = makeArticle({
      id: 'later.md',
      date: '2024-05-01',
      body: 'Mayor Tom Ruiz said the road would reopen. Ruiz spoke on Friday.',
    });
    const earlier = makeArticle({
      id: 'earlier.md',
      date: '2024-01-01',
      body: Array.from({ length: 14 }, (_, i) => `Ruiz visited site number ${i + 1} on the tour.`).join(' '),
    });
    const found = EntityIndex.build([later, earlier]).lookup('Tom Ruiz')!;
    expect(found.entity.mentions).toBe(16);
    expect(found.citations).toHaveLength(MAX_ENTITY_CITATIONS);
    expect(found.citations[0]!.article.id).toBe('earlier.md');
  });

  it('lists the entities a sentence mentions', () => {
    const sentence = diplomacy.sentences.find((s) => s.text.startsWith('Deputy Foreign Minister'))!;
    expect(
      index
        .inSentence(sentence.id)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Ana Kovač', 'Marko Horvat', 'Vienna']);
    expect(index.inSentence('missing#p1.s1')).toEqual([]);
  });

  it('tells person names from other names', () => {
    expect(index.isPersonName('Horvat')).toBe(true);
    expect(index.isPersonName('Prime Minister Zupan’s')).toBe(true);
    expect(index.isPersonName('Dmitri Volkov')).toBe(true); // unknown here, but a given name
    expect(index.isPersonName('Mr. Okonkwo')).toBe(true); // a title
    expect(index.isPersonName('National Security Council')).toBe(false);
    expect(index.isPersonName('Vienna')).toBe(false);
    expect(index.isPersonName('Semafor')).toBe(false);
    expect(index.isPersonName('Harbor Lane Securities')).toBe(false);
    expect(index.isPersonName('the attack')).toBe(false);
    expect(index.isPersonName('')).toBe(false);
  });
});

describe('EntityIndex invariants', () => {
  const first = ['Ana', 'Marko', 'Lena', 'Tomas', 'Irena', 'Pavel'];
  const last = ['Novak', 'Kralj', 'Zupan', 'Horvat', 'Petrov', 'Mlinar'];
  const templates = [
    (n: string) => `Foreign Minister ${n} said talks would resume.`,
    (n: string) => `${n}, a senior analyst, said the plan was sound.`,
    (n: string) => `The ministry quoted ${n} on Tuesday.`,
    (n: string) => `Police spokesperson ${n} told reporters in Zagreb that nobody was hurt.`,
  ];
  const sentence = fc
    .tuple(
      fc.constantFrom(...first),
      fc.constantFrom(...last),
      fc.integer({ min: 0, max: templates.length - 1 }),
    )
    .map(([f, l, t]) => templates[t]!(`${f} ${l}`));

  it('names every entity as the text writes it and cites only verbatim text', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (sentences) => {
        const article: Article = makeArticle({ body: sentences.join('\n\n') });
        const index = EntityIndex.build([article]);
        for (const e of index.list()) {
          expect(article.body).toContain(e.name);
          for (const alias of e.aliases) expect(article.body).toContain(alias);
          for (const c of index.lookup(e.name)!.citations) expect(article.body).toContain(c.excerpt);
          if (e.kind === 'person') expect(e.name.split(' ')).toHaveLength(2);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('builds an empty index from no articles', () => {
    const index = EntityIndex.build([]);
    expect(index.list()).toEqual([]);
    expect(index.lookup('anyone')).toBeNull();
    expect(index.suggest('a')).toEqual([]);
  });
});

describe('who the text says someone is (issue 16)', () => {
  const build = (body: string): EntityIndex => EntityIndex.build([makeArticle({ id: 'a.md', body })]);
  const row = (e: Entity): [string, string, string[]] => [e.name, e.kind, e.roles];

  it('gives the role an appositive states, with its adjectives, and a list’s plural role to each listed name', () => {
    const index = build(
      'Arnold Palmer, the defending champion, lost his title. Richard J. Hughes, Democratic gubernatorial candidate, spoke. ' +
        'Raymond Fortin Sr., 63, a carpenter, was arrested. The bill was opposed by several bankers, including Scott Hudson of Sherman and Howard Cox of Austin.',
    );
    expect(row(entity(index, 'Arnold Palmer'))).toEqual(['Arnold Palmer', 'person', ['defending champion']]);
    expect(row(entity(index, 'Richard J. Hughes'))).toEqual(['Richard J. Hughes', 'person', ['Democratic gubernatorial candidate']]);
    expect(entity(index, 'Raymond Fortin Sr').roles).toEqual(['carpenter']);
    expect([entity(index, 'Scott Hudson').roles, entity(index, 'Howard Cox').roles]).toEqual([['banker'], ['banker']]);
    expect(entity(index, 'Sherman').kind).not.toBe('person');
  });

  it('reads names with initials, suffixes, titles and number-word surnames, and no bare first name beside the full one', () => {
    const index = build(
      'Speaker Thomas P. O’Neill Jr. met J. Edgar Hoover, director of the bureau, and W. Averell Harriman on Monday. ' +
        'Secretary of State Dean Rusk, Rep. Wilbur Mills and Mayor Ellen Park spoke. Robert Six, president of Continental Air Lines, said it would grow. ' +
        'Robert said no. James P. Mitchell and Sen. Walter H. Jones R-Bergen disagreed.',
    );
    expect(names(index, 'person').sort()).toEqual([
      'Dean Rusk',
      'Ellen Park',
      'J. Edgar Hoover',
      'James P. Mitchell',
      'Robert Six',
      'Thomas P. O’Neill Jr',
      'W. Averell Harriman',
      'Walter H. Jones',
      'Wilbur Mills',
    ]);
    expect([entity(index, 'Ellen Park').roles, entity(index, 'Wilbur Mills').roles, entity(index, 'Walter H. Jones').roles]).toEqual([['Mayor'], ['Rep.'], ['Sen.']]);
  });

  it('takes places and institutions for no one: a jail, a school, an air field, a port, a hall, a street address', () => {
    const index = build(
      'He was held at the Anne Arundel County Jail. The President flew to Hyannis Port. He trained at Scott Field and attended Allen Elementary school. ' +
        'The mayor spoke at City Hall. Mrs. Anna Kowal, 22111 David, East Detroit, came. The contract with Ray Field, who has been converting the program, was renewed.',
    );
    expect(names(index, 'person').sort()).toEqual(['Anna Kowal', 'Ray Field']);
    expect(['Hyannis Port', 'Scott Field', 'City Hall', 'David'].map((n) => entity(index, n).kind)).toEqual(['place', 'place', 'place', 'place']);
    expect(entity(index, 'Allen Elementary school').kind).toBe('organization');
  });

  it('knows a country by the other name the article gives it ("the Islamic Republic"), under the country’s own name', () => {
    const index = build(
      'Albania cut ties with Iran, citing accusations that the Islamic Republic carried out the attacks. Israeli officials accused Israel’s rivals. The Islamic Republic has also been targeted.',
    );
    expect(row(entity(index, 'Iran'))).toEqual(['Iran', 'place', []]);
    expect(entity(index, 'Iran').aliases).toEqual(['Islamic Republic']);
  });

  it('gives "Tom and Mary Cohen" the surname both share, but not "of Sherman and Howard Cox"', () => {
    const index = build('The FBI identified the couple as Tom and Mary Cohen of New York City. The bill was opposed by Ann Hill of Sherman and Howard Cox of Austin.');
    // Shown with the surname the pair shares.
    expect(names(index, 'person').sort()).toEqual(['Ann Hill', 'Howard Cox', 'Mary Cohen', 'Tom Cohen']);
    expect(entity(index, 'Tom Cohen').aliases).toEqual([]);
    expect(index.resolve('Tom Cohen')?.name).toBe('Tom Cohen');
  });

  it('knows given names that are also common words ("Bill Tuttle", "Frank House", "Whitey Herzog"), never takes "the House" for his surname, and reads roles after "as" and before a participle', () => {
    const index = build(
      'A solo blast by Bill Tuttle tied the game. Catcher Frank House made a wide throw. Whitey Herzog, performing in right, walked. ' +
        'The bill passed the House. Mayor Wagner will run with Paul Screvane and Abe Beame as running mates. ' +
        'Dewey Lawrence, a Tyler lawyer representing the bankers, spoke.',
    );
    expect(['Bill Tuttle', 'Frank House', 'Whitey Herzog'].map((n) => entity(index, n).kind)).toEqual(['person', 'person', 'person']);
    expect(entity(index, 'Frank House')).toMatchObject({ roles: ['Catcher'], mentions: 1 });
    expect([entity(index, 'Paul Screvane').roles, entity(index, 'Abe Beame').roles, entity(index, 'Dewey Lawrence').roles]).toEqual([
      ['running mate'],
      ['running mate'],
      ['lawyer'],
    ]);
  });

  it('reads ages, copulas, "as" after an age, participles and pairs in appositions, and gives a bare surname to the man of the family', () => {
    const index = build(
      'Events were planned for the Henry Novak family. Mrs. Edith Novak, 42, died. Her daughter, Ruth Novak, 8, escaped. ' +
        'They are home with the other children, Vicky, 14; Dennis, 6; and Bernardine, 1. Novak, a roofer, was in arrears. ' +
        'His sister and brother, Marie Louise, 3, and John Raymond, Jr. were admitted. He said nothing to his court-appointed attorney, Jack Walker, or his guard. ' +
        'Skorich kept Jerry Williams. Williams is a defensive coach. Appointment of William S. Pfaff Jr., 41, as promotion manager was announced. ' +
        'He rejoined the Steelers as an assistant coach. The fire damaged their Anne Arundel county home.',
    );
    expect(['Vicky', 'Dennis', 'Bernardine'].map((n) => entity(index, n).kind)).toEqual(['person', 'person', 'person']);
    expect(entity(index, 'Henry Novak').roles).toEqual(['roofer']);
    expect(entity(index, 'Ruth Novak').roles).toEqual(['daughter']);
    expect(entity(index, 'Marie Louise').roles).toEqual(['sister']);
    expect(entity(index, 'Jack Walker').roles).toEqual(['court-appointed attorney']);
    expect(entity(index, 'Jerry Williams').roles).toEqual(['defensive coach']);
    expect(entity(index, 'William S. Pfaff Jr').roles).toEqual(['promotion manager']);
    expect(names(index, 'person')).not.toContain('Steelers');
    expect(names(index, 'person')).not.toContain('Anne Arundel');
  });

  it('takes a given name and a plural-looking surname for a person, compass words for no one', () => {
    const index = build('Alicia Keys sang two songs. The drought-seared North Central states are the exceptions.');
    expect(names(index, 'person')).toEqual(['Alicia Keys']);
  });

  it('keeps a suffix set off by a comma in the name and reads the appositive after it ("John A. Smith, Jr., a board member,")', () => {
    const index = build('John A. Smith, Jr., a board member, asked for a vote. Peter Brown, Sr., spoke next. Smith said no.');
    expect(row(entity(index, 'John A. Smith, Jr'))).toEqual(['John A. Smith, Jr', 'person', ['board member']]);
    expect(entity(index, 'Peter Brown, Sr').kind).toBe('person');
    expect(names(index, 'person')).not.toContain('Jr');
  });

  it('reads trades and members as roles, and a role before a name whose relative clause goes on ("the noted dancer, Jane Roe who …")', () => {
    const index = build(
      'Carl B. Weiss, proprietor of the shop, called police. Among the guests was the noted exotic dancer, Jane Roe who is Mrs. Lane. Ann Fox, a new board member, will be chairman.',
    );
    expect(entity(index, 'Carl B. Weiss').roles).toEqual(['proprietor']);
    expect(entity(index, 'Jane Roe').roles).toEqual(['noted exotic dancer']);
    expect(entity(index, 'Ann Fox').roles).toContain('new board member');
  });

  it('opens a name with a given name that is also a noun at the start of a sentence, and takes no contraction for a name', () => {
    const index = build('Dick Mallory doubled twice. Later Mallory scored. “I’ll go”, he said. We’re told They’d stay.');
    expect(names(index, 'person')).toEqual(['Dick Mallory']);
  });
});

describe('EntityIndex: roles given by a list, a copula, a verb or a participle (issue 16, brown-fresh3)', () => {
  const index = EntityIndex.build([
    makeArticle({
      id: '1962-03-01-recital-season.md',
      date: '1962-03-01',
      title: 'The recital season',
      body: [
        'The series will bring violinists Yohan Brisk, Paul Danner and Carl Ostrow to the hall.',
        'Their father is Walter K. Dunmore.',
        'Grandparents are Mr. and Mrs. Ralph Dorn and Mr. and Mrs. Ed Vell of Troy.',
        'Mr. Tolland heads a group of builders in the valley.',
        'The sets were designed by Karl Vendrin.',
        'Mrs. Ada Pell, wife of a machinist and mother of three, won the prize.',
        'Jim Rusk, one of some twenty Army recruits, was hurt.',
        'They chose four: Ann Roe; Pfc. Tim Vell of Troy, and Bob Sand, who works for a bank in Dover.',
      ].join('\n\n'),
    }),
  ]);

  it('gives each name of a list the plural role written before it, in the singular', () => {
    for (const name of ['Yohan Brisk', 'Paul Danner', 'Carl Ostrow']) expect(entity(index, name)).toMatchObject({ kind: 'person', roles: ['violinist'] });
  });

  it('reads a role or kinship before a copula as the role of the names after it', () => {
    expect(entity(index, 'Walter K. Dunmore').roles).toEqual(['Their father']);
    expect(entity(index, 'Ralph Dorn').roles).toEqual(['grandparent']);
    expect(entity(index, 'Ed Vell').roles).toEqual(['grandparent']);
  });

  it('reads a trade verb after the name, and the maker a participle names', () => {
    expect(entity(index, 'Tolland').roles).toEqual(['heads a group of builders in the valley']);
    expect(entity(index, 'Karl Vendrin').roles).toEqual(['designer of the sets']);
    expect(entity(index, 'Bob Sand').roles).toEqual(['works for a bank in Dover']);
  });

  it('reads "wife of …" without a determiner, "one of … recruits" and "Pfc." as roles', () => {
    expect(entity(index, 'Ada Pell').roles).toEqual(['wife']);
    expect(entity(index, 'Jim Rusk').roles).toEqual(['one of some twenty Army recruits']);
    expect(entity(index, 'Tim Vell').roles).toEqual(['Pfc.']);
    expect(names(index, 'person')).not.toContain('Pfc');
  });

  it('gives no role to a name after a copula that does not end its clause, nor to an everyday "runs"', () => {
    const other = EntityIndex.build([
      makeArticle({
        id: '1962-03-02-other.md',
        date: '1962-03-02',
        body: 'The winner was Ann Lowe’s horse.\n\nThe track runs past Ann Lowe at noon, and Tom Bax runs fast.',
      }),
    ]);
    expect(other.list().find((e) => e.name === 'Ann Lowe')?.roles ?? []).toEqual([]);
    expect(other.list().find((e) => e.name === 'Tom Bax')?.roles ?? []).toEqual([]);
  });
});

describe('a capitalised role the vocabulary does not know, before a full name (issue 16)', () => {
  it('splits "Actor-Crooner", "Cinemactor" and "Hollywood Couturier" off as roles, and the place before a role is no designer', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Into town flew Actor-Crooner Harold Quimby and his pal, Cinemactor Peter Lawton. His wardrobe was designed by Hollywood Couturier Don Loomis, who makes gowns.',
      }),
    ]);
    expect(names(index, 'person').sort()).toEqual(['Don Loomis', 'Harold Quimby', 'Peter Lawton']);
    expect(entity(index, 'Harold Quimby').roles).toEqual(['Actor-Crooner']);
    expect(entity(index, 'Peter Lawton').roles).toEqual(['Cinemactor']);
    expect(entity(index, 'Don Loomis').roles).toEqual(['Couturier']);
  });
});

describe('buildings and campaigns are no people (issue 16)', () => {
  it('reads "Mansion", "Cathedral" as places and "Crusade", "Rally" as events, even after a title-like word', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'The band played facing the Executive Mansion. Pastor Lyle Granger spoke at the Youth Crusade on Sunday and at the Freedom Rally near the Old Cathedral.',
      }),
    ]);
    expect(names(index, 'person')).toEqual(['Lyle Granger']);
  });
});

describe('the short form of an institution named in full (issue 16)', () => {
  it('reads "Wayne State" and "the Beverly Hilton" as the university and the hotel the text names in full', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Mrs. Alma Reese won the prize at a luncheon in the Beverly Hilton Hotel. The finals were on the floor of the Beverly Hilton ballroom. Jane Hunt studied at Wayne State University, and her roommate at Wayne State was questioned.',
      }),
    ]);
    expect(names(index, 'person').sort()).toEqual(['Alma Reese', 'Jane Hunt']);
    expect(entity(index, 'Wayne State').kind).toBe('organization');
  });
});

describe('surname-only people in lists and columns (issue 16)', () => {
  it('makes people of one-word names listed with a person, taken up by "he", or listed with such names', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: [
          'The old guard as led by Sen. Quarles, Vandermeer, Hollins, Pettibone, et al, is making the same mistakes.',
          '“From Ostrowski, Kellerman and Dabney”, answers the manager.',
          'Ostrowski has not proved it yet, but he says his arm is sound. To me, Kellerman looks as though he could win twenty. And Dabney looks stronger than last year.',
          'So, if the club is to improve, Kellerman, Ostrowski and Dabney will have to do it.',
        ].join('\n\n'),
      }),
    ]);
    expect(names(index, 'person').sort()).toEqual(['Dabney', 'Hollins', 'Kellerman', 'Ostrowski', 'Pettibone', 'Quarles', 'Vandermeer']);
  });

  it('keeps one-word places and organisations in a list out, and a speaker\'s "he said" gives the name before no pronoun', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Sen. Quarles toured Turin, Milan and Genoa. Zentrix employs 80,000 workers, he said. The firm bought Underholt and Maxwick last year.',
      }),
    ]);
    expect(names(index, 'person')).toEqual(['Quarles']);
  });

  it('reads a surname ending in "-is" as a speaker unless the corpus writes its singular ("Nazi", "Nazis")', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: '“I hit it hard”, Doris said. Mantilla and Doris, under pressure from writers, are trying to be cooperative. The Nazi party was banned; “We are back”, Nazis said.',
      }),
    ]);
    expect(names(index, 'person').sort()).toEqual(['Doris', 'Mantilla']);
  });
});

describe('people whose names end in a place or institution word (issue 16)', () => {
  it('reads "X who will …" and "in the words of X" as people', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Hank Folley, backed up by Frank Hall who will be within calling distance, makes up the second line. Or, in the words of Anatole Chile, “The law must forbid the rich as well as the poor from sleeping under bridges”.',
      }),
    ]);
    expect(names(index, 'person').sort()).toEqual(['Anatole Chile', 'Frank Hall', 'Hank Folley']);
  });
});

describe('whole titles (issue 16)', () => {
  it('keeps "former", "ex-" and "Atty." with the title, and reads "Committeeman" before a full name as a role', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: [
          'But when former Gov. Morton Grange and Lt. Gov. Byrne accepted, the tour began.',
          'Nixley would be the foe, with ex-Gov. Knapp a close second.',
          'He has the advice of former Democratic National Committeeman Paul Zifkin, who backed him over a candidate espoused by Atty. Gen. Stanley Mosely.',
        ].join('\n\n'),
      }),
    ]);
    expect(entity(index, 'Morton Grange').roles).toEqual(['former Gov.']);
    expect(entity(index, 'Knapp').roles).toEqual(['ex-Gov.']);
    expect(entity(index, 'Paul Zifkin').roles).toEqual(['former Democratic National Committeeman']);
    expect(entity(index, 'Stanley Mosely').roles).toEqual(['Atty. Gen.']);
  });
});

describe('a pet form of a given name (issue 16)', () => {
  it('takes "Frankie" for the one Frank named in full, and a comma between two names for no list', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Actor Frank Sintra flew in on Sunday. Frankie sang as though he meant it. Through Secretary Hertle, Ikey offered the President an opportunity.',
      }),
    ]);
    expect(entity(index, 'Frank Sintra').aliases).toContain('Frankie');
    expect(names(index, 'person').sort()).toEqual(['Frank Sintra', 'Hertle']);
  });
});

describe('home towns and designations (issue 16)', () => {
  it('gives the appositive after "X of Town," to X, and reads "Flight 54" as no person', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Mrs. Henry T. Sulkin of Wennetka, a new board member, will be chairman of publicity. When night-coach Flightway 54 took off, Captain Byron Rickman was at the controls.',
      }),
    ]);
    expect(names(index, 'person').sort()).toEqual(['Byron Rickman', 'Henry T. Sulkin']);
    expect(entity(index, 'Henry T. Sulkin').roles).toContain('new board member');
    expect(entity(index, 'Wennetka').kind).toBe('place');
  });
});

describe('modern appositive and relation roles (issue 16)', () => {
  it('reads a role with its complement, an age before the name, "prosecuting", a relation after a possessive and "Det Insp"', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: [
          'A spokesman for the actor, Gavin Prowse, said she was resting. Her duet partner on the tour, Marcus Lane, will sing alone.',
          'Orbital Games Europe’s head of development, Phil Arnott, said the studio had talent.',
          'One victim, 82-year-old Edith Moorland, lost her savings. Sarah Whitlow, prosecuting, said the builder lied.',
          'Mr Lomax’s barrister, Andrew Hale, said his client was ashamed. Mr Lomax set up the firm with his school friend Adam Chaseley.',
          'Her former bandmate Tina Fielder said she had sent flowers. Drummer Stephen Brightwell and guitarist Mick Fallow left.',
          'After the hearing, Det Insp Mark Reevers said the sentence was fair.',
        ].join('\n\n'),
      }),
    ]);
    expect(entity(index, 'Gavin Prowse').roles).toEqual(['spokesman for the actor']);
    expect(entity(index, 'Marcus Lane').roles).toEqual(['duet partner on the tour']);
    expect(entity(index, 'Phil Arnott').roles).toEqual(['head of development']);
    expect(entity(index, 'Edith Moorland').roles).toEqual(['victim']);
    expect(entity(index, 'Sarah Whitlow').roles).toEqual(['prosecuting']);
    expect(entity(index, 'Andrew Hale').roles).toEqual(['barrister']);
    expect(entity(index, 'Adam Chaseley').roles).toEqual(['school friend']);
    expect(entity(index, 'Tina Fielder').roles).toEqual(['former bandmate']);
    expect(entity(index, 'Stephen Brightwell').roles).toEqual(['Drummer']);
    expect(entity(index, 'Mick Fallow').roles).toEqual(['guitarist']);
    expect(entity(index, 'Mark Reevers').roles).toEqual(['Det Insp']);
    expect(entity(index, 'Marcus Lane').kind).toBe('person');
  });

  it('takes a capitalised title after a possessive before the comma ("Mrs. Kenton’s Social Secretary, X,")', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'Mrs. Kenton’s Social Secretary, Letta Balder, told about plans for the concerts.' }),
    ]);
    expect(entity(index, 'Letta Balder').roles).toEqual(['Social Secretary']);
  });
});

describe('bands, clubs and companies are no people (issue 16)', () => {
  it('reads a name after a kind of organisation, a club word and a plural agent noun as organisations', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: [
          'The shop workers’ union Usdew said it would seek talks. A spokesperson for the regulator Ofwell said the fine was fair.',
          'Tickets are on sale now, promoter Big Sky Concertz said. Promoter Frank Warrender said he was pleased.',
          'Ashdown Rovers came from behind to win. Kelby Wanderers lost again.',
          'Singer Alicia Keyes toured with the Beastie Boys and Arctic Monkeys last year.',
        ].join('\n\n'),
      }),
    ]);
    for (const org of ['Usdew', 'Ofwell', 'Big Sky Concertz', 'Ashdown Rovers', 'Kelby Wanderers', 'Beastie Boys', 'Arctic Monkeys'])
      expect(entity(index, org).kind, org).toBe('organization');
    expect(names(index, 'person').sort()).toEqual(['Alicia Keyes', 'Frank Warrender']);
  });
});

describe('a title with its seat or domain after "for" (issue 16)', () => {
  it('parts "Labour MP for Bristol East Kevin Lyle" and "Minister for Europe Dennis Macshane", and reads a seat as a place', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Labour MP for Bristol East Kevin Lyleford said the committee would meet. Minister for Europe Dennis Macshane agreed. The MP for Bristol East said it was wrong.',
      }),
    ]);
    expect(entity(index, 'Kevin Lyleford').roles).toEqual(['Labour MP for Bristol East']);
    expect(entity(index, 'Dennis Macshane').roles).toEqual(['Minister for Europe']);
    expect(names(index, 'person').sort()).toEqual(['Dennis Macshane', 'Kevin Lyleford']);
  });
});

describe('a surname two people share (issue 16)', () => {
  it('gives the woman titled "Mrs." that form as her alias, and the bare surname stays the man’s', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'President John F. Kenway spoke on Monday. First Lady Jacqueline Kenway was there too. Mrs. Kenway said she liked the music. Kenway said the band played well.',
      }),
    ]);
    expect(entity(index, 'Jacqueline Kenway').aliases).toEqual(['Mrs. Kenway']);
    expect(entity(index, 'John F. Kenway').aliases).toEqual(['Kenway']);
  });
});

describe('court sides and neighbours (issue 16)', () => {
  it('reads "Defending, X said" and "her neighbour, X," as roles', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'Defending, Sarah Lyleton said her client was ashamed. Her neighbour, Dylan Reeson, helped her carry furniture.' }),
    ]);
    expect(entity(index, 'Sarah Lyleton').roles).toEqual(['defending']);
    expect(entity(index, 'Dylan Reeson').roles).toEqual(['neighbour']);
  });

  it('takes "Long Jim" for "Long Jim Barnes", "Hotel Warwick" for no person, and "Judge H. Hobart Grooms" for a person', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'His partner was Long Jim Barnett, who kept count.\n\n“Thirteen”, said Long Jim.\n\n' +
          'The owners will meet at the Hotel Warrick today.\n\nJudge H. Hobart Grooms told the panel he had heard reports.',
      }),
    ]);
    expect(entity(index, 'Long Jim Barnett').aliases).toContain('Long Jim');
    expect(names(index, 'person')).not.toContain('Long Jim');
    expect(names(index, 'person')).not.toContain('Hotel Warrick');
    expect(entity(index, 'H. Hobart Grooms')).toMatchObject({ kind: 'person', roles: ['Judge'] });
  });

  it('joins a pet form of a given name to the full name ("Jim Sorrel" of "James J. Sorrel") and "Mrs. Springfield" to her full name', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'Mayor James J. Sorrel of Eastbrook was backed today.\n\n“Jim Sorrel fits that description”, Ross said.\n\n' +
          'Ross named Mrs. Harriet Lee Springfield as state chairman.\n\nMrs. Springfield is president of the Women\'s Club.',
      }),
    ]);
    expect(entity(index, 'James J. Sorrel').aliases).toContain('Jim Sorrel');
    expect(entity(index, 'Harriet Lee Springfield').aliases).toContain('Springfield');
    expect(names(index, 'person')).not.toContain('Mrs. Springfield');
  });

  it('keeps a surname that is an event noun ("Tom Day"), and no person of a town in an appositive, an "a X", or "Attendance continued"', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'Tom Day of Beaverton showed the champion hog, a Chester White.\n\nAttendance continued to run ahead of last year.\n\n' +
          'The move was backed by Edward W. Roos, West Orange safety commissioner.\n\n' +
          'He will be succeeded by Rob Ledbetter of Gainesville, who has been an assistant for three years.',
      }),
    ]);
    const people = names(index, 'person');
    expect(people).toEqual(expect.arrayContaining(['Tom Day', 'Edward W. Roos', 'Rob Ledbetter']));
    for (const no of ['Chester White', 'Attendance', 'West Orange', 'Gainesville']) expect(people).not.toContain(no);
    expect(entity(index, 'Edward W. Roos').roles).toEqual(['West Orange safety commissioner']);
    expect(entity(index, 'Rob Ledbetter').roles).toEqual(['assistant']);
  });

  it('reads a role WordNet knows as a kind of person before a name ("baton twirler X"), and a subject "his" takes up as a person', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'The Hill quartet was second and baton twirler Sue Ann Nutley of Reedville third.\n\n' +
          'Sen. Charles Sandberg said today Jonas will run well ahead of his rivals. Sandberg, campaign chairman for Jonas, spoke at the hotel.\n\n' +
          'He named the chairman of the Women for Jonas Committee.',
      }),
    ]);
    expect(entity(index, 'Sue Ann Nutley').roles).toEqual(['baton twirler']);
    expect(entity(index, 'Jonas').kind).toBe('person');
  });

  it('names a peer by title ("Foreign Secretary Lord Hume"), and ends a role before an honorific ("Foreign Minister Sir Alec Roe")', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'The plan was announced in London by Foreign Secretary Lord Hume.\n\nHe met Foreign Minister Sir Alec Dunne-Roe today.' }),
    ]);
    expect(entity(index, 'Lord Hume')).toMatchObject({ kind: 'person', roles: ['Foreign Secretary'] });
    expect(entity(index, 'Alec Dunne-Roe').roles).toEqual(['Foreign Minister']);
  });

  it('reads "other son, Lee,", "earlier named Attorney General", a role past an address, "was identified as" and "newsmen, including A"', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'Police answered a call from the Dressler\'s other son, Lee, 14, they said.\n\n' +
          'Mr. Simms will take the post vacated by Thomas B. Fenn, earlier named Attorney General to succeed Carl Sibley.\n\n' +
          'He recommended a citation for Ralph Sisley, 9230 Vernor east, a third grader at the Scripps School, for his help.\n\n' +
          'The motorist later was identified as Richard Sarkis, 17.\n\n' +
          'Among them were a number of newsmen, including Henry Ramont, of United Press International, and Robert Berrell, of Associated Press.',
      }),
    ]);
    expect(entity(index, 'Lee').roles).toEqual(['other son']);
    expect(entity(index, 'Thomas B. Fenn').roles).toEqual(['Attorney General']);
    expect(entity(index, 'Ralph Sisley').roles).toEqual(['third grader']);
    expect(entity(index, 'Richard Sarkis').roles).toEqual(['The motorist']);
    expect(entity(index, 'Henry Ramont').roles).toEqual(['newsman']);
    expect(entity(index, 'Robert Berrell').roles).toEqual(['newsman']);
  });

  it('takes "the X Legion post" and a country\'s other spelling ("Communist North Viet Nam") for no person', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'Anders Holm was commander of the Havana American Legion post before it disbanded.\n\nTroops came from Communist North Viet Nam.' }),
    ]);
    expect(names(index, 'person')).toEqual(['Anders Holm']);
    expect(entity(index, 'North Viet Nam').kind).toBe('place');
  });

  it('reads a middle initial after a common word ("— Miles J. Cooper"), "A and B, two of the defendants,", "Policemen A and B" after a verb', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'The three — Miles J. Cooper, Sheldon Tell, and Rick Austen — are charged.\n\n' +
          'He testified he introduced James Whitt and Jeremy Pulling, two of the defendants, to Jessy Marow, a man named in the indictment.\n\n' +
          'Robinson told Policemen James Jonas and Morgan Lloyds of the district that youths boarded his bus.',
      }),
    ]);
    expect(names(index, 'person')).toEqual(expect.arrayContaining(['Miles J. Cooper', 'Jessy Marow']));
    expect(entity(index, 'James Whitt').roles).toEqual(['two of the defendants']);
    expect(entity(index, 'Jeremy Pulling').roles).toEqual(['two of the defendants']);
    expect(entity(index, 'James Jonas').roles).toEqual(['Policemen']);
    expect(entity(index, 'Morgan Lloyds').roles).toEqual(['Policemen']);
  });

  it('reads a role with a name inside it, a role WordNet knows before a comma and a name, and one past "of" an address', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'In opening, D. Arthur Connell, assistant United States attorney, read the indictment.\n\n' +
          'They sold heroin to a convicted narcotics peddler, Otis Seers, 45, of 6934 Indiana Av.\n\n' +
          'Buford Robison, 23, of 7026 Stewart Av., a bus driver, was robbed last night.\n\n' +
          'The defendant, William Stick, 23, of 3211 Park pl., Evanston, who pleaded guilty, was fined.',
      }),
    ]);
    expect(entity(index, 'D. Arthur Connell').roles).toEqual(['assistant United States attorney']);
    expect(entity(index, 'Otis Seers').roles).toEqual(['convicted narcotics peddler']);
    expect(entity(index, 'Buford Robison').roles).toEqual(['bus driver']);
    expect(names(index, 'person')).not.toContain('Evanston');
  });

  it('gives a counted plural role before a colon list of groups with schools ("The 33 honored students are: A, B, and C of X; D …")', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'The 33 honored students are: Mike Trigge, Ray Arrington, and Ron Kaminski of Hillcrest, Janice Whitley, and Carl Page of W. H. Adamson; Bill Burk, Tom Freeman, and Lon Pascal of Crozier Tech.',
      }),
    ]);
    for (const name of ['Mike Trigge', 'Ray Arrington', 'Ron Kaminski', 'Janice Whitley', 'Carl Page', 'Bill Burk', 'Tom Freeman', 'Lon Pascal'])
      expect(entity(index, name).roles).toEqual(['honored student']);
    expect(names(index, 'person')).not.toContain('Hillcrest');
  });

  it('reads "a special assistant to the Attorney General" and a role in quotation marks ("the “boy-manager” of Washington")', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'The President announced the appointment of David L. Hackman, a special assistant to the Attorney General, as director.\n\n' +
          'Only Bucky Harrison, the “boy-manager” of Washington in 1924, had done it.',
      }),
    ]);
    expect(entity(index, 'David L. Hackman').roles).toEqual(['special assistant to the Attorney General']);
    expect(entity(index, 'Bucky Harrison').roles).toEqual(['boy-manager']);
  });

  it('reads "has been named manager", "that master craftsman, X", "A and B, both Manhattan decorators", an initial\'s home town and "the Rev. Warren I. Dense"', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'Cafe Society opens this afternoon. Terry Barns has been named manager.\n\n' +
          'The house gets furniture by that master American craftsman, Duncan Fyfe, whose designs were snubbed when the U. S. Presidents sent abroad.\n\n' +
          'Her associates include Mrs. Allen McClusky and Stephen J. Jussell, both wellknown Manhattan decorators.\n\n' +
          'C. Wheeler Barnard of Denver, head of the lodge in Colorado, spoke.\n\n' +
          'The resignation of the Rev. Warren I. Dense, headmaster of the day school, becomes effective July 15.',
      }),
    ]);
    expect(entity(index, 'Terry Barns').roles).toEqual(['manager']);
    expect(entity(index, 'Duncan Fyfe').roles).toEqual(['master American craftsman']);
    expect(entity(index, 'Allen McClusky').roles).toContain('wellknown Manhattan decorator');
    expect(entity(index, 'Stephen J. Jussell').roles).toEqual(['wellknown Manhattan decorator']);
    expect(entity(index, 'C. Wheeler Barnard').roles).toEqual(['head']);
    expect(entity(index, 'Warren I. Dense').roles).toEqual(expect.arrayContaining(['Rev.', 'headmaster']));
    expect(names(index, 'person')).not.toContain('U. S. Presidents');
  });

  it('reads "has been appointed temporary assistant district attorney", "the swearing in of X as Y County Circuit Judge" and "X, of nearby Town, a housewife"', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'Vincent G. Ierullo has been appointed temporary assistant district attorney, it was announced Monday.\n\n' +
          'On Friday he will go to Salem for the swearing in of Dean Brysen as Multnomah County Circuit Judge.\n\n' +
          'Mrs. Grace Butchard, of nearby Chardonville, a 27-year-old housewife who has two children, finished second.',
      }),
    ]);
    expect(entity(index, 'Vincent G. Ierullo').roles).toEqual(['temporary assistant district attorney']);
    expect(entity(index, 'Dean Brysen').roles).toEqual(['Multnomah County Circuit Judge']);
    expect(entity(index, 'Grace Butchard').roles).toEqual(['27-year-old housewife']);
    expect(names(index, 'person')).not.toContain('Chardonville');
  });

  it('reads the appositive past a home town\'s state, and a plural appositive after a pair, for each of the pair', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'Bobby Watters of Sylvania, Ga., relief quarterback for the San Francisco 49ers, will undergo a knee operation.\n\n' +
          "Hoyt Wilhelmson and Skip Brownell, the Flock's veteran knuckleball specialists, are slated to pitch.\n\n" +
          'The President returned from Hyannis Port, Mass., a White House spokesman said.',
      }),
    ]);
    expect(entity(index, 'Bobby Watters').roles).toEqual(['relief quarterback']);
    expect(entity(index, 'Hoyt Wilhelmson').roles).toEqual(['veteran knuckleball specialist']);
    expect(entity(index, 'Skip Brownell').roles).toEqual(['veteran knuckleball specialist']);
    expect(names(index, 'person')).not.toContain('Hyannis Port');
    expect(names(index, 'person')).not.toContain('Ga');
  });

  it('reads a bare appositive of a kind of person before "to": "X, successor to Y at the helm,"', () => {
    const index = EntityIndex.build([makeArticle({ body: 'Ralph Houkman, successor to Casey Stengler at the Yankee helm, plans to bring the squad.' })]);
    expect(entity(index, 'Ralph Houkman').roles).toEqual(['successor to Casey Stengler at the Yankee helm']);
  });

  it('reads "X presides over the bureau" as what X does', () => {
    const index = EntityIndex.build([makeArticle({ body: 'The justice building is where J. Edgar Hooverson presides over the federal bureau of investigation.' })]);
    expect(entity(index, 'J. Edgar Hooverson').roles).toEqual(['presides over the federal bureau of investigation']);
  });

  it('joins "Mrs. Lenny" to "Mrs. Henry Francis Lenny" when the full name is hers too', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'The chairman, Mrs. Henry Francis Lenny, was in town yesterday.\n\nMrs. Lenny consulted the staff.' }),
    ]);
    expect(entity(index, 'Henry Francis Lenny').aliases).toContain('Lenny');
    expect(names(index, 'person')).toEqual(['Henry Francis Lenny']);
  });

  it('takes a bracketed nickname alone for its person, and keeps "Mrs. Bening" apart from the coach John Bening', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'The award went to Bob (Bevo) Nordby, the center.\n\nBevo was congratulated.\n\nJohn Bening spoke first.\n\nMrs. Bening admired the team.' }),
    ]);
    expect(entity(index, 'Bob (Bevo) Nordby').aliases).toContain('Bevo');
    expect(names(index, 'person')).toEqual(expect.arrayContaining(['John Bening', 'Mrs. Bening']));
  });

  it('does not take another story\'s bare given name for a person named in full elsewhere ("Karen" is not "Karen Kolby")', () => {
    const index = EntityIndex.build([
      makeArticle({ id: '1961-05-06-family.md', body: 'They have three daughters — Pamela, 3, Karen, 2, and Shari, five months.' }),
      makeArticle({ id: '1961-08-26-delegation.md', body: 'Members of the delegation are: Karen Kolby, Franklin; and Ann Weg, Grant.' }),
    ]);
    expect(entity(index, 'Karen Kolby').aliases).not.toContain('Karen');
  });
});

describe('society pages: wedding parties, parents and families (issue 16, brown-fresh22)', () => {
  it('keeps "Mrs. Hardy P. Mills of Floresville" a person though "Mills" names firms', () => {
    const index = indexOf('Guests were Mrs. Harlan Q. Mills of Hollisville and Tobin R. Works of Dayton.');
    expect(names(index, 'person')).toEqual(expect.arrayContaining(['Harlan Q. Mills', 'Tobin R. Works']));
    expect(names(index, 'organization')).toEqual([]);
    expect(names(index, 'person')).not.toContain('Harlan Q. Mills of Hollisville');
  });

  it('gives the copula after a home town to the person: "Miss A of Baird was maid of honor", "B of Hartford, Conn., was best man"', () => {
    const index = indexOf('Miss Della Rossing of Bairdton was maid of honor, and Cecil Mayson of Hartford, Conn., was best man for his brother.');
    expect(entity(index, 'Della Rossing').roles).toEqual(['maid of honor']);
    expect(entity(index, 'Cecil Mayson').roles).toEqual(['best man']);
    expect(names(index, 'person')).not.toContain('Bairdton');
    const sister = indexOf("Miss Glinda Maye Merritt was her sister's maid of honor.");
    expect(entity(sister, 'Glinda Maye Merritt').roles).toEqual(["her sister's maid of honor"]);
  });

  it('gives a plural role after ", and" to each listed name, past towns, states and titles', () => {
    const index = indexOf(
      'Miss Ann Roe was maid of honor, and bridesmaids were Miss Pat Dawley of Austin, Mrs. Howard M. Deanes of Hinsdale, Ill., and Mrs. James A. Reedy of Shreveport, La. Groomsmen were Dr. James Cartwright of Houston and Conrad McEachin of Mobile.',
    );
    for (const name of ['Pat Dawley', 'Howard M. Deanes', 'James A. Reedy']) expect(entity(index, name).roles).toEqual(['bridesmaid']);
    expect(entity(index, 'Conrad McEachin').roles).toEqual(['groomsman']);
    expect(names(index, 'person')).not.toContain('Ill');
  });

  it('reads "Parents of the bride are …" as parents, not as the bride', () => {
    const index = indexOf('Parents of the bride are Mr. and Mrs. Ferrin M. Gaye. Parents of the couple are Ray Meredale of Denton and Mrs. Hardy P. Millson.');
    expect(entity(index, 'Ferrin M. Gaye').roles).toEqual(['parent of the bride']);
    expect(entity(index, 'Ray Meredale').roles).toEqual(['parent of the couple']);
    expect(entity(index, 'Hardy P. Millson').roles).toEqual(['parent of the couple']);
  });

  it('gives the names after "son of" and "daughter of" their parent\'s role, by honorific or given name', () => {
    const index = indexOf(
      'The bridegroom is the son of Mrs. James Bainer of Los Angeles, Calif., and Carl E. Howell of Santa Monica, Calif. The bride, daughter of Mr. and Mrs. Charles Ervin Glisson of Pampa, attended college.',
    );
    expect(entity(index, 'James Bainer').roles).toEqual(['mother']);
    expect(entity(index, 'Carl E. Howell').roles).toEqual(['father']);
    expect(entity(index, 'Charles Ervin Glisson').roles).toEqual(['parent']);
    expect(entity(index, 'Santa Monica').roles).toEqual([]);
    expect(entity(index, 'Pampa').roles).toEqual([]);
  });

  it('takes "the Kochaneks" for the family of the one Kochanek the article names', () => {
    const index = indexOf('Mr. and Mrs. Stephen M. Kochanski reported the theft.\n\nThe Kochanskis told police they left home at 8 a.m.');
    expect(entity(index, 'Stephen M. Kochanski').aliases).toContain('Kochanskis');
    expect(names(index, 'person')).toEqual(['Stephen M. Kochanski']);
  });
});

describe('a surname beside a full name, ceremony duties and a maiden name (issue 16, brown-fresh22)', () => {
  it('takes a word joined by "and" to a person\'s full name for a person ("the merits of Mayes and Mickey Mantell")', () => {
    expect(names(indexOf('The big day revived the argument about the merits of Mayes and Mickey Mantell.'), 'person')).toEqual(['Mayes', 'Mickey Mantell']);
    expect(names(indexOf('The storm moved over Kansas and Mickey Mantell.'), 'person')).toEqual(['Mickey Mantell']);
  });

  it('reads a ceremony duty as the role of each subject ("A and Mrs. B presented music", "C and D Jr. seated guests")', () => {
    const index = indexOf('Charles Pabbor and Mrs. Marvin Handel presented music. Robert Lovell and Cedric Burgh Jr. seated guests.');
    for (const name of ['Charles Pabbor', 'Marvin Handel']) expect(entity(index, name).roles).toEqual(['presented music']);
    for (const name of ['Robert Lovell', 'Cedric Burgh Jr']) expect(entity(index, name).roles).toEqual(['seated guests']);
  });

  it('gives the role before "the former Miss X" to her ("his bride, the former Miss Judith Ellen Gaye")', () => {
    const index = indexOf('Oxnard will be the home of the Rev. Robert D. Howe and his bride, the former Miss Judith Ellen Gaye, who were married Saturday.');
    expect(entity(index, 'Judith Ellen Gaye').roles).toEqual(['bride']);
  });
});

describe('obituaries and society notes (issue 16, brown-fresh20)', () => {
  it('reads three initials ("Dr. W. B. I. Marten") as one name, the "I." an initial', () => {
    const index = indexOf('Dr. W. B. I. Marten officiated, and the bride was given in marriage by her father.');
    expect(names(index, 'person')).toEqual(['W. B. I. Marten']);
  });

  it('takes a one-word town between a listed person and a state for a place ("John Roe, Warren, Ohio;")', () => {
    const index = indexOf('Survivors include two brothers, C. E. Killings, Atlanta, and John Killings, Warren, Ohio; and a sister.');
    expect(names(index, 'person')).not.toContain('Warren');
    expect(names(index, 'place')).toContain('Warren');
  });

  it('knows a patrol for an organisation and a consul for a title', () => {
    const index = indexOf('Two died in a crash near Snellburg, the State Patrol said Sunday. Friends will honor Italian Consul and Mrs. Emilio Bassini at a party.');
    expect(names(index, 'person')).not.toContain('State Patrol');
    expect(entity(index, 'Emilio Bassini').roles).toEqual(['Consul']);
  });

  it('reads the role before a comma past the name\'s home town ("his sister, Mrs. Emma B. Odum of Atlanta.")', () => {
    expect(entity(indexOf('Survivors include his sister, Mrs. Emma B. Odum of Atlanta.'), 'Emma B. Odum').roles).toEqual(['sister']);
  });
});

describe('a former member named by the team (issue 16, brown-fresh21)', () => {
  it('reads "Ex-Oriole Clint Courtly" as a role before the name', () => {
    const index = EntityIndex.build([makeArticle({ body: 'Ex-Oriole Clint Courtly, now catching for the A’s, is all for the expansion.' })]);
    expect(entity(index, 'Clint Courtly').roles).toEqual(['Ex-Oriole']);
  });
});

describe('"L. I." after a town is no chain of initials (issue 16, brown-fresh8)', () => {
  it('keeps "Sands Point, L. I. Bill Jr., 20," apart from the initials of "Dr. W. B. I. Marten"', () => {
    const index = EntityIndex.build([makeArticle({ body: 'They make their home at Sands Point, L. I. Bill Jr., 20, and Kathy, 15, round out the family.' })]);
    expect(names(index, 'person')).not.toContain('L. I. Bill Jr');
  });
});

describe('committees, models and co-chairmen (issue 16, brown-fresh24)', () => {
  it('gives the names a committee "includes" its membership', () => {
    const index = indexOf('Mrs. Roberta Spurr is chairman of the committee, which includes Mrs. James A. Moodie, Mrs. Frank C. Wilkins and Mrs. Ethel Colby.');
    for (const name of ['James A. Moodie', 'Frank C. Wilkins', 'Ethel Colby']) expect(entity(index, name).roles).toEqual(['member of the committee']);
    // Firms a body includes are no members made people.
    const firms = indexOf('The board includes Acme Steel, Tom Rowe and Boeing.');
    expect(names(firms, 'person')).toEqual(['Tom Rowe']);
  });

  it('reads a plural role before "will be" and a pair before "are co-chairmen this year"', () => {
    const models = indexOf('Models will be Mrs. Samuel B. Bairdson, Mrs. William H. Meylor, Jr. and Mrs. Richard W. Holley.');
    for (const name of ['Samuel B. Bairdson', 'William H. Meylor, Jr', 'Richard W. Holley']) expect(entity(models, name).roles).toEqual(['model']);
    const chairs = indexOf('Mrs. Jerome Blume and Mrs. Meyer Schulte are co-chairmen this year.');
    for (const name of ['Jerome Blume', 'Meyer Schulte']) expect(entity(chairs, name).roles).toEqual(['co-chairman']);
  });

  it('reads "X, now vice-president of Y" and "an ex-schoolteacher" as roles', () => {
    expect(entity(indexOf('The word came from Hank Greenbaum, now vice-president of the Chicago White Sox.'), 'Hank Greenbaum').roles).toEqual(['vice-president']);
    expect(entity(indexOf('Al Fiken, an ex-schoolteacher from Colorado, is back in town.'), 'Al Fiken').roles).toEqual(['ex-schoolteacher']);
  });

  it('reads "Mrs. I. S. Kamen" with its initial I, and a home town between commas as a place', () => {
    expect(names(indexOf('Mr. and Mrs. I. S. Kamen will attend.'), 'person')).toEqual(['I. S. Kamen']);
    const index = indexOf('Col. Clifton Lyle, of Chester Springs, who headed the committee, is now an honorary member.');
    expect(names(index, 'person')).toEqual(['Clifton Lyle']);
  });
});

describe('generations in a list (issue 16, brown-fresh24)', () => {
  it('reads a list past "2d" and "Jr." suffixes, and keeps "Mrs. Robert O. Spurr" apart from "Mrs. Robert O. Spurr, Jr."', () => {
    const index = EntityIndex.build([
      makeArticle({
        body: 'Mrs. Robert O. Spurr is chairman of the committee, which includes Mrs. Henry M. Chanse, 2d, Mrs. Robert O. Spurr, Jr., Mrs. Harcourt N. Trimm, Jr., and Mrs. John A. Mollet.',
      }),
    ]);
    expect(entity(index, 'Robert O. Spurr').roles).toEqual(['chairman of the committee']);
    for (const name of ['Henry M. Chanse', 'Robert O. Spurr, Jr', 'Harcourt N. Trimm, Jr', 'John A. Mollet'])
      expect(entity(index, name).roles).toEqual(['member of the committee']);
  });
});

describe('society pages and columns (issue 16, brown-fresh23 and brown-fresh25)', () => {
  it('reads a committee list past a bare generation number ("Davis 3,") and a home town\'s dotted state as a place', () => {
    const index = indexOf('Members of the committee include Mrs. Alton Berry, Mrs. Carl B. Dorsey 3, Mrs. Eli Fenn, Mrs. Gus Harl 2, and Mrs. Ira Jett.');
    for (const name of ['Alton Berry', 'Carl B. Dorsey', 'Eli Fenn', 'Gus Harl', 'Ira Jett']) expect(entity(index, name).roles).toEqual(['member of the committee']);
    const grandparents = indexOf('Grandparents are Mr. and Mrs. K.L. Ostrow and Mr. and Mrs. P.Q. Rusk of Yonkers, N.Y.');
    expect(names(grandparents, 'person').sort()).toEqual(['K.L. Ostrow', 'P.Q. Rusk']);
    expect(entity(grandparents, 'N.Y.').kind).toBe('place');
  });

  it('reads a role after a copula with a noun before it ("is ticket chairman") and "was one of the speakers"', () => {
    const index = indexOf('Mrs. Lyle Stamm is ticket chairman and Mrs. Ned Tuck is in charge of publicity. Miss Ora Vance was one of the speakers on the panel on Wednesday.');
    expect(entity(index, 'Lyle Stamm').roles).toEqual(['ticket chairman']);
    expect(entity(index, 'Ned Tuck').roles).toEqual(['in charge of publicity']);
    expect(entity(index, 'Ora Vance').roles).toEqual(['one of the speakers']);
    // An adverb before the copula's noun is no office's qualifier.
    expect(entity(indexOf('Tom Poe is always chairman.'), 'Tom Poe').roles).toEqual([]);
  });

  it('gives a couple\'s kin appositive to the husband, and reads "Mr. and Mrs. Major X" as a given name', () => {
    const index = indexOf('Mr. and Mrs. Major Wendt and their son-in-law and daughter, Mr. and Mrs. Ross Yates, will spend a week at the shore.');
    expect(entity(index, 'Major Wendt').roles).toEqual([]);
    expect(entity(index, 'Ross Yates').roles).toEqual(['son-in-law']);
  });

  it('gives "Billy and Jean Moffat" the one surname, and takes "Jean" for a given name before a surname', () => {
    const index = indexOf('Billy and Jean Moffat at the Rickshaw. Bea Morlan, Bill and Evelyn Pettit at the Escape.');
    expect(names(index, 'person').sort()).toEqual(['Bea Morlan', 'Bill Pettit', 'Billy Moffat', 'Evelyn Pettit', 'Jean Moffat']);
    // A given name that is a word of another part of speech too ("West") is no person's before an unknown word.
    expect(names(indexOf('West Marcia police said the tablets were toxic.'), 'person')).toEqual([]);
  });

  it('reads a nickname in quotation marks as part of a name, and names the person by the name, not the nickname', () => {
    const index = indexOf('The chili is so hot that “Tex” Burwell had to call the draft man twice. Also on the bill: Harold “Flip” Phelan on sax.');
    expect(names(index, 'person').sort()).toEqual(['Harold “Flip” Phelan', '“Tex” Burwell']);
    const mom = indexOf('“Mom” Marley, as the men at the center call her, is the link. Those qualities make Esther Marley a popular asset.');
    expect(names(mom, 'person')).toEqual(['Esther Marley']);
    expect(entity(mom, 'Esther Marley').aliases).toEqual(['“Mom” Marley']);
  });

  it('takes no person from a title in quotation marks, and no embassy for a person', () => {
    const index = indexOf('She has appeared from “Captain Brasswell\'s Conversion” to “Goodbye, Mr. Chippen” on television. Inquiries went through the U. S. Embassy in Warsaw.');
    expect(names(index, 'person')).toEqual([]);
    expect(entity(index, 'U. S. Embassy').kind).toBe('organization');
  });
});

describe('long lists and roles told of "he" or "she" (issue 16, brown-fresh23 to brown-fresh25)', () => {
  it('reads every name of a long committee list, not only its first ones', () => {
    const members = ['Ada Bell', 'Bea Cole', 'Cora Dunn', 'Dora Eads', 'Edna Ford', 'Fay Gish', 'Gail Hart', 'Hope Irwin', 'Ida Jolly', 'Jo Keats', 'Kay Lund', 'Lena Mott', 'Mae Nash', 'Nell Orr', 'Opal Pratt', 'Pearl Quade'];
    const index = indexOf(`Members of the committee include ${members.map((n) => `Mrs. ${n}`).join(', ')}.`);
    for (const name of members) expect(entity(index, name).roles).toEqual(['member of the committee']);
  });

  it('gives the role a sentence opening with "she" or "he" is given to the person last the subject of a sentence', () => {
    const index = indexOf(
      'Of Irish descent, Wren Gasson was born in County Down. Just this April she was nominated for her portrayal of Eleanor Rooke. She is state chairman for the Cancer Association.',
    );
    expect(entity(index, 'Wren Gasson').roles).toEqual(['state chairman for the Cancer Association']);
    expect(entity(index, 'Eleanor Rooke').roles).toEqual([]);
    const couple = indexOf('Mr. and Mrs. George Tredwell will be honored at a supper at Trinity Church. He is the sexton of the church.');
    expect(entity(couple, 'George Tredwell').roles).toEqual(['sexton']);
    // No person was the subject before it: the role goes to nobody.
    const none = indexOf('The award went to a film about Ada Rusk. She is the chairman of the board.');
    expect(entity(none, 'Ada Rusk').roles).toEqual([]);
    // An abstract noun is no role: "a personification of the look".
    expect(entity(indexOf('Miss Garsen is a personification of the look.'), 'Miss Garsen').roles).toEqual([]);
  });
});

describe('reviews (issue 16, brown-fresh26)', () => {
  it('reads "Directed by X" opening a sentence, "a most promising young conductor, X", and a peer\'s title after the name', () => {
    expect(entity(indexOf('Directed by Grigor Kozinsky in a tempo that is slow, he develops the story.'), 'Grigor Kozinsky').roles).toEqual(['director']);
    expect(entity(indexOf('The evening also marked the debut of a most promising young conductor, Silvan Varvis.'), 'Silvan Varvis').roles).toEqual([
      'most promising young conductor',
    ]);
    const peer = indexOf('William Joseph Slimm, First Viscount Slimm, former Governor General of Australia, commanded in Burma. Field Marshal Slimm has abridged it.');
    expect(names(peer, 'person')).toEqual(['William Joseph Slimm']);
    expect(entity(peer, 'William Joseph Slimm').roles).toEqual(['First Viscount', 'former Governor General', 'Field Marshal']);
  });
});

describe('a list that runs on past a stray period (issue 16, brown-fresh17)', () => {
  it('gives the list\'s role to the items after an abbreviation\'s period and in the next paragraph, and no more', () => {
    const index = EntityIndex.build([
      makeArticle({
        body:
          'The 12 honored students are: Mike Trane, Ray Arlen, and Ron Kamin of Bryan High; Bill Burr, Tom Freed, and Larry Pask of N. R. Crane Tech. Paula Thom, Gerald Kest, and Nancy Steph of Hillcrest; Arnold Hay and Mary Shay of Jefferson;\n\n' +
          'William Cluck, Delia Carty, and Edna Eton of North Dallas.\n\nPrincipal address will be delivered by Gerald Owen of New York.',
      }),
    ]);
    for (const name of ['Mike Trane', 'Larry Pask', 'Paula Thom', 'Nancy Steph', 'Mary Shay', 'William Cluck', 'Edna Eton'])
      expect(entity(index, name).roles).toEqual(['honored student']);
    // The sentence after the list is no item of it.
    expect(entity(index, 'Gerald Owen').roles).toEqual([]);
  });
});

describe('"Among them will be" and "Also …" (issue 16, brown-fresh24)', () => {
  it('gives the names "among them" the plural role of the sentence before', () => {
    const index = indexOf('The chairman says the work of 100 artists well known in the valley will be shown. Among them will be Marc Shottel, Ben Shann and Milton Avory.');
    for (const name of ['Marc Shottel', 'Ben Shann', 'Milton Avory']) expect(entity(index, name).roles).toEqual(['artist']);
    // Without a plural role before it, nobody's.
    expect(entity(indexOf('The show opens on Friday. Among them will be Marc Shottel.'), 'Marc Shottel').roles).toEqual([]);
  });

  it('reads "Assisting as chairmen of X are A, B …" and carries it into "Also C, D …"', () => {
    const index = EntityIndex.build([
      makeArticle({ body: 'Assisting as chairmen of various committees are Mrs. Alva Blume, Mrs. Leona Malm, Mrs. Edna Fern, Mrs. Roberta Cush.\n\nAlso Mrs. Bertha Korm, Mrs. Martha Rosse and Mrs. Edwina Sable.' }),
    ]);
    for (const name of ['Alva Blume', 'Roberta Cush', 'Bertha Korm', 'Edwina Sable']) expect(entity(index, name).roles).toEqual(['chairman of various committees']);
  });
});
