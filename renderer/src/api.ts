// The typed client of the core: Electron IPC through the preload when it is there, HTTP to the preview server
// otherwise. Every failure becomes an ApiError carrying a French message the pages show as is.
import type { Envelope, ErrorCode, InputOf, MethodName, OutputOf } from '../../common/contract';
import { SESSION_ENDED_EVENT } from './features/auth/session';

export interface InfociteBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Electron only: prints the page with Chromium and saves the PDF where the person chooses. */
  savePdf?(suggestedName: string): Promise<Envelope<{ path: string } | null>>;
  /**
   * Electron's kiosk window only: whether a printer is installed (`check`), or print the page on the default
   * printer without a dialog (`print`; false when there is no printer).
   */
  borneImprimer?(action: 'check' | 'print'): Promise<Envelope<boolean>>;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser preview. */
    infocite?: InfociteBridge;
  }
}

export type ApiErrorCode = ErrorCode | 'transport';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** The input field the refusal is about, when the core says so: the form shows the message next to it. */
  readonly field?: string;
  /** Seconds to wait before trying again, when the core says so (a login during its forced wait). */
  readonly retryAfter?: number;

  constructor(code: ApiErrorCode, message: string, details: { field?: string; retryAfter?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (typeof details.field === 'string' && details.field !== '') this.field = details.field;
    if (typeof details.retryAfter === 'number' && details.retryAfter > 0)
      this.retryAfter = details.retryAfter;
  }
}

const UNREACHABLE =
  "Le service Info'Cité ne répond pas. Vérifiez que l'application est bien lancée, puis réessayez.";
const MALFORMED =
  "Réponse inattendue du service Info'Cité. Réessayez ; si cela persiste, prévenez votre administrateur.";

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'result' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  );
}

/**
 * Where the HTTP transport posts: the agents' `api/`, or the kiosk's own `borne/api/` (relative to /borne), set
 * once by the kiosk's entry. The server marks calls by that path: the kiosk's reach only its own methods.
 */
let httpApiBase = 'api/';

export function switchToKioskApi(): void {
  httpApiBase = 'borne/api/';
}

async function overHttp(method: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${httpApiBase}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError('transport', UNREACHABLE);
  }
  try {
    return await response.json();
  } catch {
    throw new ApiError('transport', response.ok ? MALFORMED : UNREACHABLE);
  }
}

async function transport(method: string, input: unknown): Promise<unknown> {
  const bridge = window.infocite;
  if (bridge && typeof bridge.invoke === 'function') {
    try {
      return await bridge.invoke(method, input);
    } catch {
      throw new ApiError('transport', UNREACHABLE);
    }
  }
  return overHttp(method, input);
}

/** Calls a method of the contract; resolves with its result or rejects with an ApiError. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const envelope = await transport(method, input);
  if (!isEnvelope(envelope)) throw new ApiError('internal', MALFORMED);
  if (!envelope.ok) {
    if (envelope.error.code === 'unauthenticated') window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
    throw new ApiError(envelope.error.code, envelope.error.message, envelope.error);
  }
  // The core validated the input against the same contract and answers with the method's result type.
  return envelope.result as OutputOf<M>;
}

/** Whatever was thrown, as an ApiError with a French message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', MALFORMED);
}

/**
 * Saves the current page as a PDF: through Electron's printToPDF in the app (resolves with the file's path, or
 * null when the person cancelled), through the browser's print dialog in the preview (« Enregistrer au format
 * PDF »; resolves with null).
 */
export async function savePageAsPdf(suggestedName: string): Promise<string | null> {
  const bridge = window.infocite;
  if (!bridge?.savePdf) {
    window.print();
    return null;
  }
  let envelope: unknown;
  try {
    envelope = await bridge.savePdf(suggestedName);
  } catch {
    throw new ApiError('transport', UNREACHABLE);
  }
  if (!isEnvelope(envelope)) throw new ApiError('internal', MALFORMED);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  const result = envelope.result as { path: string } | null;
  return result?.path ?? null;
}
