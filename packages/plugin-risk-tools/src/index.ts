// Public API of @pathways/plugin-risk-tools: the plugin definition (default and `plugin`), each
// tool's items and answers schema, the installation options and the parameters' defaults.
// Isomorphic: it imports only @pathways/core and zod.
import { plugin } from './plugin.js';

export { plugin };
export default plugin;

export { dash, dashAnswers, dashItems, dashStalkingItems, dashHonourBasedItems, dashParameters } from './dash.js';
export type { DashAnswers, DashItem } from './dash.js';
export { dangerAssessment, dangerAssessmentParameters } from './danger-assessment.js';
export { dangerAssessmentAnswers, dangerAssessmentItems, dangerAssessmentWeights } from './danger-assessment-items.js';
export type { DangerAssessmentAnswers, DangerAssessmentItem, DangerAssessmentWeights } from './danger-assessment-items.js';
export { maram, maramAnswers, maramRiskLevelCodes, maramRiskLevels, maramEvidenceCategoryCodes, maramEvidenceCategories, maramPracticeLevelCodes, maramParameters } from './maram.js';
export type { MaramAnswers, MaramRiskLevel, MaramEvidenceCategory } from './maram.js';
export { odara, odaraAnswers, odaraItems, odaraParameters } from './odara.js';
export type { OdaraAnswers, OdaraItem } from './odara.js';
export { riskToolsOptions } from './options.js';
export type { RiskToolsOptions } from './options.js';
export { nzTiers } from './parameters.js';
export type { NzTier } from './parameters.js';
export { pluginName } from './plugin-name.js';
