// An article element (Readability's content) → its paragraphs as plain text, in reading order, with the
// page chrome that extractors keep dropped: figures and captions, share, newsletter and "related" boxes,
// link lists, ads, comment counts and the byline and dates repeated in the body. Only whole blocks are
// dropped and text is never rewritten: whitespace is normalised, nothing else, so every word stays the page's.
import { all, isElement, normaliseSpace, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

/** One block of text in the article: a paragraph, heading, list item or table row. */
export interface Block {
  text: string;
  tag: string;
  /** Characters of `text` that are inside links. */
  linkChars: number;
}

/** What the clean-up compares blocks against: the headline, author and outlet the page declares. */
export interface BodyContext {
  title: string | null;
  author: string | null;
  outlet: string | null;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'SVG', 'IFRAME', 'FIGURE', 'FIGCAPTION']);
export const HEADING = /^H[1-6]$/;

/**
 * Class and id words of page chrome. A part of a class name (split at - and _) must equal one of these, so
 * "shared-content" is not "share" but "share-tools" is.
 */
const CHROME_CLASS_PARTS = new Set([
  'caption', 'captions', 'credit', 'credits', 'share', 'sharing', 'social', 'sociallinks', 'newsletter', 'newsletters',
  'signup', 'subscribe', 'subscription', 'related', 'relatedlinks', 'recommended', 'recommendations', 'promo', 'ad', 'ads',
  'advert', 'advertisement', 'sponsor', 'sponsored', 'outbrain', 'taboola', 'byline', 'bio', 'timestamp',
  'breadcrumb', 'breadcrumbs', 'toolbar', 'tags', 'paywall', 'readmore', 'gallery', 'sronly', 'screenreader', 'visuallyhidden',
  'comments', 'commentcount', 'disqus',
]);
const NEGATING_PARTS = new Set(['no', 'has', 'with', 'without', 'show', 'is']);
const CHROME_CLASS_PHRASES = /(read-?more|more-?stories|sr-only|visually-?hidden|screen-?reader|author-?(bio|info|card)|about-?the-?author|comment-?count|inline-?related|also-?read)/i;

const CHROME_MARK = 'data-storydesk-chrome';

/**
 * Marks the page's chrome elements (by class, id, hidden) before Readability runs: Readability rewrites and merges
 * the elements it keeps, and their class names with them, but it keeps other attributes.
 */
export function markChrome(root: DomElement): void {
  for (const el of all(root, '[class], [id], [hidden], [aria-hidden="true"]')) {
    if (isChromeElement(el)) el.setAttribute(CHROME_MARK, '');
  }
}

/** The article's blocks after dropping the marked chrome elements (never one holding a large share of the text). */
export function articleBlocks(content: DomElement): Block[] {
  removeChrome(content);
  const blocks: Block[] = [];
  let text = '';
  let linkChars = 0;
  let tag = 'P';
  const flush = () => {
    const normalised = normaliseSpace(text);
    if (normalised) blocks.push({ text: normalised, tag, linkChars: Math.min(linkChars, normalised.length) });
    text = '';
    linkChars = 0;
  };
  const visit = (node: DomNode, inLink: boolean, blockTag: string): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      text += value;
      if (inLink) linkChars += normaliseSpace(value).length;
      return;
    }
    if (!isElement(node) || SKIPPED_TAGS.has(node.tagName)) return;
    if (node.tagName === 'BR') return flush();
    if (node.tagName === 'TD' || node.tagName === 'TH') text += ' ';
    const isBlock = BLOCK_TAGS.has(node.tagName);
    if (isBlock) {
      flush();
      tag = node.tagName;
    }
    for (const child of Array.from(node.childNodes)) visit(child, inLink || node.tagName === 'A', isBlock ? node.tagName : blockTag);
    if (isBlock) {
      flush();
      tag = blockTag;
    }
  };
  visit(content, false, 'P');
  flush();
  return blocks;
}

