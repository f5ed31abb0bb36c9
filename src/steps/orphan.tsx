import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

/** Concerns children only: worded and ordered ("no" first) so that an adult answers it at a glance. */
export default function OrphanStep(p: StepProps) {
  return <ChoiceStep {...p} step="orphan" field="orphanGuarantee" values={['no', 'yes', 'unknown']} hint />;
}
