import { TRI } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function InstitutionFundedStep(p: StepProps) {
  return <ChoiceStep {...p} step="institutionFunded" field="institutionCareFunded" values={TRI} />;
}
