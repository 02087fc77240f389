// The public API of @pathways/core. Everything a user may rely on is named here; nothing else is
// reachable through the exports map.

export { errorCatalogue, catalogueEntry } from './errors/catalogue.js';
export type { CatalogueEntry, ErrorCode } from './errors/catalogue.js';
export { problem, formatPath, PathwaysError } from './errors/problem.js';
export type { Problem, JsonPath } from './errors/problem.js';
export { problemsFromZodIssues } from './model/zod-problems.js';

export { practiceSteps, practiceStepNames } from './model/practice-steps.js';
export type { PracticeStep } from './model/practice-steps.js';
export { pathwayTemplate, createTemplateSchema, stage, milestone, meetingSeries, locality } from './model/template.js';
export type { PathwayTemplate, PathwayTemplateData, PathwayTemplateInput, Stage, Milestone, MeetingSeries, Locality, InstalledNodeType, InstalledPlugin } from './model/template.js';
export { role, agency, agencyTypes } from './model/organisation.js';
export type { Role, Agency } from './model/organisation.js';
export { pathwayNode, coreNodeTypes, pluginNodeSchema } from './model/nodes.js';
export type { PathwayNode, CoreNode, PluginNode, CoreNodeType, HumanTaskNode, WaitNode, NotifyNode } from './model/nodes.js';
export { transition, guardRef, actionRef, timerFiredEvent } from './model/transitions.js';
export type { Transition, GuardRef, ActionRef } from './model/transitions.js';
export { jsonValue } from './model/json-value.js';
export type { JsonValue } from './model/json-value.js';
export { eventDeclaration, payloadField } from './model/events.js';
export type { EventDeclaration, PayloadField } from './model/events.js';
export { timeSpan, timeSpanOrRef, deadline, factRelative, parameter } from './model/parameters.js';
export type { TimeSpan, TimeSpanOrRef, Deadline, FactRelative, Parameter, DurationParameter, NumberParameter, EnumParameter, ParameterRef } from './model/parameters.js';
export { governance, fieldBounds, localEffects } from './model/governance.js';
export type { Governance, FieldBounds, LocalEffect } from './model/governance.js';
export { caseFact, factName } from './model/case-facts.js';
export type { CaseFact } from './model/case-facts.js';
export { cadencePeriods, meetingPeriod, meetingCadence } from './model/meeting-cadence.js';
export { conditionSchema, namedCondition, personRoles, workItemStatuses } from './model/conditions.js';
export type { Condition, NamedCondition, PersonRole } from './model/conditions.js';
export { caseData, caseDataField, sensitivity, sensitivityLevels, retentionRule } from './model/case-data.js';
export type { CaseData, CaseDataField, Sensitivity, RetentionRule } from './model/case-data.js';
export { workItemType, workItemKinds, planType } from './model/work-items.js';
export type { WorkItemType, PlanType } from './model/work-items.js';
export { tiers, tierLevel } from './model/tiers.js';
export type { Tiers, TierLevel } from './model/tiers.js';
export { escalationRule, escalationTrigger, escalationResponse } from './model/escalations.js';
export type { EscalationRule, EscalationTrigger, EscalationResponse } from './model/escalations.js';
export { adjustmentPoint } from './model/adjustment-points.js';
export type { AdjustmentPoint } from './model/adjustment-points.js';
export { invariant, invariantRule, elementRef } from './model/invariants.js';
export type { Invariant, InvariantRule, ElementRef } from './model/invariants.js';
export { reportingCode } from './model/reporting.js';
export type { Labels } from './model/primitives.js';
export { caseCommandPayloads, tierLoweringPayload, isCaseCommand } from './model/case-commands.js';
export type { CaseCommandType } from './model/case-commands.js';
export { internalEventTypes, isInternalEvent, isReservedEventType } from './model/internal-events.js';
export type { InternalEventType } from './model/internal-events.js';
export { referral, episode, casePerson, withEpisodePersons } from './model/referral.js';
export type { Referral, ReferralInput, Episode, EpisodeInput, CasePerson } from './model/referral.js';
export { commandEnvelope } from './model/command-envelope.js';
export type { CommandEnvelope, CommandInput } from './model/command-envelope.js';
export { elementId, runtimeId, eventType, isoInstant, isoDuration } from './model/primitives.js';
export { readInput } from './model/read-input.js';
export type { ReadInputResult, ReadInputOptions } from './model/read-input.js';
export { flowGraph } from './model/flow-graph.js';
export type { FlowGraph, FlowEdge, FlowEntryEdge, FlowRoute, StageCriterion } from './model/flow-graph.js';
export type {
  Effect,
  EffectType,
  WorkItemCreated,
  WorkItemUpdated,
  WorkItemStatus,
  TimerScheduled,
  TimerCancelled,
  RoleNotified,
  MilestoneReached,
  EscalationRaised,
  TierChanged,
  EpisodeRecorded,
  FactRecorded,
  PlanVersionChanged,
  WorkItemAssigned,
  PluginRequest,
  AssessmentRecorded,
} from './model/effects.js';
export { parseTemplate, validateTemplate, isParsedTemplate, pluginsParsedWith } from './model/parse-template.js';
export type { ParseTemplateResult, ParseTemplateOptions } from './model/parse-template.js';
export { analyseTemplate } from './model/checks/graph.js';
export { inputLimits } from './model/json-guard.js';
export { compareSpans, describeSpan } from './model/span-length.js';

