// The public API of @pathways/core. Everything a user may rely on is named here; nothing else is
// reachable through the exports map.

export { errorCatalogue, catalogueEntry } from './errors/catalogue.js';
export type { CatalogueEntry, ErrorCode } from './errors/catalogue.js';
export { problem, formatPath, PathwaysError } from './errors/problem.js';
export type { Problem, JsonPath } from './errors/problem.js';

export { practiceSteps, practiceStepNames } from './model/practice-steps.js';
export type { PracticeStep } from './model/practice-steps.js';
export { pathwayTemplate, stage, role, milestone, locality } from './model/template.js';
export type { PathwayTemplate, PathwayTemplateInput, Stage, Role, Milestone, Locality } from './model/template.js';
export { pathwayNode, coreNodeTypes } from './model/nodes.js';
export type { PathwayNode, CoreNodeType, HumanTaskNode, WaitNode, NotifyNode } from './model/nodes.js';
export { transition, guardRef, actionRef, timerFiredEvent } from './model/transitions.js';
export type { Transition, GuardRef, ActionRef, JsonValue } from './model/transitions.js';
export { eventDeclaration, payloadField } from './model/events.js';
export type { EventDeclaration, PayloadField } from './model/events.js';
export { timeSpan, parameter } from './model/parameters.js';
export type { TimeSpan, TimeSpanOrRef, Parameter, DurationParameter, ParameterRef } from './model/parameters.js';
export type { Labels } from './model/primitives.js';
export { parseTemplate } from './model/parse-template.js';
export type { ParseTemplateResult } from './model/parse-template.js';
export { inputLimits } from './model/json-guard.js';

export { compile, nodeStateId } from './compiler/compile.js';
export type { CompiledPathway, NodeMeta } from './compiler/compile.js';
export { contentHash, canonicalJson } from './compiler/content-hash.js';
export type { CaseContext, CaseEvent, CaseInput, WorkItemRecord, TimerRecord } from './compiler/case-context.js';

export { createEngine } from './engine/engine.js';
export type { CaseEngine, StartCaseInput, DueTimer } from './engine/engine.js';
export { commandEnvelope } from './engine/envelope.js';
export type { CommandEnvelope, CommandInput } from './engine/envelope.js';
export type { CaseRecord, CaseView, ActiveNode, AllowedCommand, Refusal, Incident, CommandResult } from './engine/case-record.js';
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
} from './engine/effects.js';

export { addTimeSpan, toUtcIso } from './time/deadlines.js';

export { scenario, scenarioStep, expectation } from './simulation/scenario.js';
export type { Scenario, ScenarioInput, ScenarioStep, Expectation } from './simulation/scenario.js';
export { parseScenario, runScenario } from './simulation/run-scenario.js';
export type { ScenarioReport, TraceEntry, ExpectationFailure, ParseScenarioResult } from './simulation/run-scenario.js';
