const wizard = {
  title: 'wizard',
} as const;
export default wizard;
