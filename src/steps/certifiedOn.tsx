import { DateStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function CertifiedOnStep(p: StepProps) {
  return <DateStep {...p} step="certifiedOn" field="certifiedOn" />;
}
