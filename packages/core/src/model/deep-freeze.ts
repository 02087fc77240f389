/**
 * Freezes a value all the way down (iteratively: documents may be deep), so what was checked or
 * shared cannot change afterwards: a parsed template, a plugin's state handed to its hooks.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object' || Object.isFrozen(current)) continue;
    Object.freeze(current);
    for (const child of Object.values(current)) stack.push(child);
  }
  return value;
}
