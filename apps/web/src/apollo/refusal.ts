import { CombinedGraphQLErrors } from '@apollo/client';

/** A typed refusal from the server: its code, its stable reason and, when it names one, the field. */
export interface Refusal {
  readonly code: string;
  readonly reason: string | undefined;
  readonly field: string | undefined;
}

export function refusalOf(error: unknown): Refusal | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const first = error.errors[0];
  const extensions = first?.extensions ?? {};
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
  };
}
