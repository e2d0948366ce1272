// The engine's public face: every adapter (Discord, console, JSON CLI) calls these and nothing else.
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
