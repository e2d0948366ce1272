// The fetcher's one error type: a code for programs and a one-line message, naming the URL and the reason, for people.

export type FetchErrorCode =
  | 'invalid-url'
  | 'scheme'
  | 'private-address'
  | 'http-status'
  | 'redirects'
  | 'timeout'
  | 'too-big'
  | 'content-type'
  | 'encoding'
  | 'robots'
  | 'network';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    /** The URL that failed (after redirects, the one being fetched when it failed), or the input as typed. */
    readonly url: string,
    /** Why, without the URL: e.g. `the server answered HTTP 404 Not Found`. */
    readonly reason: string,
    /** The HTTP status for `http-status`; null otherwise. */
    readonly status: number | null = null,
    options?: ErrorOptions,
  ) {
    super(`storydesk: cannot fetch ${url}: ${reason}`, options);
    this.name = 'FetchError';
  }

  /** The same failure, noting the URL the person asked for when a redirect led elsewhere. */
  redirectedFrom(requestedUrl: string): FetchError {
    if (requestedUrl === this.url) return this;
    return new FetchError(
      this.code,
      this.url,
      `${this.reason} (redirected from ${requestedUrl})`,
      this.status,
      { cause: this.cause },
    );
  }
}

/** `5 s`, `0.2 s`: a duration in milliseconds as people read it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** `5 MB`, `1.5 KB`, `900 bytes`. */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
