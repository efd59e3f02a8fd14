/**
 * Hands a file the app made to the browser as a download: in Electron, main's download handler
 * asks where to save it; in the web host, the browser does. The caller has already warned that the
 * file leaves the encrypted store.
 */
export function downloadFile(fileName: string, data: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const base64ToBytes = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** A PDF that core sent as base64. */
export function downloadPdf(fileName: string, base64: string): void {
  downloadFile(fileName, base64ToBytes(base64), 'application/pdf');
}
