// The engine's public face: every adapter (Discord, console, JSON CLI) calls these and nothing else.
import type { Exchange, FollowUp } from '../ask/follow-up.js';
import type { Nearby } from '../ask/nearby.js';
import type {
  Article,
  AskResult,
  Citation,
  CorpusProblem,
  Entity,
  Quote,
  QuoteFilter,
  TimelineEvent,
  TimelineFilter,
} from '../model/types.js';

export type { Nearby } from '../ask/nearby.js';
export type { Exchange } from '../ask/follow-up.js';

/** A question asked in a conversation, as the engine read it, and its answer. */
export interface FollowUpAnswer {
  /** What the engine asked: the question itself, or read against the previous exchange ("Where did Lapid say it (tell Rama)?"). */
  asked: string;
  /** `standalone`, `follow-up` (read against the previous exchange) or `unresolved` (not answered: see `unresolved`). */
  reading: FollowUp['kind'];
  /** For `unresolved`, the word with nothing to refer to ("he" with no one named before, "when" with no question before). */
  unresolved: string | null;
  /** Each pronoun read as a name: [["he", "Lapid"]]. */
  readings: [string, string][];
  result: AskResult;
}

export interface WhoResult {
  entity: Entity | null;
  citations: Citation[];
}

export interface StoryEngine {
  /** The articles being served, newest first. */
  articles(): Article[];
  /** Problems with corpus files that were skipped. */
  problems(): CorpusProblem[];
  ask(question: string): AskResult;
  /**
   * A question in a conversation: read against the previous exchange (null when there is none) when it follows on from
   * it ("and what did he say after that?", "where was that?", "when?"), asked as it is when it stands alone. A pronoun
   * or an elliptical question with nothing to refer to is not answered (`reading: 'unresolved'`).
   */
  askFollowUp(question: string, previous: Exchange | null): FollowUpAnswer;
  /**
   * For a question `ask` abstained on: the names it gives that are in the story, and up to two passages about them,
   * closest to the question first. Not an answer: shown as "the articles don't say; here is what they say about X".
   */
  nearby(question: string): Nearby;
  timeline(filter?: TimelineFilter): TimelineEvent[];
  /** All people, organisations and places, most mentioned first. */
  who(): Entity[];
  /** A forgiving lookup ("xhaka" finds "Olta Xhacka"). */
  whoIs(name: string): WhoResult;
  /** Entities whose name or alias matches a typed prefix, for autocomplete. */
  suggestEntities(prefix: string, limit?: number): Entity[];
  quotes(filter?: QuoteFilter): Quote[];
  /** Speakers of quotes matching a typed prefix, for autocomplete. */
  suggestSpeakers(prefix: string, limit?: number): string[];
}
