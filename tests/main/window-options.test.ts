import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../electron/main/window-options';

describe('the main window', () => {
  const options = mainWindowOptions({ width: 1200, height: 800 }, '/app/dist/electron/preload.cjs', false);
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and Electron (security checklist items 2-4)', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content, webviews and remote spellcheck', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('loads the built preload and hides the window until it has painted', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.width).toBe(1200);
  });

  it('offers developer tools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p', false).devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });
});
