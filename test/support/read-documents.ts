import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';

/**
 * Independent readers for the documents the platform writes: pdf.js (Mozilla's PDF engine),
 * csv-parse, ExcelJS reading the archive back, ical.js (Mozilla's iCalendar parser).
 */
export interface PdfReading {
  text: string;
  pages: number;
  info: Record<string, unknown>;
  outline: string[];
  /** The structure tree's roles, depth first (H1, P, Table, TR, TH, ...). */
  roles: string[];
  lang: string | null;
}

export async function readPdf(bytes: Buffer): Promise<PdfReading> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.js');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  const roles: string[] = [];
  const walk = (node: { role?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
  };
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((i: { str?: string; hasEOL?: boolean }) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join(''));
    walk(await page.getStructTree());
  }
  const metadata = await document.getMetadata();
  const outline = ((await document.getOutline()) ?? []).flatMap((item: { title: string; items: Array<{ title: string }> }) => [item.title, ...item.items.map((i) => i.title)]);
  const markInfo = await document.getMarkInfo();
  const lang = (metadata.info as Record<string, unknown>).Language as string | undefined;
  await document.destroy();
  return { text: texts.join('\n'), pages: texts.length, info: { ...(metadata.info as object), marked: markInfo?.Marked === true }, outline, roles, lang: lang ?? null };
}

export function readCsv(bytes: Buffer): { comments: string[]; header: string[]; rows: string[][]; hadBom: boolean } {
  const text = bytes.toString('utf8');
  const hadBom = text.startsWith('\uFEFF');
  const comments = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.startsWith('#'));
  const records = parse(bytes, { bom: true, comment: '#', relax_column_count: false }) as string[][];
  return { comments, header: records[0]!, rows: records.slice(1), hadBom };
}

export async function readXlsx(bytes: Buffer): Promise<{ sheets: Record<string, string[][]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    sheets[sheet.name] = rows;
  });
  return { sheets };
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  summary: string;
  status: string | null;
  startZone: string | null;
  /** Wall-clock start in its zone, "2027-01-12T09:00:00". */
  startLocal: string;
  startUtc: string;
  dtstamp: string;
}

export function readIcs(bytes: Buffer): { events: IcsEvent[]; timezones: string[]; x: Record<string, string> } {
  const component = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  const timezones = component.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid')));
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const x: Record<string, string> = {};
  for (const prop of component.getAllProperties()) if (prop.name.startsWith('x-')) x[prop.name.toUpperCase()] = String(prop.getFirstValue());
  const events = component.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    const start = event.startDate;
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      startZone: (v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      startLocal: start.toString().slice(0, 19),
      startUtc: start.toJSDate().toISOString(),
      dtstamp: String(v.getFirstPropertyValue('dtstamp')),
    };
  });
  return { events, timezones, x };
}
