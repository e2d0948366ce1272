import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  embedLength,
  escapeText,
  fitEscaped,
  fitReply,
  markdownLink,
  safeUrl,
  toEditOptions,
  toMessageReplyOptions,
  toReplyOptions,
  truncate,
  type Reply,
} from '../../src/discord/reply.js';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Short enough.', 13)).toBe('Short enough.');
  });

  it('cuts after the last whole sentence when that keeps at least half', () => {
    const text = 'The bridge closed on Friday. Repairs will take weeks, the mayor said.';
    expect(truncate(text, 40)).toBe('The bridge closed on Friday. …');
  });

  it('cuts at a word when no sentence end is near', () => {
    expect(truncate('The harbour bridge closed after a storm damaged its cables', 30)).toBe('The harbour bridge closed…');
  });

  it('cuts mid-word only when there is no space at all', () => {
    expect(truncate('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits an emoji in two', () => {
    const cut = truncate(`${'a'.repeat(8)}😀 and more`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });

  it('never exceeds the limit, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(cut).toBe(text);
        else expect(cut.endsWith('…')).toBe(true);
      }),
    );
  });
});

describe('escaping', () => {
  it('escapes markdown so an excerpt shows literally', () => {
    expect(escapeText('the *cables* and _pylons_ || spoiler ||')).toBe('the \\*cables\\* and \\_pylons\\_ \\|\\| spoiler \\|\\|');
  });

  it('does not leave a dangling backslash where it cuts escaped text', () => {
    const cut = fitEscaped(`${'word '.repeat(3)}${'*'.repeat(20)}`, 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(/(^|[^\\])(\\\\)*\\…$/.test(cut)).toBe(false);
  });
});

describe('links', () => {
  it('accepts only http(s) urls', () => {
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
    expect(safeUrl(`https://example.com/${'a'.repeat(600)}`)).toBeNull();
  });

  it('escapes brackets in link text and parentheses in the url', () => {
    expect(markdownLink('Bridge [closed]', 'https://example.com/(x)')).toBe('[Bridge \\[closed\\]](https://example.com/%28x%29)');
  });

  it('shows the plain title when the url is not usable', () => {
    expect(markdownLink('A *title*', 'ftp://example.com')).toBe('A \\*title\\*');
  });
});

describe('fitReply', () => {
  it('cuts content to 2000 characters and drops fields until embeds total 6000', () => {
    const field = { name: 'n'.repeat(200), value: 'v'.repeat(1024) };
    const reply = fitReply({ content: 'c'.repeat(2500), embeds: [{ description: 'd'.repeat(4096), fields: Array(30).fill(field) }], components: [] });
    expect(reply.content!.length).toBe(2000);
    expect(reply.embeds[0]!.fields!.length).toBe(1);
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(6000);
  });
});

describe('discord.js options', () => {
  it('parse no mentions on every kind of send, and replies to mentions do not ping the author', () => {
    const reply: Reply = { content: '@everyone hi', embeds: [], components: [], ephemeral: true };
    expect(toReplyOptions(reply)).toMatchObject({ allowedMentions: { parse: [] }, flags: 64 });
    expect(toEditOptions(reply).allowedMentions).toEqual({ parse: [] });
    expect(toMessageReplyOptions(reply).allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});

describe('allowed mentions', () => {
  it('are decided in reply.ts alone: no other source file sets what a message may ping', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const setters = ['src', 'commands']
      .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)))
      .filter((f) => f.endsWith('.ts') && /parse:\s*\[/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(setters).toEqual(['src/discord/reply.ts']);
  });
});
