import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/main/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items
    .flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
    .filter(Boolean);

describe('application menu', () => {
  it('has no reload and no developer tools in the installed app, but keeps editing and zoom', () => {
    const all = roles(menuTemplate('win32', false));
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).not.toContain('toggleDevTools');
    expect(all).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']));
  });

  it('uses the standard app menu on macOS and offers developer tools in unpackaged builds', () => {
    expect(roles(menuTemplate('darwin', true))).toEqual(expect.arrayContaining(['appMenu', 'toggleDevTools']));
  });
});
