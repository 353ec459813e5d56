import { stringify } from 'csv-stringify/sync';
import { stampSummary, stampToken, type Provenance } from '../provenance/provenance';
import { DOCUMENT_TEXT } from '../labels/document-labels';
import type { TableDocument } from './document-model';
import type { DocumentRenderer } from './renderer.port';
import { safeDocument } from './safe-text';

const BOM = '\uFEFF';
const STAMP_PREFIX = '# kom-provenance: ';

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a formula;
 * free text from members must never run as one, so such cells get a leading apostrophe (OWASP).
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8 with
 * a byte-order mark so spreadsheet programs read æ, ø and å right. Two comment lines first: what the
 * document is, and its provenance stamp (base64url: no commas to split it into columns).
 */
export const csvRenderer: DocumentRenderer<TableDocument> = {
  format: 'csv',
  async render(recorded: TableDocument, provenance: Provenance): Promise<Buffer> {
    // Old events may hold characters the format forbids: never written (safe-text.ts).
    const model = safeDocument(recorded);
    const head = `# KOM Platform · ${model.title} · ${stampSummary(provenance, DOCUMENT_TEXT[model.lang])}\r\n${STAMP_PREFIX}${stampToken(provenance)}\r\n`;
    const body = stringify([model.columns as string[], ...model.rows.map((row) => row.map(neutraliseFormula))], {
      record_delimiter: 'windows',
      quoted_string: false,
    });
    return Buffer.from(BOM + head + body, 'utf8');
  },
  async readStamp(bytes: Buffer): Promise<string | undefined> {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/).find((l) => l.startsWith(STAMP_PREFIX));
    return line?.slice(STAMP_PREFIX.length).trim();
  },
};
