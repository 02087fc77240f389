// Public API of @pathways/cli: run the `pathways` command in-process (for embedding and tests).
export { main, usage } from './main.js';
export { exitCodes } from './io.js';
export type { CliIo } from './io.js';
