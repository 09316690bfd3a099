// A deliberately malicious HTTP server on 127.0.0.1 for the client's hostile-server figures. The
// first path segment picks the behaviour, so one server serves every mode: a client whose base URL
// is `http://127.0.0.1:PORT/<mode>` gets that behaviour for every request.
// Plus an "attacker" listener on another host (127.0.0.2) that counts connections and any
// credentials it receives: after a cross-host redirect it must see none.
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export const HOSTILE_MODES = [
  'huge-body', 'endless-chunked', 'redirect-other-host', 'redirect-other-port', 'redirect-loop', 'wrong-content-type',
  'ok-with-error-body', 'html-login', 'redirect-to-login', 'slowloris-headers', 'never-answers', 'not-http',
  'huge-headers', 'truncated-json', 'retry-after-forever', 'json-bomb-depth',
] as const;
export type HostileMode = (typeof HOSTILE_MODES)[number];

export interface Attacker {
  url: string;
  connections: number;
  credentialsSeen: number;
  requests: string[];
  close(): Promise<void>;
}

export interface HostileServer {
  url: string;
  port: number;
  attacker: Attacker;
  /** Connections the server still holds open (endless answers are cut when the client gives up). */
  openSockets(): number;
  close(): Promise<void>;
}

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in – Corporate SSO</title></head><body><form action="/login" method="post"><input name="user"><input name="password" type="password"></form></body></html>';

export async function startAttacker(host = '127.0.0.2'): Promise<Attacker> {
  const state = { connections: 0, credentialsSeen: 0, requests: [] as string[] };
  const server = http.createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    if (req.headers.authorization || req.headers.cookie) state.credentialsSeen++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
  });
  server.on('connection', () => { state.connections++; });
  await new Promise<void>(resolve => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    get connections() { return state.connections; },
    get credentialsSeen() { return state.credentialsSeen; },
    get requests() { return state.requests; },
    close: () => new Promise<void>(resolve => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export async function startHostileServer(): Promise<HostileServer> {
  const attacker = await startAttacker();
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const every = (ms: number, fn: () => void, socket: net.Socket) => {
    const t = setInterval(() => { if (socket.destroyed) { clearInterval(t); timers.delete(t); return; } fn(); }, ms);
    timers.add(t);
  };

  const server = http.createServer((req, res) => {
    const mode = (req.url ?? '/').split('/')[1] as HostileMode;
    const socket = req.socket;
    switch (mode) {
      case 'huge-body': {
        // 1 GiB of valid-looking JSON, as fast as the client reads it.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        res.write('{"data":[');
        const pump = () => {
          while (sent < 1024 ** 3) {
            sent += chunk.length;
            if (!res.write(chunk)) { res.once('drain', pump); return; }
          }
          res.end(']}');
        };
        socket.once('close', () => { sent = Infinity; });
        pump();
        return;
      }
      case 'endless-chunked':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":[');
        every(20, () => res.write('{"id":"x","name":"y"},'), socket);
        return;
      case 'redirect-other-host':
        res.writeHead(302, { location: `${attacker.url}/api/public/projects` }).end();
        return;
      case 'redirect-other-port':
        res.writeHead(307, { location: `http://127.0.0.1:${attackerPortOnLoopback}/steal` }).end();
        return;
      case 'redirect-loop':
        res.writeHead(302, { location: req.url ?? '/' }).end();
        return;
      case 'wrong-content-type':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('{"data":[{"id":"p","name":"n","organization":{"id":"o","name":"o"}}]}');
        return;
      case 'ok-with-error-body':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"error":"Unauthorized","message":"Invalid credentials"}');
        return;
      case 'html-login':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LOGIN_PAGE);
        return;
      case 'redirect-to-login':
        if ((req.url ?? '').includes('/login')) res.writeHead(200, { 'content-type': 'text/html' }).end(LOGIN_PAGE);
        else res.writeHead(302, { location: `/redirect-to-login/login?next=${encodeURIComponent(req.url ?? '/')}` }).end();
        return;
      case 'truncated-json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[{"id":"p","na');
        return;
      case 'retry-after-forever':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '86400' }).end('{"message":"rate limited"}');
        return;
      case 'json-bomb-depth':
        res.writeHead(200, { 'content-type': 'application/json' }).end(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
        return;
      default:
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no such mode"}');
    }
  });
  // Every answer closes its connection, so a socket never carries two modes.
  server.prependListener('request', (_req, res) => { res.setHeader('connection', 'close'); });
  // Modes that never produce a valid HTTP response are handled on the raw socket, before the HTTP
  // parser sees it; the rest is handed to the HTTP server with the first bytes put back.
  const front = net.createServer(socket => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => { /* the client hung up */ });
    socket.once('data', data => {
      const mode = data.toString('latin1').split('\r\n')[0].split(' ')[1]?.split('/')[1];
      if (mode === 'slowloris-headers') {
        socket.write('HTTP/1.1 200 OK\r\n');
        every(50, () => socket.write(`X-Slow-${Date.now()}: ${'a'.repeat(10)}\r\n`), socket);
      } else if (mode === 'never-answers') {
        // Reads and says nothing.
      } else if (mode === 'not-http') {
        socket.end('SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02garbage');
      } else if (mode === 'huge-headers') {
        socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Big: ${'b'.repeat(2 * 1024 * 1024)}\r\n\r\n{}`);
      } else {
        socket.pause();
        socket.unshift(data);
        server.emit('connection', socket);
        socket.resume();
      }
    });
  });

  // A second listener on 127.0.0.1 (same host, other port): a different origin for the client.
  const attackerLoopback = await startAttacker('127.0.0.1');
  const attackerPortOnLoopback = Number(new URL(attackerLoopback.url).port);

  await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as AddressInfo).port;
  const combined: Attacker = {
    url: attacker.url,
    get connections() { return attacker.connections + attackerLoopback.connections; },
    get credentialsSeen() { return attacker.credentialsSeen + attackerLoopback.credentialsSeen; },
    get requests() { return [...attacker.requests, ...attackerLoopback.requests]; },
    close: async () => { await attacker.close(); await attackerLoopback.close(); },
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    attacker: combined,
    openSockets: () => [...sockets].filter(s => !s.destroyed).length,
    async close() {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>(resolve => front.close(() => resolve()));
      await combined.close();
    },
  };
}
