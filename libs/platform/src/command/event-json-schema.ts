import { z } from 'zod';
import type { EventSchema } from '@kom/kernel';

/** The published JSON Schema (draft 2020-12) of one event type's data at one version. */
export function eventJsonSchema(schema: EventSchema): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(schema.data, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema,
    $id: `urn:kom-platform:event:${schema.type}:v${schema.version}`,
    title: `${schema.type} (version ${schema.version})`,
    description: `Data of the ${schema.type} event. Metadata (actor, correlation, causation, time) is common to all events.`,
    ...body,
  };
}

export const eventSchemaFileName = (schema: EventSchema) => `${schema.type}.v${schema.version}.json`;

export function eventSchemaFileContent(schema: EventSchema): string {
  return JSON.stringify(eventJsonSchema(schema), null, 2) + '\n';
}
