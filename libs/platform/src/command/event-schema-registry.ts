import { InvalidInput, type EventSchema } from '@kom/kernel';
import { z } from 'zod';

/**
 * Every event type the platform may write, at its current schema version. Appends are validated
 * against it, so an event that breaks its published JSON Schema is never stored.
 */
export class EventSchemaRegistry {
  private readonly byType = new Map<string, EventSchema>();

  constructor(schemas: Iterable<EventSchema> = []) {
    for (const schema of schemas) this.register(schema);
  }

  register(schema: EventSchema): void {
    const known = this.byType.get(schema.type);
    if (known && known.version >= schema.version) {
      if (known === schema) return;
      throw new Error(`Event schema ${schema.type} v${schema.version} registered twice or out of order`);
    }
    this.byType.set(schema.type, schema);
  }

  versionOf(type: string): number {
    return this.get(type).version;
  }

  /** Throws InvalidInput (BAD_USER_INPUT) naming the offending fields. */
  validate(type: string, data: unknown): void {
    const result = this.get(type).data.safeParse(data);
    if (!result.success) {
      throw new InvalidInput('INVALID_EVENT_DATA', `${type}: ${z.prettifyError(result.error)}`);
    }
  }

  all(): EventSchema[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  private get(type: string): EventSchema {
    const schema = this.byType.get(type);
    if (!schema) throw new Error(`No schema registered for event type ${type}`);
    return schema;
  }
}
