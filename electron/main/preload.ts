// The window's only bridge to the main process: the API's one function and channel, plus « save this page as
// PDF » (and, for the kiosk window, « print this page »). Runs sandboxed, so it is bundled to CommonJS and may only use the few Electron modules a sandboxed
// preload gets.
import { contextBridge, ipcRenderer } from 'electron';
import type { IPC_CHANNEL, PDF_CHANNEL } from '../../common/contract';
import type { BORNE_PRINT_CHANNEL } from '../../common/borne/methods';

// A type-only import keeps zod and the schemas out of the preload; the annotation still makes the compiler
// check that this literal is the contract's channel.
const channel: typeof IPC_CHANNEL = 'infocite';
const pdfChannel: typeof PDF_CHANNEL = 'infocite:pdf';
const bornePrintChannel: typeof BORNE_PRINT_CHANNEL = 'infocite:borne-print';

contextBridge.exposeInMainWorld('infocite', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, method, input),
  savePdf: (suggestedName: string): Promise<unknown> => ipcRenderer.invoke(pdfChannel, suggestedName),
  // Answered only to the kiosk window (`--borne`): whether a printer exists, or print without a dialog.
  borneImprimer: (action: 'check' | 'print'): Promise<unknown> =>
    ipcRenderer.invoke(bornePrintChannel, action),
});
