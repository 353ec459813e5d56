import { InvalidInput, TEXT_NOT_ALLOWED, type Actor } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { webhookEndpointDecider } from './webhook-endpoint.decider';

// A webhook's address is shown to people and logged: characters the platform's text policy refuses
// (@kom/kernel text-policy.ts) would make it read as another address.
const given = deciderSpec(webhookEndpointDecider);
const ngo: Actor = { userId: 'ngo-1', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const register = (url: string) => ({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-1', url, topics: ['ISSUE_STATUS_CHANGED'], sealedSecret: 'v1.aaaa.bbbb.cccc' }) as const;

describe('a webhook endpoint', () => {
  it.each([
    ['a right-to-left override', 'https://hooks.rosa.example/\u202Egpj.exe'],
    ['a control character', 'https://hooks.rosa.example/\u0007'],
    ['a noncharacter', 'https://hooks.rosa.example/\uFFFE'],
  ])('refuses an address with %s', (_kind, url) => given([]).when(register(url), { actor: ngo }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED));

  it('takes an ordinary address', () => expect(given([]).when(register('https://hooks.rosa.example/kom'), { actor: ngo }).events()).toHaveLength(1));
});
