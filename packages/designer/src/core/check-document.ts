import { canonicalJson, catalogueEntry, checkPublish, checkVariant, evaluateInvariants, validateTemplate, type ErrorCode, type PathwayTemplateData, type ProvenanceMap, type PublishCheck } from '@pathways/core';
import type { DesignDocument, JsonObject } from './design-document.js';

/** An element of the drawn pathway a problem is about, to focus it on the canvas. */
export interface ElementRef {
  readonly collection: string;
  readonly id: string;
}

/**
 * One problem as the designer shows it: `error` for what `pathways check` (or `validate`) reports
 * — the same function, so the same problems — and `warning` for the publish rules' notices (a
 * breaking change needs a major version), which do not make a draft wrong.
 */
export interface DesignProblem {
  readonly code: ErrorCode | 'PWY_PUBLISH_BREAKING';
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint: string;
  readonly path: readonly (string | number)[];
  /** The change of the variant it is about (variant mode). */
  readonly change: number | null;
  readonly element?: ElementRef;
  /** A broken invariant's shortest offending path: the node ids to highlight, in order. */
  readonly witness?: readonly string[];
}

/** What the designer draws and lists after each edit. */
export interface DesignCheck {
  /** The pathway as it would run: the document itself (baseline mode) or the variant resolved over its parent. */
  readonly resolved?: PathwayTemplateData;
  readonly provenance?: ProvenanceMap;
  readonly problems: readonly DesignProblem[];
  /** Baseline mode: the publish rules against the last published version. */
  readonly publish?: PublishCheck;
  /** A document with any error can be saved but not published. */
  readonly publishable: boolean;
}

type Collection = readonly { readonly id?: unknown }[];

/** The element a resolved-template path points into, e.g. `["resolved", "nodes", 3, "type"]` → nodes/<id>. */
function elementAt(template: PathwayTemplateData | JsonObject | undefined, path: readonly (string | number)[]): ElementRef | undefined {
  if (!template) return undefined;
  const [collection, position] = path;
  if (typeof collection !== 'string') return undefined;
  const list = (template as Record<string, unknown>)[collection];
  if (Array.isArray(list) && typeof position === 'number') {
    const element = (list as Collection)[position];
    return typeof element?.id === 'string' ? { collection, id: element.id } : undefined;
  }
  return collection === 'parameters' && typeof position === 'string' ? { collection, id: position } : undefined;
}

/** The element a variant change is about (its node, or the element it targets). */
function elementOfChange(json: JsonObject, index: number | null): ElementRef | undefined {
  if (index === null || !Array.isArray(json.changes)) return undefined;
  const change = json.changes[index] as Record<string, unknown> | undefined;
  if (!change) return undefined;
  if (typeof change.collection === 'string' && typeof change.id === 'string') return { collection: change.collection, id: change.id };
  if (change.op === 'setParameter' && typeof change.name === 'string') return { collection: 'parameters', id: change.name };
  if (change.op === 'addFragment' && typeof change.entry === 'string') return { collection: 'nodes', id: change.entry };
  const element = change.element as { id?: unknown } | undefined;
  if (typeof change.collection === 'string' && typeof element?.id === 'string') return { collection: change.collection, id: element.id };
  return undefined;
}

/**
 * Checks a document with the functions the CLI uses: `checkVariant` against its parent in variant
 * mode; `validateTemplate`, its invariants and `checkPublish` against the last published version
 * in baseline mode.
 */
export function checkDocument(document: DesignDocument): DesignCheck {
  if (document.kind === 'variant' && document.parent) {
    const result = checkVariant(document.parent.template, document.json, document.parent.provenance, { plugins: document.plugins });
    const problems = result.problems.map((p): DesignProblem => {
      const inResolved = p.path[0] === 'resolved';
      const element = inResolved ? elementAt(result.resolved, p.path.slice(1)) : elementOfChange(document.json, p.change);
      return {
        code: p.code,
        severity: 'error',
        message: p.message,
        hint: p.hint,
        path: p.path,
        change: p.change,
        ...(element ? { element } : {}),
        ...(p.witness ? { witness: p.witness.map((step) => step.node) } : {}),
      };
    });
    return { ...(result.resolved ? { resolved: result.resolved } : {}), ...(result.provenance ? { provenance: result.provenance } : {}), problems, publishable: problems.length === 0 };
  }
  const validated = validateTemplate(document.json, { plugins: document.plugins });
  if (!validated.ok) {
    const problems = validated.problems.map((p): DesignProblem => {
      const element = elementAt(document.json, p.path);
      return { code: p.code, severity: 'error', message: p.message, hint: p.hint, path: p.path, change: null, ...(element ? { element } : {}) };
    });
    return { resolved: document.json as unknown as PathwayTemplateData, problems, publishable: false };
  }
  const template = validated.template;
  const broken = evaluateInvariants(template)
    .filter((verdict) => !verdict.holds)
    .map((verdict): DesignProblem => ({
      code: 'PWY_INVARIANT_VIOLATED',
      severity: 'error',
      message: verdict.message,
      hint: 'Restore the safeguard the invariant protects; the highlighted path is the shortest that breaks it.',
      path: ['invariants', verdict.index],
      change: null,
      element: { collection: 'invariants', id: verdict.invariant },
      ...(verdict.witness ? { witness: verdict.witness.map((step) => step.node) } : {}),
    }));
  // Unchanged from the last published version: nothing to publish, so no publish rules to show.
  const unchanged = document.previous !== undefined && canonicalJson({ ...document.previous, layout: undefined }) === canonicalJson({ ...template, layout: undefined });
  const publish = document.previous && !unchanged ? checkPublish(document.previous, template) : undefined;
  const publishProblems = (publish?.problems ?? []).map((p): DesignProblem => ({ code: p.code, severity: 'error', message: p.message, hint: p.hint, path: ['version'], change: null }));
  const breaking = (publish?.breaking ?? []).map((note): DesignProblem => ({
    code: 'PWY_PUBLISH_BREAKING',
    severity: 'warning',
    message: `Breaking for variants: ${note}.`,
    hint: `Publishing it needs a major version above ${document.previous?.version ?? 'the last one'}; variants are rebased onto it (pathways rebase, pathways impact).`,
    path: [],
    change: null,
  }));
  const loosened = (publish?.loosened ?? []).map((note): DesignProblem => ({
    code: 'PWY_PUBLISH_SAFEGUARD_LOOSENED',
    severity: 'warning',
    message: `Loosened for variants: ${note}.`,
    hint: catalogueEntry('PWY_PUBLISH_SAFEGUARD_LOOSENED').hint,
    path: [],
    change: null,
  }));
  const problems = [...broken, ...publishProblems, ...breaking, ...loosened];
  return { resolved: template, problems, ...(publish ? { publish } : {}), publishable: problems.every((p) => p.severity !== 'error') };
}
