import { TRI } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function OrphanInstitutionStep(p: StepProps) {
  return <ChoiceStep {...p} step="orphanInstitution" field="orphanInInstitution" values={TRI} />;
}
