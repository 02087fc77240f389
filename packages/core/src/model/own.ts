/**
 * Reads a property only if the record has it as its own: ids come from outside (payloads,
 * templates), and an id such as "constructor" or "toString" must never resolve to something
 * inherited from Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
