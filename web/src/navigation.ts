import { agencyGrants, can, session } from './session';

export interface NavItem {
  /** Stable id, also used by tests as data-nav. */
  id: string;
  to: string;
  labelKey: string;
  labelParams?: Record<string, string>;
  descriptionKey: string;
}

/** What the signed-in user may use, from the `permissions` of the session. */
export function navigationItems(): NavItem[] {
  if (!session.user) {
    return [];
  }
  const items: NavItem[] = [{ id: 'beranda', to: '/', labelKey: 'nav.home', descriptionKey: 'home.linkHome' }];
  if (session.user.must_change_password) {
    return items;
  }
  if (can('users.manage')) {
    items.push({ id: 'pengguna', to: '/admin/pengguna', labelKey: 'nav.users', descriptionKey: 'home.linkUsers' });
  }
  if (can('api_tokens.manage')) {
    items.push({
      id: 'token-api',
      to: '/admin/token-api',
      labelKey: 'nav.apiTokens',
      descriptionKey: 'home.linkApiTokens',
    });
  }
  if (can('audit.read')) {
    items.push({ id: 'audit', to: '/audit', labelKey: 'nav.audit', descriptionKey: 'home.linkAudit' });
  }
  if (can('agency_users.read')) {
    const grants = agencyGrants();
    for (const grant of grants) {
      const code = grant.agency_code ?? '';
      items.push({
        id: `opd-${code}`,
        to: `/opd/${encodeURIComponent(code)}/pengguna`,
        labelKey: grants.length > 1 ? 'nav.agencyUsersOf' : 'nav.agencyUsers',
        labelParams: { code },
        descriptionKey: 'home.linkAgencyUsers',
      });
    }
  }
  return items;
}
