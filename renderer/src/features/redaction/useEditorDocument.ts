// The state of the editor's page: the file as opened (its version, the keys the form does not show), the form and
// the body as typed, the core's problems (checked as one types), the preview, and the save with its three
// answers: saved, invalid (everything typed stays), or conflict (the file changed on disk: both versions are kept
// until the person chooses).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiskVersion, EditorProblem, FrontMatter } from '../../../../common/redaction/types';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { navigate } from '../../navigation';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';
import type { EditorKind } from './editorForm';

/** How the form and the file's front-matter convert into each other. */
export interface FormCodec<F> {
  fromFrontMatter(frontMatter: FrontMatter): F;
  toFrontMatter(form: F, rest: FrontMatter): FrontMatter;
}

export type EditorLoad =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; readOnly: boolean };

export interface Conflict {
  /** The file as it is on disk now; null when it was deleted. */
  disk: DiskVersion | null;
  /** What the person had typed when the conflict was found. */
  mine: { frontMatter: FrontMatter; body: string };
}

export type Notice = { kind: 'success' | 'error'; text: string } | null;

/** Typing pauses this long before the core checks the form and renders the preview. */
export const DEBOUNCE_MS = 300;

// A message to show on the page the editor moves to after creating a file (the page is a new component). Read
// when the page starts, cleared once it is mounted (a state initializer may run twice in development).
let flash: string | null = null;

function readOnlyOf(load: EditorLoad): boolean {
  return load.status === 'ready' && load.readOnly;
}

export function useEditorDocument<F>(
  kind: EditorKind,
  id: string | null,
  codec: FormCodec<F>,
  initial: () => { form: F; body: string },
) {
  const [load, setLoad] = useState<EditorLoad>(
    id === null ? { status: 'ready', readOnly: false } : { status: 'loading' },
  );
  const [start] = useState(initial);
  const [form, setForm] = useState<F>(start.form);
  const [body, setBody] = useState(start.body);
  const [rest, setRest] = useState<FrontMatter>({});
  const [version, setVersion] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [previewHtml, setPreviewHtml] = useState('');
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice>(() => (flash ? { kind: 'success', text: flash } : null));
  useEffect(() => {
    flash = null;
  }, []);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [discarded, setDiscarded] = useState<Conflict['mine'] | null>(null);
  // Leaving with changes not saved asks first (menu, « Fermer », Back, closing the window).
  useUnsavedChanges(dirty && !readOnlyOf(load));

  const frontMatter = codec.toFrontMatter(form, rest);
  const frontMatterJson = JSON.stringify(frontMatter);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('redaction.open', { kind, id }).then(
      (doc) => {
        if (!live) return;
        setForm(codec.fromFrontMatter(doc.frontMatter));
        setRest(doc.frontMatter);
        setBody(doc.body);
        setVersion(doc.version);
        setPath(doc.path);
        setLoad({ status: 'ready', readOnly: doc.readOnly });
      },
      (error: unknown) => live && setLoad({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
    // The codec is a module constant; the document is opened once per page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, id]);

  const ready = load.status === 'ready';
  const readOnly = load.status === 'ready' && load.readOnly;

  // Checked as one types: the same schemas and messages as the content reader, a moment after the last key.
  useEffect(() => {
    if (!ready || readOnly) return;
    let live = true;
    const timer = setTimeout(() => {
      const frontMatterNow = JSON.parse(frontMatterJson) as FrontMatter;
      // The document's own id is no duplicate: the core is told which one is being edited.
      call('redaction.validate', {
        kind,
        frontMatter: frontMatterNow,
        body,
        originalId: id ?? undefined,
      }).then(
        (answer) => live && setProblems(answer.problems),
        // A failed check is not a problem of the fiche: the save will check again.
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, id, frontMatterJson, body, ready, readOnly]);

  // The preview goes through the agents' own renderer, so the editor sees exactly what the desk will show.
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const timer = setTimeout(() => {
      call('redaction.preview', { body }).then(
        (answer) => {
          if (!live) return;
          setPreviewHtml(answer.html);
          setPreviewError(null);
        },
        (error: unknown) => live && setPreviewError(toApiError(error).message),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body, ready]);

  const set = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setDirty(true);
  }, []);

  const changeBody = useCallback((next: string) => {
    setBody(next);
    setDirty(true);
  }, []);

  const busy = useRef(false);

  /** Saves over `base` (the version opened, or the disk's when the person keeps their own version). */
  const saveOver = async (base: string | null): Promise<void> => {
    if (busy.current || readOnly) return;
    busy.current = true;
    setSaving(true);
    setNotice(null);
    const mine = { frontMatter, body };
    const targetId = id ?? (typeof frontMatter.id === 'string' ? frontMatter.id : '');
    try {
      if (targetId.trim() === '') {
        setProblems([{ field: 'id', severity: 'erreur', message: "l'identifiant (id) est obligatoire" }]);
        setNotice({ kind: 'error', text: "Le fichier n'a pas été enregistré : indiquez son identifiant." });
        return;
      }
      const result = await call('redaction.save', {
        kind,
        id: targetId,
        frontMatter: mine.frontMatter,
        body: mine.body,
        baseVersion: base,
      });
      if (result.status === 'saved') {
        setConflict(null);
        const what = kind === 'fiche' ? 'Fiche enregistrée' : 'Contact enregistré';
        const draft = kind === 'fiche' && mine.frontMatter.statut === 'brouillon';
        const text = `${what}${draft ? ' (brouillon : invisible pour les agents)' : ''}.`;
        if (id === null || id !== targetId) {
          flash = text;
          // Saved: the page moves to the new file without asking.
          navigate({ name: 'editeur', kind, id: targetId, params: {} }, { replace: true, force: true });
          return;
        }
        setVersion(result.version);
        setPath(result.path);
        setRest(mine.frontMatter);
        setDirty(false);
        setNotice({ kind: 'success', text });
      } else if (result.status === 'invalid') {
        setProblems(result.problems);
        setNotice({
          kind: 'error',
          text: "Le fichier n'a pas été enregistré : corrigez les problèmes signalés. Rien de ce que vous avez saisi n'est perdu.",
        });
      } else {
        setConflict({ disk: result.disk, mine });
      }
    } catch (error) {
      setNotice({ kind: 'error', text: toApiError(error).message });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  // Always over the version opened: while a conflict is shown, only « Garder ma version » writes over the disk's.
  const save = () => saveOver(version);

  /** « Garder ma version »: written over the disk's version, which the person has seen. */
  const keepMine = () => saveOver(conflict?.disk?.version ?? null);

  /** « Reprendre la version du disque »: the form takes it; what was typed stays readable below. */
  const takeDisk = () => {
    if (!conflict?.disk) return;
    const { disk } = conflict;
    setDiscarded(conflict.mine);
    setForm(codec.fromFrontMatter(disk.frontMatter));
    setRest(disk.frontMatter);
    setBody(disk.body);
    setVersion(disk.version);
    setConflict(null);
    setDirty(false);
    setNotice({
      kind: 'success',
      text: 'La version du disque est reprise. Votre version reste visible plus bas.',
    });
  };

  return {
    load,
    readOnly,
    form,
    set,
    body,
    changeBody,
    frontMatter,
    problems,
    previewHtml,
    previewError,
    saving,
    dirty,
    notice,
    conflict,
    discarded,
    dismissDiscarded: () => setDiscarded(null),
    path,
    version,
    save,
    keepMine,
    takeDisk,
  };
}

export type EditorState<F> = ReturnType<typeof useEditorDocument<F>>;
