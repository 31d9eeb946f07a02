// The synonyms and thèmes of the knowledge base, edited from the window (synonymes.yml and themes.yml of the
// content folder), with a search box right on the page: after « Enregistrer », the editor sees the effect at once.
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { Vocabulary } from '../../../../electron/core/editor/types';
import { call, toApiError } from '../../api';
import { TextField } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { PageMain } from '../../components/PageMain';
import { ErrorMessage, Loading } from '../../components/StatusMessages';
import { plural } from '../../format';
import { useIndexStatus } from '../../hooks/indexStatus';
import { useCall } from '../../hooks/useCall';
import { useFocusHeading } from '../../hooks/useFocusHeading';
import { formatRoute } from '../../router';
import { groupText, parseGroup } from './editorFormat';
import './editor.css';

interface ThemeRow {
  id: string;
  libelle: string;
  description: string;
  /** Fiches using it; null for a row added on this page. */
  fiches: number | null;
}

const RETRY_MS = [0, 800, 2000];

type Message = { kind: 'success' | 'error'; text: string } | null;

function themeRows(vocabulary: Vocabulary): ThemeRow[] {
  return vocabulary.themes.map((theme) => ({
    id: theme.id,
    libelle: theme.libelle,
    description: theme.description ?? '',
    fiches: theme.fiches,
  }));
}

function SynonymsForm({ initial, onSaved }: { initial: string[][]; onSaved: (v: Vocabulary) => void }) {
  const [groups, setGroups] = useState<string[]>(() => initial.map(groupText));
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const kept = groups.map(parseGroup).filter((group) => group.length > 0);
      const vocabulary = await call('vocabulary.setSynonyms', { groups: kept });
      setGroups(vocabulary.synonymes.map(groupText));
      setMessage({ kind: 'success', text: `Synonymes enregistrés (${plural(kept.length, 'groupe')}).` });
      onSaved(vocabulary);
    } catch (error) {
      // What was typed stays in the fields.
      setMessage({ kind: 'error', text: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="vocab-synonymes"
      data-testid="vocab-synonyms"
    >
      <h2 id="vocab-synonymes">Synonymes</h2>
      <p className="hint">
        Un groupe par ligne : des expressions équivalentes séparées par des virgules, l&apos;abréviation en
        premier (« cni, carte nationale d&apos;identité »). Quand un agent tape l&apos;une, la recherche
        trouve aussi les fiches qui emploient les autres. Une expression ne figure que dans un seul groupe.
      </p>
      <FormMessage kind={message?.kind} testId="vocab-synonyms-message">
        {message?.text}
      </FormMessage>
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
      <div className="ed-actions">
        <button
          type="button"
          className="button ed-button-secondary"
          onClick={() => {
            setGroups((current) => [...current, '']);
            requestAnimationFrame(() => document.getElementById(`vocab-group-${groups.length}`)?.focus());
          }}
          data-testid="vocab-group-add"
        >
          Ajouter un groupe
        </button>
        <button type="submit" className="button" disabled={busy} data-testid="vocab-synonyms-save">
          Enregistrer les synonymes
        </button>
      </div>
    </form>
  );
}

function ThemesForm({ initial, onSaved }: { initial: Vocabulary; onSaved: (v: Vocabulary) => void }) {
  const [rows, setRows] = useState<ThemeRow[]>(() => themeRows(initial));
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const change = (index: number, patch: Partial<ThemeRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const themes = rows
        .filter((row) => row.id.trim() !== '' || row.libelle.trim() !== '')
        .map((row) => ({
          id: row.id,
          libelle: row.libelle,
          ...(row.description.trim() ? { description: row.description } : {}),
        }));
      const vocabulary = await call('vocabulary.setThemes', { themes });
      setRows(themeRows(vocabulary));
      setMessage({
        kind: 'success',
        text: `Thèmes enregistrés (${plural(vocabulary.themes.length, 'thème')}).`,
      });
      onSaved(vocabulary);
    } catch (error) {
      setMessage({ kind: 'error', text: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="vocab-themes"
      data-testid="vocab-themes"
    >
      <h2 id="vocab-themes">Thèmes</h2>
      <p className="hint">
        L&apos;identifiant d&apos;un thème ne change plus une fois créé (les fiches le citent). Un thème
        encore utilisé par des fiches ne peut pas être retiré.
      </p>
      <FormMessage kind={message?.kind} testId="vocab-themes-message">
        {message?.text}
      </FormMessage>
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
      <div className="ed-actions">
        <button
          type="button"
          className="button ed-button-secondary"
          onClick={() => {
            setRows((current) => [...current, { id: '', libelle: '', description: '', fiches: null }]);
            requestAnimationFrame(() => document.getElementById(`vocab-theme-id-${rows.length}`)?.focus());
          }}
          data-testid="vocab-theme-add"
        >
          Ajouter un thème
        </button>
        <button type="submit" className="button" disabled={busy} data-testid="vocab-themes-save">
          Enregistrer les thèmes
        </button>
      </div>
    </form>
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
  const vocabulary = useCall('vocabulary.get', {});
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
