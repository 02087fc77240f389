import { ReactFlowProvider, type Viewport } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { CanvasModel } from '../core/canvas-model.js';
import type { DesignDiff } from '../core/diff-view.js';
import { Canvas } from './canvas.js';
import type { InterfaceLanguage, LibraryFile } from './pathway-designer-props.js';

/**
 * What the differences compare with: by default what the document builds on (the level a variant
 * extends, a baseline's last published version), or any other version — another open document, or a
 * library file (every published baseline version, every variant). Values are `tab:<key>` or `file:<name>`.
 */
export function CompareWith({ value, onChange, sideBySide, onSideBySide, documents, library, problem }: { value: string; onChange: (value: string) => void; sideBySide: boolean; onSideBySide: (on: boolean) => void; documents: readonly { readonly key: string; readonly name: string }[]; library: readonly LibraryFile[]; problem?: string }) {
  return (
    <p className="pw-compare-with">
      <label>
        Compare with{' '}
        <select value={value} onChange={(event) => onChange(event.currentTarget.value)} data-testid="compare-with">
          <option value="">what it builds on</option>
          {documents.map((doc) => (
            <option key={doc.key} value={`tab:${doc.key}`}>
              open: {doc.name}
            </option>
          ))}
          {library.map((file) => (
            <option key={file.name} value={`file:${file.name}`}>
              library: {file.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        <input type="checkbox" checked={sideBySide} onChange={(event) => onSideBySide(event.currentTarget.checked)} data-testid="side-by-side" /> Side by side
      </label>
      {problem ? (
        <span role="alert" data-testid="compare-problem">
          {' '}
          {problem}
        </span>
      ) : null}
    </p>
  );
}

/**
 * What changed against what the document builds on, listed as `pathways diff` lists it (added,
 * removed, changed with each field); a click focuses the element on the canvas, where it is marked.
 */
export function DiffPanel({ differences, onFocus }: { differences: DesignDiff; onFocus: (id: string) => void }) {
  return (
    <section className="pw-diff" aria-label="Differences" data-testid="diff-panel">
      <h2>
        What changed: {differences.from} → {differences.to} ({differences.entries.length} difference{differences.entries.length === 1 ? '' : 's'})
      </h2>
      <ul>
        {differences.entries.map((entry) => (
          <li key={`${entry.collection}:${entry.id}`} className={`pw-diff__${entry.kind}`} data-testid="diff-entry">
            <button type="button" onClick={() => onFocus(entry.kind === 'removed' ? `removed:${entry.id}` : entry.id)} disabled={entry.collection !== 'nodes'}>
              {entry.kind === 'added' ? '+ added' : entry.kind === 'removed' ? '− removed' : '~ changed'} {entry.collection} <code>{entry.id}</code>
              {entry.fields ? `: ${entry.fields.map((field) => field.field).join(', ')}` : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const nothing = () => undefined;

/**
 * The canvas alone, or — side by side — the version compared with (read-only, what the document
 * removed or changed marked on it) beside the document's own canvas (what it added or changed);
 * the version compared with follows the document's canvas as it is panned and zoomed.
 */
export function SideBySide({ before, after, children }: { before: { readonly caption: string; readonly model: CanvasModel; readonly language: InterfaceLanguage; readonly markers: boolean; readonly viewport?: Viewport | undefined } | undefined; after: string | undefined; children: ReactNode }) {
  if (!before) return <>{children}</>;
  return (
    <div className="pw-side-by-side" data-testid="side-by-side-view">
      <figure>
        <figcaption>{before.caption}</figcaption>
        <ReactFlowProvider>
          <Canvas model={before.model} language={before.language} markers={before.markers} armed={false} readOnly testId="canvas-before" {...(before.viewport ? { followViewport: before.viewport } : {})} onSelect={nothing} onMove={nothing} onConnect={nothing} onAddAt={nothing} onDropItem={nothing} onNote={nothing} />
        </ReactFlowProvider>
      </figure>
      <figure>
        <figcaption>{after}</figcaption>
        {children}
      </figure>
    </div>
  );
}
