/** The plugin's name: the namespace of its tools (`risk-tools/dash`) and parameters (`risk-tools/dashMediumFrom`). */
export const pluginName = 'risk-tools';

/** Where the tools are documented (in the Pathways repository). */
export const docsPage = 'docs/reference/plugins/risk-tools.md';

/** A band's threshold or level read from one of this plugin's parameters, as the pathway has it. */
export function parameterRef(name: string): { readonly param: string } {
  return { param: `${pluginName}/${name}` };
}
