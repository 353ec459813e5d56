import PDFDocument from 'pdfkit';
import { stampSummary, stampToken, type Provenance } from '../provenance/provenance';
import { DOCUMENT_TEXT } from '../labels/document-labels';
import type { FontFamily } from './fonts';
import { heightOfText, registerFonts, writeText } from './pdf-text';
import type { Block, TextDocument } from './document-model';
import type { DocumentRenderer } from './renderer.port';
import { safeDocument } from './safe-text';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const FOOTER = 40;
const INFO_KEY = 'KomProvenance';

function paragraph(doc: Doc, parent: Struct, type: string, text: string, options: { font?: FontFamily; size?: number; gap?: number } = {}): void {
  doc.fontSize(options.size ?? 10.5);
  const element = doc.struct(type, {}, () => {
    writeText(doc, options.font ?? 'body', text, { width: contentWidth(doc), lineGap: 2 });
  });
  parent.add(element);
  element.end();
  doc.moveDown(options.gap ?? 0.4);
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - FOOTER) doc.addPage();
}

function table(doc: Doc, parent: Struct, caption: string, columns: readonly string[], rows: readonly (readonly string[])[]): void {
  paragraph(doc, parent, 'Caption', caption, { font: 'bold', gap: 0.2 });
  const tableElement = doc.struct('Table');
  parent.add(tableElement);
  const width = contentWidth(doc) / columns.length;
  const drawRow = (cells: readonly string[], header: boolean) => {
    const family: FontFamily = header ? 'bold' : 'body';
    doc.fontSize(9.5);
    const height = Math.max(...cells.map((c) => heightOfText(doc, family, c || ' ', width - 8))) + 8;
    ensureRoom(doc, height);
    const top = doc.y;
    const row = doc.struct('TR');
    tableElement.add(row);
    cells.forEach((cell, i) => {
      const element = doc.struct(header ? 'TH' : 'TD', {}, () => {
        writeText(doc, family, cell, { x: MARGIN + i * width + 4, y: top + 4, width: width - 8 });
      });
      row.add(element);
      element.end();
    });
    row.end();
    doc.markContent('Artifact', { type: 'Layout' });
    cells.forEach((_, i) => doc.rect(MARGIN + i * width, top, width, height).lineWidth(0.5).strokeColor('#767676').stroke());
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(columns, true);
  for (const r of rows) drawRow(r, false);
  tableElement.end();
  doc.moveDown(0.6);
}

function blocks(doc: Doc, root: Struct, list: readonly Block[], outline: PDFKit.PDFOutline): void {
  let section: PDFKit.PDFOutline = outline;
  for (const b of list) {
    switch (b.kind) {
      case 'heading': {
        ensureRoom(doc, 60);
        const text = b.note ? `${b.text} (${b.note})` : b.text;
        paragraph(doc, root, b.level === 2 ? 'H2' : 'H3', text, { font: 'bold', size: b.level === 2 ? 14 : 11.5, gap: 0.3 });
        if (b.level === 2) section = outline.addItem(b.text);
        else section.addItem(b.text);
        break;
      }
      case 'paragraph':
        for (const p of b.text.split(/\n{2,}/)) paragraph(doc, root, 'P', p);
        break;
      case 'facts':
        for (const [term, value] of b.items) paragraph(doc, root, 'P', `${term}: ${value}`, { gap: 0.1 });
        doc.moveDown(0.3);
        break;
      case 'list': {
        const listElement = doc.struct('L');
        root.add(listElement);
        for (const item of b.items) {
          const li = doc.struct('LI');
          listElement.add(li);
          paragraph(doc, li, 'LBody', `• ${item}`, { gap: 0.1 });
          li.end();
        }
        listElement.end();
        doc.moveDown(0.3);
        break;
      }
      case 'table':
        table(doc, root, b.caption, b.columns, b.rows);
        break;
    }
  }
}

/**
 * A tagged PDF (PDF/UA identification, structure tree, document language, title shown in the window,
 * bookmarks from the headings, embedded fonts); page footers (provenance and page number) are
 * artifacts. The stamp is in the document information dictionary. Dates come from the log.
 */
export const pdfRenderer: DocumentRenderer<TextDocument> = {
  format: 'pdf',
  async render(recorded: TextDocument, provenance: Provenance): Promise<Buffer> {
    // Old events may hold characters the format forbids: never written (safe-text.ts).
    const model = safeDocument(recorded);
    const t = DOCUMENT_TEXT[model.lang];
    const at = new Date(provenance.recordedAt);
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      pdfVersion: '1.7',
      subset: 'PDF/UA' as never, // the typings predate pdfkit's PDF/UA support
      tagged: true,
      lang: model.lang === 'nb' ? 'nb-NO' : 'en-GB',
      displayTitle: true,
      bufferPages: true,
      info: { Title: model.title, Subject: model.subtitle, Author: 'KOM', Creator: 'KOM Platform', Producer: 'KOM Platform', CreationDate: at, ModDate: at },
    });
    (doc.info as unknown as Record<string, string>)[INFO_KEY] = stampToken(provenance);
    registerFonts(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });

    const root = doc.struct('Document');
    doc.addStructure(root);
    paragraph(doc, root, 'H1', model.title, { font: 'bold', size: 18, gap: 0.2 });
    paragraph(doc, root, 'P', model.subtitle, { gap: 0.8 });
    blocks(doc, root, model.blocks, doc.outline);
    ensureRoom(doc, 120);
    paragraph(doc, root, 'H2', t.provenance, { font: 'bold', size: 12, gap: 0.2 });
    doc.outline.addItem(t.provenance);
    paragraph(doc, root, 'P', t.provenanceNote, { size: 9 });
    paragraph(doc, root, 'P', `${t.position}: ${provenance.position}\n${t.eventHash}: ${provenance.eventHash ?? '—'}\n${t.rootHash}: ${provenance.rootHash} (${provenance.treeSize})\n${t.checkpoint}: ${provenance.checkpoint ? `${provenance.checkpoint.treeSize} · ${t.keyId} ${provenance.checkpoint.keyId}` : '—'}\n${t.builtFor}: ${provenance.audience.role} · ${provenance.audience.organizationId}`, { size: 8.5 });
    root.end();

    const range = doc.bufferedPageRange();
    const footer = stampSummary(provenance, DOCUMENT_TEXT[model.lang]);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.fontSize(7.5).fillColor('#4a4a4a');
      writeText(doc, 'body', `${footer} · ${t.page} ${i + 1}/${range.count}`, { x: MARGIN, y: doc.page.height - MARGIN });
      doc.fillColor('#000000');
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  },
  async readStamp(bytes: Buffer): Promise<string | undefined> {
    // The information dictionary holds the value itself or a reference to a string object.
    const text = bytes.toString('latin1');
    const direct = new RegExp(`/${INFO_KEY} \\(([A-Za-z0-9_-]+)\\)`).exec(text);
    if (direct) return direct[1];
    const ref = new RegExp(`/${INFO_KEY} (\\d+) 0 R`).exec(text);
    if (!ref) return undefined;
    return new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(([A-Za-z0-9_-]+)\\)`).exec(text)?.[1];
  },
};
