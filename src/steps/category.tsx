import { CATEGORY } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function CategoryStep(p: StepProps) {
  return <ChoiceStep {...p} step="category" field="category" values={CATEGORY} />;
}
