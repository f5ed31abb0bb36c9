const roster = {
  title: 'roster',
} as const;
export default roster;
