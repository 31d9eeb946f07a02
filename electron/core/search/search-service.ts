import { watch, type FSWatcher } from 'chokidar';
import { lstatSync, rmSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { IndexStatus } from '../../../common/contract';
import type { ContentFile, ContentSnapshot } from '../knowledge/content-files';
import {
  contentFolderInSteps,
  isContentPath,
  normalizeNewlines,
  readContentFolder,
  SYNONYMS_FILE,
  THEMES_FILE,
} from '../knowledge/content-files';
import { splitFrontMatter } from '../knowledge/parse';
import { UnavailableError } from '../errors';
import { stepThrough } from '../steps';
import { buildInWorker } from './build-in-worker';
import { SearchEngine } from './engine';
import { buildSearchData } from './index-build';
import type { PackedIndex } from './packed-index';
import { checksumMatchesInSteps } from './index-file';
import { indexFile, loadPersisted, persist } from './persist';

/** Beyond this many changed files at once (a copy, an import), only the full rebuild runs. */
export const QUICK_UPDATE_LIMIT = 20;

/** Paths added, changed or removed between two states of the folder. */
export function changedPaths(before: ReadonlyMap<string, string>, after: ContentFile[]): Set<string> {
  const changed = new Set<string>();
  const seen = new Set<string>();
  for (const file of after) {
    seen.add(file.path);
    if (before.get(file.path) !== file.text) changed.add(file.path);
  }
  for (const path of before.keys()) if (!seen.has(path)) changed.add(path);
  return changed;
}

export interface SearchServiceOptions {
  contentDir: string;
  dataDir: string;
  /** The index worker's entry: the bundled .cjs in Electron, the .ts source under tsx and in tests. */
  workerFile: string;
  /** Rebuild when a file of the content folder changes. */
  watch?: boolean;
  /** Quiet period after the last change before rebuilding, so a burst of saves costs one build. */
  debounceMs?: number;
  /** How often the folder is scanned once the system's file events failed and the watcher polls instead. */
  pollIntervalMs?: number;
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Where a problem of the whole folder (its watching) is listed among the content problems. */
export const FOLDER_PROBLEM_PATH = '.';

/** The watcher's failure in French, for the content problems and the index status. */
export function watchFailureMessage(error: unknown, polling: boolean): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause =
    code === 'ENOSPC' || code === 'EMFILE'
      ? 'le système ne permet pas de surveiller plus de fichiers (limite atteinte)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'un dossier est illisible (accès refusé)'
        : code === 'ELOOP'
          ? 'un lien symbolique forme une boucle'
          : `erreur ${code ?? (error instanceof Error ? error.message : String(error))}`;
  return polling
    ? `la surveillance du dossier de contenu a échoué (${cause}) : les modifications sont relues toutes les quelques secondes`
    : `la surveillance du dossier de contenu signale une erreur (${cause}) : vérifiez le dossier ; les autres modifications restent suivies`;
}

/**
 * Owns the live search engine: loads the persisted index when the content has not changed, otherwise builds it
 * in a worker; watches the content folder and swaps in a fresh engine after each rebuild. The previous engine
 * keeps answering while the next one is built.
 */
export class SearchService {
  private engine: SearchEngine | undefined;
  private state: IndexStatus['state'] = 'building';
  private progress: IndexStatus['progress'] = null;
  private fromCache = false;
  private error: string | undefined;
  private building: Promise<void> | undefined;
  private rebuildWanted = false;
  /** An editor's save was laid over the engine while a build ran (see refreshNow). */
  private savedDuringBuild = false;
  /** Editors' saves so far (refreshNow). */
  private saves = 0;
  private watcher: FSWatcher | undefined;
  /** Set once the system's file events failed: the watcher then polls, and the problem is listed. */
  private watchProblem: string | undefined;
  private polling = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private firstBuild: Promise<void>;
  private watchReady: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  /** The content the current engine was built from, path → text. */
  private files = new Map<string, string>();
  /** The current engine's persisted index failed its checksum: the next build may not keep it for its content. */
  private damaged = false;
  /** The folder as last read, its files' stamps with it: the next read takes again only the changed files. */
  private lastRead: ContentSnapshot | undefined;

  constructor(private readonly options: SearchServiceOptions) {
    // Reading the folder up front makes a missing folder fail the start, with a clear message.
    const snapshot = this.snapshot();
    // A persisted index the engine cannot load is rebuilt, never a reason not to start.
    this.firstBuild = this.loadPersistedFor(snapshot) ? Promise.resolve() : this.rebuild();
    if (options.watch) this.startWatching();
  }

  /** Resolves once a first engine is available (or the first build failed). */
  ready(): Promise<void> {
    return this.firstBuild;
  }

  /** Resolves once the content folder is being watched. */
  watching(): Promise<void> {
    return this.watchReady;
  }

  /** Called after every successful rebuild; used by tests and the command line. */
  onRebuilt(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  current(): SearchEngine {
    if (!this.engine) {
      throw new UnavailableError(
        this.state === 'error'
          ? `L'index de recherche n'a pas pu être construit : ${this.error ?? 'erreur inconnue'}`
          : "L'index de recherche est en cours de construction, réessayez dans un instant.",
      );
    }
    return this.engine;
  }

  status(): IndexStatus {
    const knowledge = this.engine?.knowledge;
    return {
      state: this.state,
      progress: this.progress,
      fiches: knowledge?.fiches.length ?? 0,
      contacts: knowledge?.contacts.length ?? 0,
      problems: knowledge?.problems.length ?? 0,
      builtAt: this.engine?.builtAt ?? null,
      fromCache: this.fromCache,
      contentDir: this.options.contentDir,
      error: this.error ?? this.watchProblem,
    };
  }

  /** The folder as read now, plus the watcher's failure as a problem of the folder itself. */
  private snapshot(): ContentSnapshot {
    this.lastRead = readContentFolder(this.options.contentDir, this.lastRead);
    return this.withWatchProblem(this.lastRead);
  }

  /** The folder as read now; undefined when it cannot be read (the rebuild reads it again and reports why). */
  private snapshotIfReadable(): ContentSnapshot | undefined {
    try {
      return this.snapshot();
    } catch {
      return undefined;
    }
  }

  /** The same, read in steps (see contentFolderInSteps): the current engine answers meanwhile. */
  private async snapshotInSteps(): Promise<ContentSnapshot> {
    this.lastRead = await stepThrough(contentFolderInSteps(this.options.contentDir, this.lastRead));
    return this.withWatchProblem(this.lastRead);
  }

  private withWatchProblem(snapshot: ContentSnapshot): ContentSnapshot {
    if (this.watchProblem === undefined) return snapshot;
    return {
      files: [...snapshot.files, { path: FOLDER_PROBLEM_PATH, text: '', problem: this.watchProblem }],
      hash: `${snapshot.hash}:${this.watchProblem}`,
    };
  }

  /**
   * Rebuilds from the folder unless its content is unchanged; a request during a build queues one more. The
   * folder is read in steps, unless `snapshot` gives it as just read (an editor's save: see refreshNow).
   */
  rebuild(snapshot?: ContentSnapshot): Promise<void> {
    if (this.building) {
      this.rebuildWanted = true;
      return this.building;
    }
    this.building = this.runBuild(snapshot).finally(() => {
      this.building = undefined;
      if (this.rebuildWanted) {
        this.rebuildWanted = false;
        // An editor's save laid over the engine during the build is gone from the one the build just put in place:
        // the folder is read at once, so the queued rebuild lays it again in this same turn.
        const now = this.savedDuringBuild;
        this.savedDuringBuild = false;
        void this.rebuild(now ? this.snapshotIfReadable() : undefined);
      }
    });
    return this.building;
  }

  /**
   * An editor just wrote a file: index it now. Idle, this is a rebuild (its quick update runs before its first
   * await, so the file is searchable when this returns). During a full build, the quick update runs at once too
   * instead of waiting for that build; when the build ends with its older snapshot, the queued rebuild lays the
   * change over it again in the same turn of the event loop, so no search sees the file disappear.
   */
  refreshNow(): void {
    this.saves++;
    if (this.building) {
      try {
        const snapshot = this.snapshot();
        this.savedDuringBuild = this.quickUpdate(snapshot.files, snapshot.hash) || this.savedDuringBuild;
      } catch (error) {
        console.warn('[search] quick update failed:', error);
      }
    }
    // Idle, the folder is read at once (not in steps): the saved file must be searchable when this returns.
    this.rebuild(this.building ? undefined : this.snapshotIfReadable()).catch((error: unknown) =>
      console.error('[search] rebuild failed:', error),
    );
  }

  /**
   * A few changed fiches are indexed on their own and laid over the current engine at once, so an editor's save
   * is searchable in well under a second; the full rebuild that follows in the worker then replaces both.
   */
  private quickUpdate(files: ContentFile[], hash: string): boolean {
    if (!this.engine) return false;
    const changed = changedPaths(this.files, files);
    if (changed.size === 0 || changed.size > QUICK_UPDATE_LIMIT) return false;
    if (changed.has(SYNONYMS_FILE) || changed.has(THEMES_FILE)) return false;
    const delta = buildSearchData(
      files.filter((file) => changed.has(file.path)),
      hash,
    );
    this.engine = new SearchEngine(delta, undefined, { engine: this.engine, changedPaths: changed });
    this.prepareMeanwhile(this.engine);
    this.files = new Map(files.map((file) => [file.path, file.text]));
    for (const listener of this.listeners) listener();
    return true;
  }

  /**
   * Runs `steps` a step per turn of the event loop while `engine` is the current one; resolves with their result,
   * or undefined once the engine was replaced or the service closed (the rest is dropped).
   */
  private whileCurrent<T>(engine: SearchEngine, steps: Generator<void, T>): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      const step = () => {
        if (this.closed || this.engine !== engine) return resolve(undefined);
        try {
          const next = steps.next();
          if (next.done) resolve(next.value);
          else setImmediate(step);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      setImmediate(step);
    });
  }

  /**
   * A persisted index answers before its checksum is checked (the whole file's, a fifth of the cold start on
   * 20,000 fiches): it is checked meanwhile. Should it not match, the file is removed and the index rebuilt, as
   * one refused at once would be; the damaged one answers until then.
   */
  private checkMeanwhile(engine: SearchEngine, index: PackedIndex): void {
    this.whileCurrent(engine, checksumMatchesInSteps(index.bytes))
      .then((intact) => {
        if (intact !== false) return;
        console.warn('[search] the persisted index is damaged (checksum): it is rebuilt');
        rmSync(indexFile(this.options.dataDir), { force: true });
        this.damaged = true;
        return this.rebuild();
      })
      .catch((error: unknown) => console.error('[search] checksum or rebuild failed:', error));
  }

  /**
   * An engine put in place at once (loaded from disk, or a save laid over the current one) answers already; what
   * its first queries would make (`SearchEngine.preparing`) is made meanwhile, while it is still the current one.
   * Left to the queries, the first one that found nothing after a save paid 100 ms and more for the suggestions'
   * tables.
   */
  private prepareMeanwhile(engine: SearchEngine): void {
    this.whileCurrent(engine, engine.preparing()).catch((error: unknown) =>
      console.warn('[search] preparing the engine failed (its first queries will):', error),
    );
  }

  /**
   * The persisted index does not store the bodies (persist.ts): a fiche page reads its body from the folder's
   * text this service holds, the text the index was built from (or a newer one, until the rebuild). Only the
   * front-matter is split off, as the parser does (no validation): none when it is unreadable or names another id.
   */
  private withBodies(index: PackedIndex): PackedIndex {
    index.readBodiesWith((item) => {
      const text = this.files.get(item.path);
      if (text === undefined) return undefined;
      try {
        const split = splitFrontMatter({ path: item.path, text: normalizeNewlines(text) });
        return split.data.id === item.id ? split.body : undefined;
      } catch {
        return undefined;
      }
    });
    return index;
  }

  /**
   * An index built from exactly this content may already be on disk: a desk's content mirror installs the one
   * the city server built before it puts the files in place. Loading it costs a read, not a build (its checksum
   * is checked afterwards, see checkMeanwhile); a file of another version is recognised by its first bytes and
   * costs nothing.
   */
  private loadPersistedFor(snapshot: ContentSnapshot): boolean {
    const data = loadPersisted(this.options.dataDir, snapshot.hash);
    if (!data) return false;
    let engine: SearchEngine;
    try {
      engine = new SearchEngine(this.withBodies(data));
    } catch (error) {
      console.warn('[search] the persisted index cannot be loaded, it is rebuilt:', error);
      return false;
    }
    this.engine = engine;
    this.checkMeanwhile(engine, data);
    this.prepareMeanwhile(engine);
    this.files = new Map(snapshot.files.map((file) => [file.path, file.text]));
    this.fromCache = true;
    this.error = undefined;
    this.state = 'ready';
    for (const listener of this.listeners) listener();
    return true;
  }

  private async runBuild(given?: ContentSnapshot): Promise<void> {
    try {
      const saves = this.saves;
      let snapshot = given ?? (await this.snapshotInSteps());
      // An editor saved while the folder was read in steps: read again at once, or the older read would be laid
      // over the engine that already shows the save.
      if (this.saves !== saves) snapshot = this.snapshot();
      const damaged = this.damaged;
      this.damaged = false;
      if (!damaged && this.engine && !this.engine.partial && this.engine.contentHash === snapshot.hash)
        return;
      if (this.loadPersistedFor(snapshot)) return;
      this.quickUpdate(snapshot.files, snapshot.hash);
      this.state = 'building';
      this.progress = { done: 0, total: snapshot.files.length };
      // The files are packed for the worker in steps (worker-files.ts), from a turn of their own, not the quick
      // update's.
      await new Promise((resolve) => setImmediate(resolve));
      const { index, persisted } = await buildInWorker(
        this.options.workerFile,
        snapshot.files,
        snapshot.hash,
        (done, total) => {
          this.progress = { done, total };
        },
        this.options.dataDir,
      );
      // Prepared in steps while the previous engine keeps answering: the first search on it is like any other.
      this.engine = await SearchEngine.prepared(this.withBodies(index));
      this.files = new Map(snapshot.files.map((file) => [file.path, file.text]));
      this.fromCache = false;
      this.error = undefined;
      this.state = 'ready';
      if (!persisted) {
        try {
          persist(this.options.dataDir, index.bytes);
        } catch (error) {
          console.warn('[search] could not persist the index:', error);
        }
      }
      for (const listener of this.listeners) listener();
    } catch (error) {
      console.error('[search] index build failed:', error);
      this.error = error instanceof Error ? error.message : String(error);
      // The previous engine, if any, keeps serving: a failed rebuild never leaves the desk without search.
      this.state = this.engine ? 'ready' : 'error';
    } finally {
      this.progress = null;
    }
  }

  private startWatching(): void {
    const root = this.options.contentDir;
    // Links are not followed: a link out of the folder or in a loop is the reader's to report, never walked
    // here. Once the system's file events failed (inotify limit, unreadable folder…), the folder is polled.
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      usePolling: this.polling,
      interval: this.options.pollIntervalMs ?? 2_000,
      binaryInterval: this.options.pollIntervalMs ?? 2_000,
      ignored: (path) => {
        const rel = relative(root, path).split(sep).join('/');
        return rel !== '' && rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
      },
    });
    this.watcher = watcher;
    const schedule = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.rebuild(), this.options.debounceMs ?? 250);
    };
    const changed = (path: string) => {
      if (isContentPath(relative(root, path).split(sep).join('/'))) schedule();
    };
    // A new link (not followed here) may bring a folder of fiches, or a loop the reader will report.
    const added = (path: string) => {
      if (isContentPath(relative(root, path).split(sep).join('/'))) schedule();
      else if (isSymbolicLink(path)) schedule();
    };
    this.watchReady = new Promise((resolve) => {
      watcher.once('ready', () => resolve());
      // A watcher that fails before it is ready must not leave watching() pending.
      watcher.once('error', () => resolve());
    });
    // A removed folder may have held fiches, an added one (or a link to one) may hold some: the folder's hash
    // tells whether anything changed.
    watcher
      .on('add', added)
      .on('change', changed)
      .on('unlink', changed)
      .on('addDir', schedule)
      .on('unlinkDir', schedule)
      .on('error', (error: unknown) => this.watchFailed(watcher, error));
  }

  /**
   * The watcher failed: never fatal. The failure is listed among the content problems (and in the status), the
   * watcher is restarted in polling mode, and the folder is read again, which also reports what caused it (a
   * loop of links…). A polling watcher that fails too is left failing: its errors are reported, not thrown.
   */
  private watchFailed(watcher: FSWatcher, error: unknown): void {
    console.warn('[search] content watcher error:', error);
    if (this.closed || watcher !== this.watcher) return;
    if (!this.polling) {
      this.polling = true;
      this.watchProblem = watchFailureMessage(error, true);
      void watcher.close().catch(() => undefined);
      this.startWatching();
    } else {
      const message = watchFailureMessage(error, false);
      // The same error again (a folder polled every few seconds): already listed.
      if (message === this.watchProblem) return;
      this.watchProblem = message;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rebuild(), this.options.debounceMs ?? 250);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.building?.catch(() => undefined);
  }
}
