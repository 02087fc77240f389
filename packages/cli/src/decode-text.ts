/** Where a file stops being UTF-8: the first ill-formed byte sequence, counted in the file's bytes. */
export interface Utf8Error {
  /** 0-based byte offset of the sequence (the byte-order mark, if any, is counted). */
  readonly offset: number;
  /** 1-based line it is on. */
  readonly line: number;
  /** The byte at `offset`. */
  readonly byte: number;
  /** The file starts with a UTF-16 byte-order mark (what Windows PowerShell's `>` writes). */
  readonly utf16: boolean;
}

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: Utf8Error };

/** The allowed range of the byte after each lead byte, per the Unicode "well-formed UTF-8" table. */
function sequence(lead: number): { readonly length: number; readonly low: number; readonly high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf }; // no overlong forms
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f }; // no surrogates
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf }; // no overlong forms
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f }; // nothing above U+10FFFF
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  return undefined;
}

/** Offset of the first ill-formed sequence, or -1. Only run once decoding failed, to say where. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const expected = sequence(lead);
    if (!expected) return index;
    for (let next = 1; next < expected.length; next += 1) {
      const byte = bytes[index + next];
      const [low, high] = next === 1 ? [expected.low, expected.high] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return index;
    }
    index += expected.length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/**
 * Decodes UTF-8 strictly: a lenient decoder turns bad bytes into U+FFFD and the damaged text then
 * validates as if nothing happened. A leading UTF-8 byte-order mark is accepted and dropped.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The decoder is the authority; the scan only locates what it refused (and cannot miss it).
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return { ok: false, error: { offset, line: lineAt(bytes, offset), byte: bytes[offset] ?? 0, utf16 } };
  }
}
