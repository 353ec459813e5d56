import { createHash } from 'node:crypto';
import type { EventStore } from '@kom/event-store';
import { canonicalJson, Forbidden, InvalidInput, osloDate } from '@kom/kernel';
import type { Projection } from '@kom/projections';
import { checkFormat, documentKind } from './document-kinds';
import { isDocumentLang, type DocumentLang } from './labels/document-labels';
import { parseStamp, StampError, type Audience, type DocumentRecipe, type Provenance } from './provenance/provenance';
import { CONTENT_TYPES, type DocumentFormat, type DocumentRenderer } from './render/renderer.port';
import { csvRenderer } from './render/csv.renderer';
import { xlsxRenderer } from './render/xlsx.renderer';
import { icsRenderer } from './render/ics.renderer';
import { htmlRenderer } from './render/html.renderer';
import { pdfRenderer } from './render/pdf.renderer';
import { DOCUMENT_LAYOUT, FIRST_LAYOUT } from './render/layout';
import { LogSnapshot, PositionNotInLogError } from './snapshot/log-snapshot';
import type { DocumentModel } from './render/document-model';
import type { LogProofs } from './provenance/log-proofs.port';
import { noReportSources, type ReportSources } from './reports/report-sources.port';

export const RENDERERS: Readonly<Record<DocumentFormat, DocumentRenderer>> = {
  csv: csvRenderer as DocumentRenderer,
  xlsx: xlsxRenderer as DocumentRenderer,
  ics: icsRenderer as DocumentRenderer,
  html: htmlRenderer as DocumentRenderer,
  pdf: pdfRenderer as DocumentRenderer,
};

export interface DocumentRequest {
  readonly kind: string;
  readonly format: string;
  readonly lang?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Build from the read models as they stood at this log position; the newest otherwise. */
  readonly position?: bigint;
}

export interface BuiltDocument {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly fileName: string;
  /** SHA-256 of the bytes, hex: the ETag, and what two builds are compared by. */
  readonly sha256: string;
  readonly title: string;
  readonly provenance: Provenance;
}

export interface DocumentBuilderOptions {
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  readonly proofs: LogProofs;
  /** This process's live read-model file: documents at its current position need no replay. */
  readonly liveReadModelsFile?: string;
  /** The link a calendar entry carries to its meeting (in the web app); none by default. */
  readonly meetingUrl?: (meetingId: string) => string | null;
  /** Issue and agreement figures for the annual report (REPORT_SOURCES). */
  readonly reportSources?: ReportSources;
}

export type Comparison =
  | { readonly identical: true; readonly provenance: Provenance; readonly sha256: string }
  | { readonly identical: false; readonly reason: 'CONTENT_DIFFERS'; readonly provenance: Provenance; readonly differences: readonly string[] }
  | {
      /** Built with another layout: the bytes cannot be compared, the stamp can. */
      readonly identical: false;
      readonly reason: 'LAYOUT_CHANGED';
      readonly provenance: Provenance;
      readonly layout: { readonly file: number; readonly current: number };
      /** Every field of the file's stamp but its layout is what the log gives at that position. */
      readonly stampMatchesLog: boolean;
    };

/**
 * Builds documents from the read models at a log position: parameters checked, access decided by
 * the audience as the read side decides it, model built, rendered with the provenance stamp. The
 * same recipe at the same position gives the same bytes; `verify` rebuilds a file from its stamp.
 */
export class DocumentBuilder {
  constructor(private readonly options: DocumentBuilderOptions) {}

  async build(request: DocumentRequest, audience: Audience): Promise<BuiltDocument> {
    const recipe = this.recipe(request, audience);
    const snapshot = await this.snapshot(request.position, recipe.kind);
    try {
      return await this.render(recipe, snapshot);
    } finally {
      snapshot.close();
    }
  }

