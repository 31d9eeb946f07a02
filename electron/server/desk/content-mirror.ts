// A connected desk's copy of the city's knowledge base. Every few seconds it asks the server's manifest (a 304
// when nothing changed), fetches only the files whose hash differs, checks each one's sha-256, and puts them in
// place through hidden temporary files renamed at the end, so the folder never holds half a file; files gone
// from the manifest are deleted (only content files found inside the mirror folder). When the server's index
// was built by the same analyzer from exactly the files about to be in place, it is installed first, so the
// desk's search service loads it instead of building one. Offline, the desk keeps what it has and tries again.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { API_VERSION, API_VERSION_HEADER, POSTE_HEADER } from '../../../common/sync/methods';
import type { ContentFile } from '../../core/knowledge/content-files';
import { contentHashOf, isContentPath } from '../../core/knowledge/content-files';
import type { ManifestFile } from '../../core/knowledge/content-manifest';
import { ContentHasher } from '../../core/knowledge/content-manifest';
import { sha256Of } from '../../core/hash';
import type { ContentManifest } from '../../core/knowledge/publication';
import { contentPath, prepareAtomicWrite } from '../../core/redaction/files';
import { ANALYZER_VERSION } from '../../core/search/analyzer';
import { indexFile, persistText, readIndexHeader } from '../../core/search/persist';
import { SEARCH_DATA_FORMAT } from '../../core/search/search-data';
import { QUICK_UPDATE_LIMIT } from '../../core/search/search-service';

export interface ContentMirrorOptions {
  /** The city server's address (https://…/). */
  serverUrl: string;
  /** This desk's credential, received at enrolment. */
  credential: string;
  /** The desk's content folder: the mirror's own, written only by it. */
  contentDir: string;
  /** The desk's data folder: the shipped index goes where its search service looks for a persisted one. */
  dataDir: string;
  fetch?: typeof fetch;
  /** Between two polls of the manifest; 5 s by default. */
  intervalMs?: number;
}

/** A sync that could not complete; nothing of it was put in place. */
export class MirrorError extends Error {}

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const manifestSchema = z.object({
  version: z.string().min(1).max(200),
  files: z.array(
    z.object({
      path: z.string().min(1).max(1000),
      sha256: sha,
      size: z.number().int().nonnegative(),
    }),
  ),
  index: z
    .object({
      format: z.number().int(),
      analyzerVersion: z.number().int(),
      contentHash: z.string().max(10_000),
      sha256: sha,
      size: z.number().int().nonnegative(),
    })
    .nullable(),
}) satisfies z.ZodType<ContentManifest>;

/** Downloads running at once: enough to hide the latency of a remote server, few enough to stay polite. */
const PARALLEL_DOWNLOADS = 6;
const REQUEST_TIMEOUT_MS = 30_000;
const INDEX_TIMEOUT_MS = 300_000;

interface Prepared {
  commit: () => void;
  discard: () => void;
}

export class ContentMirror {
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly hasher: ContentHasher;
  private etag: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private queue: Promise<unknown> = Promise.resolve();
  private offline = false;
  /**
   * Files written or deleted since the desk's index last matched its folder (undefined: not known yet, as at
   * start). Decides whether the server's index is worth its weight (see shippedIndex).
   */
  private sinceIndex: number | undefined;

  constructor(private readonly opts: ContentMirrorOptions) {
    this.base = opts.serverUrl.endsWith('/') ? opts.serverUrl : `${opts.serverUrl}/`;
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.hasher = new ContentHasher(opts.contentDir);
  }

