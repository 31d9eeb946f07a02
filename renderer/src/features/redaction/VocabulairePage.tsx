// The synonyms and thèmes of the knowledge base, edited from the window (synonymes.yml and themes.yml of the
// content folder), with a search box right on the page: after « Enregistrer », the editor sees the effect at once.
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { Vocabulary } from '../../../../common/redaction/types';
import { call } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';
import { formatRoute } from '../../router';
import { groupText, parseGroup } from './redaction-format';
import './redaction.css';

interface ThemeRow {
  id: string;
  libelle: string;
  description: string;
  /** Fiches using it; null for a row added on this page. */
  fiches: number | null;
}

const RETRY_MS = [0, 800, 2000];

function themeRows(vocabulary: Vocabulary): ThemeRow[] {
  return vocabulary.themes.map((theme) => ({
    id: theme.id,
    libelle: theme.libelle,
    description: theme.description ?? '',
    fiches: theme.fiches,
  }));
}

/** A list's save: one call at a time, then its success or its refusal at the top (what was typed stays). */
function useListSave() {
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const save = <T,>(action: () => Promise<T>, onOk: (value: T) => string) => {
    setDone(null);
    void run(action, (value) => setDone(onOk(value)));
  };
  const message = error
    ? { kind: 'error' as const, text: error.message }
    : { kind: 'success' as const, text: done };
  return { busy, message, save };
}

/** One of the page's two lists: its rows, a button that adds one (and moves the focus to it), one save button. */
function ListForm({
  id,
  testId,
  title,
  hint,
  message,
  busy,
  onSave,
  addLabel,
  addTestId,
  onAdd,
  addedFieldId,
  saveLabel,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  hint: ReactNode;
  message: ReturnType<typeof useListSave>['message'];
  busy: boolean;
  onSave: () => void;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  /** The first field of the row `onAdd` adds. */
  addedFieldId: string;
  saveLabel: string;
  children: ReactNode;
}) {
  const saveButton = useRef<HTMLButtonElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    // The focus goes to the button and stays there, so its message (read at once) is where the person is.
    saveButton.current?.focus();
    onSave();
  };
  const messageId = `${testId}-message`;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <p className="hint">{hint}</p>
      {children}
      {/* Next to the save button, not at the top of a long list. */}
      <div id={messageId}>
        <FormMessage kind={message.kind} testId={messageId}>
          {message.text}
        </FormMessage>
      </div>
      <div className="ed-actions">
        <button
          type="button"
          className="button button-outline"
          onClick={() => {
            onAdd();
            requestAnimationFrame(() => document.getElementById(addedFieldId)?.focus());
          }}
          data-testid={addTestId}
        >
          {addLabel}
        </button>
        {/* Never `disabled` while saving: a disabled button drops the focus. */}
        <button
          ref={saveButton}
          type="submit"
          className="button"
          aria-disabled={busy}
          aria-describedby={message.text ? messageId : undefined}
          data-testid={`${testId}-save`}
        >
          {saveLabel}
        </button>
      </div>
    </form>
  );
}

function SynonymsForm({ initial, onSaved }: { initial: string[][]; onSaved: (v: Vocabulary) => void }) {
  const [groups, setGroups] = useState<string[]>(() => initial.map(groupText));
  const [savedGroups, setSavedGroups] = useState<string[]>(() => initial.map(groupText));
  const { busy, message, save } = useListSave();
  useUnsavedChanges(
    JSON.stringify(groups) !== JSON.stringify(savedGroups),
    'Les synonymes ne sont pas enregistrés. Quitter cette page et abandonner ces changements ? (Annuler pour rester.)',
  );

  const onSave = () => {
    const kept = groups.map(parseGroup).filter((group) => group.length > 0);
    save(
      () => call('vocabulaire.setSynonyms', { groups: kept }),
      (vocabulary) => {
        setGroups(vocabulary.synonymes.map(groupText));
        setSavedGroups(vocabulary.synonymes.map(groupText));
        onSaved(vocabulary);
        return `Synonymes enregistrés (${plural(kept.length, 'groupe')}).`;
      },
    );
  };

  return (
    <ListForm
      id="vocab-synonymes"
      testId="vocab-synonyms"
      title="Synonymes"
      hint={
        <>
          Un groupe par ligne : des expressions équivalentes séparées par des virgules, l&apos;abréviation en
          premier (« cni, carte nationale d&apos;identité »). Quand un agent tape l&apos;une, la recherche
          trouve aussi les fiches qui emploient les autres. Une expression ne figure que dans un seul groupe.
        </>
      }
      message={message}
      busy={busy}
      onSave={onSave}
      addLabel="Ajouter un groupe"
      addTestId="vocab-group-add"
      onAdd={() => setGroups((current) => [...current, ''])}
      addedFieldId={`vocab-group-${groups.length}`}
      saveLabel="Enregistrer les synonymes"
    >
      {groups.map((group, index) => (
        <div key={index} className="ed-synonym-row" data-testid="vocab-group">
          <TextField
            id={`vocab-group-${index}`}
            label={`Groupe ${index + 1}`}
            value={group}
            onChange={(event) =>
              setGroups((current) => current.map((item, i) => (i === index ? event.target.value : item)))
            }
            autoComplete="off"
          />
          <button
            type="button"
            className="link-button"
            onClick={() => setGroups((current) => current.filter((_, i) => i !== index))}
            aria-label={`Retirer le groupe ${index + 1} (${group})`}
          >
            Retirer
          </button>
        </div>
      ))}
    </ListForm>
  );
}

