// Answer types: where something happened (a real story's places), not a place merely named; the words of speech.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEECH_CUES } from '../../src/ask/answer-types.js';
import { loadStory } from '../../src/engine/story.js';
import { EVALUATIVE_VERBS, SPEECH_NOUNS, SPEECH_VERBS } from '../../src/extract/vocabulary.js';

describe('ask: where-questions over a real story (its places found by the entity index)', () => {
  it('prefers the place something happened in over a place merely named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storydesk-where-'));
    writeFileSync(
      path.join(dir, 'visit.md'),
      '---\ntitle: "Ortiz hosts Reyes"\ndate: 2024-05-02\n---\n\n' +
        'Prime Minister Lena Ortiz welcomed President Tom Reyes on Sunday in Bergen.\n\n' +
        'Said Ortiz during the meeting with Reyes, "You have been a true friend of Norway for decades."\n',
    );
    try {
      const visit = await loadStory({ corpusDir: dir, cacheDir: null });
      expect(visit.ask('Where did Ortiz and Reyes meet?').answer?.text).toContain('in Bergen');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the words that show a sentence reports speech', () => {
  it('are words of the one vocabulary, besides "according to"', () => {
    const vocabulary = new Set([...SPEECH_VERBS, ...EVALUATIVE_VERBS, ...SPEECH_NOUNS]);
    expect(SPEECH_CUES.filter((w) => !vocabulary.has(w))).toEqual(['according to']);
  });
});
