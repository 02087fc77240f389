import { checkOnce } from './check-cache.js';
import type { DesignCheck } from './check-document.js';
import { copyFragment, pasteFragment, type Fragment } from './clipboard.js';
import type { DesignDocument } from './design-document.js';
import { removeChange, type EditResult } from './edits.js';
import { DesignHistory } from './history.js';
import { newVariant, type NewVariantOptions } from './new-variant.js';
import { openDocument, type DesignFile, type DesignLibrary, type OpenResult } from './open-document.js';
import { rebaseDocument } from './rebase-view.js';
import type { PathwayTemplateData, RebaseOutcome } from '@pathways/core';
import type { Refusal } from './refusals.js';

/** One open document and its history. */
export interface OpenDocument {
  readonly key: string;
  readonly history: DesignHistory<DesignDocument>;
}

/** What the interface reads: the open documents, the active one with its check, and the last refusal. */
export interface SessionSnapshot {
  readonly documents: readonly { readonly key: string; readonly name: string; readonly kind: DesignDocument['kind'] }[];
  readonly active?: {
    readonly key: string;
    readonly document: DesignDocument;
    readonly check: DesignCheck;
    readonly canUndo: boolean;
    readonly canRedo: boolean;
    readonly undoLabel?: string;
    readonly redoLabel?: string;
  };
  /** Why the last edit was not made; cleared by the next edit. */
  readonly refusal?: Refusal;
  /** A message about the last open or save that failed. */
  readonly notice?: string;
  /** How many steps are copied, ready to paste into any open document. */
  readonly clipboard?: number;
  /** The rebase report of the active document, when it was made by a rebase. */
  readonly rebase?: { readonly from: string; readonly to: string; readonly outcomes: readonly RebaseOutcome[] };
}

export { checkOnce } from './check-cache.js';

/**
 * The designer's state without React: open documents, each with one command history shared by
 * canvas and panels, the active one, and what the last edit said. React subscribes to it
 * (`useSyncExternalStore`); tests drive it directly.
 */
export class DesignerSession {
  private readonly open: OpenDocument[] = [];
  private activeKey: string | undefined;
  private refusal: Refusal | undefined;
  private notice: string | undefined;
  private snapshot: SessionSnapshot = { documents: [] };
  private readonly listeners = new Set<() => void>();
  private counter = 0;
  private clipboard: Fragment | undefined;
  private readonly libraryComparisons = new Map<string, OpenResult>();
  private readonly rebases = new Map<string, { readonly from: string; readonly to: string; readonly outcomes: readonly RebaseOutcome[] }>();

  constructor(private readonly library: DesignLibrary) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** The library plus every open document, so a variant can be opened over one just edited. */
  private libraryWithOpen(): DesignLibrary {
    const open = this.open.map((entry) => ({ name: entry.history.current.name, text: JSON.stringify(entry.history.current.json) }));
    return { ...this.library, files: [...open, ...this.library.files] };
  }

  /** Opens a file; its problems, if any, are reported as a notice and nothing changes. */
  openFile(file: DesignFile): boolean {
    const result = openDocument(file, this.libraryWithOpen());
    if (!result.ok) {
      this.notice = result.problems.map((p) => p.message).join(' ');
      this.publish();
      return false;
    }
    this.add(result.document);
    return true;
  }

  /** Starts a variant over the active document (the baseline, or a regional variant for a local one). */
  startVariant(options: NewVariantOptions): boolean {
    const active = this.activeEntry();
    if (!active) return false;
    const started = newVariant(active.history.current, options);
    if (!started.ok) {
      this.notice = started.message;
      this.publish();
      return false;
    }
    this.add(started.document);
    return true;
  }

  activate(key: string): void {
    if (this.open.some((entry) => entry.key === key)) this.activeKey = key;
    this.publish();
  }

  close(key: string): void {
    const index = this.open.findIndex((entry) => entry.key === key);
    if (index >= 0) this.open.splice(index, 1);
    if (this.activeKey === key) this.activeKey = this.open.at(-1)?.key;
    this.publish();
  }

  /**
   * Applies one user action to the active document: an edit judged by the national rules (a
   * refusal changes nothing and is shown), or a layout change. One action, one undo step.
   */
  edit(label: string, action: (document: DesignDocument) => EditResult | DesignDocument): boolean {
    const active = this.activeEntry();
    if (!active) return false;
    const result = action(active.history.current);
    const next = 'ok' in result ? result : ({ ok: true, document: result } as const);
    if (!next.ok) {
      this.refusal = next.refusal;
      this.publish();
      return false;
    }
    this.refusal = undefined;
    if (next.document !== active.history.current) active.history.push(next.document, label);
    this.publish();
    return true;
  }

