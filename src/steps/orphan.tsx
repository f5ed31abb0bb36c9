import { TRI } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function OrphanStep(p: StepProps) {
  return <ChoiceStep {...p} step="orphan" field="orphanGuarantee" values={TRI} />;
}
