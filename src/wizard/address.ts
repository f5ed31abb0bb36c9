/**
 * Each page of the wizard has its own address (#/q/<step>), so the phone's back and forward buttons
 * move between questions and a reload or a bookmark lands on the same question. The start page is
 * the app's own address (#/). No import of the machine or the engine: the start page uses it too.
 */
const PREFIX = '#/q/';

export const hashFor = (step: string): string => (step === 'start' ? '#/' : `${PREFIX}${step}`);

/** The page the address names, or null when it names none (the app's first address). */
export function stepFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const s = decodeURIComponent(hash.slice(PREFIX.length)).split(/[/?]/)[0];
  return s ? s : null;
}

/** How many wizard pages this tab has stepped through (kept in the history entry). */
export const depth = (): number => {
  const d = (history.state as { wizardDepth?: unknown } | null)?.wizardDepth;
  return typeof d === 'number' ? d : 0;
};

/** Is this address one of the wizard's (its pages, or the app's first address)? */
export const isWizardHash = (hash: string): boolean => hash === '' || hash === '#' || hash === '#/' || hash.startsWith(PREFIX);
