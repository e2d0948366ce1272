// A question asked with /ask or a mention, answered: the engine's answer, or for an abstention the closest passages
// about what the question names, rendered as one reply.
import { QuestionError } from '../ask/input.js';
import type { StoryEngine } from '../engine/engine.js';
import { renderAnswer, renderNotice } from './render.js';
import type { Reply } from './reply.js';

/**
 * The reply to `question`: its answer, else an abstention with the passages nearest to what it names (if any). A
 * question the engine refuses (nothing left once invisible characters are dropped, over a cap) gets its reason, privately.
 */
export function answerReply(engine: StoryEngine, question: string): Reply {
  try {
    const result = engine.ask(question);
    return renderAnswer(question, result, result.answer ? null : engine.nearby(question));
  } catch (error) {
    if (error instanceof QuestionError) return renderNotice(error.message);
    throw error;
  }
}
