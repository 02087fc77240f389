import { PathwaysError } from '../errors/problem.js';
import { own } from '../model/own.js';
import type { TimeSpan, TimeSpanOrRef } from '../model/parameters.js';
import type { PathwayTemplateData } from '../model/template.js';

/** Resolves a span given directly or through a duration parameter. */
export function resolveSpan(template: PathwayTemplateData, span: TimeSpanOrRef): TimeSpan {
  if (typeof span === 'string' || !('param' in span)) return span;
  const parameter = own(template.parameters, span.param);
  if (!parameter || parameter.kind !== 'duration') throw new PathwaysError('PWY_PARAMETER_UNKNOWN', `No duration parameter named "${span.param}".`);
  return parameter.value;
}
