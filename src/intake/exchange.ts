// One HTTP request and its response, bounded: a connect timeout, a whole-response timeout, and a body size limit.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { AddressRefusedError, type LookupFunction } from './address.js';
import { FetchError, seconds, size } from './fetch-error.js';

export interface ExchangeLimits {
  /** From the request to an open TCP connection (DNS included). */
  connectTimeoutMs: number;
  /** From the request to the last byte of the body. */
  responseTimeoutMs: number;
  /** The most body bytes read (as sent, before decompression). */
  maxBytes: number;
}

export interface ExchangeRequest {
  url: URL;
  headers: Record<string, string>;
  agent: http.Agent;
  lookup: LookupFunction;
  limits: ExchangeLimits;
  /** Decides from the status and headers whether the body is wanted; may throw a FetchError to refuse it unread. */
  wantsBody(status: number, headers: IncomingHttpHeaders): boolean;
}

export interface Exchange {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The body as sent (still content-encoded); null when it was not wanted. */
  body: Buffer | null;
}

/** Sends a GET and reads the answer, or rejects with a FetchError naming the URL. */
export function exchange(request: ExchangeRequest): Promise<Exchange> {
  const { url, limits } = request;
  return new Promise<Exchange>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let response: IncomingMessage | null = null;
    let settled = false;
    const finish = (error: Error | null, result?: Exchange) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (error) {
        response?.destroy();
        outgoing.destroy();
        reject(toFetchError(url.href, error));
      } else resolve(result!);
    };
    const transport = url.protocol === 'https:' ? https : http;
    const outgoing = transport.request(url, {
      method: 'GET',
      headers: request.headers,
      agent: request.agent,
      lookup: request.lookup as never,
    });
    timers.push(
      setTimeout(
        () =>
          finish(timeoutError(url.href, `no complete response within ${seconds(limits.responseTimeoutMs)}`)),
        limits.responseTimeoutMs,
      ),
    );
    outgoing.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => finish(timeoutError(url.href, `could not connect within ${seconds(limits.connectTimeoutMs)}`)),
        limits.connectTimeoutMs,
      );
      timers.push(timer);
      socket.once('connect', () => clearTimeout(timer));
    });
    outgoing.on('error', (error) => finish(error));
    outgoing.on('response', (incoming) => {
      response = incoming;
      incoming.on('error', (error) => finish(error));
      readResponse(request, incoming).then(
        (result) => finish(null, result),
        (error: Error) => finish(error),
      );
    });
    outgoing.end();
  });
}

async function readResponse(request: ExchangeRequest, incoming: IncomingMessage): Promise<Exchange> {
  const status = incoming.statusCode ?? 0;
  const head = { status, statusText: incoming.statusMessage ?? '', headers: incoming.headers };
  if (!request.wantsBody(status, incoming.headers)) {
    incoming.resume();
    return { ...head, body: null };
  }
  const { maxBytes } = request.limits;
  const declared = Number(incoming.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig(request.url.href, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw tooBig(request.url.href, maxBytes);
    chunks.push(chunk);
  }
  if (!incoming.complete)
    throw new FetchError(
      'network',
      request.url.href,
      'the connection closed before the response was complete',
    );
  return { ...head, body: Buffer.concat(chunks, total) };
}

function tooBig(url: string, maxBytes: number): FetchError {
  return new FetchError('too-big', url, `the response is larger than ${size(maxBytes)}; stopped reading`);
}

function timeoutError(url: string, reason: string): FetchError {
  return new FetchError('timeout', url, reason);
}

/** Node's socket and DNS errors, and request-filtering-agent's refusals, as FetchErrors. */
function toFetchError(url: string, error: Error): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof AddressRefusedError)
    return new FetchError('private-address', url, error.reason, null, { cause: error });
  // request-filtering-agent's own check (a second line behind guardedLookup): "... is not allowed. Because ..."
  if (/is not allowed\. Because/.test(error.message))
    return new FetchError('private-address', url, error.message, null, { cause: error });
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new FetchError('network', url, `no such host (${code})`, null, { cause: error });
  return new FetchError('network', url, `the connection failed (${code ?? error.message})`, null, {
    cause: error,
  });
}
