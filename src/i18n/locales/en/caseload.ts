import type zh from '../zh-CN/caseload';
import type { Translation } from '../../types';

const caseload = {
  title: 'caseload',
} satisfies Translation<typeof zh>;
export default caseload;
