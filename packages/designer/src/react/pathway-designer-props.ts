import type { LoadedPlugin } from '@pathways/core';
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
}
