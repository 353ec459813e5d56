import type { Actor } from '../actor';
import type { DecisionContext, Decider, DomainCommand, DomainEvent, Workflow } from '../decider';
import { fold } from '../decider';
import { DomainError } from '../errors';

export const SPEC_NOW = new Date('2026-03-02T09:00:00.000Z');
export const SPEC_ACTOR: Actor = { userId: 'user-secretariat', organizationId: 'org-pod', role: 'SECRETARIAT' };

type ErrorClass = abstract new (...args: never[]) => DomainError;

let emittedEventCheck: ((event: DomainEvent) => void) | undefined;

/**
 * Registers a check run on every event any decider spec produces. The test setup uses it to
 * validate each event against its published JSON Schema, so no spec can forget to.
 */
export function checkEveryEmittedEvent(check: (event: DomainEvent) => void): void {
  emittedEventCheck = check;
}

/**
 * given(events).when(command).then(events) — one helper for every decider.
 *   const given = deciderSpec(meetingDecider);
 *   it('...', () => given([scheduled]).when(cancel).then([cancelled]));
 */
export function deciderSpec<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (events: readonly E[]) => ({
    when(command: C, context: Partial<DecisionContext> = {}) {
      const ctx: DecisionContext = { now: context.now ?? SPEC_NOW, actor: context.actor ?? SPEC_ACTOR };
      const run = () => {
        const produced = decider.decide(command, fold(decider, events), ctx);
        produced.forEach((event) => emittedEventCheck?.(event));
        return produced;
      };
      return {
        then(expected: readonly E[]): void {
          expect(run()).toEqual(expected);
        },
        thenThrows(errorClass: ErrorClass, reason?: string): void {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(errorClass);
          if (reason !== undefined) expect((caught as DomainError).reason).toBe(reason);
        },
        /** The events, for assertions that are not equality (schema validation, counts). */
        events(): readonly E[] {
          return run();
        },
      };
    },
  });
}

/**
 * given(events).when(input).then(outputs) for a workflow: the events it follows build its state.
 *   const given = workflowSpec(issuesFromMeetingsWorkflow);
 *   it('...', () => given([scheduled, itemAdded]).when(decisionRecorded).then([forward]));
 */
export function workflowSpec<I, E extends DomainEvent, S, O>(workflow: Workflow<I, E, S, O>) {
  return (events: readonly E[]) => ({
    when(input: I) {
      return {
        then(expected: readonly O[]): void {
          expect(workflow.decide(input, fold(workflow, events))).toEqual(expected);
        },
      };
    },
  });
}
