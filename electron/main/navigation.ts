export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface MessageBoxLike {
  showMessageBox(options: {
    type: 'question';
    buttons: string[];
    defaultId: number;
    cancelId: number;
    title: string;
    message: string;
    detail: string;
    noLink: boolean;
  }): Promise<{ response: number }>;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export type LinkOutcome = 'opened' | 'cancelled' | 'refused';

/** Only plain https links leave the app: never http, file, javascript, data, or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    // user:password@ URLs are a phishing trick ("https://council.gov.uk@evil.example").
    return u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Asks the advocate before a link opens in their browser, so a link pasted into a note cannot
 * take them anywhere silently. One question at a time: a page cannot pile up dialogs.
 */
export function createLinkOpener(dialog: MessageBoxLike, shell: ShellLike): (url: string) => Promise<LinkOutcome> {
  let asking = false;
  return async (url) => {
    if (!isSafeExternalUrl(url) || asking) return 'refused';
    asking = true;
    try {
      const { response } = await dialog.showMessageBox({
        type: 'question',
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        title: 'Open link',
        message: 'Open this link in your web browser?',
        detail: `${new URL(url).toString()}\n\nHeard does not open web pages itself. Check the address before you continue.`,
        noLink: true,
      });
      if (response !== 0) return 'cancelled';
      await shell.openExternal(url);
      return 'opened';
    } finally {
      asking = false;
    }
  };
}

/**
 * Every web contents (ours and any that might appear) stays on its page: navigation and redirects
 * are stopped, new windows and webviews are refused. An https link the page tried to follow is
 * offered to the system browser after confirmation instead.
 */
export function hardenWebContents(contents: WebContentsLike, openLink: (url: string) => Promise<LinkOutcome>): void {
  const offer = (url: string): void => {
    void openLink(url).catch(() => undefined);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    offer(url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    offer(url);
    return { action: 'deny' };
  });
}
