import { problem, type JsonPath, type Problem } from '../../errors/problem.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import type { PathwayNode } from '../nodes.js';
import { createRegistry, type PluginRegistry } from '../plugin-registry.js';
import type { PathwayTemplateData } from '../template.js';

/** Lookups over a schema-valid template, plus the problem list the checks append to. */
export interface TemplateIndex {
  readonly template: PathwayTemplateData;
  readonly nodes: ReadonlyMap<string, PathwayNode>;
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly transitionIds: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly agencies: ReadonlySet<string>;
  readonly milestones: ReadonlySet<string>;
  readonly workItemTypes: ReadonlyMap<string, PathwayTemplateData['workItemTypes'][number]>;
  readonly planTypes: ReadonlySet<string>;
  readonly tiers: ReadonlySet<string>;
  readonly meetings: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
  /** The installed plugins whose contributions (guards, actions, triggers, events) the template may name. */
  readonly plugins: PluginRegistry;
  readonly problems: Problem[];
  report(code: ErrorCode, path: JsonPath, message: string, hint?: string): void;
}

function firstIds<T>(items: readonly T[], idOf: (item: T) => string, collection: JsonPath, problems: Problem[]): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else problems.push(problem('PWY_DUPLICATE_ID', [...collection, index], `The id "${id}" is already used at ${[...collection, first].join('.')}.`));
  });
  return seen;
}

/** Indexes a template, reporting duplicate ids in every collection. */
export function indexTemplate(template: PathwayTemplateData, plugins: PluginRegistry = createRegistry([])): TemplateIndex {
  const problems: Problem[] = [];
  const nodeIndex = firstIds(template.nodes, (n) => n.id, ['nodes'], problems);
  const transitionIds = firstIds(template.transitions, (t) => t.id, ['transitions'], problems);
  const events = firstIds(template.events, (e) => e.type, ['events'], problems);
  const roles = firstIds(template.roles, (r) => r.id, ['roles'], problems);
  const agencies = firstIds(template.agencies, (a) => a.id, ['agencies'], problems);
  const milestones = firstIds(template.milestones, (m) => m.id, ['milestones'], problems);
  const workItemTypes = firstIds(template.workItemTypes, (w) => w.id, ['workItemTypes'], problems);
  const planTypes = firstIds(template.planTypes, (p) => p.id, ['planTypes'], problems);
  const tiers = firstIds(template.tiers?.levels ?? [], (t) => t.id, ['tiers', 'levels'], problems);
  const meetings = firstIds(template.meetings, (m) => m.id, ['meetings'], problems);
  const conditions = firstIds(template.conditions, (c) => c.id, ['conditions'], problems);
  const facts = firstIds(template.facts, (f) => f.id, ['facts'], problems);
  firstIds(template.escalations, (e) => e.id, ['escalations'], problems);
  firstIds(template.adjustmentPoints, (a) => a.id, ['adjustmentPoints'], problems);
  firstIds(template.invariants, (i) => i.id, ['invariants'], problems);
  firstIds(template.retention, (r) => r.id, ['retention'], problems);
  firstIds(template.caseData.person, (f) => f.name, ['caseData', 'person'], problems);
  firstIds(template.caseData.episode, (f) => f.name, ['caseData', 'episode'], problems);
  return {
    template,
    nodes: new Map([...nodeIndex].map(([id, index]) => [id, template.nodes[index]!])),
    nodeIndex,
    transitionIds: new Set(transitionIds.keys()),
    // A plugin's events are events of every template that installs it.
    events: new Set([...events.keys(), ...plugins.events.map((event) => event.key)]),
    roles: new Set(roles.keys()),
    agencies: new Set(agencies.keys()),
    milestones: new Set(milestones.keys()),
    workItemTypes: new Map([...workItemTypes].map(([id, index]) => [id, template.workItemTypes[index]!])),
    planTypes: new Set(planTypes.keys()),
    tiers: new Set(tiers.keys()),
    meetings: new Set(meetings.keys()),
    conditions: new Set(conditions.keys()),
    facts: new Set(facts.keys()),
    plugins,
    problems,
    report(code, path, message, hint) {
      problems.push(problem(code, path, message, hint));
    },
  };
}
