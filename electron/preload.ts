// Exposes a typed client of the contract and nothing else (contextIsolation + sandbox).
import { contextBridge, ipcRenderer } from 'electron';
import type { ContractClient } from '../shared/contract';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc';

const client: ContractClient = {
  call: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  on: (name, handler) => {
    const listener = (_e: unknown, event: string, payload: unknown) => {
      if (event === name) (handler as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
};

contextBridge.exposeInMainWorld('crosslink', client);
