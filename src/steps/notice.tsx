import { NoticeStep as Notice } from './ui/kinds';
import type { StepProps } from './ui/parts';

export default function NoticeStep(p: StepProps) {
  return <Notice {...p} />;
}
