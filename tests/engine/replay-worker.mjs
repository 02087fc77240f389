// Runs in a fresh Node process: compiles the template anew and replays an event log, then prints
// the final case record. Used by replay.test.ts to prove replay is exact across processes.
import { readFileSync } from 'node:fs';
import { createEngine, parseTemplate } from '@pathways/core';
import { nzBaselinePlugins } from '@pathways/templates';

const { templateFile, start, commands } = JSON.parse(readFileSync(0, 'utf8'));
const parsed = parseTemplate(readFileSync(templateFile, 'utf8'), { plugins: nzBaselinePlugins });
if (!parsed.ok) throw new Error('template invalid');
const engine = createEngine(parsed.template);
let { record } = engine.startCase(start);
for (const command of commands) {
  const result = command.fireTimer ? engine.fireTimer(record, command.fireTimer) : engine.send(record, command);
  if (result.kind !== 'applied') throw new Error(`replay step failed: ${JSON.stringify(result)}`);
  record = result.record;
}
process.stdout.write(JSON.stringify(record));
