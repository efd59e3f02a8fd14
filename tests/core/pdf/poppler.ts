import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reads a PDF back the way a person's viewer would, with poppler's command-line tools. */

const dir = mkdtempSync(join(tmpdir(), 'heard-pdf-test-'));
let n = 0;

function file(bytes: Uint8Array): string {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

export function cleanupPoppler(): void {
  rmSync(dir, { recursive: true, force: true });
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;

/** Text in reading order as pdftotext gives it, without the bidi marks it adds around RTL text. */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file(bytes), '-'], { encoding: 'utf8' })
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC');
}

export interface FontRow {
  name: string;
  embedded: boolean;
}

export function pdfFonts(bytes: Uint8Array): FontRow[] {
  const out = execFileSync('pdffonts', [file(bytes)], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean);
  return out.map((row) => {
    const cols = row.trim().split(/\s+/);
    // name type... encoding emb sub uni objnum gen: "emb" is the 5th column from the end.
    return { name: cols[0] as string, embedded: cols.at(-5) === 'yes' };
  });
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', [file(bytes)], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1] as string] = m[2] as string;
  }
  return info;
}

export interface Word {
  text: string;
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
}

const unescapeXml = (s: string): string =>
  s.replace(
    /&(apos|quot|lt|gt|amp);/g,
    (_m, e: string) => ({ apos: "'", quot: '"', lt: '<', gt: '>', amp: '&' })[e] as string,
  );

/** Every word with its box (points from the top-left of its page). */
export function pdfWords(bytes: Uint8Array): { pageWidth: number; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file(bytes), '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      pageWidth = Number(p[1]);
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (w)
      words.push({
        page,
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        text: unescapeXml(w[4] as string).replace(BIDI_CONTROLS, ''),
      });
  }
  return { pageWidth, words };
}

/** Share of dark pixels on page 1 rendered in grey at 50 dpi: zero means nothing visible was drawn. */
export function inkOnFirstPage(bytes: Uint8Array): number {
  const path = file(bytes);
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', path, `${path}-img`]);
  const pgm = readFileSync(`${path}-img.pgm`);
  // P5 header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave an unexpected image');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark += 1;
  return dark / pixels.length;
}
