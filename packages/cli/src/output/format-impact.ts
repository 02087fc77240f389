import { formatPath, type ImpactReport, type PathwayVariant, type VariantImpact } from '@pathways/core';
import type { Catalogue } from '../catalogue.js';
import { changeLabel } from './describe-change.js';

/** Pads each column to its widest cell, so the table reads down as well as across. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd());
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Each conflict with its suggestion, then each problem on one line (run check or rebase for hints). */
function details(entry: VariantImpact, variant: PathwayVariant | undefined, published: string): string[] {
  const lines = [`${entry.variant} (${entry.source}): ${entry.status}`];
  if (entry.status === 'unknown-base') {
    lines.push(`  it extends ${entry.extends}, which is not among --published (${published || 'none'}); pass that version to assess it.`);
    return lines;
  }
  for (const conflict of entry.conflicts) {
    lines.push(`  conflict  ${changeLabel(conflict.change, variant?.changes)}: ${conflict.reason ?? 'conflicts with the proposed version.'}`);
    if (conflict.suggestion) lines.push(`            suggestion: ${conflict.suggestion}`);
  }
  for (const item of entry.problems) {
    const where = item.change !== null ? changeLabel(item.change, variant?.changes) : item.path[0] === 'resolved' ? 'the resolved template' : 'the variant';
    lines.push(`  problem   ${item.code} in ${where} at ${formatPath(item.path)}: ${item.message}`);
  }
  return lines;
}

/** The publish rules against the latest published version: the version needed, what breaks, what is loosened. */
function publishRules(publish: NonNullable<ImpactReport['publish']>): string[] {
  const lines = [`Against ${publish.against}: ${publish.requiredBump === 'major' ? 'a major version is needed' : 'a minor version is enough'}${publish.breaking.length === 0 && publish.loosened.length === 0 ? '; nothing breaks variants and nothing is loosened' : ''}.`];
  for (const item of publish.problems) lines.push(`  problem   ${item.code}: ${item.message}`);
  for (const note of publish.breaking) lines.push(`  breaking  ${note}`);
  for (const note of publish.loosened) lines.push(`  loosened  ${note} (compatible; for national assurance to agree)`);
  return lines;
}

/**
 * Human form of an impact report: one row per variant file (source, variant, extends, status,
 * conflict and problem counts), then what went wrong for each affected variant, then what was not
 * assessed or passed over, so nothing in the folders is left out without a word.
 */
export function formatImpact(report: ImpactReport, catalogue: Catalogue, notAssessed: Catalogue['variants'], published: readonly string[]): string {
  const proposed = `${report.proposed.id}@${report.proposed.version}`;
  const assessed = new Map(report.variants.map((entry) => [entry.source, entry]));
  const unassessed = notAssessed.length > 0 ? `, ${notAssessed.length} not assessed` : '';
  const header = `Impact of ${proposed} on ${plural(catalogue.variants.length, 'variant')}: ${report.affected} affected${unassessed}`;
  const rows = [['source', 'variant', 'extends', 'status', 'conflicts', 'problems']];
  for (const { source, variant } of catalogue.variants) {
    const entry = assessed.get(source);
    const name = `${variant.id}@${variant.version}`;
    const extended = `${variant.extends.id}@${variant.extends.version}`;
    rows.push(entry ? [source, name, extended, entry.status, String(entry.conflicts.length), String(entry.problems.length)] : [source, name, extended, 'not assessed', '-', '-']);
  }
  const lines = [header, ''];
  if (report.publish) lines.push(...publishRules(report.publish), '');
  if (catalogue.variants.length > 0) lines.push(...table(rows));
  const variantOf = new Map(catalogue.variants.map(({ source, variant }) => [source, variant]));
  for (const entry of report.variants) if (entry.status !== 'ok') lines.push('', ...details(entry, variantOf.get(entry.source), published.join(', ')));
  for (const { source, variant } of notAssessed) {
    lines.push('', `${variant.id}@${variant.version} (${source}): not assessed`);
    lines.push(`  it extends ${variant.extends.id}@${variant.extends.version}, not ${report.proposed.id}; assess it against its own parent once that parent is rebased onto ${proposed}.`);
  }
  if (catalogue.skipped.length > 0) lines.push('', `Passed over ${plural(catalogue.skipped.length, 'file')} that ${catalogue.skipped.length === 1 ? 'is' : 'are'} not a variant: ${catalogue.skipped.join(', ')}`);
  if (catalogue.unusable.length > 0) {
    const files = catalogue.unusable.map((item) => item.file).join(', ');
    lines.push('', `INCOMPLETE: ${plural(catalogue.unusable.length, 'file')} could not be used (problems on stderr): ${files}`);
  }
  return `${lines.join('\n')}\n`;
}
