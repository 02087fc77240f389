import { ReactFlowProvider, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Governance, LayoutNote } from '@pathways/core';
import { canvasModel } from '../core/canvas-model.js';
import type { DesignProblem } from '../core/check-document.js';
import { documentToText } from '../core/design-document.js';
import { addNode, connect, moveNodes, putNote, relabel, removeElement, setNodeFields, setParameter, setTransitionFields } from '../core/edits.js';
import { setGovernance, type GovernedCollection } from '../core/governance-edit.js';
import { DesignerSession } from '../core/session.js';
import { tidyUp } from '../core/tidy-up.js';
import { mainThreadLayoutEngine } from './worker-layout.js';
import { Canvas, type CanvasPictures } from './canvas.js';
import { Handout } from './handout.js';
import { downloadFile } from './picture-export.js';
import { labelOf, t } from './i18n.js';
import { LibraryPanel } from './library-panel.js';
import { Palette } from './palette.js';
import { paletteItems, type PaletteItem } from './palette-items.js';
import type { InterfaceLanguage, PathwayDesignerProps } from './pathway-designer-props.js';
import { ProblemsPanel } from './problems-panel.js';
import { SimulationPanel } from './simulation-panel.js';
import { CompareWith, DiffPanel, SideBySide } from './diff-panel.js';
import { RebasePanel } from './rebase-panel.js';
import { beforeCanvasModel } from '../core/diff-before-model.js';
import { designDiff } from '../core/diff-view.js';
import { parseTemplate } from '@pathways/core';
import { PropertiesPanel } from './properties-panel.js';
import { useSession } from './use-session.js';

/** Saves text as a file the browser downloads. */
const download = (name: string, text: string) => downloadFile(name, text);
const baseName = (name: string) => name.replace(/\.json$/i, '');

