import { z } from 'zod';
import type { OptionTable } from './args.js';
import { pluginNameProblem, scopeProblem } from './scaffold/names.js';

// Each command's options (for parseArgs) and the zod schema its parsed arguments must meet.
// Schemas are strict, so an option that parsed but does not belong is still refused.

const file = (what: string) => z.string().min(1, `${what} must not be empty`);
// Every command reads templates, so every command takes --config: the pathways.config.json that
// installs the plugins templates may use (usage.ts documents it once, for all of them).
const common = { json: { type: 'boolean', default: false }, config: { type: 'string' } } satisfies OptionTable;
const config = file('--config').optional();

export const validateArgs = {
  options: common,
  schema: z.strictObject({ positionals: z.tuple([z.string().min(1, 'a template file is required')]), json: z.boolean(), config }),
};

const inspectPort = z
  .string()
  .regex(/^\d{1,5}$/, 'give a port number, such as 8080 (0 picks a free one)')
  .transform(Number)
  .refine((port) => port <= 65_535, 'a port is at most 65535');
const inspectUrl = z
  .string()
  .refine((text) => URL.canParse(text) && ['ws:', 'wss:'].includes(new URL(text).protocol), 'give a WebSocket address, such as ws://127.0.0.1:8080');

export const simulateArgs = {
  options: { ...common, scenario: { type: 'string' }, inspect: { type: 'boolean', default: false }, 'inspect-port': { type: 'string' }, 'inspect-url': { type: 'string' } } satisfies OptionTable,
  schema: z
    .strictObject({
      positionals: z.tuple([z.string().min(1, 'a template file is required')]),
      scenario: z.string({ error: 'the --scenario <file> option is required' }).min(1),
      inspect: z.boolean(),
      'inspect-port': inspectPort.optional(),
      'inspect-url': inspectUrl.optional(),
      json: z.boolean(),
      config,
    })
    .refine((args) => !(args.inspect && args['inspect-url'] !== undefined), { message: 'give --inspect (a relay here) or --inspect-url (a relay already running), not both', path: ['inspect-url'] })
    .refine((args) => args['inspect-port'] === undefined || args.inspect, { message: '--inspect-port goes with --inspect', path: ['inspect-port'] }),
};

const chain = z.array(file('a file name')).min(2, 'a baseline file and at least one variant file are required');

export const checkArgs = {
  options: common,
  schema: z.strictObject({ positionals: chain, json: z.boolean(), config }),
};

export const resolveArgs = {
  options: { ...common, provenance: { type: 'boolean', default: false } } satisfies OptionTable,
  schema: z.strictObject({ positionals: chain, provenance: z.boolean(), json: z.boolean(), config }),
};

export const diffArgs = {
  options: { ...common, variant: { type: 'string', multiple: true } } satisfies OptionTable,
  schema: z
    .strictObject({
      positionals: z.array(file('a file name')).min(1, 'two templates, or a baseline and --variant <variant.json>..., are required'),
      variant: z.array(file('--variant')).min(1, 'give at least one variant file after --variant').optional(),
      json: z.boolean(),
      config,
    })
    .refine((args) => args.positionals.length === (args.variant ? 1 : 2), {
      message: 'give two templates, or one baseline and --variant <variant.json>...',
      path: ['positionals'],
    }),
};

export const rebaseArgs = {
  options: { ...common, from: { type: 'string' }, to: { type: 'string' }, write: { type: 'string' } } satisfies OptionTable,
  schema: z.strictObject({
    positionals: z.tuple([z.string().min(1, 'a variant file is required')]),
    from: z.string({ error: 'the --from <old.json> option (the version the variant extends) is required' }).min(1),
    to: z.string({ error: 'the --to <new.json> option (the version to rebase onto) is required' }).min(1),
    write: file('--write').optional(),
    json: z.boolean(),
    config,
  }),
};

export const impactArgs = {
  options: { ...common, published: { type: 'string', multiple: true }, variants: { type: 'string', multiple: true } } satisfies OptionTable,
  schema: z.strictObject({
    positionals: z.tuple([z.string().min(1, 'the proposed baseline file is required')]),
    published: z.array(file('--published'), { error: 'the --published <baseline.json>... option is required' }).min(1, 'give at least one published baseline after --published'),
    variants: z.array(file('--variants'), { error: 'the --variants <folder-or-file>... option is required' }).min(1, 'give at least one folder or file after --variants'),
    json: z.boolean(),
    config,
  }),
};

// `plugin new <name>`: the subcommand and the name are positionals; the name must be one the
// engine accepts, and the message says what is wrong with it. It reads no templates, so no --config.
export const pluginArgs = {
  options: { json: { type: 'boolean', default: false }, dir: { type: 'string' }, scope: { type: 'string' }, standalone: { type: 'boolean', default: false } } satisfies OptionTable,
  schema: z.strictObject({
    positionals: z
      .array(z.string())
      .superRefine((positionals, ctx) => {
        const [subcommand, name, ...extra] = positionals;
        const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
        if (subcommand === undefined) return issue('give a subcommand: plugin new <name>');
        if (subcommand !== 'new') return issue(`"${subcommand}" is not a subcommand of plugin; the one there is: plugin new <name>`);
        if (name === undefined) return issue('a plugin name is required: plugin new <name>, such as plugin new home-visits');
        if (extra.length > 0) return issue(`plugin new takes one name; "${extra.join(' ')}" is left over (options start with --)`);
        const problem = pluginNameProblem(name);
        if (problem) issue(problem);
      })
      .transform((positionals) => positionals[1]!),
    dir: file('--dir').optional(),
    scope: z
      .string()
      .superRefine((scope, ctx) => {
        const problem = scopeProblem(scope);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    standalone: z.boolean(),
    json: z.boolean(),
  }),
};
