import type zh from '../zh-CN/roster';
import type { Translation } from '../../types';

const roster = {
  title: 'roster',
} satisfies Translation<typeof zh>;
export default roster;
