import type { ZodType } from 'zod';

/**
 * One event type at one schema version. The zod schema is the single source: TypeScript types are
 * inferred from it, appends are validated by it, and `schema/events/<type>.v<N>.json` is generated
 * from it (a test fails when the committed file differs).
 */
export interface EventSchema<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly version: number;
  readonly data: ZodType<Data>;
}

export function defineEvent<Type extends string, Data>(
  type: Type,
  version: number,
  data: ZodType<Data>,
): EventSchema<Type, Data> {
  return { type, version, data };
}
