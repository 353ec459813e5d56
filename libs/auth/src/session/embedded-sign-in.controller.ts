import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpRefusalFilter } from '@kom/platform';
import { Public } from '../graphql/policy.decorators';
import { actorFromClaims, CLAIMS } from '../tokens/claims';
import { EMBEDDED_PEOPLE, embeddedPerson } from './embedded-people';
import { noStore, SessionHttp } from './session-http';

/**
 * Embedded mode (no OIDC provider, never production): pick a demo person, no password. The person
 * becomes claims and the claims an actor exactly as an embedded token's would.
 */
@Controller('auth/embedded')
@Public()
// A session store that does not answer is a 503 with retry-after, as on every other route, not a 500.
@UseFilters(HttpRefusalFilter)
export class EmbeddedSignInController {
  constructor(@Inject(SessionHttp) private readonly http: SessionHttp) {}

  @Get('people')
  async people(@Res() reply: FastifyReply): Promise<void> {
    await noStore(reply).send(
      EMBEDDED_PEOPLE.map((p) => ({ ...p, organizationName: this.http.organizationName(p.organizationId) })),
    );
  }

  @Post('sign-in')
  async signIn(@Req() req: FastifyRequest, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    noStore(reply);
    if (await this.http.refuseWhenRateLimited(req, reply)) return;
    const person = embeddedPerson((body as { userId?: unknown } | null)?.userId);
    if (!person) {
      await reply.code(400).send({ error: 'UNKNOWN_PERSON' });
      return;
    }
    const actor = actorFromClaims({ sub: person.userId, [CLAIMS.organization]: person.organizationId, [CLAIMS.role]: person.role });
    await reply.code(204).header('set-cookie', await this.http.signIn(req, actor, null)).send();
  }
}