  /**
   * Reads the stamp of a file, rebuilds it from the log at that position, and compares the bytes.
   * With a `viewer`, the file is verified only when the viewer's own view of that document, at that
   * position, holds everything the stamp's view holds: a stamp names any audience, and the answer
   * (identical or not, and the differing lines) would otherwise read a view the viewer may not.
   * Without one (the CLI, on the data directory itself) every file is verified.
   */
  async verify(bytes: Buffer, viewer?: Audience): Promise<Comparison> {
    const stamp = await readAnyStamp(bytes);
    const provenance = parseStamp(stamp);
    // The stamp is the caller's text: checked as a download's request is.
    const recipe = this.recipe({ kind: provenance.kind, format: provenance.format, lang: provenance.lang, params: provenance.params }, provenance.audience);
    const position = stampPosition(provenance.position);
    const snapshot = await this.logSnapshot(position, this.projectionsFor(recipe.kind));
    let rebuilt: BuiltDocument;
    try {
      const model = viewer && !sameAudience(viewer, recipe.audience) ? this.refuseWiderView(recipe, viewer, snapshot) : undefined;
      rebuilt = await this.render(recipe, snapshot, model);
    } finally {
      snapshot.close();
    }
    if (rebuilt.bytes.equals(bytes)) return { identical: true, provenance, sha256: rebuilt.sha256 };
    const fileLayout = provenance.layout ?? FIRST_LAYOUT;
    if (fileLayout !== DOCUMENT_LAYOUT) {
      const withoutLayout = ({ layout: _layout, ...rest }: Provenance) => canonicalJson(rest);
      const stampMatchesLog = withoutLayout(provenance) === withoutLayout(rebuilt.provenance);
      return { identical: false, reason: 'LAYOUT_CHANGED', provenance, layout: { file: fileLayout, current: DOCUMENT_LAYOUT }, stampMatchesLog };
    }
    return { identical: false, reason: 'CONTENT_DIFFERS', provenance, differences: describeDifferences(bytes, rebuilt.bytes, recipe.format) };
  }

  /**
   * The viewer's own build of the recipe first: what refuses them a download refuses them here, with
   * the same reason. Then the stamp's view must hold nothing more than theirs; its model is returned for the rendering.
   */
  private refuseWiderView(recipe: DocumentRecipe, viewer: Audience, snapshot: LogSnapshot): DocumentModel {
    const theirs = canonicalJson(this.model({ ...recipe, audience: { role: viewer.role, organizationId: viewer.organizationId } }, snapshot));
    const stamped = this.model(recipe, snapshot);
    if (canonicalJson(stamped) !== theirs) {
      throw new Forbidden(
        'DOCUMENT_VIEW_NOT_YOURS',
        `this file was built for ${recipe.audience.role} of ${recipe.audience.organizationId}, whose view of it holds more than yours; the secretariat can verify it`,
      );
    }
    return stamped;
  }

  private recipe(request: DocumentRequest, audience: Audience): DocumentRecipe {
    const kind = documentKind(request.kind);
    const format = checkFormat(kind, request.format);
    const lang = request.lang ?? 'nb';
    if (!isDocumentLang(lang)) throw new InvalidInput('UNSUPPORTED_LANGUAGE', 'lang is nb or en');
    return { kind: kind.name, format, lang, params: kind.params(request.params ?? {}), audience: { role: audience.role, organizationId: audience.organizationId } };
  }

  /** Only what the kind reads: replaying the rest would cost time and change nothing in the document. */
  private projectionsFor(kindName: string): readonly Projection[] {
    const names = documentKind(kindName).projections?.(this.options.reportSources ?? noReportSources);
    if (!names) return this.options.projections;
    const wanted = new Set(names);
    return this.options.projections.filter((p) => wanted.has(p.name));
  }

  private async snapshot(position: bigint | undefined, kindName: string): Promise<LogSnapshot> {
    const { store, liveReadModelsFile } = this.options;
    if (position !== undefined && position < 1n) throw new InvalidInput('INVALID_POSITION', 'a log position is 1 or more');
    if (liveReadModelsFile) {
      const live = await LogSnapshot.live(store, liveReadModelsFile, position);
      if (live) return live;
    }
    return this.logSnapshot(position ?? (await store.headPosition()), this.projectionsFor(kindName));
  }

  /** The read models rebuilt from the log up to `position`. */
  private async logSnapshot(position: bigint, projections: readonly Projection[]): Promise<LogSnapshot> {
    try {
      return await LogSnapshot.at(this.options.store, position, projections);
    } catch (error) {
      if (error instanceof PositionNotInLogError) throw new InvalidInput('POSITION_NOT_IN_LOG', error.message);
      throw error;
    }
  }

