import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import type { Actor } from '@kom/kernel';
import { FlexibleRateLimiter } from '@kom/platform';
import { InvalidTokenError } from '../tokens/claims';
import { Public, Roles } from './policy.decorators';
import { PolicyGuard } from './policy.guard';
import { MutationRateLimit } from './mutation-rate-limit';

class Resolvers {
  @Roles('SECRETARIAT')
  secretariatOnly() {}
  @Public()
  open() {}
  undeclared() {}
}
@Roles('AUDITOR')
class AuditorResolvers {
  history() {}
  @Roles('SECRETARIAT', 'AUDITOR')
  overridden() {}
}

const verifier = {
  verify: async (token: string): Promise<Actor> => {
    if (token === 'secretariat') return { userId: 's', organizationId: 'org-pod', role: 'SECRETARIAT' };
    if (token === 'auditor') return { userId: 'a', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' };
    throw new InvalidTokenError('bad signature');
  },
};
const guard = new PolicyGuard(new Reflector(), verifier);

function http(target: object, method: string, authorization?: string): ExecutionContext {
  const req = { headers: authorization ? { authorization } : {} };
  return {
    getType: () => 'http',
    getHandler: () => (target as any).prototype[method],
    getClass: () => target,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(GraphQLError);
  return (error as GraphQLError).extensions;
};

describe('PolicyGuard (deny by default)', () => {
  it('denies a handler that declares no policy, even to the secretariat', async () => {
    expect(await codeOf(guard.canActivate(http(Resolvers, 'undeclared', 'Bearer secretariat')))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NO_POLICY',
    });
  });

  it('lets anyone reach a @Public handler', async () => {
    await expect(guard.canActivate(http(Resolvers, 'open'))).resolves.toBe(true);
  });

  it('requires a valid bearer token', async () => {
    expect((await codeOf(guard.canActivate(http(Resolvers, 'secretariatOnly')))).code).toBe('UNAUTHENTICATED');
    expect((await codeOf(guard.canActivate(http(Resolvers, 'secretariatOnly', 'Basic c2VjcmV0')))).code).toBe('UNAUTHENTICATED');
    expect((await codeOf(guard.canActivate(http(Resolvers, 'secretariatOnly', 'Bearer forged')))).code).toBe('UNAUTHENTICATED');
  });

  it('checks the role against the method, else the class', async () => {
    await expect(guard.canActivate(http(Resolvers, 'secretariatOnly', 'Bearer secretariat'))).resolves.toBe(true);
    expect((await codeOf(guard.canActivate(http(Resolvers, 'secretariatOnly', 'Bearer auditor')))).code).toBe('FORBIDDEN');
    await expect(guard.canActivate(http(AuditorResolvers, 'history', 'Bearer auditor'))).resolves.toBe(true);
    expect((await codeOf(guard.canActivate(http(AuditorResolvers, 'history', 'Bearer secretariat')))).code).toBe('FORBIDDEN');
    await expect(guard.canActivate(http(AuditorResolvers, 'overridden', 'Bearer secretariat'))).resolves.toBe(true);
  });
});

describe('PolicyGuard over GraphQL: the policy table decides', () => {
  const table = {
    'Query.open': { allow: 'PUBLIC' as const, summary: 'open' },
    'Query.history': { allow: ['AUDITOR' as const], summary: 'history' },
    'Mutation.change': { allow: ['SECRETARIAT' as const], summary: 'change' },
  };
  const mutationType = { name: 'Mutation' };
  const schema = { getMutationType: () => mutationType };

  function gql(parentType: string, fieldName: string, authorization?: string): ExecutionContext {
    const ctx = { req: { headers: authorization ? { authorization } : {} } };
    const info = { parentType: parentType === 'Mutation' ? mutationType : { name: parentType }, fieldName, schema };
    return {
      getType: () => 'graphql',
      getArgs: () => [{}, {}, ctx, info],
      getArgByIndex: (i: number) => [{}, {}, ctx, info][i],
      getHandler: () => Resolvers.prototype.secretariatOnly, // decorators are not consulted for GraphQL
      getClass: () => Resolvers,
    } as unknown as ExecutionContext;
  }

  const tableGuard = (limit?: MutationRateLimit) => new PolicyGuard(new Reflector(), verifier, limit, table);

  it('denies a coordinate the table does not list (NO_POLICY), whatever the decorators say', async () => {
    expect(await codeOf(tableGuard().canActivate(gql('Query', 'undeclared', 'Bearer secretariat')))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NO_POLICY',
    });
  });

  it('lets anyone reach a PUBLIC coordinate, and checks roles for the others', async () => {
    await expect(tableGuard().canActivate(gql('Query', 'open'))).resolves.toBe(true);
    expect((await codeOf(tableGuard().canActivate(gql('Query', 'history')))).code).toBe('UNAUTHENTICATED');
    await expect(tableGuard().canActivate(gql('Query', 'history', 'Bearer auditor'))).resolves.toBe(true);
    expect(await codeOf(tableGuard().canActivate(gql('Query', 'history', 'Bearer secretariat')))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('looks the caller up once for the side-by-side root fields of one request, and refuses each of them alike', async () => {
    let verified = 0;
    const counting = { verify: (token: string) => ((verified += 1), verifier.verify(token)) };
    const guard = new PolicyGuard(new Reflector(), counting, undefined, table);
    const request = (authorization: string) => {
      const ctx = { req: { headers: { authorization } } };
      return (fieldName: string) => {
        const info = { parentType: { name: 'Query' }, fieldName, schema };
        return {
          getType: () => 'graphql',
          getArgs: () => [{}, {}, ctx, info],
          getArgByIndex: (i: number) => [{}, {}, ctx, info][i],
          getHandler: () => Resolvers.prototype.secretariatOnly,
          getClass: () => Resolvers,
        } as unknown as ExecutionContext;
      };
    };
    const one = request('Bearer auditor');
    await expect(Promise.all([guard.canActivate(one('history')), guard.canActivate(one('history')), guard.canActivate(one('open'))])).resolves.toEqual([true, true, true]);
    await expect(guard.canActivate(one('history'))).resolves.toBe(true);
    expect(verified).toBe(1);
    // Another request is looked up on its own.
    await expect(guard.canActivate(request('Bearer auditor')('history'))).resolves.toBe(true);
    expect(verified).toBe(2);
    const bad = request('Bearer forged');
    const refusals = await Promise.all([codeOf(guard.canActivate(bad('history'))), codeOf(guard.canActivate(bad('history')))]);
    expect(refusals.map((r) => r.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(verified).toBe(3);
  });

  it('spends the per-user mutation budget and then refuses with RATE_LIMITED', async () => {
    const guard = tableGuard(new MutationRateLimit(FlexibleRateLimiter.inMemory(MutationRateLimit.policy(2))));
    await expect(guard.canActivate(gql('Mutation', 'change', 'Bearer secretariat'))).resolves.toBe(true);
    await expect(guard.canActivate(gql('Mutation', 'change', 'Bearer secretariat'))).resolves.toBe(true);
    const refused = await codeOf(guard.canActivate(gql('Mutation', 'change', 'Bearer secretariat')));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // Queries do not spend it.
    await expect(guard.canActivate(gql('Query', 'history', 'Bearer auditor'))).resolves.toBe(true);
  });
});
