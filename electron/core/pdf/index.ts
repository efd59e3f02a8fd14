/** The PDF engine, for every feature that exports a document (letters, statements, reports, subject access). */
export {
  renderPdf,
  renderPdfWithReport,
  type PdfOptions,
  type PdfResult,
  type Letterhead,
  type SignatureBlock,
} from './render';
export { configureFontDirectory, missingCodePoints } from './fonts';
export type { ChartSpec, ChartDatum } from './blocks';
