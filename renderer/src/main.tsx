import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { switchToKioskApi } from './api';
import { BorneApp } from './features/borne/BorneApp';
import { isBorneLocation } from './features/borne/location';
import './styles.css';

// The pages restore their own scroll position (the search results after Esc).
window.history.scrollRestoration = 'manual';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The public kiosk is the same build with its own entry: no login, no menu, its own API path.
const kiosk = isBorneLocation(window.location);
if (kiosk) switchToKioskApi();

createRoot(root).render(<StrictMode>{kiosk ? <BorneApp /> : <App />}</StrictMode>);
