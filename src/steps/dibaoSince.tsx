import { DateStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function DibaoSinceStep(p: StepProps) {
  return <DateStep {...p} step="dibaoSince" field="dibaoSince" />;
}
