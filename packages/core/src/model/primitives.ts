import { Duration, IANAZone } from 'luxon';
import { valid as validSemver, validRange } from 'semver';
import { z } from 'zod';

/**
 * Element id: lower-case words joined by `-` or `_`, optionally namespaced with `/` (local ids
 * are namespaced by locality, e.g. `chc/whanau-hui`). Never contains `.` or `#`, which the
 * statechart reserves.
 */
export const elementId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[-_/][a-z0-9]+)*$/, {
    message: 'must be lower-case letters and digits joined by "-", "_" or "/", starting with a letter (e.g. "first-contact")',
  })
  .max(120);

/**
 * Runtime id: a case, person, episode or work item id, or an actor. Ids are opaque (they come from
 * the store or the personal-data store), so any printable text up to 200 characters is accepted;
 * they are never personal details.
 */
export const runtimeId = z.string().min(1).max(200);

/** Event type: dot-separated words such as `referral.received`. */
export const eventType = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*(?:[.-][a-zA-Z0-9]+)*$/, {
    message: 'must be dot-separated words starting with a lower-case letter (e.g. "contact.made")',
  })
  .max(120);

/** Semantic version, e.g. `1.4.0`. */
export const semverString = z.string().refine((value) => validSemver(value) === value, {
  message: 'must be a semantic version such as 1.4.0',
});

/** A semantic-version range, e.g. `^1.0.0` or `>=1.2.0 <3.0.0`. */
export const semverRange = z
  .string()
  .max(120)
  .refine((value) => validRange(value) !== null, { message: 'must be a semantic-version range such as ^1.0.0' });

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** An ISO 8601 instant with an explicit offset or `Z`, e.g. `2026-03-02T09:00:00+13:00`. */
export const isoInstant = z.iso.datetime({ offset: true });

/** IANA time zone name, e.g. `Pacific/Auckland`. */
export const ianaZone = z.string().refine((value) => IANAZone.isValidZone(value), {
  message: 'must be an IANA time zone name such as Pacific/Auckland',
});

/**
 * ISO 8601 duration. Its parts keep their meaning in the locality's zone: `P1D` is a calendar
 * day (23 to 25 hours across daylight-saving changes), `PT24H` is exactly 24 hours.
 */
export const isoDuration = z.string().refine(
  (value) => /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(value) && Duration.fromISO(value).isValid,
  { message: 'must be an ISO 8601 duration such as PT24H, P2D or P12M' },
);

/** A BCP 47 language tag used as a label key, e.g. `en`, `mi` (te reo Māori), `en-NZ`. */
export const localeTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
  message: 'must be a language tag such as en, mi or en-NZ',
});

/**
 * Localised labels for a user-facing name: English is required, other languages (such as te reo
 * Māori, `mi`) are added by the template or a locality.
 */
export const labels = z
  .object({ en: z.string().min(1).max(500) })
  .catchall(z.string().min(1).max(500))
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!localeTag.safeParse(key).success) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language tag such as en, mi or en-NZ` });
      }
    }
  });

/** Localised labels keyed by language tag; `en` is always present. */
export type Labels = z.infer<typeof labels>;
