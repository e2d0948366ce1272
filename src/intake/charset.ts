// Turning fetched bytes into text: the charset from the BOM, the Content-Type header, or the document's own declaration.
import iconv from 'iconv-lite';

export interface ContentType {
  /** Lower case, without parameters, e.g. `text/html`; null when the header is absent or empty. */
  mediaType: string | null;
  /** The `charset` parameter as written (lower case), or null. */
  charset: string | null;
}

/** Parses a Content-Type header value such as `text/html; charset="Windows-1252"`. */
export function parseContentType(header: string | undefined | null): ContentType {
  const [type = '', ...params] = (header ?? '').split(';');
  const mediaType = type.trim().toLowerCase() || null;
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match?.[1]) charset = match[1].toLowerCase();
  }
  return { mediaType, charset };
}

/**
 * Labels browsers read as windows-1252 (the WHATWG Encoding Standard): pages that say ISO-8859-1 use the
 * windows-1252 characters in 0x80–0x9F (curly quotes, dashes), which true ISO-8859-1 decodes as control codes.
 */
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'cp1252',
  'x-cp1252',
  'windows-1252',
  'iso_8859-1',
  'cp819',
  'ibm819',
]);

/** The encoding iconv-lite should use for a declared label, or null for a label it does not know. */
export function encodingFor(label: string): string | null {
  const clean = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(clean)) return 'windows-1252';
  if (clean === 'utf8' || clean === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(clean) ? clean : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** How far into a document its charset declaration is looked for (the HTML standard's pre-scan reads 1024 bytes; pages overrun it). */
const DECLARATION_SCAN_BYTES = 8192;

/** The charset a document declares for itself: `<?xml encoding>`, `<meta charset>` or `<meta http-equiv content>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, DECLARATION_SCAN_BYTES),
  ).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (charset?.[1]) return charset[1].toLowerCase();
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface DecodedText {
  text: string;
  /** The encoding used, e.g. `utf-8` or `windows-1252`. */
  charset: string;
}

/**
 * Decodes a document: a BOM wins, then the header's charset, then the document's declaration; with none of these,
 * UTF-8 when the bytes are valid UTF-8, else windows-1252 (what older pages without a declaration mean).
 */
export function decodeText(bytes: Uint8Array, headerCharset: string | null = null): DecodedText {
  const candidates = [bomEncoding(bytes), headerCharset, declaredCharset(bytes)];
  for (const label of candidates) {
    const encoding = label === null ? null : encodingFor(label);
    // A page declaring UTF-16 in ASCII-compatible markup is mislabelled (the HTML standard reads it as UTF-8).
    if (encoding && !(encoding.startsWith('utf-16') && label !== candidates[0]))
      return decodeAs(bytes, encoding);
  }
  return decodeAs(bytes, isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

function decodeAs(bytes: Uint8Array, charset: string): DecodedText {
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset), charset };
}
