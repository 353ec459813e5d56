import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

/** The reads the platform records: what auditors must be able to see was looked at, and by whom. */
export const SENSITIVE_READS = ['EVIDENCE_BUNDLE', 'DECISION_HISTORY', 'ERASED_REPRESENTATIVE', 'DECISION_REGISTER'] as const;
export type SensitiveRead = (typeof SENSITIVE_READS)[number];

const id = z.string().min(1).max(100);

/**
 * Someone read (or exported) something sensitive. Who is the event's actor (metadata); the data
 * names only what and which ids — never a name, an e-mail or any text of what was read.
 */
export const SensitiveReadRecorded = defineEvent(
  'SensitiveReadRecorded',
  1,
  z.object({
    read: z.enum(SENSITIVE_READS),
    /** The ids asked for (a decision, a representative); empty for a range. */
    ids: z.array(id).max(20),
    /** A time range asked for (evidence bundle by dates), else null. */
    range: z.object({ from: z.string().max(40), to: z.string().max(40) }).nullable(),
    /** The document format of an export (csv, xlsx, pdf, ...), else null. */
    format: z.string().max(20).nullable(),
    /** Over which channel: GraphQL or plain HTTP. */
    via: z.enum(['GRAPHQL', 'HTTP']),
  }),
);

export type SensitiveReadData = z.infer<typeof SensitiveReadRecorded.data>;
