import { ReceivesStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function WelfareCareStep(p: StepProps) {
  return <ReceivesStep {...p} step="welfareCare" field="welfareCareAllowances" />;
}
