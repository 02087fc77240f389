import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../server.mjs';

// A raw request, so paths such as /../x reach the server as written (fetch would normalise them).
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(url);
    const outgoing = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('the designer server', () => {
  let folder: string;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pathways-designer-server-'));
    const root = join(folder, 'dist');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Pathways designer</title>');
    await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log("designer");');
    await writeFile(join(root, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
    await writeFile(join(folder, 'secret.txt'), 'outside the served folder');
    server = await startServer({ host: '127.0.0.1', port: 0, root });
  });

  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('listens on the port it was given, or a free one for port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toBe('http://127.0.0.1:0/');
  });

  test('serves index.html for /, never cached', async () => {
    const response = await get(server.url, '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<title>Pathways designer</title>');
  });

  test('serves hashed assets with their content types, cached for good', async () => {
    const script = await get(server.url, '/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body).toBe('console.log("designer");');
    expect((await get(server.url, '/assets/index-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('answers HEAD with the headers only', async () => {
    const response = await get(server.url, '/', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('47');
    expect(response.body).toBe('');
  });

  test('answers 404 for files that are not there', async () => {
    expect((await get(server.url, '/nz-national-baseline.json')).status).toBe(404);
    expect((await get(server.url, '/assets')).status).toBe(404);
  });

  test('refuses paths that leave the served folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/index.html%00.js']) {
      const response = await get(server.url, path);
      expect(response.status, path).toBeGreaterThanOrEqual(403);
      expect(response.body, path).not.toContain('outside the served folder');
    }
    expect((await get(server.url, '/..%2fsecret.txt')).status).toBe(403);
  });

  test('refuses methods other than GET and HEAD', async () => {
    const response = await get(server.url, '/', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  test('will not start without a built designer', async () => {
    await expect(startServer({ port: 0, root: join(folder, 'missing') })).rejects.toThrow(/index\.html is missing: build the designer first/);
  });
});
