/**
 * Choosing where a backup goes, or which backup to restore, with the computer's own file
 * dialogs. Electron's main process passes these in (core never imports Electron); without them
 * (the web host, tests) the page offers a download and an upload instead.
 */
export interface FileDialogs {
  /** Resolves to the chosen path, or null when the advocate cancelled. */
  chooseSaveFile(o: { title: string; defaultName: string }): Promise<string | null>;
  chooseOpenFile(o: { title: string }): Promise<string | null>;
}

/** The file ending Heard gives backups, so the dialogs can filter on it. */
export const BACKUP_EXTENSION = 'heardbackup';

/**
 * Paths the advocate picked in a dialog during this session. Where dialogs exist, a backup is
 * only written to or read from one of these: a page that has been tampered with cannot name
 * some other file on the computer.
 */
export class ChosenPaths {
  private readonly chosen = new Set<string>();

  remember(path: string): void {
    this.chosen.add(path);
  }

  has(path: string): boolean {
    return this.chosen.has(path);
  }
}