export { compile, nodeStateId } from './compiler/compile.js';
export type { CompiledPathway, NodeMeta, TransitionMeta, PluginVersion } from './compiler/compile.js';
export type { CaseMachine } from './compiler/build-machine.js';
export { contentHash, canonicalJson } from './compiler/content-hash.js';
export type { GuardRefusal, GuardVerdict, GuardArgs, CaseGuard, CaseGuardName } from './compiler/case-guards.js';
export type {
  CaseContext,
  CaseEvent,
  CaseInput,
  CaseSnapshot,
  WorkItemRecord,
  ClosedWorkItemCounts,
  TimerRecord,
  TimerPurpose,
  PersonRecord,
  RiskRecord,
  EpisodeFact,
  PlanRecord,
  PlanVersionRecord,
  OverrideRecord,
  TierDecision,
  ConferenceListing,
  FactOffset,
} from './compiler/case-state.js';

export { createEngine } from './engine/engine.js';
export type { CaseEngine, EngineOptions, DueTimer } from './engine/engine.js';
export type { Fault } from './engine/faults.js';
export type { CaseInspector, InspectedCase } from './engine/inspect.js';
export { CaseHistory } from './engine/case-history.js';
export type { CaseHistoryData, HistoryEntry, WorkItemHistory, TierChange, EscalationRecord, EpisodeRecord, PlanVersionHistory, FactHistory, AssessmentHistory } from './engine/case-history.js';
export type { CaseRecord, CaseView, ActiveNode, AllowedCommand, WorkItemView, Refusal, Incident, CommandResult } from './engine/case-record.js';

export { addTimeSpan, subtractTimeSpan, toUtcIso, compareInstants } from './time/deadlines.js';

export { scenario, scenarioStep, scenarioCase, scenarioCommand, expectation } from './simulation/scenario.js';
export type { Scenario, ScenarioInput, ScenarioStep, Expectation } from './simulation/scenario.js';
export { parseScenario, runScenario } from './simulation/run-scenario.js';
export { matchesPartially } from './simulation/run-scenario.js';
export type { ScenarioReport, TraceEntry, ExpectationFailure, ParseScenarioResult } from './simulation/run-scenario.js';

export { pathwayVariant, variantChange, elementCollections } from './variants/variant.js';
export type { PathwayVariant, PathwayVariantInput, VariantChange, ElementCollection } from './variants/variant.js';
export { applyVariant, baseProvenance } from './variants/apply-variant.js';
export { layoutSection, layoutNote, layoutPosition } from './model/layout.js';
export type { LayoutSection, LayoutNote } from './model/layout.js';
export type { AppliedVariant, Provenance, ProvenanceMap } from './variants/apply-variant.js';
export { resolve } from './variants/resolve.js';
export type { ResolveResult, ResolvedTemplate } from './variants/resolve.js';
export { checkVariant, parseVariant } from './variants/check-variant.js';
export type { CheckVariantResult, VariantProblem } from './variants/check-variant.js';
export { evaluateInvariants } from './variants/invariants/evaluate.js';
export type { InvariantVerdict, WitnessStep } from './variants/invariants/evaluate.js';
export { diff, formatDiff } from './variants/diff.js';
export type { TemplateDiff, DiffEntry, FieldChange } from './variants/diff.js';
export { rebase } from './variants/rebase.js';
export type { RebaseResult, RebaseOutcome } from './variants/rebase.js';
export { checkPublish, breakingChanges } from './variants/versioning.js';
export { loosenedSafeguards } from './variants/loosened.js';
export type { PublishCheck, PublishProblem } from './variants/versioning.js';
export { impact } from './variants/impact.js';
export type { ImpactReport, VariantImpact } from './variants/impact.js';

export { definePlugin, declaredEffectKinds } from './model/plugin-definition.js';
export type {
  AnyPluginDefinition,
  PluginDefinition,
  NodeTypeDefinition,
  EarlierNodeTypeVersion,
  DesignerMetadata,
  PluginEventDefinition,
  PluginGuardDefinition,
  PluginActionDefinition,
  RiskToolDefinition,
  RiskToolContext,
  ToolValue,
  TriggerDefinition,
  PluginStateDefinition,
  LocalityContribution,
  LocalityJob,
  DeclaredEffects,
  PluginResult,
  PluginGuardResult,
  PluginRefusalCode,
  PluginCaseView,
  PluginHookArgs,
  NodeHookArgs,
  EventHookArgs,
  TransitionHookArgs,
  PluginJson,
} from './model/plugin-definition.js';
export type { LoadedPlugin, PluginRegistry, Contribution } from './model/plugin-registry.js';
export type { NodeMigration } from './model/plugin-templates.js';
export { loadPlugins } from './plugins/load-plugins.js';
export type { LoadPluginsResult, LoadPluginsOptions } from './plugins/load-plugins.js';
export { engineVersion } from './plugins/engine-version.js';
