import { TriGroupStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function ExclusionsStep(p: StepProps) {
  return <TriGroupStep {...p} step="exclusions" fields={['tekun', 'workInjuryCareFee', 'inPrison']} />;
}
