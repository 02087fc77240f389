import { own } from '../model/own.js';
import type { ToolValue } from '../model/plugin-definition.js';
import type { Contribution } from '../model/plugin-registry.js';
import type { RiskToolDefinition } from '../model/plugin-definition.js';
import type { PathwayTemplate } from '../model/template.js';
import { callHook, PluginFailure } from './plugin-runtime.js';

/** What a plugin's risk tool made of a set of answers. */
export interface ToolAssessment {
  /** `<plugin>/<tool>`. */
  readonly tool: string;
  /** The tool's own version (its plugin's when it names none). */
  readonly toolVersion: string;
  /** The score, or null when the tool cannot score here (e.g. licensed weights not configured). */
  readonly score: number | null;
  /** The level the score's band gives (a tier id), or null for none. */
  readonly scoreLevel: string | null;
}

/** A tool's number or tier, given directly or through a pathway parameter. */
function valueOf<T>(value: ToolValue<T>, template: PathwayTemplate): T | undefined {
  if (typeof value !== 'object' || value === null || !('param' in value)) return value as T;
  const parameter = own(template.parameters, value.param);
  return parameter === undefined ? undefined : (parameter.value as T);
}

/** Scores answers with a plugin's risk tool and finds the band the score falls in. Pure; the tool's failures are `PluginFailure`s. */
export function assessWithTool(contribution: Contribution<RiskToolDefinition>, answers: Readonly<Record<string, unknown>>, template: PathwayTemplate): ToolAssessment {
  const { plugin, definition, key } = contribution;
  const tool = `${plugin.name}/${key}`;
  const context = { options: plugin.options, parameter: (name: string) => own(template.parameters, name)?.value };
  const score = callHook(plugin, `risk tool ${tool} score`, () => definition.score(answers, context));
  if (score !== null && (typeof score !== 'number' || Number.isNaN(score))) throw new PluginFailure(plugin, `risk tool ${tool} scored ${String(score)}, which is not a number (return null for no score).`);
  let scoreLevel: string | null = null;
  if (score !== null) {
    for (const band of definition.levels) {
      const atLeast = valueOf(band.atLeast, template);
      const level = valueOf(band.level, template);
      if (typeof atLeast !== 'number' || typeof level !== 'string') throw new PluginFailure(plugin, `risk tool ${tool} has a band whose threshold or level names a parameter the pathway does not have.`);
      if (score >= atLeast) {
        scoreLevel = level;
        break;
      }
    }
  }
  return { tool, toolVersion: definition.version ?? plugin.version, score, scoreLevel };
}
