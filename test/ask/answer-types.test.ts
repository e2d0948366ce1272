// Answer types, judged on a real story's entities: where something happened, not a place merely named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../src/engine/story.js';

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
