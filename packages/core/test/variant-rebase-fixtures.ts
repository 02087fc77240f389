// A compact fictional pathway for rebase tests: the walking skeleton with governance of every kind
// (a locked node, tailorable nodes with bounds, a free transition, a tailorable parameter) and two
// adjustment points (a fragment point before the safety plan, an entry-point slot into triage).

import { parseTemplate, parseVariant, type CheckVariantResult, type PathwayTemplate, type PathwayVariant, type PathwayVariantInput } from '@pathways/core';
import { tinyTemplateJson } from './fixtures.js';

type Json = Record<string, unknown>;
export type HubJson = ReturnType<typeof tinyTemplateJson> & {
  version: string;
  parameters: Record<string, Json & { governance?: unknown }>;
  roles: (Json & { id: string })[];
  adjustmentPoints: (Json & { id: string })[];
};

/** The codes `checkVariant` gives for a change its parent's governance refuses. */
export const governanceCodes = ['PWY_VARIANT_LOCKED', 'PWY_VARIANT_NOT_TAILORABLE', 'PWY_VARIANT_OUT_OF_BOUNDS', 'PWY_VARIANT_UNLOCK', 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT'];

export const ownerChoice = ['victim-advocate', 'coordinator'];

/** The hub pathway's JSON at 1.0.0 (a fresh copy, safe to edit). */
export function hubJson(): HubJson {
  const json = tinyTemplateJson() as HubJson;
  json.id = 'hub-pathway';
  json.version = '1.0.0';
  const node = (id: string) => json.nodes.find((n) => n.id === id)!;
  node('first-contact').governance = { mode: 'tailorable', bounds: { ownerRole: { values: ownerChoice } } };
  node('safety-plan').governance = { mode: 'tailorable', bounds: { due: { max: 'P14D' }, ownerRole: { values: ownerChoice } } };
  json.transitions.find((t) => t.id === 'plan-approved')!.governance = { mode: 'free' };
  json.adjustmentPoints = [
    { kind: 'fragment', id: 'local-support', label: { en: 'Local support before the plan' }, stage: 'integratedResponse', transition: 'lead-assigned' },
    { kind: 'entryPoint', id: 'intake-slot', label: { en: 'Local intake' }, target: 'triage' },
  ];
  return json;
}

/** The hub pathway at `version`, after `edit` (a national release). */
export function hubTemplate(version = '1.0.0', edit: (json: HubJson) => void = () => {}): PathwayTemplate {
  const json = hubJson();
  json.version = version;
  edit(json);
  const parsed = parseTemplate(json);
  if (!parsed.ok) throw new Error(`hub-pathway@${version} is invalid: ${JSON.stringify(parsed.problems, null, 2)}`);
  return parsed.template;
}

/** A region's variant of hub-pathway@1.0.0. */
export function hubVariant(changes: PathwayVariantInput['changes']): PathwayVariant {
  const parsed = parseVariant({
    kind: 'variant',
    id: 'hub-region',
    version: '1.0.0',
    title: { en: 'Hub pathway, region', mi: 'Te ara ā-rohe' },
    locality: { id: 'rgn', level: 'regional', name: 'Region' },
    extends: { id: 'hub-pathway', version: '1.0.0' },
    effectiveFrom: '2026-08-01',
    changes,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return parsed.variant;
}

/** A one-node local fragment (a whānau hui) for `point`, in `stage`. */
export function whanauHui(point: string, stage = 'integratedResponse'): PathwayVariantInput['changes'][number] {
  return {
    op: 'addFragment',
    point,
    nodes: [{ id: 'rgn/whanau-hui', stage, type: 'humanTask', label: { en: 'Whānau hui', mi: 'Hui whānau' }, ownerRole: 'coordinator', due: 'P3D' }],
    entry: 'rgn/whanau-hui',
    exit: { node: 'rgn/whanau-hui', on: 'rgn.whanau-hui.held' },
    events: [{ type: 'rgn.whanau-hui.held', label: { en: 'Record the whānau hui' } }],
  } as PathwayVariantInput['changes'][number];
}

/** A community intake source at `point`, with its own referral event. */
export function communityIntake(point = 'intake-slot'): PathwayVariantInput['changes'][number] {
  return {
    op: 'addIntakeSource',
    point,
    agency: { id: 'rgn/community-hub', label: { en: 'Community hub', mi: 'Te pokapū hapori' }, agencyType: 'community' },
    event: { type: 'rgn.community.referral', label: { en: 'Record a community referral' } },
  } as PathwayVariantInput['changes'][number];
}

/** The governance problems of a check, as `[code, change]`. */
export function governanceProblems(result: CheckVariantResult): [string, number | null][] {
  return result.problems.filter((p) => governanceCodes.includes(p.code)).map((p) => [p.code, p.change]);
}
