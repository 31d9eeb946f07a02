// The objectives: one per indicator (« taux de réponse au premier niveau : au moins 80 %, proche à 5 points
// près »). Set or replaced with objectifs.set, taken away with objectifs.remove; the core audits both. A refused
// objective keeps what was typed.
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { IndicateurCode, SensObjectif } from '../../../../common/indicateurs/codes';
import { INDICATEURS, INDICATEUR_INFOS } from '../../../../common/indicateurs/codes';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { ErrorMessage } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { objectiveLongText, parseDecimal } from './indicateur-format';

const UNIT_HINT = { nombre: '', pourcentage: ' (en %)', secondes: ' (en secondes)' } as const;
const SENS_OPTIONS: Array<{ value: SensObjectif; label: string }> = [
  { value: 'au_moins', label: 'Au moins (≥)' },
  { value: 'au_plus', label: 'Au plus (≤)' },
];

export function ObjectivesForm({ onChanged }: { onChanged: () => void }) {
  const [version, setVersion] = useState(0);
  const list = useCall('objectifs.list', {}, { refresh: String(version) });
  const [indicateur, setIndicateur] = useState<IndicateurCode>('taux_premier_niveau');
  const [sens, setSens] = useState<SensObjectif>('au_moins');
  const [cible, setCible] = useState('');
  const [marge, setMarge] = useState('0');
  const [errors, setErrors] = useState<{ cible?: string; marge?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const unite = INDICATEUR_INFOS[indicateur].unite;

  const changed = (text: string) => {
    setMessage(text);
    setVersion((value) => value + 1);
    onChanged();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setMessage('');
    const target = parseDecimal(cible);
    const margin = parseDecimal(marge === '' ? '0' : marge);
    const found = {
      ...(target === null ? { cible: 'Indiquez la cible en chiffres, par exemple 80 ou 80,5.' } : {}),
      ...(margin === null ? { marge: 'Indiquez la marge en chiffres, 0 pour aucune.' } : {}),
    };
    setErrors(found);
    if (target === null || margin === null) return;
    try {
      await call('objectifs.set', { indicateur, sens, cible: target, marge: margin });
      changed(`Objectif enregistré : ${INDICATEUR_INFOS[indicateur].libelle}.`);
    } catch (error) {
      setFailure(toApiError(error));
    }
  };

  const remove = async (code: IndicateurCode) => {
    setFailure(null);
    try {
      await call('objectifs.remove', { indicateur: code });
      changed(`Objectif retiré : ${INDICATEUR_INFOS[code].libelle}.`);
    } catch (error) {
      setFailure(toApiError(error));
    }
  };

  return (
    <section className="objectives" aria-labelledby="objectifs-title" data-testid="objectives">
      <h2 id="objectifs-title">Objectifs</h2>
      <p className="hint">
        Un objectif par indicateur. « Proche » signale une valeur à moins de la marge de la cible, du mauvais
        côté.
      </p>
      <p role="status" className="figures-status" data-testid="objectives-status">
        {message}
      </p>
      {failure && <ErrorMessage error={failure} context="L'objectif n'a pas été enregistré." />}
      {list.status === 'ok' && list.data.objectifs.length > 0 && (
        <ul className="objectives-list" data-testid="objectives-list">
          {list.data.objectifs.map((objectif) => (
            <li key={objectif.indicateur}>
              <strong>{INDICATEUR_INFOS[objectif.indicateur].libelle}</strong> :{' '}
              {objectiveLongText(objectif, INDICATEUR_INFOS[objectif.indicateur].unite)}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void remove(objectif.indicateur)}
                aria-label={`Retirer l'objectif : ${INDICATEUR_INFOS[objectif.indicateur].libelle}`}
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      <form className="objectives-form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          id="objectif-indicateur"
          label="Indicateur"
          value={indicateur}
          onChange={(event) => setIndicateur(event.target.value as IndicateurCode)}
          options={INDICATEURS.map((code) => ({ value: code, label: INDICATEUR_INFOS[code].libelle }))}
        />
        <SelectField
          id="objectif-sens"
          label="Sens"
          value={sens}
          onChange={(event) => setSens(event.target.value as SensObjectif)}
          options={SENS_OPTIONS}
        />
        <TextField
          id="objectif-cible"
          label={`Cible${UNIT_HINT[unite]}`}
          inputMode="decimal"
          value={cible}
          onChange={(event) => setCible(event.target.value)}
          error={errors.cible}
        />
        <TextField
          id="objectif-marge"
          label={`Marge « proche »${UNIT_HINT[unite]}`}
          inputMode="decimal"
          value={marge}
          onChange={(event) => setMarge(event.target.value)}
          error={errors.marge}
        />
        <div className="figures-field-action">
          <button type="submit" className="button" data-testid="objectif-save">
            Enregistrer l&apos;objectif
          </button>
        </div>
      </form>
    </section>
  );
}
