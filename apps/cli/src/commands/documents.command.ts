import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventStore } from '@kom/event-store';
import { DocumentBuilder, type BuiltDocument, type DocumentRequest } from '@kom/documents';
import type { KomConfig } from '@kom/platform';
import { CONTEXTS, UPCASTERS } from '../../../api/src/contexts';
import { ReplayLogProofs } from '../../../api/src/wiring/log-proofs';
import { readModelReportSources } from '../../../api/src/wiring/report-sources';
import { UsageError, type CliCommand } from '../cli-command';

/** The operator's view: the secretariat's, which sees draft agendas too. */
const OPERATOR = { role: 'SECRETARIAT', organizationId: 'org-pod' } as const;

/**
 * Builds a document from the log (read only: it works while the API runs), replaying the read
 * models into memory up to the position asked for, or the log's head.
 */
export async function buildFromLog(config: KomConfig, request: DocumentRequest): Promise<BuiltDocument> {
  const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir, upcasters: UPCASTERS });
  try {
    const builder = new DocumentBuilder({ store, projections: CONTEXTS.flatMap((c) => c.projections), proofs: new ReplayLogProofs(store), reportSources: readModelReportSources });
    return await builder.build(request, OPERATOR);
  } finally {
    await store.close();
  }
}

function positionOf(raw: string | undefined): bigint | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new UsageError('--position is a log position: a whole number of 1 or more');
  return BigInt(raw);
}

/** Writes the file, or the bytes to standard output; says what it wrote on standard error's behalf via `out` only with --out. */
function deliver(document: BuiltDocument, file: string | undefined, out: (line: string) => void): void {
  if (file === undefined) {
    process.stdout.write(document.bytes);
    return;
  }
  writeFileSync(file, document.bytes);
  out(`wrote ${file}: ${document.title}, ${document.bytes.length} bytes, position ${document.provenance.position}, sha256 ${document.sha256}`);
}

const COMMON = {
  format: { type: 'string' },
  lang: { type: 'string', default: 'nb' },
  out: { type: 'string' },
  position: { type: 'string' },
} as const;

function meetingDocument(kind: 'agenda' | 'minutes'): CliCommand {
  return {
    name: kind,
    summary: `the ${kind} of a meeting as PDF or HTML, built from the log (to standard output without --out)`,
    usage: `${kind} <meetingId> --format pdf|html [--lang nb|en] [--position <n>] [--out <file>]`,
    async run(argv, config, out) {
      const { values, positionals } = parseArgs({ args: argv, options: COMMON, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new UsageError('give one meeting id');
      if (!values.format) throw new UsageError('--format is pdf or html');
      const document = await buildFromLog(config, { kind, format: values.format, lang: values.lang, params: { meetingId: positionals[0] }, position: positionOf(values.position) });
      deliver(document, values.out, out);
    },
  };
}

export const agendaCommand = meetingDocument('agenda');
export const minutesCommand = meetingDocument('minutes');

export const registerCommand: CliCommand = {
  name: 'register',
  summary: 'the decision register as CSV or XLSX, with the filters of the web register',
  usage: 'register --format csv|xlsx [--body PROJECT_GROUP|REFERENCE_GROUP|JOINT] [--measure <n> [--plan <id>]] [--organization <id>] [--status ACTIVE|SUPERSEDED|REVOKED] [--from <date>] [--to <date>] [--lang nb|en] [--position <n>] [--out <file>]',
  async run(argv, config, out) {
    const { values } = parseArgs({
      args: argv,
      options: { ...COMMON, body: { type: 'string' }, measure: { type: 'string' }, plan: { type: 'string' }, organization: { type: 'string' }, status: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
      strict: true,
    });
    if (!values.format) throw new UsageError('--format is csv or xlsx');
    const params = { body: values.body, measure: values.measure, plan: values.plan, organizationId: values.organization, status: values.status, from: values.from, to: values.to };
    const document = await buildFromLog(config, { kind: 'decision-register', format: values.format, lang: values.lang, params, position: positionOf(values.position) });
    deliver(document, values.out, out);
  },
};

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'the meetings of one body or one organisation as iCalendar',
  usage: 'calendar (--body PROJECT_GROUP|REFERENCE_GROUP|JOINT | --organization <id>) [--lang nb|en] [--position <n>] [--out <file>]',
  async run(argv, config, out) {
    const { values } = parseArgs({ args: argv, options: { ...COMMON, body: { type: 'string' }, organization: { type: 'string' } }, strict: true });
    const document = await buildFromLog(config, { kind: 'calendar', format: 'ics', lang: values.lang, params: { body: values.body, organizationId: values.organization }, position: positionOf(values.position) });
    deliver(document, values.out, out);
  },
};

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'the annual status report of a year as PDF or HTML: the newest edition, or the one asked for',
  usage: 'report <year> --format pdf|html [--lang nb|en] [--edition <n>] [--position <n>] [--out <file>]',
  async run(argv, config, out) {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON, edition: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || !/^[0-9]{4}$/.test(positionals[0]!)) throw new UsageError('give one year, e.g. 2027');
    if (!values.format) throw new UsageError('--format is pdf or html');
    if (values.edition !== undefined && !/^[1-9][0-9]*$/.test(values.edition)) throw new UsageError('--edition is a whole number of 1 or more');
    const params = { year: positionals[0], edition: values.edition };
    const document = await buildFromLog(config, { kind: 'annual-report', format: values.format, lang: values.lang, params, position: positionOf(values.position) });
    deliver(document, values.out, out);
  },
};