  /**
   * Another version to compare the active document with, resolved as the designer resolves what it
   * opens: an open document (by tab key, as edited) or a library file as the library holds it (a
   * baseline of any version, or a variant resolved over the library's level it extends). A file
   * that cannot be resolved says why.
   */
  comparison(choice: { readonly key?: string; readonly file?: string }): { readonly ok: true; readonly template: PathwayTemplateData } | { readonly ok: false; readonly message: string } {
    const open = choice.key ? this.open.find((entry) => entry.key === choice.key)?.history.current : undefined;
    let document = open;
    if (!document && choice.file) {
      // A library file is compared as the library holds it (resolved over the library's own levels),
      // so it is opened once and its check is kept: an edit of the active document does not redo it.
      let opened = this.libraryComparisons.get(choice.file);
      if (!opened) {
        const file = this.library.files.find((candidate) => candidate.name === choice.file);
        if (!file) return { ok: false, message: `${choice.file} is not in the library.` };
        opened = openDocument(file, this.library);
        this.libraryComparisons.set(choice.file, opened);
      }
      if (!opened.ok) return { ok: false, message: `${choice.file} cannot be compared with: ${opened.problems.map((p) => p.message).join(' ')}` };
      document = opened.document;
    }
    if (!document) return { ok: false, message: 'Choose an open document or a library file to compare with.' };
    const resolved = checkOnce(document).resolved;
    if (!resolved || !Array.isArray(resolved.nodes)) return { ok: false, message: `${document.name} cannot be resolved, so it cannot be compared with: open it to see its problems.` };
    return { ok: true, template: resolved };
  }

  /**
   * Rebases the active variant onto another open baseline (by tab key) or a library file: the
   * result opens in a new tab over the new baseline, with the report of every change.
   */
  rebaseActive(onto: { readonly key?: string; readonly file?: DesignFile }): boolean {
    const active = this.activeEntry();
    if (!active) return false;
    const target = onto.key ? this.open.find((entry) => entry.key === onto.key)?.history.current.json : onto.file ? (JSON.parse(onto.file.text) as Record<string, unknown>) : undefined;
    if (!target) return false;
    const result = rebaseDocument(active.history.current, target);
    if (!result.ok) {
      this.notice = result.message;
      this.publish();
      return false;
    }
    const from = active.history.current.parent!.chain[0]!;
    this.add(result.rebased.document);
    this.rebases.set(this.activeKey!, { from, to: result.rebased.document.parent!.chain[0]!, outcomes: result.rebased.outcomes });
    this.publish();
    return true;
  }

  /**
   * Resolves a rebase conflict by dropping its change: one undoable edit, and the report follows
   * (the outcome goes, the later changes are numbered down).
   */
  dropRebasedChange(change: number): boolean {
    const key = this.activeKey;
    const report = key ? this.rebases.get(key) : undefined;
    if (!key || !report) return false;
    if (!this.edit(`drop change #${change + 1}`, (document) => removeChange(document, change))) return false;
    const outcomes = report.outcomes.filter((o) => o.change !== change).map((o) => (o.change > change ? { ...o, change: o.change - 1 } : o));
    this.rebases.set(key, { ...report, outcomes });
    this.publish();
    return true;
  }

  /** Copies activities of the active document (as drawn) for pasting into it or another open document. */
  copy(ids: readonly string[]): boolean {
    const active = this.activeEntry();
    const template = active ? checkOnce(active.history.current).resolved : undefined;
    const fragment = template ? copyFragment(template, ids, active!.history.current.layout.nodes) : undefined;
    if (!fragment) return false;
    this.clipboard = fragment;
    this.publish();
    return true;
  }

  /** Pastes what was copied: at an adjustment point in a variant, beside the originals in a baseline. One undo step. */
  paste(where: { readonly point?: string } = {}): boolean {
    const fragment = this.clipboard;
    if (!fragment) return false;
    return this.edit(`paste ${fragment.nodes.length} step${fragment.nodes.length === 1 ? '' : 's'}`, (document) => pasteFragment(document, fragment, where));
  }

  undo(): void {
    this.activeEntry()?.history.undo();
    this.refusal = undefined;
    this.publish();
  }

  redo(): void {
    this.activeEntry()?.history.redo();
    this.refusal = undefined;
    this.publish();
  }

  dismiss(): void {
    this.refusal = undefined;
    this.notice = undefined;
    this.publish();
  }

  private activeEntry(): OpenDocument | undefined {
    return this.open.find((entry) => entry.key === this.activeKey);
  }

  private add(document: DesignDocument): void {
    this.counter += 1;
    const key = `doc-${this.counter}`;
    this.open.push({ key, history: new DesignHistory(document) });
    this.activeKey = key;
    this.notice = undefined;
    this.refusal = undefined;
    this.publish();
  }

  private publish(): void {
    const active = this.activeEntry();
    const history = active?.history;
    this.snapshot = {
      documents: this.open.map((entry) => ({ key: entry.key, name: entry.history.current.name, kind: entry.history.current.kind })),
      ...(active && history
        ? {
            active: {
              key: active.key,
              document: history.current,
              check: checkOnce(history.current),
              canUndo: history.canUndo,
              canRedo: history.canRedo,
              ...(history.undoLabel ? { undoLabel: history.undoLabel } : {}),
              ...(history.redoLabel ? { redoLabel: history.redoLabel } : {}),
            },
          }
        : {}),
      ...(this.refusal ? { refusal: this.refusal } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
      ...(this.clipboard ? { clipboard: this.clipboard.nodes.length } : {}),
      ...(active && this.rebases.has(active.key) ? { rebase: this.rebases.get(active.key)! } : {}),
    };
    for (const listener of this.listeners) listener();
  }
}
