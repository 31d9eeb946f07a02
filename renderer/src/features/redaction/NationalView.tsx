// A national fiche opened in the editor: read-only (each Service-Public.fr import rewrites it), with the way to
// what the commune can do, a local fiche that completes it.
import { HtmlContent } from '../../ui/HtmlContent';
import { ParentLink } from '../../ui/forms/ParentLink';
import { PageMain } from '../../ui/PageMain';
import { formatDate } from '../../ui/format';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { formatRoute } from '../../router';
import type { FicheForm } from './editorForm';
import './redaction.css';

/** The editor's link for a new local fiche completing a national one. */
export function complementHref(id: string, titre: string): string {
  return formatRoute({
    name: 'editeur',
    kind: 'fiche',
    id: null,
    params: { complete: id, titre: `${titre} : précisions locales` },
  });
}

export function NationalView({ id, form, html }: { id: string; form: FicheForm; html: string }) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  return (
    <PageMain className="ed-page">
      <ParentLink href="#/redaction">Retour à la rédaction</ParentLink>
      <div className="ed-title">
        <h1 ref={heading} tabIndex={-1} data-testid="ed-title">
          {form.titre || id}
        </h1>
        <span className="badge badge-national">Fiche nationale</span>
      </div>
      <div className="alert alert-info" data-testid="ed-readonly">
        <p>
          Cette fiche vient de Service-Public.fr : elle est en lecture seule, car chaque import la réécrit.
          Les précisions propres à la commune s&apos;écrivent dans une fiche locale qui la complète ; elles
          s&apos;affichent en tête de la fiche nationale.
        </p>
        <p>
          <a className="button" href={complementHref(id, form.titre || id)} data-testid="ed-add-complement">
            Ajouter un complément local
          </a>
        </p>
      </div>
      <dl className="facts">
        <div className="fact fact-wide">
          <dt>Résumé</dt>
          <dd>{form.resume}</dd>
        </div>
        {form.mise_a_jour && (
          <div className="fact">
            <dt>Mise à jour le</dt>
            <dd>{formatDate(form.mise_a_jour)}</dd>
          </div>
        )}
        {form.source && (
          <div className="fact fact-wide">
            <dt>Source</dt>
            <dd className="source">{form.source}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="ed-national-body" className="card">
        <h2 id="ed-national-body">Texte</h2>
        <HtmlContent html={html} testId="ed-preview" />
      </section>
    </PageMain>
  );
}
