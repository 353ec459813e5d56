import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { stampToken, type Provenance } from '../provenance/provenance';
import { DOCUMENT_TEXT } from '../labels/document-labels';
import type { TableDocument } from './document-model';
import type { DocumentRenderer } from './renderer.port';
import { safeDocument } from './safe-text';

const PROVENANCE_SHEET = 'Provenance';
const STAMP_CELL = 'B1';

/**
 * An XLSX archive stores each member's modification time; rewriting the archive with every member
 * dated at the document's log time, in name order, makes the same document the same bytes.
 */
async function deterministicZip(raw: Buffer, date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async('nodebuffer'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** The register as a sheet (header row frozen, with filters), and its provenance as a second sheet. */
export const xlsxRenderer: DocumentRenderer<TableDocument> = {
  format: 'xlsx',
  async render(recorded: TableDocument, provenance: Provenance): Promise<Buffer> {
    // Old events may hold characters the format forbids: never written (safe-text.ts).
    const model = safeDocument(recorded);
    const t = DOCUMENT_TEXT[model.lang];
    const at = new Date(provenance.recordedAt);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'KOM Platform';
    workbook.created = at;
    workbook.modified = at;
    workbook.title = model.title;
    const sheet = workbook.addWorksheet(model.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...model.columns]).font = { bold: true };
    for (const row of model.rows) sheet.addRow([...row]);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: model.columns.length } };
    sheet.columns.forEach((column) => (column.width = 24));

    const stamp = workbook.addWorksheet(PROVENANCE_SHEET);
    stamp.addRow(['kom-provenance', stampToken(provenance)]);
    stamp.addRow([t.position, provenance.position]);
    stamp.addRow([t.eventHash, provenance.eventHash ?? '']);
    stamp.addRow([t.rootHash, provenance.rootHash]);
    stamp.addRow([t.treeSize, String(provenance.treeSize)]);
    stamp.addRow([t.checkpoint, provenance.checkpoint ? String(provenance.checkpoint.treeSize) : '']);
    stamp.addRow([t.keyId, provenance.checkpoint?.keyId ?? '']);
    stamp.addRow([t.provenance, t.provenanceNote]);
    stamp.getColumn(1).width = 24;
    stamp.getColumn(2).width = 80;
    return deterministicZip(Buffer.from(await workbook.xlsx.writeBuffer()), at);
  },
  async readStamp(bytes: Buffer): Promise<string | undefined> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const value = workbook.getWorksheet(PROVENANCE_SHEET)?.getCell(STAMP_CELL).value;
    return typeof value === 'string' ? value : undefined;
  },
};
