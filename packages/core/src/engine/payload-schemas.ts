import { z } from 'zod';
import type { EventDeclaration, PayloadField } from '../model/events.js';
import { isoInstant } from '../model/primitives.js';
import { timerFiredEvent } from '../model/transitions.js';

function fieldSchema(field: PayloadField): z.ZodType {
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
    case 'personId':
    case 'tier':
    case 'agency':
      schema = z.string().min(1).max(200);
      break;
  }
  return field.required ? schema : schema.optional();
}

/** Builds the zod schema of an event's payload from its declaration in the template. */
export function payloadSchema(declaration: Pick<EventDeclaration, 'payload'>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(declaration.payload)) shape[name] = fieldSchema(field);
  return z.strictObject(shape);
}

/** Payload of the system event sent when a durable timer is due. */
export const timerFiredPayload = z.strictObject({ timerId: z.string().min(1) });

/** Payload schemas by event type, including the built-in `timer.fired`. */
export function payloadSchemas(events: readonly EventDeclaration[]): Map<string, z.ZodType<Record<string, unknown>>> {
  const schemas = new Map<string, z.ZodType<Record<string, unknown>>>(events.map((event) => [event.type, payloadSchema(event)]));
  schemas.set(timerFiredEvent, timerFiredPayload);
  return schemas;
}
