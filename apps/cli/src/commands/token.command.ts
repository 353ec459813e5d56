import { parseArgs } from 'node:util';
import { EmbeddedIssuer } from '@kom/auth';
import { START, createEventStore } from '@kom/event-store';
import { SEED_ORGANIZATIONS, organizationStream } from '@kom/organizations';
import { ROLES, isRole } from '@kom/kernel';
import type { KomConfig } from '@kom/platform';
import { UsageError, type CliCommand } from '../cli-command';

const MAX_TTL_HOURS = 24 * 30;

/** Prints a token signed with the embedded key; the last line of output is the token alone. */
export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'print a bearer token for the embedded identity provider',
  usage: `token --role <${ROLES.join('|')}> --org <organizationId> --user <userId> [--ttl-hours 8]`,
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    const { values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        org: { type: 'string' },
        user: { type: 'string' },
        'ttl-hours': { type: 'string', default: '8' },
      },
      strict: true,
    });
    if (config.eventStoreUrl && config.nodeEnv === 'production') {
      throw new UsageError('token is for embedded mode; in production tokens come from the OIDC provider');
    }
    if (!isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (!values.org) throw new UsageError('--org <organizationId> is required');
    if (!values.user) throw new UsageError('--user <userId> is required');
    const ttlHours = Number(values['ttl-hours']);
    if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > MAX_TTL_HOURS) {
      throw new UsageError(`--ttl-hours must be a number between 0 and ${MAX_TTL_HOURS}`);
    }
    if (!(await isRegistered(config, values.org))) {
      throw new UsageError(`--org ${values.org} is not a registered organisation: register it first (registerOrganization), then ask for a token`);
    }
    const issuer = await EmbeddedIssuer.open(config.auth);
    const token = await issuer.issue(
      { userId: values.user, organizationId: values.org, role: values.role },
      Math.round(ttlHours * 3600),
    );
    out(`# ${values.role} ${values.user} for ${values.org}, valid ${ttlHours} h. Send it as: Authorization: Bearer <token>`);
    out(token);
  },
};

/**
 * A token speaks for an organisation, so the organisation must be in the register: its stream is in
 * the log, or (a log never started) it is one the platform registers at its first start.
 */
async function isRegistered(config: KomConfig, organizationId: string): Promise<boolean> {
  const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  try {
    if ((await store.streamRevision(organizationStream(organizationId))) !== undefined) return true;
    const empty = (await store.headPosition()) === START;
    return empty && SEED_ORGANIZATIONS.some((o) => o.id === organizationId);
  } finally {
    await store.close();
  }
}
