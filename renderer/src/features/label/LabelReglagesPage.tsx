// The label's rule and periods. The core validates and audits; a refusal keeps what was typed.
import type { FormEvent } from 'react';
import { useEffect, useId, useState } from 'react';
import { DEFAULT_CONTROLE_MOIS } from '../../../../common/label/settings';
import type { LabelSettings } from '../../../../common/label/types';
import { call } from '../../api';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import './label.css';

/** The form's fields, as typed. */
interface Draft {
  dureeMois: string;
  ancienneteMois: string;
  proportion: string;
  minimum: string;
  alerteJours: string;
  typeFormation: string;
  /** « oui » when the rule also requires a recent internal audit. */
  controleExige: string;
  controleMois: string;
}

function draftOf(settings: LabelSettings): Draft {
  return {
    dureeMois: String(settings.dureeMois),
    ancienneteMois: String(settings.regle.ancienneteMois),
    proportion: String(settings.regle.proportion),
    minimum: String(settings.regle.minimum),
    alerteJours: String(settings.alerteJours),
    typeFormation: settings.typeFormation,
    controleExige: settings.controle?.exige ? 'oui' : '',
    controleMois: String(settings.controle?.moisMax ?? DEFAULT_CONTROLE_MOIS),
  };
}

/** An empty field becomes NaN, which the core refuses with the field's own French message. */
function settingsOf(draft: Draft): LabelSettings {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return {
    dureeMois: number(draft.dureeMois),
    regle: {
      ancienneteMois: number(draft.ancienneteMois),
      proportion: number(draft.proportion),
      minimum: number(draft.minimum),
    },
    alerteJours: number(draft.alerteJours),
    typeFormation: draft.typeFormation,
    controle: {
      exige: draft.controleExige === 'oui',
      // Off, a months value left unusable is not worth a refusal: the default is kept.
      moisMax:
        draft.controleExige === 'oui' || Number.isInteger(number(draft.controleMois))
          ? number(draft.controleMois)
          : DEFAULT_CONTROLE_MOIS,
    },
  };
}

function NumberField({
  id,
  label,
  hint,
  value,
  onChange,
  min,
  max,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
}) {
  return (
    <div className="label-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid={`reglage-${id.split('-').at(-1)}`}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}

export function LabelReglagesPage() {
  const id = useId();
  const state = useCall('label.settings.get', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  const [draft, setDraft] = useState<Draft | null>(null);
  const { busy, error, run } = useSubmit();
  const [saved, setSaved] = useState(false);

  const loaded = state.status === 'ok' ? state.data.reglage : null;
  useEffect(() => {
    if (loaded && draft === null) setDraft(draftOf(loaded));
  }, [loaded, draft]);

  const set = (key: keyof Draft) => (value: string) => {
    setSaved(false);
    setDraft((current) => (current ? { ...current, [key]: value } : current));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft || busy) return;
    setSaved(false);
    await run(
      () => call('label.settings.set', settingsOf(draft)),
      (answer) => {
        setDraft(draftOf(answer.reglage));
        setSaved(true);
      },
    );
  };

  return (
    <PageMain className="label-page">
      <h1 ref={heading} tabIndex={-1}>
        Règles du label
      </h1>
      {state.status === 'loading' && <Loading label="Chargement des règles…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && draft && (
        <form className="label-settings" onSubmit={(event) => void onSubmit(event)} noValidate>
          <p>
            La règle s&apos;applique à chaque décision d&apos;accorder, de renouveler ou de lever une
            suspension, et signale les points labellisés à régulariser.
          </p>
          {error && (
            <div className="alert alert-error" role="alert" data-testid="reglages-error">
              <p className="alert-title">Les règles n&apos;ont pas été enregistrées.</p>
              <p>{error.message}</p>
            </div>
          )}
          {saved && (
            <p className="alert alert-success" role="status" data-testid="reglages-saved">
              Règles enregistrées.
            </p>
          )}
          <fieldset>
            <legend>Agents formés</legend>
            <div className="label-field">
              <label className="field-label" htmlFor={`${id}-type`}>
                Formation qui compte pour le label
              </label>
              <select
                id={`${id}-type`}
                className="label-select"
                value={draft.typeFormation}
                onChange={(event) => set('typeFormation')(event.target.value)}
                data-testid="reglage-type"
              >
                {state.data.typesFormation.map((type) => (
                  <option key={type.code} value={type.code}>
                    {type.libelle}
                  </option>
                ))}
              </select>
            </div>
            <NumberField
              id={`${id}-minimum`}
              label="Nombre minimum d'agents formés"
              hint="Quelle que soit leur ancienneté sur le point."
              value={draft.minimum}
              onChange={set('minimum')}
              min={0}
              max={50}
            />
            <NumberField
              id={`${id}-proportion`}
              label="Proportion d'agents formés (%)"
              hint="Parmi les agents affectés depuis plus que l'ancienneté ci-dessous."
              value={draft.proportion}
              onChange={set('proportion')}
              min={0}
              max={100}
            />
            <NumberField
              id={`${id}-anciennete`}
              label="Ancienneté (mois)"
              hint="En deçà, un agent est en période d'intégration et ne compte pas dans la proportion."
              value={draft.ancienneteMois}
              onChange={set('ancienneteMois')}
              min={0}
              max={60}
            />
          </fieldset>
          <fieldset>
            <legend>Audits internes</legend>
            <div className="label-field">
              <label className="field-label">
                <input
                  type="checkbox"
                  checked={draft.controleExige === 'oui'}
                  onChange={(event) => set('controleExige')(event.target.checked ? 'oui' : '')}
                  data-testid="reglage-controle"
                />{' '}
                Exiger un audit récent sans non-conformité majeure ouverte
              </label>
            </div>
            <NumberField
              id={`${id}-controle-mois`}
              label="Audit réalisé depuis moins de (mois)"
              hint="Le point doit avoir un audit interne terminé dans ce délai, et aucune non-conformité majeure encore ouverte."
              value={draft.controleMois}
              onChange={set('controleMois')}
              min={1}
              max={60}
            />
          </fieldset>
          <fieldset>
            <legend>Durées</legend>
            <NumberField
              id={`${id}-duree`}
              label="Durée du label (mois)"
              hint="Un label accordé ou renouvelé expire au bout de cette durée."
              value={draft.dureeMois}
              onChange={set('dureeMois')}
              min={1}
              max={120}
            />
            <NumberField
              id={`${id}-alerte`}
              label="Délai d'alerte (jours)"
              hint="Labels et formations expirant dans ce délai sont listés dans « À traiter »."
              value={draft.alerteJours}
              onChange={set('alerteJours')}
              min={1}
              max={730}
            />
          </fieldset>
          <button type="submit" className="button" disabled={busy} data-testid="reglages-submit">
            Enregistrer
          </button>
        </form>
      )}
    </PageMain>
  );
}
