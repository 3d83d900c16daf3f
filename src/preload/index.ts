/**
 * Exposes two narrow calls to the renderer: `window.api.invoke(channel, input)`, limited to the
 * channels of the contract, and `reportUnsaved`, a flag the window's closing reads. No raw
 * ipcRenderer crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type Api } from '../shared/contract';

const api: Api = {
  invoke: (channel, input) => {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke('api', channel, input);
  },
  reportUnsaved: (unsaved) => ipcRenderer.send('unsaved', unsaved),
};

contextBridge.exposeInMainWorld('api', api);
