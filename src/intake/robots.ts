// robots.txt for automatic fetches (RFC 9309, read with robots-parser), cached per origin.
import robotsParserModule from 'robots-parser';
import type { Clock } from './pacer.js';

// robots-parser's types declare an ES default export, but the package is CommonJS (`module.exports = fn`), which
// Node hands to a default import as is.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What fetching an origin's robots.txt gave. The fetch rejects when the host cannot be reached at all. */
export interface RobotsAnswer {
  status: number;
  text: string;
}
export type RobotsFetch = (robotsUrl: string) => Promise<RobotsAnswer>;

export const robotsDefaults = {
  /** How long an origin's rules are kept (RFC 9309 allows up to a day). */
  ttlMs: 24 * 60 * 60 * 1000,
  /** How long a 5xx or 429 answer (which disallows everything) is kept before asking again. */
  failureTtlMs: 60 * 60 * 1000,
};

interface Rules {
  /** Why `url` may not be fetched, or null when it may. */
  refusal(url: string): string | null;
  expires: number;
}

export interface RobotsVerdict {
  allowed: boolean;
  robotsUrl: string;
  /** Why not, when not allowed: e.g. `http://x/robots.txt does not allow storydesk to fetch it`. */
  reason: string | null;
}

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Rules>>();

  constructor(
    private readonly fetchRobots: RobotsFetch,
    private readonly clock: Clock,
    /** The product token rules are matched against, e.g. `storydesk`. */
    private readonly agentToken: string,
    private readonly limits = robotsDefaults,
  ) {}

  /** Whether the origin's robots.txt lets this agent fetch `url`. Rejects as the robots.txt fetch did when unreachable. */
  async check(url: URL): Promise<RobotsVerdict> {
    const robotsUrl = new URL('/robots.txt', url.origin).href;
    const rules = await this.rulesFor(url.origin, robotsUrl);
    const reason = rules.refusal(url.href);
    return { allowed: reason === null, robotsUrl, reason };
  }

  private async rulesFor(origin: string, robotsUrl: string): Promise<Rules> {
    const cached = this.byOrigin.get(origin);
    if (cached) {
      const rules = await cached;
      if (rules.expires > this.clock.now()) return rules;
    }
    return this.refresh(origin, robotsUrl);
  }

  private refresh(origin: string, robotsUrl: string): Promise<Rules> {
    const pending = this.fetchRobots(robotsUrl).then((answer) => this.toRules(robotsUrl, answer));
    this.byOrigin.set(origin, pending);
    // An unreachable host is not remembered: the next fetch tries again.
    pending.catch(() => this.byOrigin.get(origin) === pending && this.byOrigin.delete(origin));
    return pending;
  }

  /** RFC 9309 §2.3.1: 4xx allows everything; 5xx (and 429) disallows everything for now. */
  private toRules(robotsUrl: string, answer: RobotsAnswer): Rules {
    const now = this.clock.now();
    if (answer.status >= 500 || answer.status === 429) {
      const reason = `${robotsUrl} answered HTTP ${answer.status}; automatic fetches wait until it can be read`;
      return { refusal: () => reason, expires: now + this.limits.failureTtlMs };
    }
    if (answer.status >= 300) return { refusal: () => null, expires: now + this.limits.ttlMs };
    const robots = robotsParser(robotsUrl, answer.text);
    const reason = `${robotsUrl} does not allow ${this.agentToken} to fetch it`;
    // robots-parser answers undefined for a URL on another origin; the cache is per origin, so that cannot happen.
    return {
      refusal: (url) => (robots.isAllowed(url, this.agentToken) === false ? reason : null),
      expires: now + this.limits.ttlMs,
    };
  }
}
