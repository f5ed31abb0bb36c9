import { AmountStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function WelfareCareAmountStep(p: StepProps) {
  return <AmountStep {...p} step="welfareCareAmount" field="welfareCareAllowances" />;
}
