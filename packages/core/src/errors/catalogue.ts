/**
 * The one catalogue of Pathways error and problem codes. The parser, the analysers, the CLI and
 * (later) the server's problem+json `type` and the designer's problems panel all read from here,
 * so a code means the same thing everywhere and the generated reference stays complete.
 */
export interface CatalogueEntry {
  /** Stable code, e.g. `PWY_TEMPLATE_JSON_MALFORMED`. Never renamed once published. */
  readonly code: string;
  /** Short title used in docs and as the problem+json `title`. */
  readonly title: string;
  /** What the user can do about it, in plain words. */
  readonly hint: string;
}

function entry<const C extends string>(code: C, title: string, hint: string) {
  return { code, title, hint } as const satisfies CatalogueEntry;
}

/** Every known code, keyed by code. */
export const errorCatalogue = {
  PWY_INPUT_UNREADABLE: entry(
    'PWY_INPUT_UNREADABLE',
    'Input cannot be read',
    'Check that the file exists, is readable and is UTF-8 text.',
  ),
  PWY_INPUT_NOT_UTF8: entry(
    'PWY_INPUT_NOT_UTF8',
    'Input is not UTF-8 text',
    'Save the file as UTF-8 (a byte-order mark is allowed); text in another encoding, such as Windows-1252 or UTF-16, would be misread, so it is refused.',
  ),
  PWY_OUTPUT_UNWRITABLE: entry(
    'PWY_OUTPUT_UNWRITABLE',
    'Output cannot be written',
    'Check that the folder exists and that you can write to it; nothing was written.',
  ),
  PWY_INPUT_TOO_LARGE: entry(
    'PWY_INPUT_TOO_LARGE',
    'Input is too large',
    'Split the input or remove generated content; templates are limited in size to keep checks fast.',
  ),
  PWY_JSON_MALFORMED: entry(
    'PWY_JSON_MALFORMED',
    'Malformed JSON',
    'Fix the JSON syntax at the reported position (a missing comma, quote or bracket is the usual cause).',
  ),
  PWY_JSON_TOO_DEEP: entry(
    'PWY_JSON_TOO_DEEP',
    'JSON nesting is too deep',
    'Templates never need deep nesting; the file is probably generated wrongly or hostile.',
  ),
  PWY_JSON_FORBIDDEN_KEY: entry(
    'PWY_JSON_FORBIDDEN_KEY',
    'Forbidden key',
    'Remove keys named __proto__, constructor or prototype, and $-prefixed keys other than $schema.',
  ),
  PWY_JSON_CONTROL_CHARACTER: entry(
    'PWY_JSON_CONTROL_CHARACTER',
    'Control character in text',
    'Remove control characters (U+0000 to U+001F except tab, line feed and carriage return) from strings.',
  ),
  PWY_SCHEMA_INVALID_TYPE: entry(
    'PWY_SCHEMA_INVALID_TYPE',
    'Wrong type',
    'Give the field a value of the type the template reference names.',
  ),
  PWY_SCHEMA_REQUIRED: entry(
    'PWY_SCHEMA_REQUIRED',
    'Required field missing',
    'Add the field; the template reference lists what each element needs.',
  ),
  PWY_SCHEMA_UNKNOWN_KEY: entry(
    'PWY_SCHEMA_UNKNOWN_KEY',
    'Unknown field',
    'Remove the field or correct its spelling; unknown fields are refused so typos never pass silently.',
  ),
  PWY_SCHEMA_INVALID_VALUE: entry(
    'PWY_SCHEMA_INVALID_VALUE',
    'Invalid value',
    'Use one of the allowed values or formats named in the message.',
  ),
  PWY_SEMVER_INVALID: entry(
    'PWY_SEMVER_INVALID',
    'Invalid version',
    'Use a semantic version such as 1.4.0.',
  ),
  PWY_DURATION_INVALID: entry(
    'PWY_DURATION_INVALID',
    'Invalid duration',
    'Use an ISO 8601 duration such as PT24H (absolute hours), P2D (calendar days) or P1M.',
  ),
  PWY_NODE_TYPE_UNKNOWN: entry(
    'PWY_NODE_TYPE_UNKNOWN',
    'Unknown node type',
    'Use a core node type (start, end, decision, humanTask, wait, notify) or install the plugin that provides it.',
  ),
  PWY_DUPLICATE_ID: entry(
    'PWY_DUPLICATE_ID',
    'Duplicate id',
    'Give each element a unique id; ids are how variants, cases and reports refer to elements.',
  ),
  PWY_REFERENCE_DANGLING: entry(
    'PWY_REFERENCE_DANGLING',
    'Reference to a missing element',
    'Point the reference at an element that exists, or add the missing element.',
  ),
  PWY_STAGE_MISSING: entry(
    'PWY_STAGE_MISSING',
    'Practice step without a stage',
    'Declare a stage for each of the six practice steps, in order.',
  ),
  PWY_STAGE_ORDER: entry(
    'PWY_STAGE_ORDER',
    'Stages out of order',
    'List the stages in the order of the six practice steps: recognition, response, entryIntoSupport, allocation, integratedResponse, monitoring.',
  ),
  PWY_START_NODE: entry(
    'PWY_START_NODE',
    'Start node missing or repeated',
    'Declare exactly one start node, in the recognition stage.',
  ),
  PWY_EVENTLESS_CYCLE: entry(
    'PWY_EVENTLESS_CYCLE',
    'Cycle of automatic transitions',
    'Break the cycle: at least one transition in it must wait for an event or a timer.',
  ),
  PWY_NODE_SHAPE: entry(
    'PWY_NODE_SHAPE',
    'Node transitions do not fit its type',
    'Decision and notify nodes move on automatically (transitions without `on`); other nodes wait for events.',
  ),
  PWY_PARAMETER_UNKNOWN: entry(
    'PWY_PARAMETER_UNKNOWN',
    'Unknown parameter',
    'Declare the parameter under `parameters`, or correct the name.',
  ),
  PWY_PARAMETER_KIND: entry(
    'PWY_PARAMETER_KIND',
    'Parameter of the wrong kind',
    'Refer to a parameter whose kind fits the field (a duration for a wait, for example).',
  ),
  PWY_OWNER_ROLE_MISSING: entry(
    'PWY_OWNER_ROLE_MISSING',
    'Work without an owner role',
    'Give the human task (or its work-item type) an ownerRole, so every work item has someone responsible.',
  ),
  PWY_BOUNDS_CONTRADICT: entry(
    'PWY_BOUNDS_CONTRADICT',
    'Bounds contradict the value',
    'Make the value lie within its bounds and the minimum not exceed the maximum, in the same unit.',
  ),
  PWY_GOVERNANCE_FIELD_UNKNOWN: entry(
    'PWY_GOVERNANCE_FIELD_UNKNOWN',
    'Tailorable field does not exist',
    'List under governance.bounds only fields the element has (for a parameter: "value").',
  ),
  PWY_ADJUSTMENT_POINT_INVALID: entry(
    'PWY_ADJUSTMENT_POINT_INVALID',
    'Adjustment point does not fit the graph',
    'Place a fragment point on a transition inside or at the edge of its stage.',
  ),
  PWY_NODE_UNREACHABLE: entry(
    'PWY_NODE_UNREACHABLE',
    'Unreachable node',
    'Connect the node from the start (a transition, an escalation route or an entry point), or remove it.',
  ),
  PWY_DEAD_END: entry(
    'PWY_DEAD_END',
    'Dead end',
    'Give the node a way on to an end node, so no case can be stuck there for ever.',
  ),
  PWY_STAGE_EMPTY: entry(
    'PWY_STAGE_EMPTY',
    'Practice step with nothing in it',
    'Add at least one activity to every practice step; each step is part of the national model.',
  ),
  PWY_GOVERNANCE_EFFECT_MISPLACED: entry(
    'PWY_GOVERNANCE_EFFECT_MISPLACED',
    'Local effect declared where it means nothing',
    'Declare recordMilestone on milestones, openWorkItem on work-item types, setTier on tiers and recordFact on case facts only.',
  ),
  PWY_DEADLINE_INVALID: entry(
    'PWY_DEADLINE_INVALID',
    'Deadline cannot be counted',
    'Count a deadline from one case fact with one of offset (a signed ISO 8601 duration such as -P1D), before or after (a span or parameter); working days count forwards only.',
  ),
  PWY_FACT_INVALID: entry(
    'PWY_FACT_INVALID',
    'Case fact used wrongly',
    'Record a declared case fact from a payload field of type instant, and count deadlines only from declared facts.',
  ),
  PWY_PLAN_APPROVAL_NODE: entry(
    'PWY_PLAN_APPROVAL_NODE',
    'Plan approval has no place in the flow',
    'Name as the approval node an activity with a transition on plan.approved; each plan type is approved only there.',
  ),
  PWY_MEETING_CADENCE: entry(
    'PWY_MEETING_CADENCE',
    'Meeting cadence without a period',
    'A wait for a meeting\'s next sitting needs the meeting to sit daily, weekdays, twice-weekly, weekly, fortnightly, four-weekly or monthly (directly or through an enum parameter of those values).',
  ),
  PWY_TIER_ASSESSMENT_INVALID: entry(
    'PWY_TIER_ASSESSMENT_INVALID',
    'Tier assessment source used wrongly',
    'Point assessesTier at a payload field of type tier, in a template that declares tiers, and name an existing meeting series if any.',
  ),
  PWY_REFERRAL_INVALID: entry(
    'PWY_REFERRAL_INVALID',
    'Referral cannot open a case',
    'Give caseId, openedAt (ISO 8601 with offset), persons (ids with roles) and the episode (ids only), as the message names.',
  ),
  PWY_TIER_LOWERING_PAYLOAD: entry(
    'PWY_TIER_LOWERING_PAYLOAD',
    'Tier-lowering event without its reason',
    'Declare the lowering event with a required "toTier" field (type tier) and a required "reason" field (type string), or leave it undeclared to use the built-in payload.',
  ),
  PWY_EVENT_BUILT_IN: entry(
    'PWY_EVENT_BUILT_IN',
    'Built-in command declared again',
    'Remove the declaration: built-in case commands (person.added, risk.assessed, tier.overridden, episode.reported, workItem.progressed, plan.*) have fixed payloads.',
  ),
  PWY_EVENT_RESERVED: entry(
    'PWY_EVENT_RESERVED',
    'Reserved event type',
    'Rename the event: timer.fired, the engine\'s internal events (tier.recompute, tier.raised, tier.lower, milestone.reached, escalation.route, conditions.check, fact.changed) and xstate.* are reserved, so no command can forge them.',
  ),
  PWY_COMMAND_ROLE_NOT_ALLOWED: entry(
    'PWY_COMMAND_ROLE_NOT_ALLOWED',
    'Role not allowed to send this command',
    'Send the command as one of the roles the template allows (the envelope\'s actorRole).',
  ),
  PWY_VARIANT_LOCAL_EFFECT: entry(
    'PWY_VARIANT_LOCAL_EFFECT',
    'Local element acts on a national element',
    'Local steps, escalations and events may record, open or set national elements only where the baseline allows it (governance.localEffects), and never due later than the national bound; use local milestones, work-item types and facts instead.',
  ),
  PWY_TIER_LOWERING_INVALID: entry(
    'PWY_TIER_LOWERING_INVALID',
    'Tier cannot be lowered that way',
    'Lower the tier only to a tier below the current one and not below the highest current assessment, with a reason.',
  ),
  PWY_PLAN_APPROVAL_BLOCKED: entry(
    'PWY_PLAN_APPROVAL_BLOCKED',
    'Plan cannot be approved yet',
    'Complete what the plan type requires before approval (for example the child-expertise check when children are in the household).',
  ),
  PWY_INCIDENT_UNKNOWN: entry(
    'PWY_INCIDENT_UNKNOWN',
    'No such incident',
    'Retry an incident recorded for this case, using the incident the engine returned.',
  ),
  PWY_VARIANT_INVALID: entry(
    'PWY_VARIANT_INVALID',
    'Invalid variant file',
    'Fix the variant: it needs kind "variant", id, version, title, locality, extends (id and exact version), effectiveFrom and changes.',
  ),
  PWY_VARIANT_BASE_MISMATCH: entry(
    'PWY_VARIANT_BASE_MISMATCH',
    'Variant extends another version',
    'Check the variant against the exact version it extends, or rebase it onto this one (pathways rebase).',
  ),
  PWY_VARIANT_TARGET_MISSING: entry(
    'PWY_VARIANT_TARGET_MISSING',
    'Change targets a missing element',
    'Point the change at an element of the version the variant extends (ids are listed by pathways resolve).',
  ),
  PWY_VARIANT_LOCKED: entry(
    'PWY_VARIANT_LOCKED',
    'Change touches a locked safeguard',
    'Leave locked elements (and the outgoing transitions of locked nodes) as they are; add local content at an adjustment point instead.',
  ),
  PWY_VARIANT_NOT_TAILORABLE: entry(
    'PWY_VARIANT_NOT_TAILORABLE',
    'Field is not tailorable',
    'Change only the fields the element lists as tailorable; ask the level above to open the field if it must change.',
  ),
  PWY_VARIANT_OUT_OF_BOUNDS: entry(
    'PWY_VARIANT_OUT_OF_BOUNDS',
    'Value outside its bounds',
    'Choose a value within the bounds the level above set (shown in the message).',
  ),
  PWY_VARIANT_UNLOCK: entry(
    'PWY_VARIANT_UNLOCK',
    'Governance loosened',
    'A level may lock more, never less: keep the lock, or tighten bounds instead of widening them.',
  ),
  PWY_VARIANT_FRAGMENT_OUTSIDE_POINT: entry(
    'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT',
    'Local activity outside an adjustment point',
    'Add local nodes and transitions with addFragment at a declared adjustment point, or intake sources at an entry-point slot.',
  ),
  PWY_VARIANT_FRAGMENT_SHAPE: entry(
    'PWY_VARIANT_FRAGMENT_SHAPE',
    'Fragment without exactly one entry and one exit',
    'Make every fragment transition stay inside the fragment, enter only through the declared entry node and leave only through the declared exit.',
  ),
  PWY_VARIANT_ID_NOT_NAMESPACED: entry(
    'PWY_VARIANT_ID_NOT_NAMESPACED',
    'Local id without the locality namespace',
    'Prefix local ids with the locality namespace, e.g. chc/whanau-hui, so they never clash with national or other local ids.',
  ),
  PWY_INVARIANT_VIOLATED: entry(
    'PWY_INVARIANT_VIOLATED',
    'Invariant broken',
    'Restore the safeguard the invariant protects; the witness shows the shortest path that breaks it.',
  ),
  PWY_VERSION_BUMP_REQUIRED: entry(
    'PWY_VERSION_BUMP_REQUIRED',
    'Version not bumped',
    'Publish changes under a higher semantic version; published versions are immutable.',
  ),
  PWY_VERSION_MAJOR_REQUIRED: entry(
    'PWY_VERSION_MAJOR_REQUIRED',
    'Breaking change needs a major version',
    'A new lock, a new invariant or a tighter bound can break variants: bump the major version and run an impact report.',
  ),
  PWY_PUBLISH_SAFEGUARD_LOOSENED: entry(
    'PWY_PUBLISH_SAFEGUARD_LOOSENED',
    'A national safeguard is loosened',
    'Every variant stays valid (a minor version is enough), but regions may now do what the last version did not allow: make sure national assurance agreed, and say why in the release notes.',
  ),
  PWY_VERSION_PUBLISHED: entry(
    'PWY_VERSION_PUBLISHED',
    'Published version changed',
    'Published versions are immutable: publish the change as a new version.',
  ),
  PWY_REBASE_CONFLICT: entry(
    'PWY_REBASE_CONFLICT',
    'Change conflicts with the new version',
    'Follow the suggested resolution for the change, then check the variant again.',
  ),
  PWY_TEMPLATE_UNUSABLE: entry(
    'PWY_TEMPLATE_UNUSABLE',
    'Template is unusable',
    'The template has problems; fix them (run `pathways validate`) before compiling or running it.',
  ),
  PWY_TEMPLATE_UNPARSED: entry(
    'PWY_TEMPLATE_UNPARSED',
    'Template was not parsed',
    'Compile and run only what parseTemplate (or resolve) returned: parse the template first, and parse again after changing a copy.',
  ),
  PWY_PLUGIN_MISSING: entry(
    'PWY_PLUGIN_MISSING',
    'Plugin node type not installed',
    'Install the plugin that provides the node type at the version the template pins, and pass it to compile and createEngine.',
  ),
  PWY_SCENARIO_INVALID: entry(
    'PWY_SCENARIO_INVALID',
    'Invalid scenario file',
    'Fix the scenario file: each step is a command (type, at) or an advance (to or by), each with optional expect blocks.',
  ),
  PWY_SCENARIO_EXPECTATION_FAILED: entry(
    'PWY_SCENARIO_EXPECTATION_FAILED',
    'Scenario expectation not met',
    'Either the pathway behaves differently from what the scenario expects, or the expectation is wrong.',
  ),
  PWY_COMMAND_NOT_ALLOWED: entry(
    'PWY_COMMAND_NOT_ALLOWED',
    'Command not allowed now',
    'Read the case to see which commands are allowed in its current state.',
  ),
  PWY_COMMAND_STALE: entry(
    'PWY_COMMAND_STALE',
    'Command decided on an old version of the case',
    'Reload the case, review what changed, and send the command again with the current version.',
  ),
  PWY_COMMAND_PAYLOAD_INVALID: entry(
    'PWY_COMMAND_PAYLOAD_INVALID',
    'Command payload is invalid',
    'Send a payload that matches the schema listed for the command in the case view.',
  ),
  PWY_COMMAND_ENVELOPE_INVALID: entry(
    'PWY_COMMAND_ENVELOPE_INVALID',
    'Command envelope is invalid',
    'A command needs type, payload, at (ISO 8601 with offset), actor and idempotencyKey.',
  ),
  PWY_COMMAND_SYSTEM_ONLY: entry(
    'PWY_COMMAND_SYSTEM_ONLY',
    'Command is sent by the engine only',
    'timer.fired is sent by the runtime when a scheduled timer is due (fireTimer); people and other systems cannot send it.',
  ),
  PWY_COMMAND_TIME_REVERSED: entry(
    'PWY_COMMAND_TIME_REVERSED',
    'Command time is before the case clock',
    'Commands are applied in time order; send commands with an `at` no earlier than the last one applied.',
  ),
  PWY_CASE_INCIDENT: entry(
    'PWY_CASE_INCIDENT',
    'A guard or action failed',
    'The case kept its previous state and an incident was recorded; fix the cause, then retry the incident.',
  ),
  PWY_PLUGIN_INVALID: entry(
    'PWY_PLUGIN_INVALID',
    'Plugin definition is invalid',
    'Correct the plugin at the path given: its name is kebab-case, its version a semantic version, and its contributions follow the SDK reference (docs/reference/plugin-sdk.md).',
  ),
  PWY_PLUGIN_DUPLICATE: entry(
    'PWY_PLUGIN_DUPLICATE',
    'Plugin or contribution declared twice',
    'Install each plugin once, and give every contribution (node type, event, work-item type, fact, guard, action) a name no other plugin or the template uses.',
  ),
  PWY_PLUGIN_ENGINE_RANGE: entry(
    'PWY_PLUGIN_ENGINE_RANGE',
    'Plugin does not work with this engine',
    'Install a version of the plugin whose `engine` range includes this engine version, or widen the range if the plugin was tested with it.',
  ),
  PWY_PLUGIN_SCHEMA_NOT_JSON: entry(
    'PWY_PLUGIN_SCHEMA_NOT_JSON',
    'Plugin schema cannot be shown as JSON Schema',
    'Use zod types that convert to JSON Schema (objects, strings, numbers, enums, arrays; no transforms, functions, dates or maps), so the designer can draw the form and the API can validate it.',
  ),
  PWY_PLUGIN_NODE_TYPE_UNKNOWN: entry(
    'PWY_PLUGIN_NODE_TYPE_UNKNOWN',
    'No installed plugin provides this node type',
    'Install the plugin that provides it (list it in pathways.config.json), or correct the node type.',
  ),
  PWY_PLUGIN_NODE_VERSION: entry(
    'PWY_PLUGIN_NODE_VERSION',
    'Node type version not provided',
    'Use a typeVersion the installed plugin provides (its current version or an earlier one it can migrate), or install the plugin version the template was written for.',
  ),
  PWY_PLUGIN_CONFIG_INVALID: entry(
    'PWY_PLUGIN_CONFIG_INVALID',
    'Plugin node configuration is invalid',
    "Correct the node's config at the path given, as the node type's schema for its typeVersion asks.",
  ),
  PWY_PLUGIN_MIGRATION_FAILED: entry(
    'PWY_PLUGIN_MIGRATION_FAILED',
    'Plugin node configuration could not be migrated',
    "The plugin's migration failed or gave a configuration its next version refuses: report it to the plugin's authors, or update the node by hand.",
  ),
  PWY_PLUGIN_REFERENCE: entry(
    'PWY_PLUGIN_REFERENCE',
    'Plugin, or plugin guard, action, trigger or event, not provided',
    'Name a guard, action, trigger or event an installed plugin provides (`<plugin>/<name>`), with the params it takes; or install the plugin the pathway uses, at a version its `plugins` range allows.',
  ),
  PWY_RISK_JUDGEMENT_LOWERS: entry(
    'PWY_RISK_JUDGEMENT_LOWERS',
    'Professional judgement cannot lower a scored level',
    'Judgement may raise the level a risk tool\'s score gives, never lower it: record the judgement at the scored level or higher, with its reason, or leave it out.',
  ),
  PWY_PLUGIN_REFUSED: entry(
    'PWY_PLUGIN_REFUSED',
    "A plugin's guard refused the command",
    'Read the message: it says what the plugin needs before the command can be taken.',
  ),
  PWY_PLUGIN_EFFECT_UNDECLARED: entry(
    'PWY_PLUGIN_EFFECT_UNDECLARED',
    'Plugin did something it did not declare',
    "The plugin's hook acted on an element that is not its own without declaring it in `effects`: the case is unchanged. Report it to the plugin's authors.",
  ),
  PWY_PLUGIN_STATE_INVALID: entry(
    'PWY_PLUGIN_STATE_INVALID',
    'Plugin state is invalid or too large',
    "The plugin's new case state fails its schema or exceeds its size bound: the case is unchanged. Report it to the plugin's authors.",
  ),
  PWY_PLUGIN_HANDLER_FAILED: entry(
    'PWY_PLUGIN_HANDLER_FAILED',
    "A plugin's effect handler kept failing",
    'The command stays committed; the request was retried with backoff and is now an incident. Fix the cause (the service the handler calls), then retry the incident.',
  ),
  PWY_CONFIG_INVALID: entry(
    'PWY_CONFIG_INVALID',
    'Pathways configuration is invalid',
    'Correct pathways.config.json at the path given: it lists the installed plugins by package name or relative path.',
  ),
  PWY_PLUGIN_NOT_FOUND: entry(
    'PWY_PLUGIN_NOT_FOUND',
    'Plugin cannot be imported',
    'Install the package (pnpm add <name>) or correct the path in pathways.config.json; the module must export its plugin definition as the default export or as `plugin`.',
  ),
  PWY_INSPECT_UNREACHABLE: entry(
    'PWY_INSPECT_UNREACHABLE',
    "Stately's inspector could not be reached",
    'The simulation ran and its result stands; nothing was inspected. Start the relay first (`pathways simulate … --inspect` in another terminal, or Stately\'s own inspector server) and give its address with --inspect-url ws://127.0.0.1:<port>.',
  ),
  PWY_INSPECT_PORT_IN_USE: entry(
    'PWY_INSPECT_PORT_IN_USE',
    'The inspector port is taken',
    'Another program (perhaps another `pathways simulate --inspect`) listens on that port: stop it, or choose a free port with --inspect-port <port> (0 picks one).',
  ),
  PWY_CLI_USAGE: entry(
    'PWY_CLI_USAGE',
    'Wrong command-line usage',
    'Run `pathways --help` for the commands and their options.',
  ),
} as const;

/** A stable Pathways code. */
export type ErrorCode = keyof typeof errorCatalogue;

/** Looks up a code's catalogue entry. */
export function catalogueEntry(code: ErrorCode): CatalogueEntry {
  return errorCatalogue[code];
}
