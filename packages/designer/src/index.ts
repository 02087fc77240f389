// Public API of @pathways/designer: the embeddable designer and its parts. The editing logic is
// plain TypeScript in `@pathways/designer/core`.
export { PathwayDesigner } from './react/pathway-designer.js';
export type { LibraryFile, InterfaceLanguage, PathwayDesignerProps, SimulationInspectorOption } from './react/pathway-designer-props.js';
export { workerLayoutEngine, mainThreadLayoutEngine } from './react/worker-layout.js';
export type { LayoutEngine, LayoutGraph } from './core/tidy-up.js';
