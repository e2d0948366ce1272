// A real node:http server on 127.0.0.1 (an ephemeral port) that serves intake fixtures and records every request.
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../src/intake/pacer.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/intake/', import.meta.url));

export function fixture(path: string): Buffer {
  return readFileSync(FIXTURES + path);
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `127.0.0.1:PORT`, for the allow-list. */
  host: string;
  port: number;
  /** Every request received, in order: path and headers. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  /** Sockets accepted, whether or not a request followed. */
  connections: number;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requests: FixtureServer['requests'] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path.split('?')[0]!);
    if (handler) handler(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  const state = { connections: 0 };
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return state.connections;
    },
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const CLOCK_START = Date.UTC(2025, 0, 6, 9, 0, 0);

/**
 * A clock whose sleeps return at once, moving time to their end; `wakes` records when each sleep ends, in ms after
 * the start.
 */
export function fakeClock(start = CLOCK_START): Clock & { wakes: number[]; advance(ms: number): void } {
  let now = start;
  const wakes: number[] = [];
  return {
    wakes,
    now: () => now,
    sleep: async (ms) => {
      now = Math.max(now, now + ms);
      wakes.push(now - start);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
