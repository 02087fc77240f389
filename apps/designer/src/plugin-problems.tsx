import { formatPath, type Problem } from '@pathways/core';

/** Shown instead of the designer when the configured plugins cannot be loaded: nothing could be checked. */
export function PluginProblems({ problems }: { readonly problems: readonly Problem[] }) {
  return (
    <main className="plugin-problems" role="alert">
      <h1>The designer cannot start: its plugins were refused</h1>
      <p>Fix examples/pathways.config.json or the plugins it lists, then build the designer again.</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.code}</code> at <code>{formatPath(problem.path)}</code>: {problem.message} {problem.hint}
          </li>
        ))}
      </ul>
    </main>
  );
}
