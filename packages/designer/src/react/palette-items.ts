import type { LoadedPlugin } from '@pathways/core';
import type { NewNode } from '../core/edits.js';

/** One entry of the palette: what it adds, grouped by category, with help in plain words. */
export interface PaletteItem {
  readonly key: string;
  readonly category: string;
  readonly label: Readonly<Record<string, string>>;
  readonly help?: Readonly<Record<string, string>>;
  readonly icon?: string;
  /** The node it adds (a name the designer makes an id from). */
  readonly node: NewNode;
}

const core: readonly PaletteItem[] = [
  {
    key: 'humanTask',
    category: 'Activities',
    label: { en: 'Activity (a task with an owner)', mi: 'Mahi' },
    help: { en: 'Work someone does: an owner role and a time limit. Leaves on an event (a form submitted).' },
    icon: '☐',
    node: { name: 'local-activity', type: 'humanTask', label: { en: 'Local activity' }, fields: { ownerRole: 'lead-agency-practitioner', due: 'P2D' } },
  },
  {
    key: 'kaupapaMaoriService',
    category: 'Activities',
    label: { en: 'Kaupapa Māori service offer', mi: 'Tuku ratonga kaupapa Māori' },
    help: { en: 'Offer a kaupapa Māori service: an activity for the lead-agency practitioner, within two days.' },
    icon: '☐',
    node: { name: 'kaupapa-maori-service', type: 'humanTask', label: { en: 'Offer the kaupapa Māori service', mi: 'Tuku ratonga kaupapa Māori' }, fields: { ownerRole: 'lead-agency-practitioner', due: 'P2D' } },
  },
  {
    key: 'notify',
    category: 'Notifications',
    label: { en: 'Notify a role' },
    help: { en: 'Tell a role something and move on at once.' },
    icon: '✉',
    node: { name: 'local-notice', type: 'notify', label: { en: 'Local notice' }, fields: { role: 'coordinator', message: { en: 'For your information' } } },
  },
];

/** The palette: core steps, then every installed plugin's node types (categories, icons, help, localised labels). */
export function paletteItems(plugins: readonly LoadedPlugin[]): PaletteItem[] {
  const fromPlugins = plugins.flatMap((plugin) =>
    Object.entries(plugin.definition?.nodeTypes ?? {}).map(([key, nodeType]): PaletteItem => ({
      key: `${plugin.name}/${key}`,
      category: nodeType.category,
      label: nodeType.label as Record<string, string>,
      ...(nodeType.help ? { help: nodeType.help as Record<string, string> } : {}),
      ...(nodeType.icon ? { icon: nodeType.icon } : {}),
      node: { name: key, type: `${plugin.name}/${key}`, label: nodeType.label as Record<string, string>, fields: { typeVersion: nodeType.typeVersion, config: {} } },
    })),
  );
  return [...core, ...fromPlugins];
}
