// Child-process entry of the GraphQL read benchmark: the platform as production builds it
// (Fastify, Apollo, authentication, policy guards, limits, pino request logging at info, correlation
// ids), on the embedded store in a fresh data directory, seeded over GraphQL with the data the
// benchmark reads. Only the clock is a manual one, so that a meeting can be planned and then held,
// and the configuration is loaded as NODE_ENV=test (the embedded token issuer; production wants an
// OIDC provider) while the process runs with NODE_ENV=production, as the libraries do in production.
// Tells its parent { port, token, meetingId, snapshot } over IPC; the request log goes to its
// stdout, which the parent discards (the lines are still built and written).
//   node --import tsx bench/graphql/platform-server.ts <data dir>
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { EmbeddedIssuer } from '@kom/auth';
import { CLOCK, ManualClock, loadConfig } from '@kom/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { fastifyAdapter } from '../../apps/api/src/bootstrap';
import { AGENDA_QUERY, READ_QUERY, SEED_ORGANIZATIONS, SEED_AGENDA_ITEMS } from './queries';

const MEMBERS = ['org-politiet', 'org-udi', 'org-imdi', 'org-nav'];

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  const env = process.env;
  const config = loadConfig({ ...env, KOM_DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: env.LOG_LEVEL ?? 'info' });
  const clock = new ManualClock(new Date());
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ config, schemaFile: false })] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(fastifyAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const issuer = await EmbeddedIssuer.open(config.auth);
  const secretariat = await issuer.issue({ userId: 'bench-secretariat', organizationId: 'org-pod', role: 'SECRETARIAT' });
  const reader = await issuer.issue({ userId: 'bench-agency', organizationId: 'org-nav', role: 'AGENCY_MEMBER' });

  const gql = async (query: string, variables: Record<string, unknown> = {}, token = secretariat): Promise<any> => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(`${JSON.stringify(body.errors)} for ${query.slice(0, 60)}`);
    return body.data;
  };

  for (let i = 0; i < SEED_ORGANIZATIONS; i++) {
    await gql('mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }', {
      input: { name: `Organisasjon ${String(i + 1).padStart(2, '0')} mot menneskehandel`, kind: i % 3 === 0 ? 'AGENCY' : 'NGO' },
    });
  }
  const startsAt = new Date(clock.now().getTime() + 7 * 86_400_000);
  const meeting = (
    await gql('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
      input: { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), location: 'Politidirektoratet, Oslo' },
    })
  ).scheduleMeeting;
  const itemIds: string[] = [];
  for (let i = 0; i < SEED_AGENDA_ITEMS; i++) {
    const data = await gql('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', {
      input: {
        meetingId: meeting.id,
        title: `Sak ${i + 1}: rutiner for identifisering og bistand`,
        description: 'Gjennomgang av rutiner for samarbeid på tvers av etatene, med forslag til oppfølging.',
        presentingOrganizationId: MEMBERS[i % MEMBERS.length],
        citedMeasures: [1 + (i % 35), 1 + ((i * 7) % 35)].filter((n, k, all) => all.indexOf(n) === k),
      },
    });
    itemIds.push(data.addAgendaItem.agenda[i].id);
  }
  await gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId: meeting.id } });
  clock.set(new Date(startsAt.getTime() + 5 * 60_000));
  await gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }', { input: { meetingId: meeting.id, organizationIds: MEMBERS } });
  for (const [i, agendaItemId] of itemIds.entries()) {
    await gql('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
      input: {
        meetingId: meeting.id,
        agendaItemId,
        text: `Etatene følger opp sak ${i + 1} med felles rutiner.`,
        rationale: 'Tiltak 6 og 34',
        citedMeasures: [6, 34],
        positions: MEMBERS.map((organizationId, k) => (k === 3 && i % 4 === 0 ? { organizationId, position: 'OBJECTS', reason: 'Mangler ressurser' } : { organizationId, position: 'SUPPORTS' })),
      },
    });
  }
  // What the bare server is given: the answers of the platform, as plain data (the same data).
  const read = await gql(READ_QUERY, {}, reader);
  const agenda = await gql(AGENDA_QUERY, { id: meeting.id }, reader);
  process.send!({ port, token: reader, secretariat, meetingId: meeting.id, snapshot: { read, agenda } });
  process.on('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
