import type { Effect, ScenarioReport, TraceEntry } from '@pathways/core';
import { DateTime } from 'luxon';

function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-LL-dd HH:mm ZZ");
}

/** The rendered field when it is present, nothing when not: an optional field never prints "undefined". */
function when<T>(value: T | null | undefined, render: (present: T) => string): string {
  return value === undefined || value === null ? '' : render(value);
}

function describeEffect(effect: Effect, zone: string): string {
  switch (effect.type) {
    case 'workItem.created':
      return `work item ${effect.workItemId} (${effect.workItemType}) for ${effect.ownerRole}${when(effect.meeting, (meeting) => ` at ${meeting}`)}${when(effect.due, (due) => `, due ${localTime(due, zone)}`)}`;
    case 'workItem.updated':
      return `work item ${effect.workItemId} → ${effect.status}${when(effect.reason, (reason) => ` (${reason})`)}`;
    case 'timer.scheduled':
      return `timer ${effect.timerId} (${effect.purpose}) in ${effect.span}, due ${localTime(effect.due, zone)}`;
    case 'timer.cancelled':
      return `timer ${effect.timerId} cancelled`;
    case 'notify.role':
      return `notify ${effect.role} (${effect.message})`;
    case 'milestone.reached':
      return `milestone ${effect.milestone}`;
    case 'tier.changed':
      return `tier ${effect.from ?? 'none'} → ${effect.to} (${effect.direction}${when(effect.source, (source) => ` by ${source}`)}${when(effect.meeting, (meeting) => ` at ${meeting}`)}${when(effect.reason, (reason) => `: ${reason}`)})`;
    case 'escalation.raised':
      return `rule ${effect.rule} (${effect.trigger})${when(effect.workItemId, (item) => ` for ${item}`)}${when(effect.regionalHubRespondBy, (by) => `, regional hub to respond by ${localTime(by, zone)}`)}`;
    case 'episode.recorded':
      return `episode ${effect.episodeId} from ${effect.sourceAgency}${effect.childrenPresent ? ', children present' : ''}${when(effect.occurredAt, (at) => `, happened ${localTime(at, zone)}`)}`;
    case 'fact.recorded':
      return `fact ${effect.fact} ${effect.value === null ? 'cleared' : `= ${localTime(effect.value, zone)}`} (${effect.event})`;
    case 'plan.version':
      return `plan ${effect.planType} version ${effect.version} ${effect.status === 'reviewDue' ? 'due for review' : effect.status}`;
    case 'workItem.assigned':
      return `work item ${effect.workItemId} ${effect.assignee === null ? 'unassigned' : `assigned to ${effect.assignee}`}`;
    case 'assessment.recorded':
      return `assessment of ${effect.personId}${when(effect.tool, (tool) => ` with ${tool}@${effect.toolVersion ?? '?'}`)}${effect.score === undefined ? '' : `, score ${effect.score ?? 'none'}`}: ${effect.level ?? 'no level'}${when(effect.judgement, (judgement) => ` (raised by judgement from ${effect.scoreLevel ?? 'none'}: ${judgement.reason})`)}`;
    case 'plugin.request':
      return `request ${effect.request} to ${effect.plugin}'s handler`;
    default: {
      // A newer core may emit effects this CLI does not know yet: name them rather than print nothing.
      const unknown: { readonly type: string } = effect;
      return `(${unknown.type}: see --json for its fields)`;
    }
  }
}

function heading(entry: TraceEntry): string {
  const step = entry.step < 0 ? 'open' : `#${entry.step + 1}`;
  return step.padEnd(5);
}

/** Human form of a simulation: each event with the state, step and effects it produced. */
export function formatTrace(report: ScenarioReport, zone: string): string {
  const lines = [`Scenario: ${report.title}`, '(timers that watch work items for overdue escalation are not listed; --json shows every effect)', ''];
  const watchTimers = new Set(
    report.trace.flatMap((entry) => entry.effects.flatMap((effect) => (effect.type === 'timer.scheduled' && effect.purpose === 'overdue' ? [effect.timerId] : []))),
  );
  for (const entry of report.trace) {
    const where = `${entry.steps.join('+') || '-'}: ${entry.state.join(', ') || '-'}`;
    const what = entry.kind === 'refused' || entry.kind === 'incident' ? `${entry.kind.toUpperCase()} ${entry.event}` : entry.event;
    lines.push(`  ${heading(entry)} ${localTime(entry.at, zone)}  v${entry.version}  ${what}  →  ${where}`);
    if (entry.message) lines.push(`          ${entry.message}`);
    for (const effect of entry.effects) {
      if ((effect.type === 'timer.scheduled' || effect.type === 'timer.cancelled') && watchTimers.has(effect.timerId)) continue;
      lines.push(`          + ${effect.type.padEnd(18)} ${describeEffect(effect, zone)}`);
    }
  }
  lines.push('');
  if (report.passed) {
    lines.push(`PASS: every expectation met (${report.trace.length} events).`);
  } else {
    lines.push(`FAIL: ${report.failures.length} expectation${report.failures.length === 1 ? '' : 's'} not met:`);
    for (const failure of report.failures) lines.push(`  ${failure.step < 0 ? 'case' : `step #${failure.step + 1}`}: ${failure.message}`);
  }
  return `${lines.join('\n')}\n`;
}
