// The NZ national baseline as core tests read it (from its JSON file, never through
// @pathways/templates), and copies of it whose national elements allow chosen local effects, so a
// variant can be checked against a parent that allows what it does. All data is fictional.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate, parseVariant, type LocalEffect, type PathwayTemplate, type PathwayVariant, type PathwayVariantInput } from '@pathways/core';

type Json = Record<string, unknown>;
type Element = Json & { id?: string; governance?: Json & { localEffects?: LocalEffect[] } };

/** The baseline's JSON, a fresh copy each call (safe to edit). */
export type BaselineJson = Json & {
  id: string;
  version: string;
  milestones: Element[];
  workItemTypes: Element[];
  facts?: Element[];
  tiers?: Element;
  events: (Json & { type: string })[];
  adjustmentPoints: (Json & { id: string; kind: string })[];
  parameters: Record<string, Json>;
};

export function baselineJson(): BaselineJson {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8')) as BaselineJson;
}

export function parsed(json: unknown): PathwayTemplate {
  const result = parseTemplate(json);
  if (!result.ok) throw new Error(`The test's baseline copy is invalid: ${JSON.stringify(result.problems.slice(0, 3), null, 2)}`);
  return result.template;
}

/** What a copy of the baseline allows local elements to do, by national element. */
export interface Allowances {
  readonly milestones?: readonly string[];
  readonly workItemTypes?: readonly string[];
  readonly facts?: readonly string[];
  readonly tiers?: boolean;
}

function setEffects(element: Element | undefined, effects: LocalEffect[] | undefined): void {
  if (!element) return;
  const governance = { ...(element.governance ?? { mode: 'free' }) };
  if (effects === undefined || effects.length === 0) delete governance.localEffects;
  else governance.localEffects = effects;
  element.governance = governance;
}

/**
 * A copy of the baseline JSON with local effects allowed exactly as given: `keep` keeps what the
 * baseline itself allows and adds to it; otherwise every other allowance is taken away. `edit` runs
 * first, so elements it adds can be allowed too.
 */
export function allowing(allowances: Allowances, options: { keep?: boolean; edit?: (json: BaselineJson) => void } = {}): BaselineJson {
  const json = baselineJson();
  options.edit?.(json);
  const apply = (elements: Element[] | undefined, ids: readonly string[] | undefined, effect: LocalEffect) => {
    for (const element of elements ?? []) {
      const allowed = ids?.includes(element.id ?? '') ?? false;
      const had = element.governance?.localEffects ?? [];
      if (allowed) setEffects(element, [...new Set([...had, effect])]);
      else if (!options.keep && had.length > 0) setEffects(element, []);
    }
  };
  apply(json.milestones, allowances.milestones, 'recordMilestone');
  apply(json.workItemTypes, allowances.workItemTypes, 'openWorkItem');
  apply(json.facts, allowances.facts, 'recordFact');
  if (json.tiers) {
    const had = json.tiers.governance?.localEffects ?? [];
    if (allowances.tiers) setEffects(json.tiers, [...new Set([...had, 'setTier' as const])]);
    else if (!options.keep && had.length > 0) setEffects(json.tiers, []);
  }
  return json;
}

/** A regional variant (namespace `lfx`) of `parent`, parsed. */
export function variantOf(parent: Pick<PathwayTemplate, 'id' | 'version'>, changes: PathwayVariantInput['changes'], id = 'nz-lfx-region'): PathwayVariant {
  const result = parseVariant({
    kind: 'variant',
    id,
    version: '1.0.0',
    title: { en: 'Fictional region for local-effect tests', mi: 'He rohe mō te whakamātautau' },
    locality: { id: 'lfx', level: 'regional', name: 'Fictional region' },
    extends: { id: parent.id, version: parent.version },
    effectiveFrom: '2026-07-01',
    changes,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.variant;
}
