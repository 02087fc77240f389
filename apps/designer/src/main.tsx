import '@pathways/designer/styles.css';
import './full-window.css';
import { PathwayDesigner, workerLayoutEngine, type LayoutEngine } from '@pathways/designer';
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

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element to render the designer into.');

createRoot(container).render(
  <StrictMode>
    {installedPlugins.ok ? <PathwayDesigner plugins={installedPlugins.registry.plugins} library={library} layoutEngine={layoutEngine} /> : <PluginProblems problems={installedPlugins.problems} />}
  </StrictMode>,
);
