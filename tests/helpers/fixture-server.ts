/** A local HTTP server for tests: routes to canned responses, a log of requests. Listens on 127.0.0.1, port 0. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Called per request instead of the fields above. */
  handle?: (req: { headers: IncomingHttpHeaders; url: string }) => { status?: number; headers?: Record<string, string>; body?: string | Buffer };
}

export interface FixtureServer {
  readonly base: string;
  readonly routes: Map<string, Route>;
  readonly requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = route.handle ? route.handle({ headers: req.headers, url: path }) : route;
    res.writeHead(answer.status ?? 200, answer.headers ?? { 'content-type': 'text/html; charset=utf-8' });
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    routes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
