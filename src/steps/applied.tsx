import { AppliedStep as Applied } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function AppliedStep(p: StepProps) {
  return <Applied {...p} />;
}
