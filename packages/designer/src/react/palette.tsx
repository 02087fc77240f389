import type { LoadedPlugin } from '@pathways/core';
import { Icon } from './icons.js';
import { labelOf, t } from './i18n.js';
import { paletteItems, type PaletteItem } from './palette-items.js';
import type { InterfaceLanguage } from './pathway-designer-props.js';

export const paletteMime = 'application/x-pathways-palette';

/**
 * The palette. Drag an item onto a slot, or — without a mouse — choose it (Enter or Space) and
 * then press "Add here" on a slot.
 */
export function Palette({ plugins, language, armed, onArm }: { plugins: readonly LoadedPlugin[]; language: InterfaceLanguage; armed?: string; onArm: (item: PaletteItem | undefined) => void }) {
  const items = paletteItems(plugins);
  const categories = [...new Set(items.map((item) => item.category))];
  return (
    <nav className="pw-palette" aria-label={t('palette', language)}>
      <h2>{t('palette', language)}</h2>
      {categories.map((category) => (
        <section key={category}>
          <h3>{category}</h3>
          <ul>
            {items
              .filter((item) => item.category === category)
              .map((item) => (
                <li key={item.key}>
                  <button
                    type="button"
                    className={`pw-palette__item${armed === item.key ? ' pw-palette__item--armed' : ''}`}
                    aria-pressed={armed === item.key}
                    data-testid={`palette-${item.key}`}
                    draggable
                    title={labelOf(item.help, language)}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(paletteMime, item.key);
                      event.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => onArm(armed === item.key ? undefined : item)}
                  >
                    <Icon name="plus" /> {labelOf(item.label, language, item.key)}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
