// A server that misbehaves on purpose (not Langfuse, not the sandbox): every call still ends within
// its timeout with a clear error, and memory stays bounded.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeAllHostGates, createLangfuseClient, ForbiddenError, SchemaError, TimeoutError } from '../../../src/core/langfuse';
import { thrown } from './helpers';

describe('langfuse client: hostile server', () => {
  let server: http.Server | undefined;
  let url = '';
  const serve = async (handler: http.RequestListener) => {
    server = http.createServer(handler);
    await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const client = (extra: object = {}) => createLangfuseClient({ baseUrl: url, publicKey: 'pk-lf-hostile', secretKey: 'sk-lf-canary-hostile-0000', retry: { attempts: 1 }, ...extra });
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise(resolve => server?.close(resolve));
    await closeAllHostGates();
  });

  it('stops reading a huge body', async () => {
    await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => { while (res.write(chunk)) { /* fill the socket buffer */ } };
      res.on('drain', pump);
      pump();
    });
    const err = await thrown(() => client({ maxResponseBytes: 1024 * 1024 }).projects.list());
    assert.ok(err instanceof SchemaError && /more than 1 MB/.test(err.message), String(err));
  });

  it('gives up on an endless chunked answer at the timeout', async () => {
    await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"projects": [');
      const timer = setInterval(() => res.write(' '), 10);
      res.on('close', () => clearInterval(timer));
    });
    const t0 = Date.now();
    const err = await thrown(() => client({ timeoutMs: 300 }).projects.list());
    assert.ok(err instanceof TimeoutError, String(err));
    assert.ok(Date.now() - t0 < 2000);
  });

  it('names an HTML login page instead of quoting it', async () => {
    await serve((req, res) => {
      const html = `<!DOCTYPE html><html><body><form action="/sso/login">${'x'.repeat(5000)}</form></body></html>`;
      res.writeHead(req.url?.includes('organizations') ? 200 : 403, { 'content-type': 'text/html' });
      res.end(html);
    });
    const ok = await thrown(() => client().projects.list());
    assert.ok(ok instanceof SchemaError && /HTML page/.test(ok.message), String(ok));
    const refused = await thrown(() => client().whoAmI());
    assert.ok(refused instanceof ForbiddenError && /HTML page/.test(refused.message), String(refused));
    assert.ok(refused.message.length < 400, refused.message);
  });

  it('refuses a 200 that carries an error body', async () => {
    await serve((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"error":"upstream said no"}'); });
    const err = await thrown(() => client().organizationMemberships.list());
    assert.ok(err instanceof SchemaError && /unexpected shape/.test(err.message), String(err));
  });
});
