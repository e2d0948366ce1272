import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storyChangeHandler, watchCorpus, type CorpusChangeHandler, type CorpusWatcher } from '../../src/corpus/watch.js';
import { loadStory } from '../../src/engine/story.js';
import type { CorpusProblem } from '../../src/model/types.js';

const FAST = { debounceMs: 40, stabilityMs: 120, pollIntervalMs: 20, invalidRetryMs: 600 };

function articleText(title: string, body = 'The council met on Monday to discuss the harbour.'): string {
  return `---\ntitle: "${title}"\ndate: 2024-05-02\noutlet: Coast Courier\n---\n\n${body}\n`;
}

interface Recorder extends CorpusChangeHandler {
  changes: string[];
  problems: { file: string; fields: string[] }[];
  firstSeen: string[];
  logs: string[];
}

function recorder(): Recorder {
  const r: Recorder = {
    changes: [],
    problems: [],
    firstSeen: [],
    logs: [],
    onChange(kind, file, article) {
      r.changes.push(`${kind} ${path.basename(file)}${article ? ` "${article.title}"` : ''}`);
    },
    onProblems(file, problems: CorpusProblem[]) {
      r.problems.push({ file: path.basename(file), fields: problems.map((p) => p.field) });
    },
  };
  return r;
}

let dir: string;
let watcher: CorpusWatcher | undefined;
let rec: Recorder;

async function start(): Promise<void> {
  rec = recorder();
  watcher = await watchCorpus(dir, rec, {
    ...FAST,
    recordFirstSeen: (id) => rec.firstSeen.push(id),
    log: (level, message) => rec.logs.push(`${level}: ${message}`),
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets events arrive, then waits until every update has been handed over. */
async function settle(ms = 400): Promise<void> {
  await sleep(ms);
  await watcher!.idle();
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storydesk-watch-'));
  writeFileSync(path.join(dir, 'existing.md'), articleText('Existing report'));
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('watchCorpus', () => {
  it('hands over an added article, validated, and records when it was first seen', async () => {
    await start();
    writeFileSync(path.join(dir, 'new.md'), articleText('Ferries rerouted'));
    await vi.waitFor(() => expect(rec.changes).toEqual(['add new.md "Ferries rerouted"']), { timeout: 3000 });
    expect(rec.firstSeen).toEqual(['new.md']);
    expect(rec.logs).toContain('info: corpus: new.md added');
  });

  it('hands over a changed article as a change, and a removed one as a remove', async () => {
    await start();
    writeFileSync(path.join(dir, 'existing.md'), articleText('Existing report, updated'));
    await vi.waitFor(() => expect(rec.changes).toEqual(['change existing.md "Existing report, updated"']), { timeout: 3000 });
    unlinkSync(path.join(dir, 'existing.md'));
    await vi.waitFor(() => expect(rec.changes.at(-1)).toBe('remove existing.md'), { timeout: 3000 });
    expect(rec.problems.at(-1)).toEqual({ file: 'existing.md', fields: [] });
  });

  it('refuses a symbolic link added to the folder that points outside it', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'storydesk-outside-'));
    writeFileSync(path.join(outside, 'secret.md'), articleText('Secret'));
    await start();
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'leak.md'));
    await vi.waitFor(() => expect(rec.problems).toEqual([{ file: 'leak.md', fields: ['file'] }]), { timeout: 3000 });
    expect(rec.changes).toEqual([]);
    expect(rec.logs.some((l) => l.includes('leak.md: file: is a link to') && l.includes('outside the corpus folder'))).toBe(true);
    rmSync(outside, { recursive: true, force: true });
  });

  it('logs and skips an invalid file, keeps the last good version, and takes the fix', async () => {
    await start();
    writeFileSync(path.join(dir, 'existing.md'), '---\ntitle: "No date"\n---\n\nBody text.\n');
    await vi.waitFor(() => expect(rec.problems).toEqual([{ file: 'existing.md', fields: ['date'] }]), { timeout: 3000 });
    expect(rec.changes).toEqual([]);
    expect(rec.logs.some((l) => l.startsWith('warn: corpus: existing.md: date: ') && l.endsWith('(skipped; the last good version keeps serving)'))).toBe(true);

    writeFileSync(path.join(dir, 'existing.md'), articleText('Existing report, fixed'));
    await vi.waitFor(() => expect(rec.changes).toEqual(['change existing.md "Existing report, fixed"']), { timeout: 3000 });
    expect(rec.problems.at(-1)).toEqual({ file: 'existing.md', fields: [] });
  });

  it('does not report a file written in two parts as broken', async () => {
    await start();
    const file = path.join(dir, 'slow.md');
    const text = articleText('Written slowly', 'First paragraph of a long article.\n\nSecond paragraph.');
    const cut = text.indexOf('date:');
    await writeFile(file, text.slice(0, cut));
    // Longer than the stability wait, shorter than the re-read delay: the first read sees half a file.
    await sleep(FAST.stabilityMs + 80);
    await appendFile(file, text.slice(cut));
    await settle(FAST.invalidRetryMs + FAST.stabilityMs + 200);
    expect(rec.changes).toEqual(['add slow.md "Written slowly"']);
    expect(rec.problems.filter((p) => p.fields.length > 0)).toEqual([]);
  });

  it('merges a burst of writes to one file into one update', async () => {
    await start();
    const file = path.join(dir, 'burst.md');
    for (let i = 0; i < 5; i++) {
      await writeFile(file, articleText(`Draft ${i}`));
      await sleep(10);
    }
    await settle();
    expect(rec.changes).toEqual(['add burst.md "Draft 4"']);
  });

  it('ignores files that are not articles', async () => {
    await start();
    writeFileSync(path.join(dir, 'README.md'), articleText('Not an article'));
    writeFileSync(path.join(dir, '.existing.md.swp'), 'swap');
    writeFileSync(path.join(dir, 'notes.txt'), 'notes');
    writeFileSync(path.join(dir, '_draft.md'), articleText('Draft'));
    await settle();
    expect(rec.changes).toEqual([]);
    expect(rec.problems).toEqual([]);
  });

  it('forgets a file created and deleted before it was read', async () => {
    await start();
    const file = path.join(dir, 'blip.md');
    writeFileSync(file, articleText('Blip'));
    unlinkSync(file);
    await settle();
    expect(rec.changes).toEqual([]);
  });
});

describe('storyChangeHandler', () => {
  it('keeps a live Story in step with the folder', async () => {
    const story = await loadStory({ corpusDir: dir, cacheDir: null });
    watcher = await watchCorpus(dir, storyChangeHandler(story), FAST);
    writeFileSync(path.join(dir, 'new.md'), articleText('Ferries rerouted'));
    await vi.waitFor(() => expect(story.articles().map((a) => a.id).sort()).toEqual(['existing.md', 'new.md']), { timeout: 3000 });
    writeFileSync(path.join(dir, 'new.md'), '---\ntitle: Broken\n---\n\nNo date.\n');
    await vi.waitFor(() => expect(story.problems().map((p) => `${p.file}:${p.field}`)).toEqual(['new.md:date']), { timeout: 3000 });
    expect(story.articles().find((a) => a.id === 'new.md')?.title).toBe('Ferries rerouted');
    unlinkSync(path.join(dir, 'new.md'));
    await vi.waitFor(() => expect(story.articles().map((a) => a.id)).toEqual(['existing.md']), { timeout: 3000 });
    expect(story.problems()).toEqual([]);
  });
});
