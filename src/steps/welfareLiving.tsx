import { ReceivesStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function WelfareLivingStep(p: StepProps) {
  return <ReceivesStep {...p} step="welfareLiving" field="welfareLivingAllowances" />;
}
