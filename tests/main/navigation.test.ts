import { describe, expect, it } from 'vitest';
import {
  createLinkOpener,
  hardenWebContents,
  isSafeExternalUrl,
  type LinkOutcome,
  type MessageBoxLike,
} from '../../electron/main/navigation';
import { FakeEmitter, preventable } from './fakes';

class FakeContents extends FakeEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function fakeDialog(answer: 'open' | 'cancel'): MessageBoxLike & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    showMessageBox: async (options) => {
      asked.push(options.detail);
      return { response: answer === 'open' ? 0 : options.cancelId };
    },
  };
}

function fakeShell(): { openExternal(url: string): Promise<void>; opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    openExternal: async (url) => {
      opened.push(url);
    },
  };
}

describe('navigation and new windows', () => {
  function setup(): { contents: FakeContents; offered: string[] } {
    const contents = new FakeContents();
    const offered: string[] = [];
    hardenWebContents(contents, async (url): Promise<LinkOutcome> => {
      offered.push(url);
      return 'refused';
    });
    return { contents, offered };
  }

  it('stops the page navigating anywhere, even to a link it was given', () => {
    const { contents, offered } = setup();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'heard://app/other.html']) {
      const event = preventable();
      contents.emit('will-navigate', event, url);
      expect(event.prevented, url).toBe(true);
    }
    // The https link is offered to the (confirming) opener, never followed in the window.
    expect(offered).toContain('https://example.org/');
  });

  it('stops redirects and webviews', () => {
    const { contents } = setup();
    const redirect = preventable();
    contents.emit('will-redirect', redirect, 'https://example.org/');
    expect(redirect.prevented).toBe(true);
    const webview = preventable();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('denies every window.open', () => {
    const { contents } = setup();
    for (const url of ['https://example.org/', 'heard://app/index.html', 'about:blank', 'javascript:alert(1)']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });
});

describe('opening links outside the app', () => {
  it('opens an https link in the browser only after the advocate confirms', async () => {
    const dialog = fakeDialog('open');
    const shell = fakeShell();
    const open = createLinkOpener(dialog, shell);
    expect(await open('https://www.gov.uk/guidance')).toBe('opened');
    expect(dialog.asked).toHaveLength(1);
    expect(dialog.asked[0]).toContain('https://www.gov.uk/guidance');
    expect(shell.opened).toEqual(['https://www.gov.uk/guidance']);
  });

  it('does not open the link when the advocate cancels', async () => {
    const shell = fakeShell();
    const open = createLinkOpener(fakeDialog('cancel'), shell);
    expect(await open('https://www.gov.uk/guidance')).toBe('cancelled');
    expect(shell.opened).toEqual([]);
  });

  it('never offers http, file, javascript, data, custom-scheme or credential-carrying links', async () => {
    const dialog = fakeDialog('open');
    const shell = fakeShell();
    const open = createLinkOpener(dialog, shell);
    const unsafe = [
      'http://example.org/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'heard://app/index.html',
      'smb://server/share',
      'https://council.gov.uk@evil.example/',
      'not a url',
    ];
    for (const url of unsafe) {
      expect(isSafeExternalUrl(url), url).toBe(false);
      expect(await open(url), url).toBe('refused');
    }
    expect(dialog.asked).toEqual([]);
    expect(shell.opened).toEqual([]);
  });

  it('asks one question at a time, so a page cannot stack dialogs', async () => {
    let answer: (r: { response: number }) => void = () => {};
    const dialog: MessageBoxLike = { showMessageBox: () => new Promise((resolve) => (answer = resolve)) };
    const shell = fakeShell();
    const open = createLinkOpener(dialog, shell);
    const first = open('https://example.org/a');
    expect(await open('https://example.org/b')).toBe('refused');
    answer({ response: 0 });
    expect(await first).toBe('opened');
    expect(shell.opened).toEqual(['https://example.org/a']);
  });
});
