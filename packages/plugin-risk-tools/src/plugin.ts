import { definePlugin } from '@pathways/core';
import { dash, dashParameters } from './dash.js';
import { dangerAssessment, dangerAssessmentParameters } from './danger-assessment.js';
import { maram, maramParameters } from './maram.js';
import { odara, odaraParameters } from './odara.js';
import { riskToolsOptions } from './options.js';
import { docsPage, pluginName } from './plugin-name.js';

/**
 * The built-in risk tools. Each scores a person's answers to a level (a tier) that may raise the
 * case tier; professional judgement may raise that level, never lower it. Topic labels and scoring
 * only: the licensed wording of each instrument comes from its licence holder.
 */
export const plugin = definePlugin({
  name: pluginName,
  version: '1.0.0',
  engine: '^0.1.0',
  label: { en: 'Risk assessment tools', mi: 'Aromatawai tūraru' },
  description:
    'Risk tools scored to tiers: a Dash-style checklist, Danger Assessment-style weighted items (weights from a licensed installation), a MARAM-style structured professional judgement and an ODARA-style count. Topic labels and scoring only, never licensed wording.',
  docs: docsPage,
  options: { schema: riskToolsOptions },
  parameters: { ...dashParameters, ...dangerAssessmentParameters, ...maramParameters, ...odaraParameters },
  riskTools: { dash, dangerAssessment, maram, odara },
});
