import type { Problem } from '../../errors/problem.js';
import { flowGraph } from '../flow-graph.js';
import type { PathwayTemplateData } from '../template.js';
import { indexTemplate } from './template-index.js';

/**
 * Graph analysis of a schema-valid template: nodes no case can reach, nodes from which no case
 * can ever end, and practice steps with nothing in them. Linear in nodes + transitions.
 */
export function analyseTemplate(template: PathwayTemplateData): Problem[] {
  const index = indexTemplate(template);
  index.problems.length = 0;
  const graph = flowGraph(template);
  const reachable = graph.reachable();
  const canEnd = graph.canEnd();
  template.nodes.forEach((node, i) => {
    if (!reachable.has(node.id)) {
      index.report('PWY_NODE_UNREACHABLE', ['nodes', i], `No case can reach "${node.id}": no transition or escalation leads to it from the start.`);
    }
    if (!canEnd.has(node.id)) {
      index.report('PWY_DEAD_END', ['nodes', i], `A case at "${node.id}" can never reach an end node.`);
    }
  });
  const used = new Set(template.nodes.map((n) => n.stage));
  template.stages.forEach((stage, i) => {
    if (!used.has(stage.step)) {
      index.report('PWY_STAGE_EMPTY', ['stages', i], `The ${stage.step} stage has no activities.`);
    }
  });
  return index.problems;
}
