// Writing a fiche or contact: the file changes only if it is still the version the editor started from, the
// result passes the parser's checks, and the file is not a national fiche; then the new file is put in place
// atomically together with its audit row.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { RefusedError } from '../errors';
import type { Db } from '../store/db';
import type { EditorKind } from '../../../common/redaction/codes';
import type { EditorContext } from './documents';
import { locate, newFilePath, notFound } from './documents';
import { sha256Of } from '../hash';
import { oneWriteAtATime, prepareAtomicWrite, readDiskFile } from './files';
import type { SplitFile } from './front-matter';
import { renderFile, splitFile, tidyFrontMatter } from './front-matter';
import { readOnlyReason } from './read-only';
import type { EditorProblem, FrontMatter, SaveResult } from '../../../common/redaction/types';
import { hasErrors, validateDocument } from './validate';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export interface WriteRequest {
  kind: EditorKind;
  /** The id of the file to change, or of the new file. */
  id: string;
  /**
   * The version the change is based on: a sha-256 (conflict if the file changed since), null for a new file
   * (conflict if it exists), undefined to change the file as it is now (it must exist).
   */
  baseVersion: string | null | undefined;
  /** Audit verb: creation, modification, verification… */
  action: string;
  /** The file's new content, from its current content (null for a new file). */
  build: (current: SplitFile | null) => { frontMatter: FrontMatter; body: string };
}

export type WriteResult =
  | { status: 'saved'; version: string; path: string; frontMatter: FrontMatter }
  | { status: 'invalid'; problems: EditorProblem[] }
  | Extract<SaveResult, { status: 'conflict' }>;

/** What the audit trail keeps of a version: where, which bytes, and the front-matter (the body is in the hash). */
function summary(path: string, version: string, frontMatter: FrontMatter) {
  return { path, version, ...frontMatter };
}

/** The id a new file takes: the form's, when it is a valid one (otherwise validation says why). */
function newId(request: WriteRequest, frontMatter: FrontMatter): string {
  return typeof frontMatter.id === 'string' && ID_PATTERN.test(frontMatter.id) ? frontMatter.id : request.id;
}

/**
 * Writes one file with its audit row. Must not be called inside another transaction (it opens its own, after
 * waiting for the folder's other saves).
 */
export function writeDocument(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  request: WriteRequest,
  now: Date,
): Promise<WriteResult> {
  // The saves of one content folder run one at a time, from reading the disk to the rename (see oneWriteAtATime);
  // the transaction then only holds the audit row, which commits with the file or rolls back when the rename
  // fails. It reads nothing from the database, so PostgreSQL has no conflict to retry it for: the rename, its
  // last step, happens once.
  return oneWriteAtATime(ctx.contentDir, () =>
    db.transaction((tx) => writeLocked(tx, actor, ctx, request, now)),
  );
}

async function writeLocked(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  request: WriteRequest,
  now: Date,
): Promise<WriteResult> {
  const { kind } = request;
  const creating = request.baseVersion === null;
  let path: string;
  let current: (SplitFile & { version: string }) | null = null;
  let next: { frontMatter: FrontMatter; body: string };
  if (creating) {
    next = request.build(null);
    path = newFilePath(kind, newId(request, tidyFrontMatter(kind, next.frontMatter)));
    const disk = readDiskFile(ctx.contentDir, path);
    if (disk) return { status: 'conflict', disk: { ...splitFile(disk.text), version: disk.version } };
  } else {
    const located = locate(ctx, kind, request.id);
    const disk = located === null ? null : readDiskFile(ctx.contentDir, located);
    if (located === null || disk === null) {
      if (request.baseVersion === undefined) throw notFound(kind, request.id);
      return { status: 'conflict', disk: null };
    }
    path = located;
    const split = splitFile(disk.text);
    current = { frontMatter: split.frontMatter, body: split.body, version: disk.version };
    if (request.baseVersion !== undefined && disk.version !== request.baseVersion) {
      return {
        status: 'conflict',
        disk: { frontMatter: current.frontMatter, body: current.body, version: current.version },
      };
    }
    const readOnly = readOnlyReason(kind, located, disk.text, current.frontMatter);
    if (readOnly) throw new RefusedError(readOnly);
    next = request.build(current);
  }

  const frontMatter = tidyFrontMatter(kind, next.frontMatter);
  const problems = validateDocument(
    { kind, frontMatter, body: next.body, path, originalId: creating ? undefined : request.id },
    ctx.knowledge,
  );
  if (hasErrors(problems)) return { status: 'invalid', problems };

  const text = renderFile(kind, frontMatter, next.body);
  const version = sha256Of(text);
  // Saving what is already there changes nothing: no write, no audit row.
  if (current?.version === version) return { status: 'saved', version, path, frontMatter };
  const write = prepareAtomicWrite(ctx.contentDir, path, text);
  try {
    await recordAudit(
      db,
      actor,
      {
        action: request.action,
        objet: kind,
        objetId: String(frontMatter.id ?? request.id),
        avant: current
          ? summary(path, current.version, tidyFrontMatter(kind, current.frontMatter))
          : undefined,
        apres: summary(path, version, frontMatter),
      },
      now,
    );
    // Last: if the rename fails, the audit row rolls back with the transaction.
    write.commit();
  } finally {
    write.discard();
  }
  return { status: 'saved', version, path, frontMatter };
}

/** editor.save: the form's front-matter and body, over the version the editor opened (null: a new file). */
export async function saveDocument(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  input: { kind: EditorKind; id: string; frontMatter: FrontMatter; body: string; baseVersion: string | null },
  now: Date,
): Promise<SaveResult> {
  const result = await writeDocument(
    db,
    actor,
    ctx,
    {
      kind: input.kind,
      id: input.id,
      baseVersion: input.baseVersion,
      action: input.baseVersion === null ? 'creation' : 'modification',
      build: () => ({ frontMatter: input.frontMatter, body: input.body }),
    },
    now,
  );
  return result.status === 'saved' ? { status: 'saved', version: result.version, path: result.path } : result;
}
