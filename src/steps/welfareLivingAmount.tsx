import { AmountStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function WelfareLivingAmountStep(p: StepProps) {
  return <AmountStep {...p} step="welfareLivingAmount" field="welfareLivingAllowances" />;
}
