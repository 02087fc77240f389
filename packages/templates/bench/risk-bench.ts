// Risk assessments in `pnpm bench`: a risk tool completed through the engine (riskTool.completed:
// the answers checked at the boundary, scored by the plugin, banded by the pathway's parameters,
// recorded) as a ratio to the core command that records a level typed in (risk.assessed), on the
// same NZ baseline case at the same step, interleaved so both see the same machine state.
import { createEngine, type CaseRecord, type CommandInput } from '@pathways/core';
import { dashItems } from '@pathways/plugin-risk-tools';
import { nzNationalBaseline } from '@pathways/templates';

type Row = (name: string, value: string, extra?: string) => void;

const engine = createEngine(nzNationalBaseline);

const setup: [string, string, Record<string, unknown>][] = [
  ['referral.received', 'referrer', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }],
  ['referral.recorded', 'administrator', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }],
  ['safety-actions.recorded', 'referrer', { policeAttended: true, safetyOrderIssued: false }],
];

/** A case at the screening of adult victim-survivors, where assessments are recorded. */
function atScreening(): CaseRecord {
  let { record } = engine.startCase({ caseId: 'case-bench-risk', openedAt: '2026-05-04T08:30:00+12:00', episode: { episodeId: 'episode-1', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false } });
  for (const [type, actorRole, payload] of setup) {
    const result = engine.send(record, { type, payload, actorRole, at: new Date(Date.parse(record.clock) + 60_000).toISOString(), actor: 'kaimahi-bench', idempotencyKey: type, expectedVersion: record.version });
    if (result.kind !== 'applied') throw new Error(`bench setup: ${type} ${JSON.stringify(result)}`);
    record = result.record;
  }
  return record;
}

// Twelve yes answers, twelve no: the medium band, as the typed-in level below.
const answers = Object.fromEntries(Object.keys(dashItems).map((code, i) => [code, i < 12 && code !== 'stalking' && code !== 'othersThreatening' ? 'yes' : 'no']));
const dash = { tool: 'risk-tools/dash', personId: 'person-aroha', answers };
const typedIn = { personId: 'person-aroha', level: 'escalating' };

/** Sends `commands` assessments of one kind and returns the milliseconds they took. */
function assessments(type: 'riskTool.completed' | 'risk.assessed', commands: number): number {
  let record = atScreening();
  const payload = type === 'riskTool.completed' ? dash : typedIn;
  const start = performance.now();
  for (let i = 0; i < commands; i += 1) {
    const command: CommandInput = { type, payload, actorRole: 'referrer', at: new Date(Date.parse(record.clock) + 60_000).toISOString(), actor: 'kaimahi-bench', idempotencyKey: `assess-${i}`, expectedVersion: record.version };
    const result = engine.send(record, command);
    if (result.kind !== 'applied') throw new Error(`bench: ${type} ${JSON.stringify(result)}`);
    record = result.record;
  }
  return performance.now() - start;
}

/** Prints the risk-assessment figures. */
export function benchRiskAssessments(row: Row): void {
  console.log('\nRisk assessments: a risk tool through the engine against the core command (same case, same step)');
  const commands = 400;
  const tool: number[] = [];
  const core: number[] = [];
  for (let round = 0; round < 9; round += 1) {
    core.push(assessments('risk.assessed', commands));
    tool.push(assessments('riskTool.completed', commands));
  }
  const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
  const coreRate = (commands / median(core)) * 1000;
  const toolRate = (commands / median(tool)) * 1000;
  row('risk.assessed (a level typed in; core command)', `${coreRate.toFixed(0)} cmd/s`);
  row('riskTool.completed (Dash-style, 24 answers checked, scored, banded)', `${toolRate.toFixed(0)} cmd/s`);
  console.log(`  → risk tool / core command: ${(toolRate / coreRate).toFixed(2)}x (time per command ${(median(tool) / commands * 1000).toFixed(1)} µs vs ${(median(core) / commands * 1000).toFixed(1)} µs)`);
}
