// The story filter: the expression language, the default "names the story" test, and a labelled feed measured.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/intake/feed.js';
import {
  ABOUT_STORY_MIN_NAMES,
  ABOUT_STORY_TOP_NAMES,
  aboutStoryFilter,
  expressionFilter,
  FilterSyntaxError,
  itemPasses,
  itemPassesWithBody,
  matchText,
  storyFilter,
  type StoryName,
} from '../../src/intake/filter.js';
import { FIXTURES } from './fixture-server.js';

function passes(expression: string, title: string, summary = ''): boolean {
  return itemPasses(expressionFilter(expression), { title, summary }).passed;
}

function syntaxError(expression: string): FilterSyntaxError {
  try {
    expressionFilter(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterSyntaxError);
    return error as FilterSyntaxError;
  }
  throw new Error(`"${expression}" parsed`);
}

describe('expressionFilter: matching', () => {
  it('matches whole words, whatever their case, and not inside longer words', () => {
    expect(passes('ferry', "The Ferry's last crossing")).toBe(true);
    expect(passes('FERRY', 'a ferry sank')).toBe(true);
    expect(passes('ferry', 'Ferrying goods across the strait')).toBe(false);
    expect(passes('star', 'Aurora Starling')).toBe(false);
  });

  it('ignores accents on either side', () => {
    expect(passes('tirane', 'Protest in Tiranë')).toBe(true);
    expect(passes('Tiranë', 'Protest in Tirane')).toBe(true);
  });

  it('matches a quoted phrase as its words in a row, punctuation aside', () => {
    expect(passes('"coast guard"', 'Coast-Guard divers recover bodies')).toBe(true);
    expect(passes('"coast guard"', 'The coast and its guard')).toBe(false);
    expect(passes('“coast guard”', 'Coast Guard statement')).toBe(true);
  });

  it('does not match a phrase across the title and the summary', () => {
    expect(passes('"ferry sinks"', 'Storm hits ferry', 'Sinks overflow in flooded homes')).toBe(false);
    expect(passes('ferry sinks', 'Storm hits ferry', 'Sinks overflow in flooded homes')).toBe(true);
  });

  it('joins side-by-side terms with AND', () => {
    expect(passes('ferry inquiry', 'Ferry inquiry opens')).toBe(true);
    expect(passes('ferry inquiry', 'Ferry sails again')).toBe(false);
  });

  it('binds NOT before AND before OR, and follows parentheses', () => {
    const text = 'Sinking feared as storm hits';
    expect(passes('ferry OR sinking AND NOT storm', text)).toBe(false);
    expect(passes('ferry OR sinking AND NOT storm', 'Ferry delayed by storm')).toBe(true);
    expect(passes('(ferry OR sinking) AND NOT storm', 'Ferry delayed by storm')).toBe(false);
    expect(passes('NOT storm OR sinking', text)).toBe(true);
  });

  it('takes operators in any case and -word as NOT', () => {
    expect(passes('ferry and not storm', 'Ferry delayed by storm')).toBe(false);
    expect(passes('ferry -storm', 'Ferry delayed by storm')).toBe(false);
    expect(passes('ferry -storm', 'Ferry delayed by fog')).toBe(true);
    expect(passes('"not" guilty', 'Captain pleads not guilty')).toBe(true);
  });

  it('matches the beginning of words with a trailing *', () => {
    expect(passes('sink*', 'Ferry sinking')).toBe(true);
    expect(passes('sink*', 'Kitchen sink')).toBe(true);
    expect(passes('sink*', 'Ferry sank')).toBe(false);
  });

  it('says which terms matched, or what was not matched', () => {
    const filter = expressionFilter('(ferry OR "coast guard") -storm');
    expect(itemPasses(filter, { title: 'Coast Guard finds ferry', summary: '' })).toEqual({
      passed: true,
      reason: 'matches ferry, "coast guard"',
    });
    expect(itemPasses(filter, { title: 'Storm sinks ferry', summary: '' })).toEqual({
      passed: false,
      reason: 'does not match (ferry OR "coast guard") AND NOT storm',
    });
  });

  it('writes the expression out in full', () => {
    expect(expressionFilter('ferry sinking or (wreck -storm)').description).toBe(
      '(ferry AND sinking) OR (wreck AND NOT storm)',
    );
  });
});

describe('expressionFilter: syntax errors name the position and what was expected', () => {
  it.each([
    ['', 'at character 1, expected a word, a "quoted phrase", NOT or "(", found the end'],
    ['   ', 'at character 4, expected a word, a "quoted phrase", NOT or "(", found the end'],
    ['(ferry OR sinking', 'at character 18, expected ")" to close the "(" at character 1, found the end'],
    ['ferry AND', 'at character 10, expected a word, a "quoted phrase", NOT or "(", found the end'],
    ['OR ferry', 'at character 1, expected a word, a "quoted phrase", NOT or "(", found OR'],
    ['ferry )', 'at character 7, expected AND, OR, a word or the end, found ")"'],
    [
      'ferry "coast guard',
      'at character 19, expected a closing quote for the phrase at character 7, found the end',
    ],
    ['ferry ""', 'at character 7, expected words inside the quotes, found ""'],
    ['ferry && wreck', 'at character 7, expected a word with letters or digits, found "&&"'],
    ['ferry AND ()', 'at character 12, expected a word, a "quoted phrase", NOT or "(", found ")"'],
  ])('%j', (expression, detail) => {
    const error = syntaxError(expression);
    expect(error.message).toBe(`storydesk: story filter "${expression}": ${detail}`);
  });

  it('gives the position as a field too', () => {
    expect(syntaxError('(ferry')).toMatchObject({
      index: 6,
      expected: '")" to close the "(" at character 1',
      found: 'the end',
    });
  });
});

