// Builds a large, valid template for benchmarks: `size` nodes spread over the six stages as
// chains of human tasks, waits, notifications and decisions, with escalations and invariants.
import type { PathwayTemplateInput } from '@pathways/core';
import { practiceSteps } from '@pathways/core';

export function generateLargeTemplate(size: number): PathwayTemplateInput {
  const nodes: PathwayTemplateInput['nodes'] = [{ id: 'start', stage: 'recognition', type: 'start', label: { en: 'Start', mi: 'Tīmatanga' } }];
  const transitions: PathwayTemplateInput['transitions'] = [];
  const perStage = Math.max(1, Math.floor((size - 2) / practiceSteps.length));
  let previous = 'start';
  let count = 0;
  for (const step of practiceSteps) {
    for (let i = 0; i < perStage; i += 1) {
      count += 1;
      const id = `${step.toLowerCase()}-${i}`;
      const kind = count % 4;
      if (kind === 1) nodes.push({ id, stage: step, type: 'wait', label: { en: `Wait ${id}` }, duration: { param: 'cadence' } });
      else if (kind === 2) nodes.push({ id, stage: step, type: 'notify', label: { en: `Notify ${id}` }, role: 'coordinator', message: { en: 'Heads up' } });
      else nodes.push({ id, stage: step, type: 'humanTask', label: { en: `Task ${id}` }, ownerRole: 'coordinator', due: { workingDays: 2 } });
      const from = nodes.find((node) => node.id === previous)!;
      const on = from.type === 'notify' ? undefined : from.type === 'wait' ? 'timer.fired' : 'work.done';
      transitions.push({ id: `t-${previous}-${id}`, from: previous, to: id, ...(on ? { on } : {}) });
      previous = id;
    }
  }
  nodes.push({ id: 'closed', stage: 'monitoring', type: 'end', label: { en: 'Closed' } });
  const last = nodes.find((node) => node.id === previous)!;
  transitions.push({ id: 't-closing', from: previous, to: 'closed', ...(last.type === 'notify' ? {} : { on: last.type === 'wait' ? 'timer.fired' : 'work.done' }) });
  return {
    id: 'generated',
    version: '1.0.0',
    title: { en: `Generated ${size}-node pathway` },
    jurisdiction: 'NZ',
    kind: 'baseline',
    effectiveFrom: '2026-01-01',
    locality: { timeZone: 'Pacific/Auckland' },
    stages: practiceSteps.map((step) => ({ step })),
    roles: [{ id: 'coordinator', label: { en: 'Coordinator' } }],
    milestones: [{ id: 'closed', label: { en: 'Closed' } }],
    events: [{ type: 'work.done', label: { en: 'Work done' } }],
    parameters: {
      cadence: { kind: 'duration', value: 'P7D', governance: { mode: 'tailorable', bounds: { value: { max: 'P14D' } } } },
    },
    nodes,
    transitions,
    escalations: [{ id: 'overdue', label: { en: 'Overdue' }, trigger: { kind: 'workItemOverdue' }, response: [{ kind: 'notify', role: 'coordinator' }] }],
    invariants: [
      { id: 'no-dead-ends', label: { en: 'No dead ends' }, rule: { kind: 'noDeadEnds' } },
      { id: 'closed-reachable', label: { en: 'Closure reachable' }, rule: { kind: 'reachable', target: { node: 'closed' } } },
    ],
  };
}
