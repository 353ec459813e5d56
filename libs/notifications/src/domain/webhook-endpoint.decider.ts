import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import { TEXT_NOT_ALLOWED, codePointLabel, refusedCharacter } from '@kom/kernel';
import type { WebhookEndpointEvent } from './webhook-endpoint.events';
import { isTopic, type Topic } from './topics';

export type WebhookEndpointCommand =
  | { type: 'RegisterWebhookEndpoint'; endpointId: string; url: string; topics: readonly string[]; sealedSecret: string }
  | { type: 'RotateWebhookSecret'; endpointId: string; sealedSecret: string; graceHours: number }
  | { type: 'DisableWebhookEndpoint'; endpointId: string; reason: 'REPEATED_FAILURE' | 'BY_ORGANIZATION'; consecutiveFailures: number }
  | { type: 'EnableWebhookEndpoint'; endpointId: string }
  | { type: 'RemoveWebhookEndpoint'; endpointId: string };

export type WebhookEndpointState =
  | { status: 'none' }
  | { status: 'active' | 'disabled' | 'removed'; endpointId: string; organizationId: string };

export const initialState: WebhookEndpointState = { status: 'none' };

export const webhookEndpointStream = (endpointId: string) => `webhook-endpoint-${endpointId}`;

export const MAX_GRACE_HOURS = 24 * 7;

export function evolve(state: WebhookEndpointState, event: WebhookEndpointEvent): WebhookEndpointState {
  switch (event.type) {
    case 'WebhookEndpointRegistered':
      return { status: 'active', endpointId: event.data.endpointId, organizationId: event.data.organizationId };
    case 'WebhookSecretRotated':
      return state;
    case 'WebhookEndpointDisabled':
      return state.status === 'none' ? state : { ...state, status: 'disabled' };
    case 'WebhookEndpointEnabled':
      return state.status === 'none' ? state : { ...state, status: 'active' };
    case 'WebhookEndpointRemoved':
      return state.status === 'none' ? state : { ...state, status: 'removed' };
    default:
      return assertNever(event);
  }
}

/** The longest URL an endpoint may have. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

const TOO_LONG = `is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;

/**
 * What is wrong with the URL, or undefined: at most MAX_WEBHOOK_URL_LENGTH characters (refused as
 * WEBHOOK_URL_TOO_LONG), then http(s) with a host and no credentials in it (they would sit in the
 * log), refused as INVALID_WEBHOOK_URL.
 */
export function webhookUrlProblem(url: string): string | undefined {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) return TOO_LONG;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be http(s)';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry credentials';
  return undefined;
}

export function decide(command: WebhookEndpointCommand, state: WebhookEndpointState, { now, actor }: { now: Date; actor: Actor }): WebhookEndpointEvent[] {
  if (command.type === 'RegisterWebhookEndpoint') {
    if (state.status !== 'none') throw new InvalidState('ENDPOINT_EXISTS', `Webhook endpoint ${command.endpointId} exists`);
    if (actor.role === 'AUDITOR' || actor.role === 'SYSTEM') throw new Forbidden('ORGANIZATION_MEMBERS_ONLY');
    // A direction override or control character would make the address read as another one.
    const refused = refusedCharacter(command.url);
    if (refused !== undefined) throw new InvalidInput(TEXT_NOT_ALLOWED, `The URL holds ${codePointLabel(refused)}, which KOM does not store`, 'input.url');
    const problem = webhookUrlProblem(command.url);
    if (problem) throw new InvalidInput(problem === TOO_LONG ? 'WEBHOOK_URL_TOO_LONG' : 'INVALID_WEBHOOK_URL', `The URL ${problem}`, 'input.url');
    if (command.topics.length === 0) throw new InvalidInput('NO_TOPICS', 'Choose at least one topic', 'input.topics');
    const unknown = command.topics.filter((t) => !isTopic(t));
    if (unknown.length > 0) throw new InvalidInput('UNKNOWN_TOPIC', `Unknown topics: ${unknown.join(', ')}`, 'input.topics');
    return [
      {
        type: 'WebhookEndpointRegistered',
        data: { endpointId: command.endpointId, organizationId: actor.organizationId, url: command.url, topics: [...new Set(command.topics as Topic[])].sort(), sealedSecret: command.sealedSecret },
      },
    ];
  }
  // Another organisation's endpoint answers as one that does not exist; the platform itself may disable any.
  if (state.status === 'none' || state.status === 'removed' || (actor.role !== 'SYSTEM' && state.organizationId !== actor.organizationId)) {
    throw new NotFound('webhook endpoint', command.endpointId);
  }
  const { endpointId, organizationId } = state;
  switch (command.type) {
    case 'RotateWebhookSecret': {
      if (!Number.isInteger(command.graceHours) || command.graceHours < 0 || command.graceHours > MAX_GRACE_HOURS) {
        throw new InvalidInput('GRACE_OUT_OF_RANGE', `graceHours must be 0 to ${MAX_GRACE_HOURS}`, 'input.graceHours');
      }
      const previousValidUntil = new Date(now.getTime() + command.graceHours * 3_600_000).toISOString();
      return [{ type: 'WebhookSecretRotated', data: { endpointId, sealedSecret: command.sealedSecret, previousValidUntil } }];
    }
    case 'DisableWebhookEndpoint':
      if (state.status === 'disabled') return [];
      return [{ type: 'WebhookEndpointDisabled', data: { endpointId, organizationId, reason: command.reason, consecutiveFailures: command.consecutiveFailures } }];
    case 'EnableWebhookEndpoint':
      if (state.status === 'active') return [];
      return [{ type: 'WebhookEndpointEnabled', data: { endpointId, organizationId } }];
    case 'RemoveWebhookEndpoint':
      return [{ type: 'WebhookEndpointRemoved', data: { endpointId, organizationId } }];
    default:
      return assertNever(command);
  }
}

export const webhookEndpointDecider: Decider<WebhookEndpointCommand, WebhookEndpointEvent, WebhookEndpointState> = { decide, evolve, initialState };
