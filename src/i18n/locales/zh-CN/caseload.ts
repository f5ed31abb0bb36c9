const caseload = {
  title: 'caseload',
} as const;
export default caseload;
