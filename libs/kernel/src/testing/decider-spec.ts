import type { Actor } from '../actor';
import type { DecisionContext, Decider, DomainCommand, DomainEvent } from '../decider';
import { fold } from '../decider';
import { DomainError } from '../errors';

export const SPEC_NOW = new Date('2026-03-02T09:00:00.000Z');
export const SPEC_ACTOR: Actor = { userId: 'user-secretariat', organizationId: 'org-pod', role: 'SECRETARIAT' };

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * given(events).when(command).then(events) — one helper for every decider.
 *   const given = deciderSpec(meetingDecider);
 *   it('...', () => given([scheduled]).when(cancel).then([cancelled]));
 */
export function deciderSpec<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (events: readonly E[]) => ({
    when(command: C, context: Partial<DecisionContext> = {}) {
      const ctx: DecisionContext = { now: context.now ?? SPEC_NOW, actor: context.actor ?? SPEC_ACTOR };
      const run = () => decider.decide(command, fold(decider, events), ctx);
      return {
        then(expected: readonly E[]): readonly E[] {
          const produced = run();
          expect(produced).toEqual(expected);
          return produced;
        },
        thenThrows(errorClass: ErrorClass, reason?: string): DomainError {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(errorClass);
          if (reason !== undefined) expect((caught as DomainError).reason).toBe(reason);
          return caught as DomainError;
        },
        /** The events, for assertions that are not equality (schema validation, counts). */
        events(): readonly E[] {
          return run();
        },
      };
    },
  });
}
