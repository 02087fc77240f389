import { z } from 'zod';
import type { EventDeclaration, PayloadField } from '../model/events.js';
import { isoInstant, runtimeId } from '../model/primitives.js';

/** Template ids a payload field may name, so a command naming something else is refused at the boundary. */
export interface PayloadVocabulary {
  /** Tier ids, in order; when absent, a tier field is any id (a guard judges it). */
  readonly tiers?: readonly string[];
}

/** A set of ids as a schema: one of them, or (when the template declares none) nothing at all. */
export function oneOf(ids: readonly string[]): z.ZodType<string> {
  return ids.length > 0 ? z.enum(ids as [string, ...string[]]) : z.never();
}

function fieldSchema(field: PayloadField, vocabulary: PayloadVocabulary): z.ZodType {
  let schema: z.ZodType;
  switch (field.type) {
    case 'string':
      schema = z.string().max(field.maxLength);
      break;
    case 'number': {
      let number = z.number();
      if (field.min !== undefined) number = number.min(field.min);
      if (field.max !== undefined) number = number.max(field.max);
      schema = number;
      break;
    }
    case 'boolean':
      schema = z.boolean();
      break;
    case 'instant':
      schema = isoInstant;
      break;
    case 'enum':
      schema = z.enum(field.values as [string, ...string[]]);
      break;
    case 'tier':
      schema = vocabulary.tiers ? oneOf(vocabulary.tiers) : runtimeId;
      break;
    case 'personId':
    case 'agency':
      schema = runtimeId;
      break;
  }
  return field.required ? schema : schema.optional();
}

/** Builds the zod schema of an event's payload from its declaration in the template. */
export function payloadSchema(declaration: Pick<EventDeclaration, 'payload'>, vocabulary: PayloadVocabulary): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(declaration.payload)) shape[name] = fieldSchema(field, vocabulary);
  return z.strictObject(shape);
}

/** Payload of the system event sent when a durable timer is due. */
export const timerFiredPayload = z.strictObject({ timerId: runtimeId });
