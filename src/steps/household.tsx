import { HOUSEHOLD } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function HouseholdStep(p: StepProps) {
  return <ChoiceStep {...p} step="household" field="household" values={HOUSEHOLD} />;
}
