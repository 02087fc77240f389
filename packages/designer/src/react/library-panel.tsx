import { useState, type FormEvent } from 'react';
import type { DesignerSession } from '../core/session.js';
import { t } from './i18n.js';
import type { InterfaceLanguage, LibraryFile } from './pathway-designer-props.js';

/** Open a bundled document or a file from disk; start a variant over the open document. */
export function LibraryPanel({ session, library, language, canStartVariant }: { session: DesignerSession; library: readonly LibraryFile[]; language: InterfaceLanguage; canStartVariant: boolean }) {
  const groups = [...new Set(library.map((file) => file.group ?? 'Files'))];
  const [form, setForm] = useState({ id: 'nz-canterbury-draft', title: 'Canterbury (draft)', locality: 'chc', name: 'Canterbury', level: 'regional' as 'regional' | 'local' });
  const start = (event: FormEvent) => {
    event.preventDefault();
    session.startVariant({ id: form.id, title: form.title, locality: { id: form.locality, level: form.level, name: form.name } });
  };
  return (
    <section className="pw-library" aria-label={t('library', language)} data-testid="library">
      <h2>{t('library', language)}</h2>
      {groups.map((group) => (
        <div key={group}>
          <h3>{group}</h3>
          <ul>
            {library
              .filter((file) => (file.group ?? 'Files') === group)
              .map((file) => (
                <li key={file.name}>
                  <button type="button" data-testid={`open-${file.name}`} onClick={() => session.openFile(file)}>
                    {t('open', language)} {file.name}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
      <label className="pw-file">
        {t('open', language)} a file from disk…
        <input
          type="file"
          accept=".json,application/json"
          data-testid="open-file"
          onChange={async (event) => {
            // The element is kept before awaiting: React clears currentTarget after the handler returns.
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) session.openFile({ name: file.name, text: await file.text() });
          }}
        />
      </label>
      <form className="pw-new-variant" onSubmit={start} aria-label={t('newVariant', language)}>
        <h3>{t('newVariant', language)}</h3>
        <label>
          Id <input value={form.id} onChange={(e) => setForm({ ...form, id: e.currentTarget.value })} data-testid="variant-id" />
        </label>
        <label>
          Title <input value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
        </label>
        <label>
          Locality code <input value={form.locality} onChange={(e) => setForm({ ...form, locality: e.currentTarget.value })} data-testid="variant-locality" />
        </label>
        <label>
          Locality name <input value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </label>
        <label>
          Level{' '}
          <select value={form.level} onChange={(e) => setForm({ ...form, level: e.currentTarget.value as 'regional' | 'local' })}>
            <option value="regional">regional</option>
            <option value="local">local</option>
          </select>
        </label>
        <button type="submit" disabled={!canStartVariant} data-testid="start-variant">
          {t('newVariant', language)}
        </button>
      </form>
    </section>
  );
}