function removeChrome(content: DomElement): void {
  const total = wordCount(content.textContent ?? '');
  for (const el of all(content, `[${CHROME_MARK}]`)) {
    if (!el.parentNode) continue;
    // Never let a class name take the article with it.
    if (wordCount(el.textContent ?? '') <= Math.max(40, total * 0.25)) el.remove();
  }
}

function isChromeElement(el: DomElement): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (CHROME_CLASS_PHRASES.test(names)) return true;
  return names.split(/\s+/).some((name) => {
    const parts = name.toLowerCase().split(/[-_]+/);
    // "no_caption", "has-share": a state of the element, not the chrome itself.
    return !parts.some((part) => NEGATING_PARTS.has(part)) && parts.some((part) => CHROME_CLASS_PARTS.has(part));
  });
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

// ── block rules ──────────────────────────────────────────────────────────────────────────────────────────

/** The blocks that are the article's own text, in order. */
export function cleanBlocks(blocks: Block[], context: BodyContext): Block[] {
  const kept: Block[] = [];
  let skipping: 'links' | 'bio' | null = null;
  blocks.forEach((block, i) => {
    const opener = sectionOpener(block);
    if (opener) {
      skipping = opener;
      return;
    }
    if (skipping === 'links' && isLinkList(block)) return;
    if (skipping === 'bio' && (wordCount(block.text) <= 60 || HEADING.test(block.tag))) return;
    skipping = null;
    const nearEnds = i < 4 || i >= blocks.length - 4;
    if (isBoilerplate(block) || isLinkLine(block)) return;
    if (nearEnds && (isDateLine(block.text, context) || isBylineLine(block.text, context))) return;
    if (i >= blocks.length - 3 && isAuthorBio(block.text, context)) return;
    if (kept.length === 0 && context.title && sameText(block.text, context.title)) return;
    kept.push(block);
  });
  return kept;
}

