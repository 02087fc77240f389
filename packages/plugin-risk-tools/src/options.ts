import { z } from 'zod';
import { dangerAssessmentWeights } from './danger-assessment-items.js';

/**
 * The plugin's installation options, set in pathways.config.json under `options.risk-tools`:
 * what differs per installation (licensed content) rather than per pathway.
 *
 * @example
 * ```json
 * { "plugins": [], "options": { "risk-tools": { "dangerAssessmentWeights": { "violenceIncreased": 1, "firearmAccess": 1, … } } } }
 * ```
 */
export const riskToolsOptions = z.strictObject({
  /**
   * Danger Assessment-style item weights (item code → weight, all 20), from the licence holder.
   * Without them the tool records the answers and gives no level.
   */
  dangerAssessmentWeights: dangerAssessmentWeights
    .optional()
    .meta({ description: 'Danger Assessment-style item weights (item code → weight, all 20), from the licence holder. Without them the tool records the answers and gives no level.' }),
});
export type RiskToolsOptions = z.infer<typeof riskToolsOptions>;
