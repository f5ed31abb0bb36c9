const result = {
  title: 'result',
} as const;
export default result;
