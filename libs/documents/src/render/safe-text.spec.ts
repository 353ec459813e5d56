import JSZip from 'jszip';
import { stampJson, stampToken, type Provenance } from '../provenance/provenance';
import { csvRenderer } from './csv.renderer';
import type { CalendarDocument, TableDocument, TextDocument } from './document-model';
import { htmlRenderer } from './html.renderer';
import { icsRenderer } from './ics.renderer';
import { pdfRenderer } from './pdf.renderer';
import { documentText } from './safe-text';
import { xlsxRenderer } from './xlsx.renderer';

// Text recorded before the input policy: every character a format forbids, and some it allows.
const HOSTILE = 'Vedtak\u0000\u0001\u0007\u000B\u001F\u007F\u0085 \uFFFE\uFFFF\uFDD0 lone\uD800 ok\ttab\nline 😀';
/** What XML 1.0 does not allow (Char production), plus DEL, C1 and the noncharacters. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/u;

const provenance: Provenance = {
  kind: 'DECISION_REGISTER',
  format: 'xlsx',
  lang: 'nb',
  params: {},
  audience: { role: 'SECRETARIAT', organizationId: 'org-pod' },
  position: '42',
  eventHash: 'a'.repeat(64),
  recordedAt: '2026-03-02T09:00:00.000Z',
  treeSize: 42,
  rootHash: 'b'.repeat(64),
  checkpoint: null,
};
const table: TableDocument = { shape: 'table', lang: 'nb', title: 'Vedtaksregister', columns: ['Vedtak', 'Tekst'], rows: [['d-1', HOSTILE]] };
const text: TextDocument = {
  shape: 'text',
  lang: 'nb',
  title: `Referat ${HOSTILE}`,
  subtitle: 'Prosjektgruppen',
  blocks: [
    { kind: 'heading', level: 2, text: HOSTILE },
    { kind: 'paragraph', text: HOSTILE },
    { kind: 'facts', items: [['Sted', HOSTILE]] },
    { kind: 'list', items: [HOSTILE] },
    { kind: 'table', caption: HOSTILE, columns: ['A', 'B'], rows: [[HOSTILE, 'x']] },
  ],
};
const calendar: CalendarDocument = {
  shape: 'calendar',
  lang: 'nb',
  title: 'KOM',
  entries: [
    { uid: 'm-1@kom', sequence: 1, start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T11:00:00.000Z', summary: `Møte\u0000\u0001${HOSTILE}`, description: HOSTILE, location: `Oslo\u0007`, url: null, cancelled: false },
  ],
};

describe('documents never carry a character their format forbids', () => {
  it('replaces each forbidden character by U+FFFD and keeps tab, line breaks and pairs', () => {
    expect(documentText('a\u0000b\uFFFEc\uD800d\te\nf😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd\te\nf😀');
  });

  it('XLSX: every XML part is XML 1.0, so the workbook opens and its stamp reads back', async () => {
    const bytes = await xlsxRenderer.render(table, provenance);
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml'));
    for (const name of parts) expect(FORBIDDEN.test(await zip.files[name]!.async('string'))).toBe(false);
    expect(await zip.files['xl/sharedStrings.xml']!.async('string')).toContain('\uFFFD');
    expect(await xlsxRenderer.readStamp(bytes)).toBe(stampToken(provenance));
  });

  it('ICS: no control character but tab and the line ends of the format', async () => {
    const bytes = await icsRenderer.render(calendar, { ...provenance, format: 'ics' });
    const ics = bytes.toString('utf8');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    expect(ics).toContain('SUMMARY:Møte\uFFFD\uFFFD');
    expect(await icsRenderer.readStamp(bytes)).toBe(stampToken({ ...provenance, format: 'ics' }));
  });

  it('CSV and HTML: none of them', async () => {
    const csv = (await csvRenderer.render(table, { ...provenance, format: 'csv' })).toString('utf8');
    expect(FORBIDDEN.test(csv)).toBe(false);
    const html = (await htmlRenderer.render(text, { ...provenance, format: 'html' })).toString('utf8');
    expect(FORBIDDEN.test(html)).toBe(false);
    expect(html).toContain('Vedtak\uFFFD');
  });

  it('the same bytes every time, so a rebuilt document verifies', async () => {
    for (const [renderer, model, format] of [
      [xlsxRenderer, table, 'xlsx'],
      [csvRenderer, table, 'csv'],
      [icsRenderer, calendar, 'ics'],
      [htmlRenderer, text, 'html'],
      [pdfRenderer, text, 'pdf'],
    ] as const) {
      const stamped = { ...provenance, format };
      const first = await (renderer.render as (m: unknown, p: Provenance) => Promise<Buffer>)(model, stamped);
      const again = await (renderer.render as (m: unknown, p: Provenance) => Promise<Buffer>)(model, stamped);
      expect(again.equals(first)).toBe(true);
      expect([stampToken(stamped), stampJson(stamped)]).toContain(await renderer.readStamp(first));
    }
  });
});