/** A short line that opens a list of links ("Related stories", "Read more:") or the author's bio. */
const LINKS_OPENER =
  /^(?:related(?: stories| articles| coverage| content| links| reading| topics| news)?|read more|more (?:from|on|stories|in|news)\b.*|recommended(?: for you| stories)?|most (?:popular|read|viewed|shared)|trending(?: now)?|you (?:may|might) (?:also )?like|editor'?s picks|top stories|latest (?:news|stories)|further reading|see also|tags|topics)\s*:?$/i;
const BIO_OPENER = /^about the authors?\s*:?$/i;

function sectionOpener(block: Block): 'links' | 'bio' | null {
  if (wordCount(block.text) > 8) return null;
  if (BIO_OPENER.test(block.text)) return 'bio';
  return LINKS_OPENER.test(block.text) ? 'links' : null;
}

/** Whole-block texts that are page furniture wherever they appear. */
const BOILERPLATE: RegExp[] = [
  // "Read more: …", "[Read: …]", "Related: …", "See also: …"
  /^[[(]?\s*(?:read(?: more)?|see(?: also)?|also read|related(?: coverage| stories| articles| content)?|more on this(?: story)?|recommended|watch|listen)\s*:/i,
  // newsletter and subscription prompts
  /^(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|e-?mails?|updates|alerts|inbox)\b/i,
  /\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b/i,
  // paywall and log-in prompts
  /^(?:subscribe|sign in|log in|register|become a (?:member|subscriber))\b.{0,60}\b(?:to read|to continue|for full access|to access|to unlock)\b/i,
  // ad slots and page-flow notes
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|paid content|story continues below(?: advertisement)?|article continues below.*|continue reading(?: the main story| below)?.*|scroll (?:down )?to continue.*|media playback is unsupported on your device)$/i,
  // comment counts and calls to comment
  /^(?:\d[\d,.]*k?\s+(?:comments?|responses?|replies|shares?)|comments?\s*\(\d+\)|(?:view|show|read|see|add|post|leave|join)\b.{0,20}\bcomments?)$/i,
  // gallery and image labels
  /^(?:gallery|photos?|slideshow|in pictures)\s*:.*\|\s*\d+\s+(?:photos|images|pictures|slides)$/i,
  /^(?:image|photo|picture) (?:copyright|caption|source)\b/i,
  /^powered by\b.{0,40}$/i,
];

const SHARE_WORDS = new Set([
  'share', 'shares', 'shared', 'tweet', 'email', 'e', 'mail', 'print', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'pinterest',
  'reddit', 'messenger', 'telegram', 'flipboard', 'copy', 'link', 'save', 'comment', 'comments', 'this', 'article', 'story',
  'on', 'via', 'or', 'the',
]);

function isBoilerplate(block: Block): boolean {
  const words = block.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return true;
  if (words.length <= 25 && BOILERPLATE.some((rule) => rule.test(block.text))) return true;
  if (words.length <= 8 && words.every((w) => SHARE_WORDS.has(w))) return true;
  return isCredit(block.text, words.length);
}

/** "JIM WATSON/AFP/Getty Images", "Foto: LA NACION", "(Photo by Jane Doe)": a picture's credit line. */
function isCredit(text: string, words: number): boolean {
  if (words > 8 || /[.!?…]["'”’)]*$/.test(text)) return false;
  return (
    /^\(?\s*(?:photo(?:graph)?s?|image|picture|foto|illustration|credit|video)\s*(?::|by\b)/i.test(text) ||
    /\b(?:getty images|shutterstock|associated press|afp|reuters|epa|ap photo)\)?$/i.test(text) ||
    /^[\p{Lu}\p{L}.' -]+\/[\p{L}.' /-]+$/u.test(text)
  );
}

/** A short block that is nothing but a link: a "related story" line. */
function isLinkLine(block: Block): boolean {
  return block.linkChars >= block.text.length * 0.9 && wordCount(block.text) <= 15 && !/[.!?…]["'”’)]*$/.test(block.text);
}

function isLinkList(block: Block): boolean {
  return block.linkChars >= block.text.length * 0.5;
}

const DATE_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a|p|m|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet|cest|updated?|published|posted|first|last|modified|on|at|by|and|of|the|staff|today|yesterday|ago|minutes?|hours?|days?|mins?|hrs?|read|time)$/i;

/** "1:39 PM ET", "Updated 2/26/2015 7:11 AM PST BY TMZ STAFF", "First published February 1, 2016: 1:28 AM ET". */
function isDateLine(text: string, context: BodyContext): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > 16) return false;
  const known = new Set(nameWords(context));
  const hasTime = /\b\d{1,2}:\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b(?:19|20)\d{2}\b/.test(text);
  const left = words.filter((w) => !/^\d+$/.test(w) && !DATE_WORDS.test(w) && !known.has(w.toLowerCase()));
  return hasTime && left.length <= 2 && left.length < words.length / 2;
}

/** "By Jane Doe", "Jane Doe, BBC News": the byline again, inside the body. */
function isBylineLine(text: string, context: BodyContext): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > 12) return false;
  if (/^by\s+\p{Lu}/iu.test(text) && !/[.!?]["'”’]*$/.test(text)) return true;
  const known = new Set(nameWords(context));
  return known.size > 0 && context.author !== null && words.every((w) => known.has(w.toLowerCase()) || DATE_WORDS.test(w));
}

/** "Lucas Nolan is a reporter for …", "LAURIE OAKES IS THE … EDITOR": the author's bio line at the end. */
function isAuthorBio(text: string, context: BodyContext): boolean {
  if (!context.author || wordCount(text) > 60) return false;
  const name = context.author.toLowerCase();
  const lower = text.toLowerCase();
  return lower.startsWith(name) && /^\s*,?\s*(?:is|was|writes|covers|reports|has|es|est|ist)\b/.test(lower.slice(name.length));
}

function nameWords(context: BodyContext): string[] {
  return [context.author, context.outlet].flatMap((s) => (s ? s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [] : []));
}

function sameText(a: string, b: string): boolean {
  const simple = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return simple(a) === simple(b);
}
