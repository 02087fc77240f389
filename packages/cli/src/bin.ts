#!/usr/bin/env node
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

// `pathways resolve … | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// --version is answered before main.js (and with it @pathways/core) is loaded: it stays instant,
// and still answers when core is broken, which is when people ask for it.
if (argv[0] === '--version' || argv[0] === '-v') {
  process.stdout.write(`${version}\n`);
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    untilInterrupted: () => new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  }, version);
}
