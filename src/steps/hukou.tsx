import { HUKOU } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function HukouStep(p: StepProps) {
  return <ChoiceStep {...p} step="hukou" field="hukou" values={HUKOU} />;
}
