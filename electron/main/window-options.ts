import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Bounds } from './window-state';

/**
 * Electron's security checklist, as settings. The renderer gets no Node, runs in Chromium's
 * sandbox, sees the preload only through contextBridge, and cannot load insecure content,
 * webviews or remote spellcheck dictionaries (which would fetch from the network).
 */
export function secureWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: allowDevTools,
  };
}

export function mainWindowOptions(
  bounds: Bounds,
  preloadPath: string,
  allowDevTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    title: 'Heard',
    // Shown on 'ready-to-show', so the advocate never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, allowDevTools),
  };
}
