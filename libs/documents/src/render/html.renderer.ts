import { stampJson, type Provenance } from '../provenance/provenance';
import { DOCUMENT_TEXT, type DocumentText } from '../labels/document-labels';
import type { Block, TextDocument } from './document-model';
import type { DocumentRenderer } from './renderer.port';
import { safeDocument } from './safe-text';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escape(b.text)}${b.note ? ` <small>(${escape(b.note)})</small>` : ''}</h${b.level}>`;
    case 'paragraph':
      return paragraphs(b.text);
    case 'facts':
      return `<dl>${b.items.map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table><caption>${escape(b.caption)}</caption>` +
        `<thead><tr>${b.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escape(c)}</th>` : `<td>${escape(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`
      );
  }
}

function provenanceFooter(p: Provenance, t: DocumentText): string {
  const rows: [string, string][] = [
    [t.position, p.position],
    [t.eventHash, p.eventHash ?? '—'],
    [t.rootHash, `${p.rootHash} (${t.treeSize.toLowerCase()}: ${p.treeSize})`],
    [t.checkpoint, p.checkpoint ? `${p.checkpoint.treeSize} · ${t.keyId} ${p.checkpoint.keyId}` : '—'],
    [t.builtFor, `${p.audience.role} · ${p.audience.organizationId}`],
  ];
  return (
    `<footer><h2>${escape(t.provenance)}</h2><p>${escape(t.provenanceNote)}</p>` +
    `<dl class="provenance">${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd><code>${escape(v)}</code></dd>`).join('')}</dl></footer>`
  );
}

// Colours meet WCAG 2.1 AA contrast on white (#1a1a1a text ≈ 17:1, #4a4a4a ≈ 8.9:1).
const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff;max-width:48rem;margin:0 auto;padding:1.5rem;line-height:1.5}
h1{font-size:1.75rem;margin-bottom:.25rem}.subtitle{color:#4a4a4a;margin-top:0}small{color:#4a4a4a;font-weight:normal}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding-bottom:.25rem}
th,td{border:1px solid #767676;padding:.375rem .5rem;text-align:left;vertical-align:top}
footer{margin-top:3rem;border-top:1px solid #767676;font-size:.875rem}code{overflow-wrap:anywhere}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;outline:3px solid #1a1a1a}`;

/** Accessible HTML: language set, one h1, headings in order, landmarks, tables with headers, the stamp as meta and footer. */
export const htmlRenderer: DocumentRenderer<TextDocument> = {
  format: 'html',
  async render(recorded: TextDocument, provenance: Provenance): Promise<Buffer> {
    // Old events may hold characters the format forbids: never written (safe-text.ts).
    const model = safeDocument(recorded);
    const t = DOCUMENT_TEXT[model.lang];
    const html = `<!doctype html>
<html lang="${model.lang === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="kom-provenance" content="${escape(stampJson(provenance))}">
<title>${escape(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${escape(t.skipToContent)}</a>
<header><h1>${escape(model.title)}</h1><p class="subtitle">${escape(model.subtitle)}</p></header>
<main id="content">
${model.blocks.map(block).join('\n')}
</main>
${provenanceFooter(provenance, t)}
</body>
</html>
`;
    return Buffer.from(html, 'utf8');
  },
  async readStamp(bytes: Buffer): Promise<string | undefined> {
    const match = /<meta name="kom-provenance" content="([^"]*)">/.exec(bytes.toString('utf8'));
    if (!match) return undefined;
    return match[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  },
};
