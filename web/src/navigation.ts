import { agencyGrants, can, readsOthersAttendance, readsOwnAttendance, session } from './session';

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
  if (can('organization.read')) {
    items.push({
      id: 'organisasi',
      to: '/organisasi/perangkat-daerah',
      labelKey: 'nav.organization',
      descriptionKey: 'home.linkOrganization',
    });
    items.push({
      id: 'kekosongan',
      to: '/organisasi/kekosongan',
      labelKey: 'nav.vacancies',
      descriptionKey: 'home.linkVacancies',
    });
  }
  const attendance = sectionItems('kehadiran')[0];
  if (attendance) {
    items.push({ id: 'kehadiran', to: attendance.to, labelKey: 'nav.attendance', descriptionKey: 'home.linkAttendance' });
  }
  if (can('planning.read')) {
    items.push({ id: 'perencanaan', to: '/perencanaan', labelKey: 'nav.planning', descriptionKey: 'home.linkPlanning' });
  }
  const performance = sectionItems('kinerja')[0];
  if (performance) {
    items.push({ id: 'kinerja', to: performance.to, labelKey: 'nav.performance', descriptionKey: 'home.linkPerformance' });
  }
  if (can('report_check.use')) {
    items.push({
      id: 'periksa-laporan',
      to: '/alat/periksa-laporan',
      labelKey: 'nav.reportCheck',
      descriptionKey: 'home.linkReportCheck',
    });
  }
  if (can('organization.manage')) {
    items.push({ id: 'impor', to: '/organisasi/impor', labelKey: 'nav.import', descriptionKey: 'home.linkImport' });
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

export type Section = 'organisasi' | 'kehadiran' | 'perencanaan' | 'kinerja';

export interface SectionItem {
  id: string;
  to: string;
  labelKey: string;
}

/** The pages of a section the user may open, shown as tabs on each of them. */
export function sectionItems(section: Section): SectionItem[] {
  const items: SectionItem[] = [];
  if (section === 'organisasi') {
    if (can('organization.read')) {
      items.push({ id: 'perangkat-daerah', to: '/organisasi/perangkat-daerah', labelKey: 'sectionNav.agencies' });
      items.push({ id: 'jabatan', to: '/organisasi/jabatan', labelKey: 'sectionNav.positions' });
      items.push({ id: 'pegawai', to: '/organisasi/pegawai', labelKey: 'sectionNav.people' });
      items.push({ id: 'kekosongan', to: '/organisasi/kekosongan', labelKey: 'sectionNav.vacancies' });
      items.push({ id: 'wilayah', to: '/organisasi/wilayah', labelKey: 'sectionNav.regions' });
    }
    if (can('organization.manage')) {
      items.push({ id: 'impor', to: '/organisasi/impor', labelKey: 'sectionNav.import' });
    }
  } else if (section === 'perencanaan') {
    if (can('planning.read')) {
      items.push({ id: 'rencana', to: '/perencanaan', labelKey: 'sectionNav.plans' });
      items.push({ id: 'prioritas-nasional', to: '/perencanaan/prioritas-nasional', labelKey: 'sectionNav.priorities' });
      items.push({ id: 'nomenklatur', to: '/perencanaan/nomenklatur', labelKey: 'sectionNav.nomenclature' });
    }
  } else if (section === 'kinerja') {
    if (can('performance.read')) {
      items.push({ id: 'perjanjian', to: '/kinerja/perjanjian', labelKey: 'sectionNav.agreements' });
      items.push({ id: 'realisasi', to: '/kinerja/realisasi', labelKey: 'sectionNav.realizations' });
      if (can('realizations.workflow')) {
        items.push({ id: 'verifikasi', to: '/kinerja/verifikasi', labelKey: 'sectionNav.verification' });
      }
      items.push({ id: 'capaian', to: '/kinerja/capaian', labelKey: 'sectionNav.scorecards' });
    }
    if (can('reporting_windows.manage')) {
      items.push({ id: 'jendela', to: '/kinerja/jendela', labelKey: 'sectionNav.windows' });
    }
    if (can('performance.read')) {
      items.push({ id: 'skala', to: '/kinerja/skala', labelKey: 'sectionNav.scales' });
    }
  } else {
    if (readsOthersAttendance()) {
      items.push({ id: 'disiplin', to: '/kehadiran/disiplin', labelKey: 'sectionNav.discipline' });
    }
    if (readsOwnAttendance()) {
      items.push({ id: 'saya', to: '/kehadiran/saya', labelKey: 'sectionNav.mine' });
    }
    if (can('attendance.rates.read')) {
      items.push({ id: 'tingkat', to: '/kehadiran/tingkat', labelKey: 'sectionNav.rates' });
    }
  }
  return items;
}
