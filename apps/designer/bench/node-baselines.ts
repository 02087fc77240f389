// The same work without a browser, measured in Node in the same run: the core check the designer
// runs on each document state (`validateTemplate` in baseline mode, `checkVariant` in variant
// mode), the designer's framework-free session doing the same edit (no React, no DOM), the ELK
// layout of "Tidy up" on the main thread, a simulated command on the real engine and the diff the
// canvas marks. Printed beside the browser's absolute times for reference: our own code run
// without a browser, so never a ratio.
import { checkVariant, parseTemplate, validateTemplate, type InstalledPlugin } from '@pathways/core';
import { DesignerSession, Simulation, canvasModel, designDiff, setParameter, tidyUp, type DesignDocument, type LayoutEngine } from '@pathways/designer/core';
import ELK from 'elkjs/lib/elk.bundled.js';
import { measure, type Measurement } from '../../../packages/core/bench/measure.js';
import type { ExpectedDiff } from './diff-scenario.js';
import { baselineFile, type ParameterEdit, type SimulatedCommand } from './documents.js';

/** Like core's `measure`, for work that returns a promise (ELK answers with one). */
async function measureAsync(name: string, fn: () => Promise<unknown>, { warmup = 2, runs = 10 } = {}): Promise<Measurement> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, runs };
}

/** A session with the file open (and a variant started over it, when asked), as the designer holds it. */
function sessionWith(file: { name: string; text: string }, plugins: readonly InstalledPlugin[], variant: boolean): { session: DesignerSession; document: DesignDocument } {
  const session = new DesignerSession({ plugins, files: [baselineFile] });
  if (!session.openFile(file)) throw new Error(`${file.name} does not open: ${session.getSnapshot().notice ?? ''}`);
  if (variant && !session.startVariant({ id: 'nz-bench-draft', title: 'Bench (draft)', locality: { id: 'bch', level: 'regional', name: 'Bench' } })) {
    throw new Error(`No variant starts over ${file.name}: ${session.getSnapshot().notice ?? ''}`);
  }
  const active = session.getSnapshot().active!;
  if (active.check.problems.length > 0) throw new Error(`${file.name} opens with problems: ${active.check.problems.map((p) => p.message).join(' ')}`);
  return { session, document: active.document };
}

export interface DocumentBaselines {
  /** The core check of the document as opened. */
  readonly check: Measurement;
  /** "Tidy up"'s layout (tidyUp with ELK) on the main thread. */
  readonly layout: Measurement;
}

export interface EditBaselines {
  /** The core check of the document with the edit, in bounds and out of bounds. */
  readonly checkIn: Measurement;
  readonly checkOut: Measurement;
  /** `DesignerSession.edit` with the same edit: what the designer computes before React renders. */
  readonly sessionIn: Measurement;
  readonly sessionOut: Measurement;
}

const engine = new (ELK as unknown as new () => LayoutEngine)();

/** The check and the layout of a document opened in baseline mode. */
export async function documentBaselines(file: { name: string; text: string }, plugins: readonly InstalledPlugin[], label: string, runs: number): Promise<DocumentBaselines> {
  const { session, document } = sessionWith(file, plugins, false);
  const check = measure(`validateTemplate — ${label}`, () => validateTemplate(document.json, { plugins }), { warmup: 5, runs });
  const active = session.getSnapshot().active!;
  const model = canvasModel(active.document, active.check);
  const layout = await measureAsync(`tidyUp with ELK, main thread — ${label}`, () => tidyUp(model, engine), { warmup: 2, runs: Math.max(5, Math.floor(runs / 3)) });
  return { check, layout };
}

/**
 * One parameter edit, in bounds (alternating between two values, so each is a change) and out of
 * bounds: the core check alone, and the session's edit (the check and the refusal rule) alone.
 */
