import { createContext, useContext } from 'react';

/** Where a question page is on the way: question n of about m (m follows the answers given so far). */
export interface Progress {
  n: number;
  m: number;
}
export const ProgressContext = createContext<Progress | null>(null);
export const useProgress = () => useContext(ProgressContext);
