import type { Adresse } from '../../../../common/knowledge/types';

/** A postal address on its usual lines: street, complement, postcode and town. */
export function AddressLines({ adresse }: { adresse: Adresse }) {
  return (
    <>
      {adresse.voie}
      {adresse.complement && (
        <>
          <br />
          {adresse.complement}
        </>
      )}
      <br />
      {adresse.code_postal} {adresse.commune}
    </>
  );
}
