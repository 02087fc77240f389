// @pathways/designer/core: the designer's editing logic as plain TypeScript (no React): opening
// documents, checking them with the functions the CLI uses, edits judged by the same rules,
// the command history and what the canvas draws.
export { documentToJson, documentToText, emptyLayout } from './design-document.js';
export type { DesignDocument, DocumentKind, JsonObject, Layout, ParentLevel } from './design-document.js';
export { openDocument, parentOf } from './open-document.js';
export type { DesignFile, DesignLibrary, OpenResult } from './open-document.js';
export { checkDocument } from './check-document.js';
export type { DesignCheck, DesignProblem, ElementRef } from './check-document.js';
export { refusingCodes, refusalOf, problemsOf } from './refusals.js';
export type { Refusal } from './refusals.js';
export { addNode, connect, moveNodes, putNote, relabel, removeElement, removeChange, removeNote, setNodeFields, setParameter, setTransitionFields } from './edits.js';
export type { EditResult, Labels, NewNode } from './edits.js';
export { setGovernance, type GovernedCollection } from './governance-edit.js';
export { copyFragment, pasteFragment } from './clipboard.js';
export type { Fragment } from './clipboard.js';
export { newVariant } from './new-variant.js';
export type { NewVariantOptions } from './new-variant.js';
export { DesignHistory } from './history.js';
export { canvasModel, laneWidth } from './canvas-model.js';
export type { CanvasEdge, CanvasLane, CanvasModel, CanvasNode, CanvasSlot, ProvenanceLevel } from './canvas-model.js';
export { DesignerSession, checkOnce } from './session.js';
export type { OpenDocument, SessionSnapshot } from './session.js';
export { tidyUp } from './tidy-up.js';
export type { LayoutEngine, LayoutGraph } from './tidy-up.js';
export { Simulation, applyScenarioStep } from './simulation.js';
export { steppedBackEvent } from './simulation-inspection.js';
export type { SimulationCommand, SimulationReferral, SimulationStep, WalkStep } from './simulation.js';
export { designDiff } from './diff-view.js';
export { beforeCanvasModel } from './diff-before-model.js';
export type { DesignDiff } from './diff-view.js';
export { rebaseDocument } from './rebase-view.js';
export type { RebasedDocument } from './rebase-view.js';
