// The markdown body: the text on the left, its preview on the right through the agents' own renderer, and two
// pickers that insert a link to a fiche or a service where the cursor is.
import type { MouseEvent } from 'react';
import type { EditorProblem } from '../../../../common/redaction/types';
import { TextAreaField } from '../../ui/forms/Field';
import { HtmlContent } from '../../ui/HtmlContent';
import { insertAt, markdownLink } from './editorForm';
import { feedback } from './fieldFeedback';
import { searchFiches, searchServices } from './pickers';
import { SearchPicker } from './SearchPicker';

const BODY_ID = 'ed-body';

/** The preview is only a preview: its links would leave the editor (and what is typed), so they stay put. */
function stayInEditor(event: MouseEvent<HTMLDivElement>) {
  if ((event.target as Element).closest('a')) event.preventDefault();
}

export function BodyEditor({
  title,
  body,
  onChange,
  problems,
  previewHtml,
  previewError,
  readOnly = false,
}: {
  title: string;
  body: string;
  onChange: (body: string) => void;
  problems: readonly EditorProblem[];
  previewHtml: string;
  previewError: string | null;
  readOnly?: boolean;
}) {
  const insert = (text: string) => {
    const area = document.getElementById(BODY_ID);
    if (!(area instanceof HTMLTextAreaElement)) return;
    const next = insertAt(body, area.selectionStart, area.selectionEnd, text);
    onChange(next.body);
    // Back to the text, the caret just after the link, once React has drawn the new value.
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <section className="ed-body" aria-labelledby="ed-body-title">
      <h2 id="ed-body-title">{title}</h2>
      <div className="ed-body-grid">
        <div className="ed-body-source">
          <TextAreaField
            id={BODY_ID}
            label="Texte (Markdown)"
            value={body}
            onChange={(event) => onChange(event.target.value)}
            readOnly={readOnly}
            rows={22}
            spellCheck
            {...feedback(
              problems,
              'body',
              'Intertitres « ## », listes « - », gras « **texte** », liens [texte](https://…). Pas de HTML.',
            )}
          />
          {!readOnly && (
            <div className="ed-link-pickers">
              <SearchPicker
                id="ed-link-fiche"
                label="Insérer un lien vers une fiche"
                hint="Tapez quelques lettres du titre ; le lien s'insère à l'emplacement du curseur."
                search={(q) => searchFiches(q)}
                actionLabel={(option) => `Insérer un lien vers la fiche ${option.label}`}
                onPick={(option) => insert(markdownLink(option.label, `fiche:${option.id}`))}
              />
              <SearchPicker
                id="ed-link-service"
                label="Insérer un lien vers un service"
                search={searchServices}
                actionLabel={(option) => `Insérer un lien vers le service ${option.label}`}
                onPick={(option) => insert(markdownLink(option.label, `contact:${option.id}`))}
              />
            </div>
          )}
        </div>
        <section className="ed-preview" aria-labelledby="ed-preview-title">
          <h3 id="ed-preview-title">Aperçu (tel que l&apos;agent le verra)</h3>
          {previewError && (
            <p className="field-error" role="alert">
              {previewError}
            </p>
          )}
          {/* Only stops the preview's links from leaving the page; they are not meant to be followed here. */}
          <div className="ed-preview-frame" onClickCapture={stayInEditor}>
            <HtmlContent html={previewHtml} testId="ed-preview" />
          </div>
        </section>
      </div>
    </section>
  );
}
