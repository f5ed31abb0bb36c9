import { AmountStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function HomeCareNursingAmountStep(p: StepProps) {
  return <AmountStep {...p} step="homeCareNursingAmount" field="homeCareNursingSubsidy" />;
}
