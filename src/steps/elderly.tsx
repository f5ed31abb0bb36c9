import { TriGroupStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function ElderlyStep(p: StepProps) {
  return <TriGroupStep {...p} step="elderly" fields={['homeElderlyServiceSubsidy', 'advancedAgeAllowance']} />;
}
