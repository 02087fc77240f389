import { PathwaysError } from '../errors/problem.js';
import { meetingPeriod } from '../model/meeting-cadence.js';
import { own } from '../model/own.js';
import type { Deadline, TimeSpan } from '../model/parameters.js';
import type { PathwayTemplateData } from '../model/template.js';
import { addTimeSpan, subtractTimeSpan } from '../time/deadlines.js';
import type { FactOffset } from './case-state.js';
import { resolveSpan } from './resolve-span.js';

/** A deadline with its parameters resolved: a span from when work opens, or an offset from a case fact. */
export type ResolvedDeadline = { readonly kind: 'span'; readonly span: TimeSpan } | { readonly kind: 'fact'; readonly offset: FactOffset };

/** Resolves a deadline as the template writes it (spans, parameters, facts). */
export function resolveDeadline(template: PathwayTemplateData, deadline: Deadline): ResolvedDeadline {
  if (typeof deadline === 'object' && 'meetingCadence' in deadline) {
    const period = meetingPeriod(template, deadline.meetingCadence);
    if (!period) throw new PathwaysError('PWY_MEETING_CADENCE', `The cadence of "${deadline.meetingCadence}" has no period Pathways can count.`);
    return { kind: 'span', span: period };
  }
  if (typeof deadline === 'string' || !('relativeTo' in deadline)) return { kind: 'span', span: resolveSpan(template, deadline) };
  if (deadline.offset !== undefined) {
    // A signed offset is the same instant as before/after with the unsigned span.
    const span = deadline.offset.replace(/^[+-]/, '');
    return { kind: 'fact', offset: { fact: deadline.relativeTo, ...(deadline.offset.startsWith('-') ? { before: span } : { after: span }) } };
  }
  return {
    kind: 'fact',
    offset: {
      fact: deadline.relativeTo,
      ...(deadline.before !== undefined ? { before: resolveSpan(template, deadline.before) } : {}),
      ...(deadline.after !== undefined ? { after: resolveSpan(template, deadline.after) } : {}),
    },
  };
}

type Calendar = Parameters<typeof addTimeSpan>[2];

/** The instant a fact offset stands for, or undefined while the fact is not recorded. */
export function instantFromFact(offset: FactOffset, facts: Readonly<Record<string, string>>, locality: Calendar): string | undefined {
  const value = own(facts, offset.fact);
  if (value === undefined) return undefined;
  if (offset.before !== undefined) return subtractTimeSpan(value, offset.before, locality);
  if (offset.after !== undefined) return addTimeSpan(value, offset.after, locality);
  return value;
}

/** When work opened now is due: a span from now, or counted from a fact (and kept, so it can follow the fact). */
export function dueOf(deadline: ResolvedDeadline, now: string, facts: Readonly<Record<string, string>>, locality: Calendar): { readonly due?: string; readonly dueFrom?: FactOffset } {
  if (deadline.kind === 'span') return { due: addTimeSpan(now, deadline.span, locality) };
  const due = instantFromFact(deadline.offset, facts, locality);
  return { ...(due !== undefined ? { due } : {}), dueFrom: deadline.offset };
}