export function editBaselines(file: { name: string; text: string }, plugins: readonly InstalledPlugin[], edit: ParameterEdit, variant: boolean, label: string, runs: number): EditBaselines {
  const { session, document } = sessionWith(file, plugins, variant);
  // What the designer checks after the edit (setParameter's document, built here because a refused
  // edit returns none): the variant's one change, or the baseline's parameter with the new value.
  const parameters = document.json.parameters as Record<string, object>;
  const withValue = (value: string): DesignDocument => ({
    ...document,
    json: variant ? { ...document.json, changes: [{ op: 'setParameter', name: edit.name, value }] } : { ...document.json, parameters: { ...parameters, [edit.name]: { ...parameters[edit.name], value } } },
  });
  const inBounds = edit.inBounds.map(withValue);
  const outOfBounds = withValue(edit.outOfBounds);
  const check = (candidate: DesignDocument) =>
    candidate.kind === 'variant' && candidate.parent ? checkVariant(candidate.parent.template, candidate.json, candidate.parent.provenance, { plugins }) : validateTemplate(candidate.json, { plugins });
  const rawName = variant ? 'checkVariant' : 'validateTemplate';
  let checked = 0;
  const checkIn = measure(`${rawName} — ${label}, in bounds`, () => check(inBounds[(checked += 1) % 2]!), { warmup: 5, runs });
  const checkOut = measure(`${rawName} — ${label}, out of bounds`, () => check(outOfBounds), { warmup: 5, runs });
  let edited = 0;
  const sessionIn = measure(`DesignerSession.edit — ${label}, in bounds`, () => {
    if (!session.edit(`set ${edit.name}`, (current) => setParameter(current, edit.name, edit.inBounds[(edited += 1) % 2]!))) throw new Error(`${edit.name} in bounds was refused`);
  }, { warmup: 5, runs });
  const sessionOut = measure(`DesignerSession.edit — ${label}, out of bounds`, () => {
    if (session.edit(`set ${edit.name}`, (current) => setParameter(current, edit.name, edit.outOfBounds))) throw new Error(`${edit.name} = ${edit.outOfBounds} was not refused`);
  }, { warmup: 5, runs });
  return { checkIn, checkOut, sessionIn, sessionOut };
}

/** A fictional referral to open the simulated case with, like the simulation panel's own. */
const fictionalReferral = {
  caseId: 'case-bench-0001',
  openedAt: '2026-05-04T08:30:00+12:00',
  persons: [],
  episode: { episodeId: 'episode-bench-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
};

/**
 * The command sent in a simulation of the NZ baseline (parsed from the check's resolved pathway,
 * as the designer does) and the case's view read after it, as the panel reads it; then stepped
 * back, as the browser bench does, so each run sends it to the case as opened.
 */
export function simulationBaseline(plugins: readonly InstalledPlugin[], command: SimulatedCommand, runs: number): Measurement {
  const { session } = sessionWith(baselineFile, plugins, false);
  const parsed = parseTemplate(session.getSnapshot().active!.check.resolved, { plugins });
  if (!parsed.ok) throw new Error(`${baselineFile.name} does not parse for a simulation: ${parsed.problems.map((p) => p.message).join(' ')}`);
  const simulation = new Simulation(parsed.template, plugins, fictionalReferral);
  return measure(`Simulation.send + view — NZ baseline, ${command.type}`, () => {
    const sent = simulation.send({ type: command.type, payload: command.payload });
    const active = simulation.view().active.map((node) => node.node);
    if (!sent.ok || !active.includes(command.to)) throw new Error(`${command.type} did not move the case to ${command.to}: ${sent.ok ? active.join(', ') : sent.message}`);
    simulation.stepBack();
  }, { warmup: 5, runs });
}

export interface DiffBaselines {
  /** `designDiff` and the canvas model that marks it: what the designer computes before React draws them. */
  readonly diff: Measurement;
  /** What the page must then show: the same differences. */
  readonly expected: ExpectedDiff;
}

/** The differences of a variant from the level it extends, computed as the designer computes them. */
export function diffBaselines(file: { name: string; text: string }, plugins: readonly InstalledPlugin[], label: string, runs: number): DiffBaselines {
  const { session } = sessionWith(file, plugins, false);
  const active = session.getSnapshot().active!;
  const differences = designDiff(active.document, active.check);
  if (!differences) throw new Error(`${file.name} has nothing to compare with.`);
  const diff = measure(`designDiff + canvasModel — ${label}`, () => canvasModel(active.document, active.check, undefined, designDiff(active.document, active.check)), { warmup: 3, runs });
  const added = differences.entries.filter((entry) => entry.collection === 'nodes' && entry.kind === 'added').map((entry) => entry.id);
  if (added.length === 0) throw new Error(`${file.name} adds no nodes to mark.`);
  return { diff, expected: { entries: differences.entries.length, addedNodes: [added[0]!, added.at(-1)!] } };
}
