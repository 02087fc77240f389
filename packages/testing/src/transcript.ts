import type { HarnessStep } from './case-harness.js';
import { listEffects } from './describe.js';

/** Error messages (XState's span lines) on one line, so each step stays one line. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** The harness's steps as stable text: a line per step, then its effects, numbered. */
export function transcriptOf(steps: readonly HarnessStep[]): string {
  const lines: string[] = [];
  for (const step of steps) {
    const head = `#${step.index} ${step.label} — ${step.at}`;
    if (step.kind === 'refused') lines.push(`${head}: refused ${step.outcome}`);
    else if (step.kind === 'incident') lines.push(`${head}: incident${step.plugin ? ` in ${step.plugin}` : ''} (${oneLine(step.outcome ?? '')})`);
    else lines.push(`${head}: version ${step.version}, at [${step.state.join(', ')}]${step.outcome ? `; stopped: ${oneLine(step.outcome)}` : ''}`);
    if (step.effects.length > 0) lines.push(listEffects(step.effects, '    '));
  }
  return `${lines.join('\n')}\n`;
}
