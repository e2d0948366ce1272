import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

describe('Cooldown', () => {
  it('lets a user ask `burst` times per window, then says how long to wait', () => {
    let now = 0;
    const cooldown = new Cooldown({ windowSeconds: 10, burst: 2, now: () => now });
    expect(cooldown.take('ana')).toBe(0);
    now = 4_000;
    expect(cooldown.take('ana')).toBe(0);
    now = 5_000;
    expect(cooldown.take('ana')).toBe(5);
    now = 10_000;
    expect(cooldown.take('ana')).toBe(0);
  });

  it('keeps users apart', () => {
    const cooldown = new Cooldown({ windowSeconds: 10, now: () => 0 });
    expect(cooldown.take('ana')).toBe(0);
    expect(cooldown.take('bo')).toBe(0);
    expect(cooldown.take('ana')).toBe(10);
  });

  it('is off when the window is 0', () => {
    const cooldown = new Cooldown({ windowSeconds: 0 });
    for (let i = 0; i < 5; i++) expect(cooldown.take('ana')).toBe(0);
  });
});