  private model(recipe: DocumentRecipe, snapshot: LogSnapshot): DocumentModel {
    const facts = snapshot.facts;
    return documentKind(recipe.kind).build(recipe.params, {
      readModels: snapshot.readModels,
      audience: recipe.audience,
      lang: recipe.lang as DocumentLang,
      onDate: osloDate(facts.recordedAt),
      at: new Date(facts.recordedAt),
      meetingUrl: this.options.meetingUrl ?? (() => null),
      reportSources: this.options.reportSources ?? noReportSources,
    });
  }

  /** `model`: the recipe's model when already built from this snapshot. */
  private async render(recipe: DocumentRecipe, snapshot: LogSnapshot, model: DocumentModel = this.model(recipe, snapshot)): Promise<BuiltDocument> {
    const kind = documentKind(recipe.kind);
    const format = checkFormat(kind, recipe.format);
    const facts = snapshot.facts;
    const proof = await this.options.proofs.at(facts.position);
    const provenance: Provenance = {
      ...recipe,
      layout: DOCUMENT_LAYOUT,
      position: String(facts.position),
      eventHash: facts.eventHash,
      recordedAt: facts.recordedAt,
      treeSize: proof.treeSize,
      rootHash: proof.rootHash,
      checkpoint: proof.checkpoint,
    };
    const bytes = await RENDERERS[format].render(model, provenance);
    const positionTag = `p${facts.position}`;
    return {
      bytes,
      contentType: CONTENT_TYPES[format],
      fileName: `${kind.baseName(recipe.params)}-${recipe.lang}-${positionTag}.${format}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      title: model.title,
      provenance,
    };
  }
}

const STAMP_POSITION = /^[1-9][0-9]{0,38}$/;

function stampPosition(text: string): bigint {
  if (!STAMP_POSITION.test(text)) throw new InvalidInput('INVALID_POSITION', 'the stamp\'s position is not a log position (a whole number of 1 or more)');
  return BigInt(text);
}

const sameAudience = (a: Audience, b: Audience) => a.role === b.role && a.organizationId === b.organizationId;

/** For a person: why a file of another layout cannot be compared, and what its stamp says. */
export function describeLayoutChange(result: Extract<Comparison, { reason: 'LAYOUT_CHANGED' }>): string {
  const { file, current } = result.layout;
  const stamp = result.stampMatchesLog
    ? 'its stamp (position, event hash, Merkle root, checkpoint) is what the log gives at that position'
    : 'and its stamp is NOT what the log gives at that position';
  return `the file was built with document layout ${file} and this platform builds layout ${current}, so the bytes cannot be compared; ${stamp}. Build it again at position ${result.provenance.position} to compare that build from now on`;
}

/** Finds the stamp whatever the format: each renderer knows where it put it. */
export async function readAnyStamp(bytes: Buffer): Promise<string> {
  const order: DocumentFormat[] = bytes.subarray(0, 4).toString('latin1') === '%PDF' ? ['pdf'] : bytes.subarray(0, 2).toString('latin1') === 'PK' ? ['xlsx'] : ['html', 'ics', 'csv'];
  for (const format of order) {
    const stamp = await RENDERERS[format].readStamp(bytes).catch(() => undefined);
    if (stamp) return stamp;
  }
  throw new StampError('no KOM provenance stamp found in this file');
}

/** What differs, for a person: the first differing lines of text formats, sizes and offsets otherwise. */
function describeDifferences(given: Buffer, rebuilt: Buffer, format: string): string[] {
  if (format === 'csv' || format === 'html' || format === 'ics') {
    const a = given.toString('utf8').split(/\r?\n/);
    const b = rebuilt.toString('utf8').split(/\r?\n/);
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length) && out.length < 10; i++) {
      if (a[i] !== b[i]) out.push(`line ${i + 1}: file has ${JSON.stringify(a[i] ?? '(nothing)')}, the log gives ${JSON.stringify(b[i] ?? '(nothing)')}`);
    }
    return out.length > 0 ? out : ['the files differ in line endings or encoding'];
  }
  let offset = 0;
  while (offset < given.length && offset < rebuilt.length && given[offset] === rebuilt[offset]) offset++;
  return [`the file (${given.length} bytes) and the rebuild from the log (${rebuilt.length} bytes) differ from byte ${offset}`];
}
