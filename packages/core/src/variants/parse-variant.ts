import type { Problem } from '../errors/problem.js';
import { readInput } from '../model/read-input.js';
import { pathwayVariant, type PathwayVariant } from './variant.js';

/** Parses a variant from JSON text or a value, with every problem at once. */
export function parseVariant(input: unknown): { ok: true; variant: PathwayVariant } | { ok: false; unusable: boolean; problems: readonly Problem[] } {
  const read = readInput(input, pathwayVariant);
  return read.ok ? { ok: true, variant: read.value } : read;
}
