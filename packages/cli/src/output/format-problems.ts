import { formatPath, type Problem } from '@pathways/core';

/** Human form of a problem list: one block per problem, with its path, message and hint. */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  const lines = [`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`];
  for (const item of problems) {
    lines.push('', `  ${item.code} at ${formatPath(item.path)}`, `    ${item.message}`, `    hint: ${item.hint}`);
  }
  return `${lines.join('\n')}\n`;
}
