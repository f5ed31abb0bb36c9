import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function GradeStep(p: StepProps) {
  return <ChoiceStep {...p} step="grade" field="grade" values={[1, 2, 3, 4, 'unknown']} />;
}
