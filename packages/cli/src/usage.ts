/** The `pathways --help` text; also printed after every PWY_CLI_USAGE error. */
export const usage = `pathways — run and check family-violence response pathways

Usage:
  pathways validate <template.json> [--json]
      Check a template. Exit 0 valid, 1 problems found, 2 unusable input.
  pathways simulate <template.json> --scenario <scenario.json> [--json]
      Run a scenario on the engine and print the trace (states, practice step, effects).
      Exit 0 every expectation met, 1 an expectation failed, 2 unusable input.
  pathways check <baseline.json> <variant.json>... [--json]
      Check the last variant against the baseline resolved with the variants before it
      (e.g. baseline, regional, local). Exit 0 no problems, 1 problems, 2 unusable input.
  pathways resolve <baseline.json> <variant.json>... [--provenance] [--json]
      Print the resolved template as JSON; --provenance prints { template, provenance }.
      Exit 0 resolved, 1 the chain cannot be resolved, 2 unusable input.
  pathways diff <template-a.json> <template-b.json> [--json]
  pathways diff <baseline.json> --variant <variant.json>... [--json]
      Compare two templates, or a baseline with its resolved variant chain.
      Exit 0 compared (differences are not problems), 2 unusable input.
  pathways rebase <variant.json> --from <old.json> --to <new.json> [--write <out.json>] [--json]
      Re-apply a variant onto a new version of what it extends; --write saves the rebased variant.
      Exit 0 no conflicts, 1 conflicts, 2 unusable input.
  pathways impact <proposed.json> --published <baseline.json>... --variants <folder-or-file>... [--json]
      Rebase and check every variant on a proposed baseline version before it is published.
      Exit 0 no variant affected, 1 some affected, 2 unusable input.
  pathways --help | --version

Options marked ... take every following argument up to the next option.
`;
