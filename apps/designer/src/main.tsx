import '@pathways/designer/styles.css';
import './full-window.css';
import { PathwayDesigner, workerLayoutEngine, type LayoutEngine, type SimulationInspectorOption } from '@pathways/designer';
import { openInspectorWindow, statelyCaseInspector, type InspectorWindow } from '@pathways/inspect';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installedPlugins } from './installed-plugins.js';
import { library } from './library.js';
import { PluginProblems } from './plugin-problems.js';

// One layout worker for the page, started the first time "Tidy up" is used.
let engine: LayoutEngine | undefined;
const layoutEngine = () => (engine ??= workerLayoutEngine(new Worker(new URL('./elk-worker.ts', import.meta.url), { type: 'module' })));
// Started when the page is idle, so the first "Tidy up" does not wait for ELK to load.
(window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 500)))(() => layoutEngine());

// The simulator can send its run to Stately's inspector, opened in a window of its own (when the
// browser can reach stately.ai). A case opened there is fictional: simulations never hold real cases.
const windows = new WeakMap<object, InspectorWindow>();
const simulationInspector: SimulationInspectorOption = {
  label: "Watch in Stately's inspector",
  connect: () => {
    const opened = openInspectorWindow();
    const inspector = statelyCaseInspector(opened);
    windows.set(inspector, opened);
    return inspector;
  },
  disconnect: (inspector) => windows.get(inspector)?.close(),
};

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element to render the designer into.');

createRoot(container).render(
  <StrictMode>
    {installedPlugins.ok ? <PathwayDesigner plugins={installedPlugins.registry.plugins} library={library} layoutEngine={layoutEngine} simulationInspector={simulationInspector} /> : <PluginProblems problems={installedPlugins.problems} />}
  </StrictMode>,
);
