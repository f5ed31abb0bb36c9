import './pwa/start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './App';
import './styles.css';
import { applyCareMode } from './careMode';

initI18n();
applyCareMode();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
