/**
 * Exposes one narrow call to the renderer: `window.api.invoke(channel, input)`, limited to the
 * channels of the contract. No raw ipcRenderer crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type Api } from '../shared/contract';

const api: Api = {
  invoke: (channel, input) => {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke('api', channel, input);
  },
};

contextBridge.exposeInMainWorld('api', api);
