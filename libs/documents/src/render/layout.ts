/**
 * The layout of every document this platform builds: which renderers, labels and fonts turn a log
 * into bytes. A document is the same bytes every time it is rebuilt from the same position only
 * while the layout stays the same; so any change that alters a document's bytes for the same log
 * (a renderer, a label, a font, a column) takes the next number, and the stamp of each document
 * records the layout it was built with. A file of an older layout cannot be compared byte for
 * byte; its stamp still can be checked against the log (DocumentBuilder.verify).
 *
 * 1: stamps without a layout (before the number was recorded).
 * 2: PDFs embed Latin Extended, Cyrillic and Greek; characters a format forbids are replaced;
 *    an iCalendar time that the autumn clock change makes ambiguous is written in UTC.
 */
export const DOCUMENT_LAYOUT = 2;

/** The layout of a stamp that records none. */
export const FIRST_LAYOUT = 1;
