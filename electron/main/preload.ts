// The window's only bridge to the main process: the API's one function and channel, plus « save this page as
// PDF ». Runs sandboxed, so it is bundled to CommonJS and may only use the few Electron modules a sandboxed
// preload gets.
import { contextBridge, ipcRenderer } from 'electron';
import type { IPC_CHANNEL, PDF_CHANNEL } from '../../common/contract';

// A type-only import keeps zod and the schemas out of the preload; the annotation still makes the compiler
// check that this literal is the contract's channel.
const channel: typeof IPC_CHANNEL = 'infocite';
const pdfChannel: typeof PDF_CHANNEL = 'infocite:pdf';

contextBridge.exposeInMainWorld('infocite', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, method, input),
  savePdf: (suggestedName: string): Promise<unknown> => ipcRenderer.invoke(pdfChannel, suggestedName),
});
