import type { InstalledPlugin, PathwayTemplate } from '../model/template.js';
import { checkVariant, type VariantProblem } from './check-variant.js';
import { gt, valid } from 'semver';
import { rebase, type RebaseOutcome } from './rebase.js';
import { checkPublish, type PublishCheck } from './versioning.js';
import type { PathwayVariant } from './variant.js';

/** How one variant fares against a proposed baseline version. */
export interface VariantImpact {
  readonly source: string;
  readonly variant: string;
  readonly extends: string;
  readonly status: 'ok' | 'conflicts' | 'problems' | 'unknown-base';
  readonly conflicts: readonly RebaseOutcome[];
  readonly problems: readonly VariantProblem[];
}

/** The impact report for a proposed baseline version. */
export interface ImpactReport {
  readonly proposed: { readonly id: string; readonly version: string };
  readonly variants: readonly VariantImpact[];
  readonly affected: number;
  /**
   * The publish rules against the latest published version below it (when one is given): the
   * version it needs, what breaks variants, and what it loosens (for national assurance).
   */
  readonly publish?: PublishCheck & { readonly against: string };
}

/** The highest published version of the same baseline below `proposed`, if any. */
function latestBefore(proposed: PathwayTemplate, published: readonly PathwayTemplate[]): PathwayTemplate | undefined {
  const earlier = published.filter((t) => t.id === proposed.id && valid(t.version) && valid(proposed.version) && gt(proposed.version, t.version));
  return earlier.reduce<PathwayTemplate | undefined>((latest, t) => (!latest || gt(t.version, latest.version) ? t : latest), undefined);
}

/**
 * Before a baseline version is published: rebases every variant in the catalogue onto it (from the
 * version each extends) and checks the result, and applies the publish rules against the latest
 * published version below it. Variants of other baselines are skipped.
 */
export function impact(
  proposed: PathwayTemplate,
  published: readonly PathwayTemplate[],
  catalogue: readonly { readonly source: string; readonly variant: PathwayVariant }[],
  options: { readonly plugins?: readonly InstalledPlugin[] } = {},
): ImpactReport {
  const variants = catalogue
    .filter(({ variant }) => variant.extends.id === proposed.id)
    .map(({ source, variant }): VariantImpact => {
      const name = `${variant.id}@${variant.version}`;
      const extendsName = `${variant.extends.id}@${variant.extends.version}`;
      const base = variant.extends.version === proposed.version ? proposed : published.find((t) => t.id === variant.extends.id && t.version === variant.extends.version);
      if (!base) return { source, variant: name, extends: extendsName, status: 'unknown-base', conflicts: [], problems: [] };
      const rebased = base === proposed ? { variant, outcomes: [] as RebaseOutcome[] } : rebase(variant, base, proposed);
      const conflicts = rebased.outcomes.filter((o) => o.status === 'conflict');
      const checked = checkVariant(proposed, rebased.variant, undefined, options);
      const status = conflicts.length > 0 ? 'conflicts' : checked.ok ? 'ok' : 'problems';
      return { source, variant: name, extends: extendsName, status, conflicts, problems: checked.problems };
    });
  const previous = latestBefore(proposed, published);
  return {
    proposed: { id: proposed.id, version: proposed.version },
    variants,
    affected: variants.filter((v) => v.status !== 'ok').length,
    ...(previous ? { publish: { ...checkPublish(previous, proposed), against: `${previous.id}@${previous.version}` } } : {}),
  };
}
