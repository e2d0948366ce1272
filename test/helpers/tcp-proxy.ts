// A TCP proxy on 127.0.0.1 in front of a server (the test Postgres), which a test can cut and restore: while cut,
// every connection through it is dropped and new ones are refused, as when the database host goes away.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /**
   * 'refused' (default): drops every connection and stops listening, so connecting is refused until `restore`.
   * 'unanswered': a host gone silent (a network partition): nothing passes either way and new connections are
   * accepted but never answered, so clients wait for their timeouts.
   */
  cut(mode?: 'refused' | 'unanswered'): Promise<void>;
  /** Passes traffic again (listening again on the same port after 'refused'; the silenced connections are dropped). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let silent = false;
  const server = net.createServer((client) => {
    if (silent) {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => {});
      return; // accepted, never answered
    }
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => void (silent || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (silent || client.write(chunk)));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  let listening = true;
  const stop = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return {
    port,
    cut: async (mode = 'refused') => {
      if (mode === 'unanswered') silent = true;
      else await stop();
    },
    restore: async () => {
      if (silent) {
        silent = false;
        // What was sent meanwhile is lost: those connections are broken, as after a real partition.
        for (const s of sockets) s.destroy();
      }
      if (listening) return;
      await listen(port);
      listening = true;
    },
    close: async () => {
      silent = false;
      await stop();
    },
  };
}
