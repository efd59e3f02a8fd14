import type { MenuItemConstructorOptions } from 'electron';

/**
 * Electron's default menu offers Reload, Developer Tools and links to electronjs.org. Heard's menu
 * keeps what an advocate needs: editing (copy and paste on macOS depend on it), zoom for larger
 * text, full screen, and quitting. Developer tools only in unpackaged builds.
 */
export function menuTemplate(platform: NodeJS.Platform, allowDevTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (allowDevTools) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  return [
    platform === 'darwin' ? { role: 'appMenu' } : { label: 'File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
