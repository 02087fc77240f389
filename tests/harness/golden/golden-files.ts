import type { PathwayTemplate } from '@pathways/core';
import { firstContactStory } from '../fixtures/story.js';

/** The golden files of this package: each file and how to render what it must hold. */
export const goldenFiles: readonly { readonly file: URL; readonly actual: (template: PathwayTemplate) => Promise<string> }[] = [
  { file: new URL('./first-contact-story.txt', import.meta.url), actual: async (template) => (await firstContactStory(template)).transcript() },
];

/** The command that rewrites them, named when they drift. */
export const updateCommand = 'pnpm golden:update';
