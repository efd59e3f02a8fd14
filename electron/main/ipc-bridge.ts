import { IPC_EVENT_CHANNEL, IPC_METHODS_CHANNEL, IPC_PREFIX } from '../../shared/ipc/contract';
import type { AppErrorShape, Envelope } from '../../shared/ipc/errors';
import type { AppEvent } from '../../shared/ipc/events';
import { isAppUrl } from './app-protocol';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
}

export interface IpcSyncEventLike extends IpcEventLike {
  returnValue: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcSyncEventLike) => void): unknown;
}

export interface CoreLike {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export const FORBIDDEN: AppErrorShape = {
  code: 'forbidden',
  message: "This request did not come from Heard's own window, so it was refused.",
};

/**
 * A call is ours only when it comes from the top frame of our window, showing a heard://app page.
 * A subframe, a page that somehow navigated elsewhere, or a destroyed frame is refused before
 * core sees the payload.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isAppUrl(frame.url);
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  core: CoreLike;
  methodNames: readonly string[];
  /** The main frame of our window right now (null before it exists or after it closed). */
  mainFrame: () => FrameLike | null | undefined;
  log?: (line: string) => void;
}

/** One `heard:<method>` handler per contract method; core's dispatch validates the payload. */
export function registerIpc(options: IpcBridgeOptions): void {
  const { ipcMain, core, methodNames, mainFrame } = options;
  const log = options.log ?? (() => {});
  const trusted = (event: IpcEventLike): boolean => isTrustedFrame(event.senderFrame, mainFrame());

  for (const name of methodNames) {
    ipcMain.handle(IPC_PREFIX + name, async (event, input) => {
      if (!trusted(event)) {
        log(`Refused a call to ${name} from an unexpected frame.`);
        return { ok: false, error: FORBIDDEN } satisfies Envelope<never>;
      }
      return core.call(name, input);
    });
  }

  ipcMain.on(IPC_METHODS_CHANNEL, (event) => {
    event.returnValue = trusted(event) ? [...methodNames] : [];
  });
}

export interface EventTargetLike {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Pushes core's events (lock, progress, changes) to our window; returns the unsubscribe. */
export function forwardCoreEvents(core: CoreLike, target: () => EventTargetLike | null | undefined): () => void {
  return core.onEvent((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
}
