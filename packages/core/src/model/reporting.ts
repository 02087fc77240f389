import { z } from 'zod';

/**
 * A national reporting code, e.g. `FV-EIS-FIRST-CONTACT`: upper-case words joined by `-`. Data
 * returns compare across localities by these codes, so variants may add local codes but never
 * change national ones.
 */
export const reportingCode = z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/, {
  message: 'must be upper-case words joined by "-", such as FV-EIS-FIRST-CONTACT',
});
