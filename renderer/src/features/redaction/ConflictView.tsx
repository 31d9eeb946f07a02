// The file changed on disk since it was opened (another editor, a shared folder): both versions side by side,
// front-matter field by field and body, and the person chooses. Nothing is written until they do.
import { useEffect, useRef } from 'react';
import type { FrontMatter } from '../../../../common/redaction/types';
import type { Conflict } from './useEditorDocument';
import { displayValue, unionKeys } from './editorForm';

function Versions({ mine, disk }: { mine: FrontMatter; disk: FrontMatter }) {
  const keys = unionKeys(mine, disk);
  return (
    <div className="table-wrap">
      <table className="ed-table ed-conflict-table" data-testid="conflict-fields">
        <caption>En-tête : champ par champ</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Votre version</th>
            <th scope="col">Version du disque</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const a = displayValue(mine[key]);
            const b = displayValue(disk[key]);
            const differs = a !== b;
            return (
              <tr key={key} className={differs ? 'ed-differs' : undefined} data-testid="conflict-field">
                <th scope="row">
                  <code>{key}</code>
                  {differs && <span className="badge badge-warning ed-differs-badge">différent</span>}
                </th>
                <td data-testid="conflict-mine">{a || <span className="muted">(vide)</span>}</td>
                <td data-testid="conflict-disk">{b || <span className="muted">(vide)</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ConflictView({
  conflict,
  busy,
  onKeepMine,
  onTakeDisk,
}: {
  conflict: Conflict;
  busy: boolean;
  onKeepMine: () => void;
  onTakeDisk: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [conflict]);
  const { disk, mine } = conflict;
  return (
    <section className="ed-conflict card" aria-labelledby="ed-conflict-title" data-testid="conflict">
      <h2 id="ed-conflict-title" ref={heading} tabIndex={-1}>
        Le fichier a changé depuis que vous l&apos;avez ouvert
      </h2>
      <p role="alert">
        {disk
          ? "Quelqu'un l'a modifié sur le disque entre-temps. Rien n'a été enregistré : comparez les deux versions et choisissez."
          : "Quelqu'un l'a supprimé du disque entre-temps. Rien n'a été enregistré : vous pouvez le recréer avec votre version."}
      </p>
      {disk && <Versions mine={mine.frontMatter} disk={disk.frontMatter} />}
      <div className="ed-conflict-bodies">
        <section aria-labelledby="ed-conflict-mine">
          <h3 id="ed-conflict-mine">Votre texte</h3>
          <pre className="ed-pre" data-testid="conflict-body-mine">
            {mine.body}
          </pre>
        </section>
        {disk && (
          <section aria-labelledby="ed-conflict-disk">
            <h3 id="ed-conflict-disk">Texte sur le disque</h3>
            <pre className="ed-pre" data-testid="conflict-body-disk">
              {disk.body}
            </pre>
          </section>
        )}
      </div>
      <div className="ed-actions">
        <button
          type="button"
          className="button"
          onClick={onKeepMine}
          disabled={busy}
          data-testid="conflict-keep-mine"
        >
          {disk ? 'Garder ma version' : 'Recréer le fichier avec ma version'}
        </button>
        {disk && (
          <button
            type="button"
            className="button button-outline"
            onClick={onTakeDisk}
            disabled={busy}
            data-testid="conflict-take-disk"
          >
            Reprendre la version du disque
          </button>
        )}
      </div>
      <p className="hint">
        « Garder ma version » enregistre la vôtre à la place de celle du disque, que vous avez vue ci-dessus.
        « Reprendre la version du disque » remet le formulaire sur le fichier actuel ; votre version reste
        affichée sous le formulaire pour que vous puissiez en copier des passages.
      </p>
    </section>
  );
}

/** What was typed before « Reprendre la version du disque »: kept on screen to copy from, until dismissed. */
export function DiscardedVersion({
  version,
  onDismiss,
}: {
  version: Conflict['mine'];
  onDismiss: () => void;
}) {
  return (
    <details className="ed-discarded card" data-testid="discarded">
      <summary>Votre version non enregistrée (pour en copier des passages)</summary>
      <dl className="ed-discarded-fields">
        {Object.entries(version.frontMatter).map(([key, value]) => (
          <div key={key}>
            <dt>
              <code>{key}</code>
            </dt>
            <dd>{displayValue(value)}</dd>
          </div>
        ))}
      </dl>
      <pre className="ed-pre">{version.body}</pre>
      <button type="button" className="button button-outline" onClick={onDismiss}>
        Ne plus afficher
      </button>
    </details>
  );
}
