// robots.txt rules per origin, as RFC 9309 reads HTTP answers, cached for a day.
import { describe, expect, it } from 'vitest';
import { RobotsCache, robotsDefaults, type RobotsAnswer } from '../../src/intake/robots.js';
import { fakeClock } from './fixture-server.js';

function cacheAnswering(...answers: (RobotsAnswer | Error)[]) {
  const asked: string[] = [];
  const clock = fakeClock();
  const cache = new RobotsCache(
    async (url) => {
      asked.push(url);
      const answer = answers.shift() ?? { status: 404, text: '' };
      if (answer instanceof Error) throw answer;
      return answer;
    },
    clock,
    'storydesk',
  );
  return { cache, asked, clock };
}

const page = (path: string) => new URL(`https://news.example${path}`);

describe('RobotsCache', () => {
  it('applies the rules for storydesk over the rules for everyone', async () => {
    const { cache } = cacheAnswering({
      status: 200,
      text: 'User-agent: *\nDisallow: /\n\nUser-agent: storydesk\nDisallow: /private/\n',
    });
    expect(await cache.check(page('/news/a'))).toEqual({
      allowed: true,
      robotsUrl: 'https://news.example/robots.txt',
      reason: null,
    });
    expect(await cache.check(page('/private/a'))).toEqual({
      allowed: false,
      robotsUrl: 'https://news.example/robots.txt',
      reason: 'https://news.example/robots.txt does not allow storydesk to fetch it',
    });
  });

  it('allows everything when robots.txt is missing (4xx)', async () => {
    const { cache } = cacheAnswering({ status: 404, text: '' });
    expect((await cache.check(page('/anything'))).allowed).toBe(true);
  });

  it('disallows everything while robots.txt answers 5xx, and asks again after an hour', async () => {
    const { cache, asked, clock } = cacheAnswering({ status: 503, text: '' }, { status: 200, text: '' });
    expect((await cache.check(page('/a'))).reason).toBe(
      'https://news.example/robots.txt answered HTTP 503; automatic fetches wait until it can be read',
    );
    clock.advance(robotsDefaults.failureTtlMs + 1);
    expect((await cache.check(page('/a'))).allowed).toBe(true);
    expect(asked).toHaveLength(2);
  });

  it('reads each origin once a day', async () => {
    const { cache, asked, clock } = cacheAnswering({ status: 200, text: '' }, { status: 200, text: '' });
    await Promise.all([cache.check(page('/a')), cache.check(page('/b'))]);
    await cache.check(new URL('https://other.example/x'));
    expect(asked).toEqual(['https://news.example/robots.txt', 'https://other.example/robots.txt']);
    clock.advance(robotsDefaults.ttlMs + 1);
    await cache.check(page('/c'));
    expect(asked).toHaveLength(3);
  });

  it('does not remember a host it could not reach', async () => {
    const { cache, asked } = cacheAnswering(new Error('timeout'), { status: 200, text: '' });
    await expect(cache.check(page('/a'))).rejects.toThrow('timeout');
    expect((await cache.check(page('/a'))).allowed).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
