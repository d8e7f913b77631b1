// A loopback proxy in front of the test run's real Meilisearch: every request is forwarded as it is, except
// that `rule` may hold one back for some milliseconds or cut its connection, to play a Meilisearch that is
// slow to accept a write or drops one.
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyRule = (req: IncomingMessage) => { delayMs?: number; drop?: boolean } | undefined;

export interface MeiliProxy {
  url: string;
  /** Method and path of every request seen, in order. */
  seen: string[];
  close(): Promise<void>;
}

export async function startMeiliProxy(target: string, rule: ProxyRule): Promise<MeiliProxy> {
  const upstream = new URL(target);
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const { delayMs = 0, drop = false } = rule(req) ?? {};
    const forward = () => {
      if (drop) {
        req.socket.destroy();
        return;
      }
      const outgoing = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      outgoing.on('error', () => res.destroy());
      req.pipe(outgoing);
    };
    if (delayMs > 0) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
