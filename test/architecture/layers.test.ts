// The house plan, checked: every folder of src/ imports only folders below it, so the engine can be read (and
// tested) without its adapters, and nothing but the Discord adapter knows discord.js.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = path.join(root, 'src');

/**
 * Each layer of src/, lowest first. A module may import its own layer and any layer listed before it, never one
 * listed after it. Top-level files (src/cli.ts, …) are layers of their own.
 */
export const LAYERS: readonly string[] = [
  'util', //       bounded caches, atomic writes, the code fingerprint
  'log.ts', //     the logger
  'model', //      the data model: articles, passages, citations, periods
  'text', //       terms, sentences, synonyms, demonyms, the lexicon
  'corpus', //     parse, load, watch the article files
  'index', //      the passage index, its cache file, the scorer
  'db', //         durable state (SQLite)
  'extract', //    vocabulary, names, dates, entities, quotes, timeline
  'ask', //        answering a question
  'engine', //     StoryEngine and the Story facade; options parsed into queries
  'digest', //     the daily digest's content and scheduler
  'intake', //     articles from links and feeds
  'present', //    host-free labels and text rendering
  'config.ts', //  the environment, checked
  'discord', //    the Discord adapter
  'console.ts', // the offline console
  'intake-console.ts', // the console's /article and /feed
  'cli.ts', //     the JSON CLI
  'db-migrate.ts', // copying SQLite state into Postgres
  'main.ts', //    the entry point
];

/** Every relative import of a source file, as the layer it points to. */
export function importsOf(file: string, text: string): { specifier: string; layer: string }[] {
  const found: { specifier: string; layer: string }[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    const specifier = m[1]!;
    if (!specifier.startsWith('.')) {
      found.push({ specifier, layer: specifier });
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    found.push({ specifier, layer: layerOf(target) });
  }
  return found;
}

/** The layer a path in src/ belongs to: its first folder, or the file name for a top-level file. */
export function layerOf(file: string): string {
  const rel = path.relative(src, file).split(path.sep);
  if (rel[0] === '..') return 'outside';
  return rel.length === 1 ? rel[0]!.replace(/\.js$/, '.ts') : rel[0]!;
}

/** The imports that break the plan, as "file → specifier (why)". */
export function violations(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const own = layerOf(file);
    const rank = LAYERS.indexOf(own);
    const where = path.relative(root, file);
    if (rank < 0) {
      problems.push(`${where}: not in any layer (add "${own}" to LAYERS)`);
      continue;
    }
    for (const { specifier, layer } of importsOf(file, read(file))) {
      if (/^discord\.js$|^@discordjs\//.test(specifier) && own !== 'discord') {
        problems.push(`${where} → ${specifier} (only src/discord/ may import discord.js)`);
      } else if (specifier.startsWith('.')) {
        const target = LAYERS.indexOf(layer);
        if (target < 0) problems.push(`${where} → ${specifier} (outside src/)`);
        else if (target > rank) problems.push(`${where} → ${specifier} (${own} may not import ${layer}, a layer above it)`);
      }
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.ts'))
    .map((n) => path.join(dir, n))
    .sort();
}

describe('the import layers of src/', () => {
  it('every module imports only its own layer and the layers below it', () => {
    expect(violations(sourceFiles(src))).toEqual([]);
  });

  it('the command files use discord.js and the Discord adapter, never the engine’s insides', () => {
    const problems = sourceFiles(path.join(root, 'commands')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from\s+'\.\.\/src\/([^/']+)/g)]
        .map((m) => m[1]!)
        .filter((layer) => !['discord', 'model'].includes(layer))
        .map((layer) => `${path.relative(root, file)} imports src/${layer}`),
    );
    expect(problems).toEqual([]);
  });

  it('reports an import of a higher layer, and discord.js outside src/discord/', () => {
    const files = [path.join(src, 'model/types.ts'), path.join(src, 'ask/ask.ts'), path.join(src, 'discord/render.ts')];
    const text: Record<string, string> = {
      [files[0]!]: "import { x } from '../engine/story.js';",
      [files[1]!]: "import type { Client } from 'discord.js';\nimport { y } from '../index/search.js';",
      [files[2]!]: "import { z } from '../present/text.js';\nimport { Client } from 'discord.js';",
    };
    expect(violations(files, (f) => text[f]!)).toEqual([
      'src/model/types.ts → ../engine/story.js (model may not import engine, a layer above it)',
      'src/ask/ask.ts → discord.js (only src/discord/ may import discord.js)',
    ]);
  });
});
