/**
 * The process the SIGKILL tests kill: the notifications outbox (reactor, scheduler, deliverer) over
 * a SQLite log (or a shared PostgreSQL one: a replica) and a read-model file, sending over SMTP to
 * the test's loopback server (webhooks to whatever endpoints the log registers). Prints `S` once
 * running. Addresses: representative `rep-<n>` is `person<n>@ngo.example`.
 *
 * Usage: node <bundle of delivery-child.ts (bundleTsChild)> <log.db | postgres://…> <read-models.db> <keys.db> <smtp url>
 */
import { writeSync } from 'node:fs';
import { systemClock } from '@kom/platform';
import { EngineHarness } from './engine-harness';
import { SmtpMailTransport } from '../delivery/smtp-mail-transport';

const [logFile, readModelFile, keysFile, smtpUrl] = process.argv.slice(2);

async function main(): Promise<void> {
  const mail = new SmtpMailTransport(smtpUrl!, 'KOM <no-reply@kom.test>');
  const postgres = /^postgres(ql)?:\/\//.test(logFile!);
  const harness = await EngineHarness.open({
    ...(postgres ? { eventStoreUrl: logFile } : { logFile }),
    readModelFile,
    keysFile,
    clock: systemClock, // a process of its own runs on the wall clock, as receivers check webhook timestamps against theirs
    mail,
    addresses: {
      emailOf: async (id) => ({ email: `person${id.slice(4)}@ngo.example` }),
      organizationOf: async () => 'org-ngo',
    },
    pollMs: 5,
  });
  await harness.engine.start();
  writeSync(1, 'S\n');
}

main().catch((error: unknown) => {
  writeSync(2, `E ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
