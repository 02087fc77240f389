// @ts-check
// Serves the built designer (dist/) on HOST:PORT: `npm start` at the repository root builds it and
// runs this. Plain Node on purpose: the designer is static files, and this is the whole server
// until the Pathways API arrives.
import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

/** The built app, next to this file. */
export const distDir = fileURLToPath(new URL('./dist', import.meta.url));

/** @type {Readonly<Record<string, string>>} */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * The file a request path names inside root, or undefined when it would leave root. `/` is
 * index.html; any other path must name a file.
 * @param {string} root absolute
 * @param {string} pathname as in the URL, still percent-encoded
 */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  return file.startsWith(root + sep) ? file : undefined;
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function sendText(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * @param {string} root absolute
 * @returns {import('node:http').RequestListener}
 */
function serveStatic(root) {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed\n');
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(root, pathname);
    if (file === undefined) {
      sendText(response, 403, 'Forbidden\n');
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      sendText(response, 404, 'Not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'x-content-type-options': 'nosniff',
      // Vite names every asset by its content hash; index.html must be asked for again each time.
      'cache-control': file.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}

/**
 * Starts serving root (the built designer by default). Port 0 picks a free port, as tests do.
 * @param {{ host?: string, port?: number, root?: string }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startServer({ host = '127.0.0.1', port = 3000, root = distDir } = {}) {
  const absoluteRoot = resolve(root);
  const index = await stat(join(absoluteRoot, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) throw new Error(`${join(absoluteRoot, 'index.html')} is missing: build the designer first (npm start does).`);
  const server = createServer(serveStatic(absoluteRoot));
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(undefined);
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}/`;
  return {
    url,
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // A browser keeps idle connections open; they would hold close() until they time out.
        server.closeAllConnections();
      }),
  };
}

/** The port from PORT, or 3000. */
function portFromEnvironment() {
  const text = process.env.PORT;
  if (text === undefined || text === '') return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(text)}.`);
    process.exit(2);
  }
  return port;
}

async function main() {
  const host = process.env.HOST || '127.0.0.1';
  const port = portFromEnvironment();
  let server;
  try {
    server = await startServer({ host, port });
  } catch (error) {
    const code = /** @type {{ code?: unknown }} */ (error).code;
    if (code === 'EADDRINUSE') console.error(`Port ${port} on ${host} is in use: stop what uses it, or set PORT to another port (PORT=3001 npm start).`);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  console.log(`Pathways designer: ${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
