import { CERTIFICATE } from '../facts/schema';
import { ChoiceStep } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function CertificateStep(p: StepProps) {
  return <ChoiceStep {...p} step="certificate" field="certificate" values={CERTIFICATE} />;
}
