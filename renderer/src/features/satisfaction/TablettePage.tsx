// The citizen's tablet at the desk: « Êtes-vous satisfait de notre accueil ? » and four big faces. Nothing
// identifies the citizen; the thanks clear after a few seconds for the next one.
import { useEffect, useState } from 'react';
import { PageMain } from '../../ui/PageMain';
import { SatisfactionFaces } from './SatisfactionFaces';
import './satisfaction.css';

export function TablettePage() {
  const [round, setRound] = useState(0);
  const [recorded, setRecorded] = useState(false);
  useEffect(() => {
    if (!recorded) return;
    const timer = setTimeout(() => {
      setRecorded(false);
      setRound((r) => r + 1);
    }, 4000);
    return () => clearTimeout(timer);
  }, [recorded]);
  return (
    <PageMain className="satisfaction-tablette">
      <h1>Êtes-vous satisfait de notre accueil ?</h1>
      <p className="muted">Touchez un visage. Votre réponse est anonyme.</p>
      <SatisfactionFaces key={round} source="tablette" size="large" onRecorded={() => setRecorded(true)} />
    </PageMain>
  );
}
