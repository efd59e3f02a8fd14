import { describe, expect, it } from 'vitest';
import { denyAllPermissions, type PermissionSessionLike } from '../../electron/main/permissions';

describe('permissions', () => {
  it('answers no to every permission request and every permission check', () => {
    const got: {
      request?: Parameters<PermissionSessionLike['setPermissionRequestHandler']>[0];
      check?: Parameters<PermissionSessionLike['setPermissionCheckHandler']>[0];
      device?: Parameters<PermissionSessionLike['setDevicePermissionHandler']>[0];
    } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h) => {
        got.request = h;
      },
      setPermissionCheckHandler: (h) => {
        got.check = h;
      },
      setDevicePermissionHandler: (h) => {
        got.device = h;
      },
    });
    const { request, check, device } = got;
    expect(request && check && device).toBeTruthy();
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ];
    for (const permission of permissions) {
      const answers: boolean[] = [];
      request?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(check?.({}, permission), permission).toBe(false);
    }
    expect(device?.({ deviceType: 'usb' })).toBe(false);
  });
});
