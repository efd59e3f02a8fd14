// Sandboxed preloads may only require('electron'), so this file imports nothing of ours: the
// method names come from main (which takes them from shared/ipc/contract), and the channel names
// are repeated here as literals. tests/main/preload.test.ts checks they match the contract.
import { contextBridge, ipcRenderer } from 'electron';

const PREFIX = 'heard:';
const EVENT_CHANNEL = 'heard:event';
const METHODS_CHANNEL = 'heard:methods';

const names = ipcRenderer.sendSync(METHODS_CHANNEL) as unknown;
const api: Record<string, unknown> = {};
if (Array.isArray(names)) {
  for (const name of names) {
    if (typeof name !== 'string') continue;
    // Only the payload crosses: never the event, never ipcRenderer itself.
    api[name] = (input: unknown) => ipcRenderer.invoke(PREFIX + name, input);
  }
}
api.onEvent = (listener: (event: unknown) => void) => {
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld('heard', Object.freeze(api));
