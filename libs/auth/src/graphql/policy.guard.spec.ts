import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import type { Actor } from '@kom/kernel';
import { InvalidTokenError } from '../tokens/claims';
import { Public, Roles } from './policy.decorators';
import { PolicyGuard } from './policy.guard';

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
