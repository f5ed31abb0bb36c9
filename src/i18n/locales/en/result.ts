import type zh from '../zh-CN/result';
import type { Translation } from '../../types';

const result = {
  title: 'result',
} satisfies Translation<typeof zh>;
export default result;