  /** Polls the server until stop(); the first sync starts at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.queue.catch(() => undefined);
  }

  /** One sync (after the one under way, if any): the number of files written or deleted. */
  syncOnce(): Promise<{ changed: number }> {
    const next = this.queue.catch(() => undefined).then(() => this.sync());
    this.queue = next;
    return next;
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.syncOnce()
        .then(() => {
          if (this.offline) console.log('[mirror] content in sync with the server again');
          this.offline = false;
        })
        .catch((error: unknown) => {
          // Quietly: said once when the server stops answering, not at every poll.
          if (!this.offline) console.warn('[mirror] content sync failed, retrying:', String(error));
          this.offline = true;
        })
        .finally(() => this.schedule(this.opts.intervalMs ?? 5_000));
    }, delay);
  }

  private async get(
    path: string,
    timeoutMs: number,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const attempt = () =>
      this.fetch(new URL(path, this.base), {
        headers: {
          [POSTE_HEADER]: this.opts.credential,
          [API_VERSION_HEADER]: String(API_VERSION),
          ...headers,
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    try {
      return await attempt();
    } catch (error) {
      // Every request here is a GET: one more try hides a kept-alive connection the server just closed
      // (ECONNRESET), without waiting for the next poll. A timeout is not retried.
      if (!(error instanceof TypeError)) throw error;
      return attempt();
    }
  }

  /** The body of a successful answer, or a MirrorError with the server's French message. */
  private async bytes(path: string, timeoutMs: number): Promise<Buffer> {
    const response = await this.get(path, timeoutMs);
    if (!response.ok) throw await refusal(response);
    return Buffer.from(await response.arrayBuffer());
  }

  private async sync(): Promise<{ changed: number }> {
    const response = await this.get(
      'sync/manifest',
      REQUEST_TIMEOUT_MS,
      this.etag ? { 'if-none-match': this.etag } : {},
    );
    if (response.status === 304) return { changed: 0 };
    if (!response.ok) throw await refusal(response);
    const parsed = manifestSchema.safeParse(await response.json());
    if (!parsed.success) throw new MirrorError('Manifeste du serveur illisible.');
    const manifest = parsed.data;
    const { contentDir } = this.opts;
    mkdirSync(contentDir, { recursive: true });
    for (const file of manifest.files) checkPath(contentDir, file.path);
    const local = new Map(this.hasher.list().map((file) => [file.path, file.sha256]));
    const wanted = manifest.files.filter((file) => local.get(file.path) !== file.sha256);
    const listed = new Set(manifest.files.map((file) => file.path));
    const prepared: Prepared[] = [];
    const received = new Map<string, Buffer>();
    try {
      await eachLimited(wanted, PARALLEL_DOWNLOADS, async (file) => {
        const bytes = await this.bytes(`sync/fichier/${file.sha256}`, REQUEST_TIMEOUT_MS);
        if (sha256Of(bytes) !== file.sha256)
          throw new MirrorError(`Fichier reçu altéré (empreinte différente) : ${file.path}`);
        received.set(file.path, bytes);
        // Not flushed one by one: a file damaged by a crash is found by its hash at the next sync.
        prepared.push(prepareAtomicWrite(contentDir, file.path, bytes, { flush: false }));
      });
      const changes = wanted.length + [...local.keys()].filter((path) => !listed.has(path)).length;
      if (this.sinceIndex !== undefined) this.sinceIndex += changes;
      const index = await this.shippedIndex(manifest, received);
      // The index goes first: the folder's watcher then finds it when the files it was built from arrive.
      if (index) {
        persistText(this.opts.dataDir, index);
        this.sinceIndex = 0;
      }
      for (const step of prepared) step.commit();
    } finally {
      for (const step of prepared) step.discard();
    }
    let deleted = 0;
    for (const path of local.keys()) {
      if (listed.has(path)) continue;
      rmSync(contentPath(contentDir, path), { force: true });
      deleted++;
    }
    this.etag = response.headers.get('etag') ?? undefined;
    return { changed: wanted.length + deleted };
  }

  /**
   * The server's index when this desk can use it and does not have it yet: same analyzer and format, built
   * from exactly the files about to be in place (not while the server is still rebuilding after a change).
   * A national index weighs tens of megabytes: after a few changed files the desk's own search service indexes
   * them (a quick update, then its build), so the index travels only when the desk has no usable index, or
   * more files changed since its last one than a quick update takes.
   */
  private async shippedIndex(
    manifest: ContentManifest,
    received: ReadonlyMap<string, Buffer>,
  ): Promise<Buffer | undefined> {
    const index = manifest.index;
    if (!index || index.analyzerVersion !== ANALYZER_VERSION || index.format !== SEARCH_DATA_FORMAT)
      return undefined;
    const mine = readIndexHeader(indexFile(this.opts.dataDir));
    const usable = mine?.analyzerVersion === ANALYZER_VERSION && mine.format === SEARCH_DATA_FORMAT;
    const target = contentVersion(this.opts.contentDir, manifest.files, received);
    if (usable && mine.contentHash === target) {
      // The desk already indexed this very content itself.
      this.sinceIndex = 0;
      return undefined;
    }
    if (index.contentHash !== target) return undefined;
    if (usable && this.sinceIndex !== undefined && this.sinceIndex <= QUICK_UPDATE_LIMIT) return undefined;
    const bytes = await this.bytes(`sync/index/${index.sha256}`, INDEX_TIMEOUT_MS);
    if (sha256Of(bytes) !== index.sha256) throw new MirrorError('Index reçu altéré (empreinte différente).');
    return bytes;
  }
}

/** A manifest's path must be a content file inside the mirror folder, or the whole manifest is refused. */
function checkPath(contentDir: string, path: string): void {
  if (!isContentPath(path)) throw new MirrorError(`Chemin refusé dans le manifeste : « ${path} »`);
  try {
    contentPath(contentDir, path);
  } catch (error) {
    throw new MirrorError(
      `Chemin refusé dans le manifeste : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The content version (as the search service computes it) of the manifest's files once in place. */
function contentVersion(
  contentDir: string,
  files: readonly ManifestFile[],
  received: ReadonlyMap<string, Buffer>,
): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const texts: ContentFile[] = sorted.map((file) => ({
    path: file.path,
    text: (received.get(file.path) ?? readFileSync(contentPath(contentDir, file.path))).toString('utf8'),
  }));
  return contentHashOf(texts);
}

async function refusal(response: Response): Promise<MirrorError> {
  let message = `le serveur a répondu ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not the server's JSON (a proxy's page): its status says enough.
  }
  return new MirrorError(message);
}

/** Runs `task` on every item, at most `limit` at once; the first failure rejects (the others finish first). */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