/** The designer: open a baseline, a variant or a chain, edit it on the canvas, read its problems, save it. */
export function PathwayDesigner({ plugins, library, language: initialLanguage = 'en', layoutEngine, simulationInspector }: PathwayDesignerProps) {
  const session = useMemo(() => new DesignerSession({ plugins, files: library }), [plugins, library]);
  const snapshot = useSession(session);
  const [language, setLanguage] = useState<InterfaceLanguage>(initialLanguage);
  const [armed, setArmed] = useState<PaletteItem | undefined>();
  const [selection, setSelection] = useState<readonly string[]>([]);
  const selected = selection[0];
  const [selectedEdge, setSelectedEdge] = useState<string | undefined>();
  const setSelected = (id: string | undefined) => setSelection(id ? [id] : []);
  const [focus, setFocus] = useState<string | undefined>();
  const [markers, setMarkers] = useState(true);
  const [query, setQuery] = useState<string | undefined>();
  const pictures = useRef<CanvasPictures | undefined>(undefined);
  const [handoutImage, setHandoutImage] = useState<string | undefined>();
  const active = snapshot.active;
  const [simulating, setSimulating] = useState(false);
  const [activeNodes, setActiveNodes] = useState<ReadonlySet<string>>(new Set());
  const [showDiff, setShowDiff] = useState(false);
  // What the differences compare with: what the document builds on, unless another version is chosen.
  const [compareWith, setCompareWith] = useState<string>('');
  const [sideBySide, setSideBySide] = useState(false);
  // Side by side, the version compared with follows the document's canvas as it is panned and zoomed.
  const [viewport, setViewport] = useState<Viewport | undefined>();
  const comparison = useMemo(() => {
    if (!showDiff || compareWith === '') return undefined;
    const [kind, value] = [compareWith.slice(0, compareWith.indexOf(':')), compareWith.slice(compareWith.indexOf(':') + 1)];
    return session.comparison(kind === 'tab' ? { key: value } : { file: value });
  }, [showDiff, compareWith, session, snapshot]);
  const differences = useMemo(
    () => (showDiff && active && comparison?.ok !== false ? designDiff(active.document, active.check, comparison?.template) : undefined),
    [showDiff, active, comparison],
  );
  // Side by side: the version compared with drawn on its own canvas, beside the document's.
  const beforeModel = useMemo(() => (sideBySide && differences ? beforeCanvasModel(differences, plugins) : undefined), [sideBySide, differences, plugins]);
  // Side by side, what was removed is drawn on the other canvas, not as ghosts on this one.
  const overlaid = useMemo(() => (differences && sideBySide ? { ...differences, removedNodes: [] } : differences), [differences, sideBySide]);
  const model = useMemo(() => (active ? canvasModel(active.document, active.check, simulating ? activeNodes : undefined, overlaid) : undefined), [active, simulating, activeNodes, overlaid]);
  // The pathway to simulate: the resolved document, parsed with its plugins (only when it has no errors).
  const simulated = useMemo(() => {
    if (!simulating || !active?.check.resolved || !active.check.publishable) return undefined;
    const parsed = parseTemplate(active.check.resolved, { plugins });
    return parsed.ok ? parsed.template : undefined;
  }, [simulating, active, plugins]);
  const selectedNode = model?.nodes.find((n) => n.id === selected);

  const onAddAt = useCallback(
    (point: string, position?: { x: number; y: number }) => {
      if (!armed) return;
      if (armed.key === clipboardKey) session.paste({ point });
      else session.edit(`add ${labelOf(armed.label, 'en')}`, (document) => addNode(document, armed.node, { point, ...(position ?? {}) }));
      setArmed(undefined);
    },
    [armed, session],
  );
  const onNote = useCallback((note: LayoutNote) => session.edit('edit a note', (document) => putNote(document, note)), [session]);
  const onDropItem = useCallback(
    (key: string, position: { x: number; y: number }) => {
      const item = paletteItems(plugins).find((candidate) => candidate.key === key);
      if (!item || !model) return;
      // Dropped near a slot: added there. A baseline takes nodes anywhere, in the lane they land in.
      const nearest = [...model.slots].sort((a, b) => Math.hypot(a.x - position.x, a.y - position.y) - Math.hypot(b.x - position.x, b.y - position.y))[0];
      const lane = model.lanes.find((l) => position.x >= l.x && position.x < l.x + l.width)?.step;
      session.edit(`add ${labelOf(item.label, 'en')}`, (document) =>
        addNode(document, item.node, document.kind === 'variant' ? { ...(nearest ? { point: nearest.id } : {}), x: position.x, y: position.y } : { ...(lane ? { stage: lane } : {}), x: position.x, y: position.y }),
      );
    },
    [model, plugins, session],
  );
  const focusProblem = (problem: DesignProblem) => {
    const id = problem.element?.collection === 'nodes' ? problem.element.id : problem.witness?.at(-1);
    if (id) {
      setSelected(id);
      setFocus(id);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
    if (mod && event.key.toLowerCase() === 'z' && !event.shiftKey) {
      event.preventDefault();
      session.undo();
    } else if (mod && (event.key.toLowerCase() === 'y' || (event.key.toLowerCase() === 'z' && event.shiftKey))) {
      event.preventDefault();
      session.redo();
    } else if (mod && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      setQuery('');
    } else if (!inField && mod && event.key.toLowerCase() === 'c' && selection.length > 0) {
      event.preventDefault();
      session.copy(selection);
    } else if (!inField && mod && event.key.toLowerCase() === 'v' && snapshot.clipboard) {
      // A baseline takes the steps beside the originals; a variant only at a slot (choose "Paste here").
      event.preventDefault();
      if (active?.document.kind === 'baseline') session.paste();
      else setArmed(clipboardItem(snapshot.clipboard));
    } else if (mod && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (active) download(active.document.name, documentToText(active.document));
    } else if (!inField && selectedNode && (event.key === 'Delete' || event.key === 'Backspace')) {
      event.preventDefault();
      session.edit(`delete ${selectedNode.id}`, (document) => removeElement(document, 'nodes', selectedNode.id));
    } else if (!inField && selectedNode && event.key.startsWith('Arrow')) {
      // Move without a mouse: arrow keys move the selected activity (Shift: further).
      event.preventDefault();
      const step = event.shiftKey ? 60 : 20;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      session.edit(`move ${selectedNode.id}`, (document) => moveNodes(document, { [selectedNode.id]: { x: selectedNode.x + dx, y: selectedNode.y + dy } }));
    }
  };

  const matches = query ? (model?.nodes ?? []).filter((n) => labelOf(n.label, language, n.id).toLowerCase().includes(query.toLowerCase()) || n.id.includes(query.toLowerCase())) : [];
  useEffect(() => setSelected(undefined), [active?.key]);

  return (
    <div className="pw-designer" data-testid="pathway-designer" onKeyDown={onKeyDown} lang={language}>
      <header className="pw-toolbar" role="toolbar" aria-label="Designer">
        <strong className="pw-title">Pathways designer</strong>
        <div className="pw-tabs" role="tablist">
          {snapshot.documents.map((doc) => (
            <button key={doc.key} role="tab" aria-selected={doc.key === active?.key} onClick={() => session.activate(doc.key)} data-testid={`tab-${doc.name}`}>
              {doc.kind === 'variant' ? 'Variant' : 'Baseline'}: {doc.name}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => session.undo()} disabled={!active?.canUndo} title={active?.undoLabel} data-testid="undo">
          {t('undo', language)}
        </button>
        <button type="button" onClick={() => session.redo()} disabled={!active?.canRedo} title={active?.redoLabel} data-testid="redo">
          {t('redo', language)}
        </button>
        <button type="button" disabled={!active} onClick={() => active && download(active.document.name, documentToText(active.document))} data-testid="save">
          {t('save', language)}
        </button>
        <button type="button" disabled={!active} onClick={() => session.edit('add a note', (document) => putNote(document, { id: `note-${Date.now().toString(36)}`, x: 40, y: 40, text: 'Note' }))} data-testid="add-note">
          {t('notes', language)}
        </button>
        <button
          type="button"
          disabled={!active || !model}
          data-testid="tidy-up"
          title="Lay out the whole pathway, or only the selected activities (one undo step)"
          onClick={async () => {
            if (!model) return;
            const engine = layoutEngine ? layoutEngine() : await mainThreadLayoutEngine();
            const positions = await tidyUp(model, engine, selection.length > 1 ? new Set(selection) : undefined);
            session.edit(selection.length > 1 ? 'tidy up the selection' : 'tidy up', (document) => moveNodes(document, positions));
          }}
        >
          Tidy up
        </button>
        <button type="button" disabled={!active} data-testid="export-png" onClick={async () => active && pictures.current && download(`${baseName(active.document.name)}.png`, await pictures.current.png())}>
          Export PNG
        </button>
        <button type="button" disabled={!active} data-testid="export-svg" onClick={async () => active && pictures.current && download(`${baseName(active.document.name)}.svg`, await pictures.current.svg())}>
          Export SVG
        </button>
        <button
          type="button"
          disabled={!active}
          data-testid="print-handout"
          onClick={async () => {
            if (!pictures.current) return;
            setHandoutImage(await pictures.current.png());
            // Printed once the picture is in the handout (print to PDF in the browser's dialog).
            requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
          }}
        >
          Print handout
        </button>
        <button type="button" disabled={!active} aria-pressed={showDiff} data-testid="show-diff" onClick={() => setShowDiff(!showDiff)}>
          {showDiff ? 'Hide differences' : 'Differences'}
        </button>
        <button type="button" disabled={!active} aria-pressed={simulating} data-testid="simulate" onClick={() => setSimulating(!simulating)}>
          {simulating ? 'Stop simulating' : 'Simulate'}
        </button>
        <button type="button" onClick={() => setQuery('')} disabled={!active}>
          {t('find', language)}
        </button>
        <label>
          {t('language', language)}{' '}
          <select value={language} onChange={(event) => setLanguage(event.currentTarget.value as InterfaceLanguage)} data-testid="language">
            <option value="en">English</option>
            <option value="mi">Te reo Māori</option>
          </select>
        </label>
      </header>
      {query !== undefined ? (
        <div className="pw-find" role="search">
          <input
            autoFocus
            aria-label={t('find', language)}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && matches[0]) {
                setSelected(matches[0].id);
                setFocus(matches[0].id);
              }
              if (event.key === 'Escape') setQuery(undefined);
            }}
            data-testid="find"
          />
          <span>{query ? `${matches.length} found` : ''}</span>
        </div>
      ) : null}
      {snapshot.refusal ? (
        <div className="pw-refusal" role="alert" data-testid="refusal">
          <strong>Not allowed ({snapshot.refusal.code}):</strong> {snapshot.refusal.message} <em>{snapshot.refusal.hint}</em>
          <button type="button" onClick={() => session.dismiss()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {snapshot.notice ? (
        <div className="pw-notice" role="status" data-testid="notice">
          {snapshot.notice}
        </div>
      ) : null}
      {active ? <Handout document={active.document} check={active.check} language={language} {...(handoutImage ? { image: handoutImage } : {})} {...(differences ? { differences } : {})} /> : null}
      <div className="pw-body">
        <div className="pw-side">
          <LibraryPanel session={session} library={library} language={language} canStartVariant={active !== undefined} />
          {active ? <Palette plugins={plugins} language={language} {...(armed ? { armed: armed.key } : {})} onArm={setArmed} /> : null}
          {active && snapshot.clipboard ? (
            <section className="pw-clipboard" aria-label="Clipboard">
              <button type="button" aria-pressed={armed?.key === clipboardKey} className="pw-palette__item" data-testid="clipboard" onClick={() => (active.document.kind === 'baseline' ? session.paste() : setArmed(armed?.key === clipboardKey ? undefined : clipboardItem(snapshot.clipboard!)))}>
                Paste {snapshot.clipboard} copied step{snapshot.clipboard === 1 ? '' : 's'}
              </button>
            </section>
          ) : null}
          {active?.document.kind === 'variant' ? (
            <form
              className="pw-rebase"
              aria-label="Rebase"
              onSubmit={(event) => {
                event.preventDefault();
                const choice = String(new FormData(event.currentTarget).get('onto') ?? '');
                const [kind, value] = choice.split(':');
                if (kind === 'tab') session.rebaseActive({ key: value! });
                const file = library.find((candidate) => candidate.name === value);
                if (kind === 'file' && file) session.rebaseActive({ file });
              }}
            >
              <h3>Rebase onto another baseline version</h3>
              <select name="onto" data-testid="rebase-onto">
                {snapshot.documents
                  .filter((doc) => doc.kind === 'baseline')
                  .map((doc) => (
                    <option key={doc.key} value={`tab:${doc.key}`}>
                      open: {doc.name}
                    </option>
                  ))}
                {library
                  .filter((file) => /"kind"\s*:\s*"baseline"/.test(file.text))
                  .map((file) => (
                    <option key={file.name} value={`file:${file.name}`}>
                      library: {file.name}
                    </option>
                  ))}
              </select>
              <button type="submit" data-testid="rebase">
                Rebase
              </button>
            </form>
          ) : null}
          {active && selection.length > 0 ? (
            <button type="button" onClick={() => session.copy(selection)} data-testid="copy">
              Copy {selection.length} selected
            </button>
          ) : null}
        </div>
        <main className="pw-main">
          {active && model ? (
            <SideBySide before={differences && beforeModel ? { caption: `Before: ${differences.from}`, model: beforeModel, language, markers, viewport } : undefined} after={differences ? `After: ${differences.to}` : undefined}>
            <ReactFlowProvider>
              <Canvas
                model={model}
                language={language}
                markers={markers}
                armed={armed !== undefined}
                {...(focus ? { focus } : {})}
                onSelect={setSelection}
                selection={selection}
                onSelectEdge={setSelectedEdge}
                onMove={(id, position) => session.edit(`move ${id}`, (document) => moveNodes(document, { [id]: position }))}
                onConnect={(from, to) => session.edit(`connect ${from} → ${to}`, (document) => connect(document, from, to, outgoingEvent(active.check.resolved, from)))}
                onAddAt={onAddAt}
                onDropItem={onDropItem}
                onNote={onNote}
                pictures={pictures}
                {...(beforeModel ? { onViewport: setViewport } : {})}
              />
            </ReactFlowProvider>
            </SideBySide>
          ) : (
            <p className="pw-empty">Open the national baseline or a variant from the library to start.</p>
          )}
          {active ? <ProblemsPanel check={active.check} language={language} markers={markers} onMarkers={setMarkers} onFocus={focusProblem} /> : null}
          {snapshot.rebase ? <RebasePanel report={snapshot.rebase} onDrop={(change) => session.dropRebasedChange(change)} /> : null}
          {showDiff && active ? (
            <CompareWith
              value={compareWith}
              onChange={setCompareWith}
              sideBySide={sideBySide}
              onSideBySide={(on) => {
                setSideBySide(on);
                setViewport(undefined);
              }}
              documents={snapshot.documents.filter((doc) => doc.key !== active.key)}
              library={library}
              {...(comparison && !comparison.ok ? { problem: comparison.message } : {})}
            />
          ) : null}
          {differences ? (
            <DiffPanel
              differences={differences}
              onFocus={(id) => {
                setSelected(id);
                setFocus(id);
              }}
            />
          ) : showDiff && active && comparison?.ok !== false ? (
            <p className="pw-diff" role="status">
              Nothing to compare with: a variant is compared with the level it extends, a baseline with its last published version.
            </p>
          ) : null}
          {simulating && active ? (
            simulated ? (
              <SimulationPanel key={`${active.key}:${active.document === undefined ? '' : simulated.id}`} pathway={simulated} plugins={plugins} onActive={setActiveNodes} inspector={simulationInspector} />
            ) : (
              <p className="pw-simulation" role="status">
                The pathway has errors: fix them to simulate a case on it.
              </p>
            )
          ) : null}
        </main>
        {active && model ? (
          <PropertiesPanel
            {...(selectedNode ? { node: selectedNode } : {})}
            nodes={model.nodes}
            parameters={active.check.resolved?.parameters ?? {}}
            language={language}
            onDelete={(id) => session.edit(`delete ${id}`, (document) => removeElement(document, 'nodes', id))}
            onConnect={(from, to) => session.edit(`connect ${from} → ${to}`, (document) => connect(document, from, to, outgoingEvent(active.check.resolved, from)))}
            onParameter={(name, value) => session.edit(`set ${name}`, (document) => setParameter(document, name, value))}
            {...(active.check.resolved ? { template: active.check.resolved } : {})}
            plugins={plugins}
            onFields={(id, fields) => session.edit(`edit ${id}`, (document) => setNodeFields(document, id, fields))}
            onLabel={(id, label) => session.edit(`relabel ${id}`, (document) => relabel(document, 'nodes', id, label))}
            {...(active.document.kind === 'baseline' ? { onGovernance: (collection: GovernedCollection, id: string, governance: Governance | undefined) => session.edit(`governance of ${id}`, (document) => setGovernance(document, collection, id, governance)) } : {})}
            {...(selectedEdge ? { transition: selectedEdge } : {})}
            events={[...new Set([...(active.check.resolved?.events ?? []).map((event) => event.type), ...plugins.flatMap((plugin) => Object.keys(plugin.definition.events ?? {}))])].sort()}
            onTransition={(id, fields) => session.edit(`edit transition ${id}`, (document) => setTransitionFields(document, id, fields))}
          />
        ) : null}
      </div>
    </div>
  );
}

const clipboardKey = 'clipboard';
/** The copied steps as a palette entry, armed like any step: "Add here" on a slot pastes them. */
const clipboardItem = (count: number): PaletteItem => ({ key: clipboardKey, category: 'Clipboard', label: { en: `Copied steps (${count})` }, node: { name: 'pasted', type: 'humanTask', label: { en: 'Pasted' } } });

/** The event a node already leaves on, reused for a new connection from it (an activity moves on when its work is recorded). */
function outgoingEvent(template: { readonly transitions?: readonly { readonly from: string; readonly on?: string }[] } | undefined, from: string): string | undefined {
  return template?.transitions?.find((transition) => transition.from === from && transition.on !== undefined)?.on;
}
