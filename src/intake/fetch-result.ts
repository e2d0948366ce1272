// What a fetch asks for and what it gives back: a body, "not modified", or "retry later".
import type { Accept, ContentKind } from './content.js';

export interface FetchRequest {
  /** What the caller will take. Default `page`. */
  accept?: Accept;
  /** From the last fetch of this URL, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Honour robots.txt: true (the default) for automatic fetches, false for a person's explicit request. */
  robots?: boolean;
}

export interface Fetched {
  status: 'ok';
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  /** Each URL redirected to, in order. */
  redirects: string[];
  kind: ContentKind;
  mediaType: string | null;
  /** The encoding the text was decoded from. */
  charset: string;
  text: string;
  etag: string | null;
  lastModified: string | null;
}

/** 304: the caller's copy is current. */
export interface NotModified {
  status: 'not-modified';
  requestedUrl: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
}

/** 429 or 503: the server asked to be asked later; also given, without a request, while that wait lasts. */
export interface RetryLater {
  status: 'retry-later';
  requestedUrl: string;
  url: string;
  /** The HTTP status; null when no request was sent because the host's earlier Retry-After has not passed. */
  httpStatus: number | null;
  /** How long to wait, from Retry-After; null when the server did not say. */
  retryAfterMs: number | null;
  /** One line for people, naming the URL. */
  message: string;
}

export type FetchResult = Fetched | NotModified | RetryLater;
