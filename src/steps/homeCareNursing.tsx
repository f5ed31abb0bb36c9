import { ReceivesStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function HomeCareNursingStep(p: StepProps) {
  return <ReceivesStep {...p} step="homeCareNursing" field="homeCareNursingSubsidy" />;
}
