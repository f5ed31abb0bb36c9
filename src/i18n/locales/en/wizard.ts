import type zh from '../zh-CN/wizard';
import type { Translation } from '../../types';

const wizard = {
  title: 'wizard',
} satisfies Translation<typeof zh>;
export default wizard;
