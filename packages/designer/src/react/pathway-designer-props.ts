import type { CaseInspector, LoadedPlugin } from '@pathways/core';
import type { LayoutEngine } from '../core/tidy-up.js';

/** A document the designer can open without a file dialog: the bundled national baseline and examples. */
export interface LibraryFile {
  /** File name shown and used when saving, e.g. `nz-national-baseline.json`. */
  readonly name: string;
  /** The JSON text. */
  readonly text: string;
  /** A heading to group it under, e.g. "National baseline" or "Example variants". */
  readonly group?: string;
}

/** Interface languages: English, and te reo Māori where labels exist. */
export type InterfaceLanguage = 'en' | 'mi';

export interface PathwayDesignerProps {
  /** The installed plugins (loaded in the browser from the shared plugin configuration's static imports). */
  readonly plugins: readonly LoadedPlugin[];
  /** Documents offered to open: baselines (every published version) and variants. */
  readonly library: readonly LibraryFile[];
  /** The interface language to start in. */
  readonly language?: InterfaceLanguage;
  /**
   * Makes the engine "Tidy up" lays out with: ELK in a web worker (`workerLayoutEngine`). Without
   * it the bundled ELK runs on the main thread.
   */
  readonly layoutEngine?: () => LayoutEngine;
  /**
   * Lets the simulator send its run to an inspector: the simulation panel offers a button that calls
   * `connect` (from the click, so a pop-up it opens is allowed), sends the run so far, then each
   * step. With `@pathways/inspect`: `() => statelyCaseInspector(openInspectorWindow())`.
   */
  readonly simulationInspector?: SimulationInspectorOption;
}

/** An inspector the simulator can send to, and what the button offering it says. */
export interface SimulationInspectorOption {
  /** The button's label, e.g. "Watch in Stately's inspector". */
  readonly label: string;
  /** Opens the inspector; what it returns is told of every case opened, event applied and state reached. */
  readonly connect: () => CaseInspector | Promise<CaseInspector>;
  /** Stops sending (e.g. closes the inspector's window). */
  readonly disconnect?: (inspector: CaseInspector) => void;
}
