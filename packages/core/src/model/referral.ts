import { z } from 'zod';
import { personRoles, type PersonRole } from './conditions.js';
import { isoInstant, runtimeId } from './primitives.js';

/** A person known to the case: an id (never personal details) and the roles they hold in it. */
export const casePerson = z.strictObject({
  id: runtimeId,
  roles: z.array(z.enum(personRoles)).min(1),
});
export type CasePerson = z.infer<typeof casePerson>;

/**
 * An episode: a reported incident, by ids only. The same shape opens a case (the referral's
 * episode) and is recorded later (`episode.reported`), so repeat rules see every episode alike.
 */
export const episode = z.strictObject({
  /** Id of the episode in the source agency's or the store's records. */
  episodeId: runtimeId,
  /** Agency that reported it (an agency id of the pathway, or a local intake source). */
  sourceAgency: runtimeId,
  /** Adult victim-survivors involved, by person id; at least one. */
  victimSurvivors: z.array(runtimeId).min(1),
  /** Persons using violence, by person id. */
  personsUsingViolence: z.array(runtimeId).default([]),
  /** Whether children were present. */
  childrenPresent: z.boolean(),
  /** When it happened, when known and different from when it was reported. */
  occurredAt: isoInstant.optional(),
});
export type Episode = z.infer<typeof episode>;
export type EpisodeInput = z.input<typeof episode>;

/** A referral as a case is opened from it: ids only; personal details live in the personal-data store. */
export const referral = z.strictObject({
  caseId: runtimeId,
  /** When the case was opened, ISO 8601 with an offset. */
  openedAt: isoInstant,
  /** Persons known at referral, each with their roles. */
  persons: z.array(casePerson).default([]),
  /** The episode that led to the referral. */
  episode: episode.optional(),
});
/** A validated referral (defaults applied). */
export type Referral = z.infer<typeof referral>;
/** A referral as sent, before defaults. */
export type ReferralInput = z.input<typeof referral>;

/**
 * The persons of a case after an episode: everyone already known keeps their roles, the episode's
 * victim-survivors gain `adult-victim-survivor` and its persons using violence
 * `person-using-violence`. One rule for the referral and for every later episode.
 */
export function withEpisodePersons(
  persons: readonly { readonly id: string; readonly roles: readonly PersonRole[] }[],
  recorded: { readonly victimSurvivors: readonly string[]; readonly personsUsingViolence: readonly string[] },
): { id: string; roles: PersonRole[] }[] {
  const byId = new Map<string, { id: string; roles: PersonRole[] }>();
  const addRole = (id: string, role: PersonRole) => {
    const roles = byId.get(id)?.roles ?? [];
    byId.set(id, { id, roles: roles.includes(role) ? roles : [...roles, role] });
  };
  for (const person of persons) person.roles.forEach((role) => addRole(person.id, role));
  recorded.victimSurvivors.forEach((id) => addRole(id, 'adult-victim-survivor'));
  recorded.personsUsingViolence.forEach((id) => addRole(id, 'person-using-violence'));
  return [...byId.values()];
}
