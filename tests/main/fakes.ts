import type { FrameLike, IpcEventLike, IpcMainLike, IpcSyncEventLike } from '../../electron/main/ipc-bridge';
import type { PreventableEvent } from '../../electron/main/navigation';

/** A minimal event whose preventDefault we can observe. */
export function preventable(): PreventableEvent & { prevented: boolean } {
  const e = {
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
  };
  return e;
}

/** Records listeners by name so a test can fire them as Electron would. */
export class FakeEmitter {
  readonly listeners = new Map<string, ((...args: never[]) => unknown)[]>();

  on(event: string, listener: (...args: never[]) => unknown): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

type InvokeHandler = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;
type SyncHandler = (event: IpcSyncEventLike) => void;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly syncHandlers = new Map<string, SyncHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  on(channel: string, listener: SyncHandler): this {
    this.syncHandlers.set(channel, listener);
    return this;
  }

  /** What ipcRenderer.invoke(channel, input) would resolve to, sent from `frame`. */
  async invoke(channel: string, frame: FrameLike | null, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, input);
  }

  sendSync(channel: string, frame: FrameLike | null): unknown {
    const handler = this.syncHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: IpcSyncEventLike = { senderFrame: frame, returnValue: undefined };
    handler(event);
    return event.returnValue;
  }
}

export function frame(
  url: string,
  ids: { processId?: number; routingId?: number; parent?: FrameLike | null } = {},
): FrameLike {
  return { url, processId: ids.processId ?? 7, routingId: ids.routingId ?? 1, parent: ids.parent ?? null };
}
