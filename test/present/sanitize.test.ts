import { describe, expect, it } from 'vitest';
import { cleanEcho } from '../../src/present/sanitize.js';

describe('cleanEcho', () => {
  it('removes NUL, other control characters, zero-width characters and bidi controls', () => {
    expect(cleanEcho('Who\u0000 attacked\u0007 Albania\u001b[31m?')).toBe('Who attacked Albania[31m?');
    expect(cleanEcho('\u202eWho\u200b at\u200dtacked\u2066 Albania\u2069\ufeff?\u061c')).toBe('Who attacked Albania?');
    expect(cleanEcho('a\u0085b\u009fc\u00add\u180ee')).toBe('a bcde');
  });

  it('makes line breaks and tabs single spaces, and trims', () => {
    expect(cleanEcho('  who\n\tattacked\r\n\u2028Albania?  ')).toBe('who attacked Albania?');
  });

  it('drops an unpaired surrogate but keeps emoji and accents whole', () => {
    expect(cleanEcho('Olta Xhaçka 👋\ud800 ok\udc00')).toBe('Olta Xhaçka 👋 ok');
  });
});
