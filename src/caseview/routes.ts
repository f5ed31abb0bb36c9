/** Sub-routes under #/caseload: shared by the caseload screens and the pages that link to a case. */

export type CaseloadView = { view: 'cases' } | { view: 'case'; id: string } | { view: 'notices' } | { view: 'backup' } | { view: 'settings' };

export function parseView(hash: string): CaseloadView {
  const parts = hash.replace(/^#\/?/, '').split('/').slice(1).map(decodeURIComponent);
  switch (parts[0]) {
    case 'case':
      return parts[1] ? { view: 'case', id: parts[1] } : { view: 'cases' };
    case 'notices':
    case 'backup':
    case 'settings':
      return { view: parts[0] };
    default:
      return { view: 'cases' };
  }
}
export function hrefView(v: CaseloadView): string {
  return v.view === 'cases' ? '#/caseload' : v.view === 'case' ? `#/caseload/case/${encodeURIComponent(v.id)}` : `#/caseload/${v.view}`;
}
