// The plugins the designer validates with, checked in the browser exactly as the CLI checks them.
import { loadPlugins } from '@pathways/core';
import { plugins } from './generated/plugins.js';

export const installedPlugins = loadPlugins(plugins);
