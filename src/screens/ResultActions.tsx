/** Stub: the caseload screen provides the real actions (save this case, etc.). */
import type { Result } from '../engine/types';
import type { Facts } from '../facts/schema';

export function ResultActions(_props: { facts: Facts; result: Result }) {
  return null;
}
