import { basename, extname, join } from 'node:path';
import { isAppUrl } from './app-protocol';

export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: {
    title: string;
    defaultPath: string;
    buttonLabel: string;
    filters: { name: string; extensions: string[] }[];
  }): void;
}

export interface DownloadSessionLike {
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: DownloadItemLike) => void): unknown;
}

const kinds: Record<string, string> = {
  '.pdf': 'PDF document',
  '.csv': 'Spreadsheet (CSV)',
  '.xlsx': 'Excel workbook',
  '.json': 'JSON file',
  '.txt': 'Text file',
};

/** A letter or report the page made itself (`blob:heard://app/…`), never a file from elsewhere. */
export function isAppDownloadUrl(url: string): boolean {
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return isAppUrl(url);
}

/**
 * Saving a PDF or CSV the renderer produced: always through a Save dialog that starts in
 * Documents, so the advocate chooses where a child's letter goes. Downloads from anywhere else
 * are refused.
 */
export function handleDownloads(session: DownloadSessionLike, documentsDir: () => string): void {
  session.on('will-download', (event, item) => {
    if (!isAppDownloadUrl(item.getURL())) {
      event.preventDefault();
      return;
    }
    const name = basename(item.getFilename()) || 'Heard download';
    const kind = kinds[extname(name).toLowerCase()];
    item.setSaveDialogOptions({
      title: 'Save file',
      defaultPath: join(documentsDir(), name),
      buttonLabel: 'Save',
      filters: kind ? [{ name: kind, extensions: [extname(name).slice(1)] }] : [],
    });
  });
}
