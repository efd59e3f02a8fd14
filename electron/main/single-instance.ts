export interface SingleInstanceAppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface FocusableWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Two copies of Heard would open the same encrypted files and fight over the WAL and the unlock
 * throttle. The second copy quits; the first comes to the front instead.
 * Returns false when this process is the second copy (and is quitting).
 */
export function claimSingleInstance(
  app: SingleInstanceAppLike,
  existingWindow: () => FocusableWindowLike | null | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = existingWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
