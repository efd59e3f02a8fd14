import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  handleDownloads,
  isAppDownloadUrl,
  type DownloadItemLike,
  type DownloadSessionLike,
} from '../../electron/main/downloads';
import { preventable } from './fakes';

function setup(): (
  url: string,
  filename: string,
) => { prevented: boolean; options: Parameters<DownloadItemLike['setSaveDialogOptions']>[0] | null } {
  const got: { listener?: Parameters<DownloadSessionLike['on']>[1] } = {};
  handleDownloads({ on: (_e, l) => (got.listener = l) }, () => '/home/advocate/Documents');
  return (url, filename) => {
    const event = preventable();
    let options: Parameters<DownloadItemLike['setSaveDialogOptions']>[0] | null = null;
    got.listener?.(event, {
      getURL: () => url,
      getFilename: () => filename,
      setSaveDialogOptions: (o) => (options = o),
    });
    return { prevented: event.prevented, options };
  };
}

describe('saving files', () => {
  it('asks where to save a PDF the app made, starting in Documents', () => {
    const download = setup();
    const result = download('blob:heard://app/2b0c7c1e-5d0f-4c55-9d7e-0a3e2e8f1d11', 'Letter to IRO.pdf');
    expect(result.prevented).toBe(false);
    expect(result.options?.defaultPath).toBe(join('/home/advocate/Documents', 'Letter to IRO.pdf'));
    expect(result.options?.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
  });

  it("offers a workbook as an Excel file, as the report's spreadsheet export is", () => {
    const download = setup();
    const result = download(
      'blob:heard://app/2b0c7c1e-5d0f-4c55-9d7e-0a3e2e8f1d12',
      'heard-report-2026-04-01-to-2026-06-30.xlsx',
    );
    expect(result.options?.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
  });

  it('refuses downloads that did not come from the app', () => {
    const download = setup();
    for (const url of [
      'https://example.org/setup.exe',
      'blob:https://example.org/x',
      'file:///etc/passwd',
      'blob:heard://other/x',
    ]) {
      const result = download(url, 'setup.exe');
      expect(result.prevented, url).toBe(true);
      expect(result.options, url).toBeNull();
    }
    expect(isAppDownloadUrl('heard://app/report.csv')).toBe(true);
  });

  it('keeps a suggested name from steering the save into another folder', () => {
    const download = setup();
    expect(download('blob:heard://app/x', '../../.bashrc').options?.defaultPath).toBe(
      join('/home/advocate/Documents', '.bashrc'),
    );
  });
});
