import { DateStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function DibaoEdgeSinceStep(p: StepProps) {
  return <DateStep {...p} step="dibaoEdgeSince" field="dibaoEdgeSince" />;
}