function ThemesForm({ initial, onSaved }: { initial: Vocabulary; onSaved: (v: Vocabulary) => void }) {
  const [rows, setRows] = useState<ThemeRow[]>(() => themeRows(initial));
  const [savedRows, setSavedRows] = useState<ThemeRow[]>(() => themeRows(initial));
  const { busy, message, save } = useListSave();
  useUnsavedChanges(
    JSON.stringify(rows) !== JSON.stringify(savedRows),
    'Les thèmes ne sont pas enregistrés. Quitter cette page et abandonner ces changements ? (Annuler pour rester.)',
  );
  const change = (index: number, patch: Partial<ThemeRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const onSave = () => {
    const themes = rows
      .filter((row) => row.id.trim() !== '' || row.libelle.trim() !== '')
      .map((row) => ({
        id: row.id,
        libelle: row.libelle,
        ...(row.description.trim() ? { description: row.description } : {}),
      }));
    save(
      () => call('vocabulaire.setThemes', { themes }),
      (vocabulary) => {
        setRows(themeRows(vocabulary));
        setSavedRows(themeRows(vocabulary));
        onSaved(vocabulary);
        return `Thèmes enregistrés (${plural(vocabulary.themes.length, 'thème')}).`;
      },
    );
  };

  return (
    <ListForm
      id="vocab-themes"
      testId="vocab-themes"
      title="Thèmes"
      hint={
        <>
          L&apos;identifiant d&apos;un thème ne change plus une fois créé (les fiches le citent). Un thème
          encore utilisé par des fiches ne peut pas être retiré.
        </>
      }
      message={message}
      busy={busy}
      onSave={onSave}
      addLabel="Ajouter un thème"
      addTestId="vocab-theme-add"
      onAdd={() => setRows((current) => [...current, { id: '', libelle: '', description: '', fiches: null }])}
      addedFieldId={`vocab-theme-id-${rows.length}`}
      saveLabel="Enregistrer les thèmes"
    >
      {rows.map((row, index) => (
        <div key={index} className="ed-theme-row" data-testid="vocab-theme">
          <TextField
            id={`vocab-theme-id-${index}`}
            label="Identifiant"
            value={row.id}
            readOnly={row.fiches !== null}
            onChange={(event) => change(index, { id: event.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            id={`vocab-theme-libelle-${index}`}
            label="Libellé"
            value={row.libelle}
            onChange={(event) => change(index, { libelle: event.target.value })}
            autoComplete="off"
          />
          <TextField
            id={`vocab-theme-description-${index}`}
            label="Description"
            value={row.description}
            onChange={(event) => change(index, { description: event.target.value })}
            hint={row.fiches === null ? 'Nouveau thème' : `Utilisé par ${plural(row.fiches, 'fiche')}`}
            autoComplete="off"
          />
          <button
            type="button"
            className="link-button"
            onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
            aria-label={`Retirer le thème ${row.libelle || row.id || index + 1}`}
          >
            Retirer
          </button>
        </div>
      ))}
    </ListForm>
  );
}

/** The agents' search, on this page: run again after every save, so the effect shows at once. */
function TestSearch({ refresh }: { refresh: string }) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const result = useCall(
    'search.query',
    { q: debounced, limit: 8 },
    { enabled: debounced !== '', refresh, keepPrevious: true },
  );
  return (
    <section className="card ed-test-search" aria-labelledby="vocab-test" data-testid="vocab-test">
      <h2 id="vocab-test">Essayer la recherche</h2>
      <TextField
        id="vocab-test-q"
        label="Recherche des agents"
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        hint="Tapez un synonyme : les fiches trouvées s'affichent ici, avec les synonymes enregistrés."
        autoComplete="off"
      />
      {debounced !== '' && result.status === 'loading' && <Loading label="Recherche…" />}
      {debounced !== '' && result.status === 'error' && <ErrorMessage error={result.error} />}
      {debounced !== '' && result.status === 'ok' && (
        <>
          <p role="status" data-testid="vocab-test-count">
            {plural(result.data.total, 'fiche trouvée', 'fiches trouvées')}
          </p>
          <ol className="ed-examples">
            {result.data.results.map((hit) => (
              <li key={hit.id} data-testid="vocab-test-result" data-id={hit.id}>
                <a href={formatRoute({ name: 'fiche', id: hit.id })}>{hit.titre}</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function VocabulairePage() {
  const vocabulary = useCall('vocabulaire.get', {});
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const [round, setRound] = useState(0);
  const refresh = useIndexStatus().refreshKey;
  // The search service takes the new lists in the background: ask again now and twice more in the next seconds.
  const saved = () => {
    for (const delay of RETRY_MS) setTimeout(() => setRound((n) => n + 1), delay);
  };
  return (
    <PageMain className="ed-page">
      <h1 ref={heading} tabIndex={-1}>
        Synonymes et thèmes
      </h1>
      {vocabulary.status === 'loading' && <Loading label="Chargement des synonymes et des thèmes…" />}
      {vocabulary.status === 'error' && <ErrorMessage error={vocabulary.error} />}
      {vocabulary.status === 'ok' && (
        <div className="ed-columns">
          <div>
            <SynonymsForm
              key={JSON.stringify(vocabulary.data.synonymes)}
              initial={vocabulary.data.synonymes}
              onSaved={saved}
            />
            <ThemesForm
              key={JSON.stringify(vocabulary.data.themes)}
              initial={vocabulary.data}
              onSaved={saved}
            />
          </div>
          <TestSearch refresh={`${refresh}#${round}`} />
        </div>
      )}
    </PageMain>
  );
}