describe('aboutStoryFilter', () => {
  const names: StoryName[] = [
    { name: 'Aurora Star' },
    { name: 'Dunmore', aliases: ['Port of Dunmore'] },
    { name: 'Dunmore General Hospital' },
    { name: 'United States', aliases: ['US', 'U.S.'] },
    { name: 'Helena Varga', aliases: ['Varga'] },
  ];
  const filter = aboutStoryFilter(names);
  const test = (title: string, summary = '') => itemPasses(filter, { title, summary });

  it(`passes an item that names ${ABOUT_STORY_MIN_NAMES} of the story's names, by name or alias`, () => {
    expect(test('Varga visits Port of Dunmore')).toEqual({
      passed: true,
      reason: 'names Dunmore and Helena Varga',
    });
  });

  it('fails an item that names one, saying so', () => {
    expect(test('Aurora Star raised', 'The wreck was lifted')).toEqual({
      passed: false,
      reason: "names only Aurora Star; needs 2 of the story's 5 most-mentioned names",
    });
  });

  it('counts a name inside a longer one once, as the longer', () => {
    expect(test('Dunmore General Hospital opens wing').passed).toBe(false);
    expect(test('Dunmore General Hospital treats Aurora Star survivors').reason).toBe(
      'names Aurora Star and Dunmore General Hospital',
    );
  });

  it('matches an acronym only as written', () => {
    expect(test('Varga told us about the Aurora Star').reason).toBe('names Aurora Star and Helena Varga');
    expect(test('Varga in talks with the US').reason).toBe('names United States and Helena Varga');
    expect(test('Varga flies to the U.S.').passed).toBe(true);
    expect(test('Varga: "Let us wait"').passed).toBe(false);
  });

  it(`looks only at the ${ABOUT_STORY_TOP_NAMES} most-mentioned names`, () => {
    const many = Array.from(
      { length: ABOUT_STORY_TOP_NAMES + 2 },
      (_, i) => `Name${String.fromCharCode(65 + i)}`,
    );
    const top = aboutStoryFilter(many);
    expect(itemPasses(top, { title: 'NameA meets NameT', summary: '' }).passed).toBe(true);
    expect(itemPasses(top, { title: 'NameA meets NameU', summary: '' }).passed).toBe(false);
  });

  it('needs only one name when the story knows one, and none pass when it knows none', () => {
    expect(
      itemPasses(aboutStoryFilter(['Aurora Star']), { title: 'Aurora Star raised', summary: '' }).passed,
    ).toBe(true);
    expect(itemPasses(aboutStoryFilter([]), { title: 'Anything', summary: '' })).toEqual({
      passed: false,
      reason: 'the story has no names yet to recognise it by',
    });
  });

  it('can be tried again with the fetched body', () => {
    const item = {
      title: 'Survivor recalls night in freezing water',
      summary: 'A teacher held on to a life ring.',
    };
    expect(itemPasses(filter, item).passed).toBe(false);
    expect(
      itemPassesWithBody(
        filter,
        item,
        'She was a passenger on the Aurora Star, and was taken to Dunmore General Hospital.',
      ),
    ).toEqual({
      passed: true,
      reason: 'names Aurora Star and Dunmore General Hospital',
    });
  });
});

describe('storyFilter', () => {
  it('uses the expression when there is one, else the story’s names', () => {
    expect(storyFilter('ferry', ['Aurora Star']).description).toBe('ferry');
    expect(storyFilter('  ', ['Aurora Star', 'Dunmore']).description).toBe(
      "names at least 2 of the story's 2 most-mentioned names",
    );
    expect(storyFilter(null, ['Aurora Star']).test(matchText('Aurora Star')).passed).toBe(true);
  });
});

describe('the default filter on a labelled feed', () => {
  const dir = `${FIXTURES}story-filter/`;
  const feed = parseFeed(readFileSync(`${dir}labelled.rss`), 'https://courier.example/feed.xml');
  const filter = aboutStoryFilter(JSON.parse(readFileSync(`${dir}story-names.json`, 'utf8')) as StoryName[]);
  const on = feed.items.filter((i) => i.id.startsWith('on-'));
  const off = feed.items.filter((i) => i.id.startsWith('off-'));
  const passing = (items: typeof on) =>
    items.filter((item) => itemPasses(filter, item).passed).map((i) => i.id);

  it('has about 20 items of each kind', () => {
    expect(on.length).toBeGreaterThanOrEqual(20);
    expect(off.length).toBeGreaterThanOrEqual(20);
  });

  it('passes at least 90% of the on-story items', () => {
    const missed = on.map((i) => i.id).filter((id) => !passing(on).includes(id));
    expect(missed.length / on.length, `missed: ${missed.join(', ')}`).toBeLessThanOrEqual(0.1);
  });

  it('passes at most 10% of the off-story items', () => {
    const taken = passing(off);
    expect(taken.length / off.length, `taken: ${taken.join(', ')}`).toBeLessThanOrEqual(0.1);
  });
});
