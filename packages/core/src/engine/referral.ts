import { z } from 'zod';
import { personRoles } from '../model/conditions.js';
import { isoInstant } from '../model/primitives.js';

const id = z.string().min(1).max(200);

/** A referral as a case is opened from it: ids only, never personal details. */
export const referral = z.strictObject({
  caseId: id,
  /** When the case was opened, ISO 8601 with an offset. */
  openedAt: isoInstant,
  /** Persons known at referral, each with their roles. */
  persons: z.array(z.strictObject({ id, roles: z.array(z.enum(personRoles)).min(1) })).default([]),
  /** The episode that led to the referral. */
  episode: z
    .strictObject({
      episodeId: id,
      sourceAgency: id,
      victimSurvivors: z.array(id).min(1),
      personsUsingViolence: z.array(id).default([]),
      childrenPresent: z.boolean(),
    })
    .optional(),
});
