import { useMemo, useState } from 'react';
import { z } from 'zod';
import type { InstalledPlugin } from '@pathways/core';
import { SchemaForm, type FieldSchema } from './schema-form.js';

/** The risk tools the installed plugins offer, by their full names (`risk-tools/dash`). */
function riskTools(plugins: readonly InstalledPlugin[]) {
  return plugins.flatMap((plugin) => Object.entries(plugin.definition?.riskTools ?? {}).map(([key, tool]) => ({ name: `${plugin.name}/${key}`, tool })));
}

/**
 * A risk tool's questionnaire in the simulator: the tool's own answers schema drawn as a form (each
 * item's topic as its label, its answers as choices; licensed wording is never shipped), for a
 * person of the case. A follow-up set (an object of items the schema asks only on an answer, such
 * as the Dash-style stalking set when stalking is yes) is drawn topic by topic while it is asked,
 * and left out of the answers otherwise, so the engine never refuses a set it did not ask for. The
 * engine scores the answers; the panel shows the score and band.
 */
export function RiskToolForm({ plugins, onSubmit }: { plugins: readonly InstalledPlugin[]; onSubmit: (payload: { tool: string; personId: string; answers: Record<string, unknown> }) => void }) {
  const tools = riskTools(plugins);
  const [name, setName] = useState(tools[0]?.name ?? '');
  const [personId, setPersonId] = useState('person-aroha');
  const chosen = tools.find((entry) => entry.name === name);
  // Converted once per tool: the form reads its conditions from it on every answer.
  const schema = useMemo(() => (chosen ? (z.toJSONSchema(chosen.tool.answers, { io: 'input' }) as FieldSchema) : undefined), [chosen?.tool]);
  if (tools.length === 0) return <p>No risk tool is installed for this pathway.</p>;
  return (
    <div className="pw-risk-form" data-testid="sim-risk-form">
      <label>
        Tool{' '}
        <select value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="sim-risk-tool">
          {tools.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.tool.label.en ?? entry.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Person <input value={personId} onChange={(e) => setPersonId(e.currentTarget.value)} data-testid="sim-risk-person" />
      </label>
      {chosen && schema ? (
        <SchemaForm
          key={name}
          idPrefix="answers"
          schema={schema}
          validator={chosen.tool.answers}
          values={{}}
          onSubmit={(answers) => onSubmit({ tool: name, personId, answers: { ...answers } })}
        />
      ) : null}
    </div>
  );
}
