export { statelyCaseInspector, type StatelyAdapter, type StatelyCaseInspectorOptions } from './stately-case-inspector.js';
export { createCapturingAdapter, type CapturingAdapter } from './capturing-adapter.js';
export type { StatelyActorEvent, StatelyEventEvent, StatelyInspectionEvent, StatelySnapshotEvent } from '@statelyai/inspect';
export { openInspectorWindow, type InspectorWindow, type InspectorWindowOptions, type OpeningWindow } from './inspector-window.js';
