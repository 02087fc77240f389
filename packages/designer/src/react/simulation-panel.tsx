import { useEffect, useMemo, useState } from 'react';
import { formatPath, parseScenario, type AllowedCommand, type CaseInspector, type InstalledPlugin, type PathwayTemplate } from '@pathways/core';
import { applyScenarioStep, Simulation, type SimulationReferral, type WalkStep } from '../core/simulation.js';
import type { SimulationInspectorOption } from './pathway-designer-props.js';
import { downloadFile } from './picture-export.js';
import { RiskToolForm } from './risk-tool-form.js';
import { SchemaForm, type FieldSchema } from './schema-form.js';

/** A fictional referral to simulate with. */
export const fictionalReferral: SimulationReferral = {
  caseId: 'case-simulated-0001',
  openedAt: '2026-05-04T08:30:00+12:00',
  persons: [],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
};

/** An instant in the locality's zone, as a person there reads it. */
function local(instant: string | undefined, timeZone: string): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat('en-NZ', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/**
 * Simulates a fictional case on the real compiled pathway: commands from those the case offers now
 * (forms from their payload schemas), the clock fast-forwarded with every timer firing in the
 * locality's zone, work items with their owners and due times, the trace with step back, and the
 * run saved as a scenario file (or a scenario file replayed).
 */
export function SimulationPanel({ pathway, plugins, onActive, inspector: inspectorOption }: { pathway: PathwayTemplate; plugins: readonly InstalledPlugin[]; onActive: (nodes: ReadonlySet<string>) => void; inspector?: SimulationInspectorOption | undefined }) {
  const [simulation, setSimulation] = useState(() => new Simulation(pathway, plugins, fictionalReferral));
  // The inspector watching, if someone asked for one: it follows the simulation on screen (a replay
  // or an opened scenario starts a new one, sent to it whole).
  const [inspector, setInspector] = useState<CaseInspector | undefined>();
  useEffect(() => (inspector ? simulation.watch(inspector) : undefined), [simulation, inspector]);
  useEffect(() => (inspector && inspectorOption?.disconnect ? () => inspectorOption.disconnect?.(inspector) : undefined), [inspector, inspectorOption]);
  const [revision, setRevision] = useState(0);
  const [chosen, setChosen] = useState<AllowedCommand | undefined>();
  const [role, setRole] = useState('');
  const [advanceTo, setAdvanceTo] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  // A walk-through: a saved run replayed one step at a time, pausing at each note, to present it.
  const [walk, setWalk] = useState<{ readonly title: string; readonly steps: readonly WalkStep[]; readonly index: number } | undefined>();
  const zone = pathway.locality.timeZone;
  // The simulation is mutable: `revision` counts its steps, so the view is read again after each.
  const view = useMemo(() => {
    void revision;
    return simulation.view();
  }, [simulation, revision]);
  /** Reads a scenario file chosen in `input` and opens its case on this pathway; says what is wrong with it otherwise. */
  const openScenario = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return undefined;
    const scenario = parseScenario(await file.text());
    if (!scenario.ok) {
      // What, where and how to fix, as the CLI prints a scenario's problems; the run on screen is kept.
      setMessage(`${file.name}: ${scenario.problems.map((p) => `${p.code} at ${formatPath(p.path)}: ${p.message} Fix: ${p.hint}`).join(' ')}`);
      return undefined;
    }
    const { id, expect: _expect, ...referral } = scenario.scenario.case;
    return { scenario: scenario.scenario, simulation: new Simulation(pathway, plugins, { ...referral, caseId: id }) };
  };
  // Where the case is, drawn on the canvas from the start (and after a replay).
  useEffect(() => onActive(new Set(simulation.view().active.map((node) => node.node))), [simulation, onActive]);
  const changed = () => {
    setRevision((n) => n + 1);
    onActive(new Set(simulation.view().active.map((node) => node.node)));
  };
  const clock = simulation.clock;
  return (
    <section className="pw-simulation" aria-label="Simulation" data-testid="simulation">
      <h2>Simulation (fictional case)</h2>
      <p>
        Clock: <strong data-testid="sim-clock">{local(clock, zone)}</strong> ({zone}) · Tier: <strong data-testid="sim-tier">{view.tier ?? 'not assessed'}</strong> · At:{' '}
        <span data-testid="sim-active">{view.active.map((node) => node.node).join(', ')}</span>
      </p>
      {inspectorOption ? (
        <p>
          {inspector ? (
            <>
              <span data-testid="sim-inspecting">Sending this run to the inspector.</span>{' '}
              <button type="button" onClick={() => setInspector(undefined)} data-testid="sim-inspect-stop">
                Stop
              </button>
            </>
          ) : (
            <button
              type="button"
              data-testid="sim-inspect"
              onClick={() => {
                const failed = (error: unknown) => setMessage(`The inspector could not be opened: ${error instanceof Error ? error.message : String(error)}`);
                try {
                  // Called in the click itself: a browser allows the pop-up an inspector opens only then.
                  void Promise.resolve(inspectorOption.connect()).then(setInspector, failed);
                } catch (error) {
                  failed(error);
                }
              }}
            >
              {inspectorOption.label}
            </button>
          )}
        </p>
      ) : null}
      {message ? (
        <p role="status" data-testid="sim-message">
          {message}
        </p>
      ) : null}
      <h3>Commands the case takes now</h3>
      <div className="pw-sim-commands">
        {view.allowedCommands.map((command) => (
          <button key={command.type} type="button" aria-pressed={chosen?.type === command.type} onClick={() => setChosen(command)} data-testid={`sim-command-${command.type}`}>
            {command.label}
          </button>
        ))}
      </div>
      {chosen ? (
        <div data-testid="sim-form">
          <h4>{chosen.label}</h4>
          {chosen.roles ? (
            <label>
              As{' '}
              <select value={role} onChange={(e) => setRole(e.currentTarget.value)} data-testid="sim-role">
                <option value="">—</option>
                {chosen.roles.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {chosen.type === 'riskTool.completed' ? (
            <RiskToolForm
              plugins={plugins}
              onSubmit={(payload) => {
                const result = simulation.send({ type: chosen.type, payload, ...(role ? { actorRole: role } : {}) });
                const assessed = result.ok ? (result.effects.find((e) => e.type === 'assessment.recorded') as { score?: number | null; scoreLevel?: string | null; level?: string | null } | undefined) : undefined;
                setMessage(result.ok ? (assessed ? `Scored ${String(assessed.score ?? 'nothing (no level)')}: ${assessed.scoreLevel ?? 'no band'} → level ${assessed.level ?? 'none'}` : undefined) : `${result.code}: ${result.message}`);
                setChosen(undefined);
                changed();
              }}
            />
          ) : (
          <SchemaForm
            key={chosen.type}
            idPrefix="sim"
            schema={chosen.payloadSchema as FieldSchema}
            values={{}}
            onSubmit={(payload) => {
              const result = simulation.send({ type: chosen.type, payload, ...(role ? { actorRole: role } : {}) });
              setMessage(result.ok ? undefined : `${result.code}: ${result.message}`);
              setChosen(undefined);
              changed();
            }}
          />
          )}
        </div>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (Number.isNaN(Date.parse(advanceTo))) {
            setMessage('Give the instant to move the clock to, with its offset, e.g. 2026-05-05T09:00:00+12:00.');
            return;
          }
          simulation.advance(advanceTo);
          setMessage(undefined);
          changed();
        }}
      >
        <label>
          Fast-forward to <input value={advanceTo} onChange={(e) => setAdvanceTo(e.currentTarget.value)} placeholder="2026-05-05T09:00:00+12:00" data-testid="sim-advance-to" />
        </label>
        <button type="submit" data-testid="sim-advance">
          Advance the clock
        </button>
      </form>
      <h3>Work items</h3>
      <table data-testid="sim-work-items">
        <thead>
          <tr>
            <th>Work</th>
            <th>Owner</th>
            <th>Due ({zone})</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {view.workItems
            .filter((item) => item.status === 'open' || item.status === 'inProgress')
            .map((item) => {
              const overdue = item.due !== undefined && Date.parse(item.due) < Date.parse(clock);
              return (
                <tr key={item.id} data-testid={`sim-item-${item.workItemType}`}>
                  <td>{item.workItemType}</td>
                  <td>{item.ownerRole}</td>
                  <td>{local(item.due, zone)}</td>
                  <td className={overdue ? 'pw-overdue' : undefined}>{overdue ? 'overdue' : item.status}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <h3>Trace</h3>
      <ol data-testid="sim-trace">
        {simulation.steps.map((step, index) => (
          <li key={index}>
            {local(step.at, zone)}: {step.label}
            {step.effects.filter((e) => e.type === 'escalation.raised').map((e) => ` ⟶ escalation ${(e as { rule: string }).rule}`)}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          simulation.stepBack();
          changed();
        }}
        disabled={simulation.steps.length <= 1}
        data-testid="sim-step-back"
      >
        Step back
      </button>
      <button type="button" onClick={() => downloadFile('simulated-run.scenario.json', `${JSON.stringify(simulation.toScenario(`Simulated on ${pathway.id}@${pathway.version} (fictional)`), null, 2)}\n`)} data-testid="sim-save">
        Save the run as a scenario
      </button>
      <label>
        Walk through a scenario file…{' '}
        <input
          type="file"
          accept=".json"
          data-testid="sim-walk-open"
          onChange={async (event) => {
            const opened = await openScenario(event.currentTarget);
            if (!opened) return;
            setSimulation(opened.simulation);
            setWalk({ title: opened.scenario.title, steps: opened.scenario.steps as readonly WalkStep[], index: 0 });
            setMessage(undefined);
            setRevision((n) => n + 1);
          }}
        />
      </label>
      {walk ? (
        <div className="pw-walk" data-testid="sim-walk" aria-live="polite">
          <h3>
            {walk.title}: step {walk.index} of {walk.steps.length}
          </h3>
          <p className="pw-walk__note" data-testid="sim-walk-note">
            {walk.index > 0 ? ((walk.steps[walk.index - 1] as { note?: string }).note ?? (walk.steps[walk.index - 1] as { command?: { type: string } }).command?.type ?? 'clock advanced') : 'Ready: the case is open.'}
          </p>
          <button
            type="button"
            disabled={walk.index === 0}
            onClick={() => {
              simulation.stepBack();
              setWalk({ ...walk, index: walk.index - 1 });
              changed();
            }}
          >
            Back
          </button>
          <button
            type="button"
            disabled={walk.index >= walk.steps.length}
            data-testid="sim-walk-next"
            onClick={() => {
              applyScenarioStep(simulation, walk.steps[walk.index]!);
              setWalk({ ...walk, index: walk.index + 1 });
              changed();
            }}
          >
            Next step
          </button>
          <button
            type="button"
            disabled={walk.index >= walk.steps.length}
            data-testid="sim-walk-play"
            onClick={() => {
              // Plays on until a step with a note (a pause point) has been shown, or the end.
              let index = walk.index;
              do {
                applyScenarioStep(simulation, walk.steps[index]!);
                index += 1;
              } while (index < walk.steps.length && (walk.steps[index - 1] as { note?: string }).note === undefined);
              setWalk({ ...walk, index });
              changed();
            }}
          >
            Play to the next note
          </button>
        </div>
      ) : null}
      <label>
        Replay a scenario file…{' '}
        <input
          type="file"
          accept=".json"
          data-testid="sim-open"
          onChange={async (event) => {
            const opened = await openScenario(event.currentTarget);
            if (!opened) return;
            for (const step of opened.scenario.steps) applyScenarioStep(opened.simulation, step);
            setSimulation(opened.simulation);
            setWalk(undefined);
            setMessage(undefined);
            setRevision((n) => n + 1);
          }}
        />
      </label>
    </section>
  );
}
