import type { FormEvent } from 'react';
import { useState } from 'react';
import { call } from '../../api';
import { apiFieldError } from '../../ui/forms/apiField';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';

/**
 * « Envoyer par courriel »: the citizen's address, typed once, sent to the core which mails the handout through
 * the city's SMTP server. Kept on screen when the sending fails (with the reason beside the field when it is
 * about the address), cleared once the mail has left: the next citizen does not see it.
 */
export function SendByEmail({ ficheId }: { ficheId: string }) {
  const [courriel, setCourriel] = useState('');
  const [sent, setSent] = useState('');
  const send = useSubmit();
  const fieldError = apiFieldError(send.error, ['courriel']);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent('');
    await send.run(
      () => call('usager.envoyer', { id: ficheId, courriel }),
      () => {
        setCourriel('');
        setSent('Fiche envoyée. L’adresse n’est pas conservée.');
      },
    );
  };

  return (
    <section
      className="card usager-send no-print"
      aria-labelledby="usager-send-title"
      data-testid="usager-send"
    >
      <h2 id="usager-send-title">Envoyer par courriel</h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormMessage>{send.error && !fieldError ? send.error.message : null}</FormMessage>
        <TextField
          id="usager-courriel"
          label="Adresse électronique de l’usager"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={courriel}
          onChange={(event) => setCourriel(event.target.value)}
          error={fieldError?.message}
          hint="Utilisée pour cet envoi seulement, jamais enregistrée."
        />
        <button type="submit" className="button" disabled={send.busy} data-testid="usager-send-button">
          {send.busy ? 'Envoi…' : 'Envoyer'}
        </button>
      </form>
      <p role="status" className="usager-sent" data-testid="usager-sent">
        {sent}
      </p>
    </section>
  );
}
