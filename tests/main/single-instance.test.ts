import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type FocusableWindowLike } from '../../electron/main/single-instance';
import { FakeEmitter } from './fakes';

class FakeApp extends FakeEmitter {
  quits = 0;
  constructor(private readonly gotLock: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quits += 1;
  }
}

function fakeWindow(minimized: boolean): FocusableWindowLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('single instance', () => {
  it('a second copy of Heard quits instead of opening the same records', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quits).toBe(1);
    expect(app.count('second-instance')).toBe(0);
  });

  it('the first copy keeps running and comes to the front when a second is started', () => {
    const app = new FakeApp(true);
    const win = fakeWindow(true);
    expect(claimSingleInstance(app, () => win)).toBe(true);
    expect(app.quits).toBe(0);
    app.emit('second-instance');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing on a second start while the window is not there yet', () => {
    const app = new FakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});
