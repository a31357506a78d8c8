import { nextTick } from 'vue';
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { i18n } from './i18n';
import { notices } from './notices';
import { ensureSession, session } from './session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Permission (from the session's `permissions`) needed to use the page. */
    permission?: string;
    /** i18n key of the page title (document.title). */
    titleKey: string;
    /** Rendered without header and navigation (sign-in page). */
    bare?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/masuk',
      name: 'masuk',
      component: () => import('./views/LoginView.vue'),
      meta: { public: true, bare: true, titleKey: 'login.title' },
    },
    { path: '/', name: 'beranda', component: () => import('./views/HomeView.vue'), meta: { titleKey: 'home.title' } },
    {
      path: '/akun/kata-sandi',
      name: 'kata-sandi',
      component: () => import('./views/ChangePasswordView.vue'),
      meta: { titleKey: 'password.title' },
    },
    {
      path: '/akun/sesi',
      name: 'sesi',
      component: () => import('./views/SessionsView.vue'),
      meta: { titleKey: 'sessions.title', permission: 'account.manage' },
    },
    {
      path: '/admin/pengguna',
      name: 'pengguna',
      component: () => import('./views/UsersView.vue'),
      meta: { titleKey: 'users.title', permission: 'users.manage' },
    },
    {
      path: '/admin/pengguna/baru',
      name: 'pengguna-baru',
      component: () => import('./views/UserCreateView.vue'),
      meta: { titleKey: 'userCreate.title', permission: 'users.manage' },
    },
    {
      path: '/admin/pengguna/:id(\\d+)',
      name: 'pengguna-detail',
      component: () => import('./views/UserDetailView.vue'),
      meta: { titleKey: 'userDetail.title', permission: 'users.manage' },
    },
    {
      path: '/admin/token-api',
      name: 'token-api',
      component: () => import('./views/ApiTokensView.vue'),
      meta: { titleKey: 'tokens.title', permission: 'api_tokens.manage' },
    },
    {
      path: '/audit',
      name: 'audit',
      component: () => import('./views/AuditView.vue'),
      meta: { titleKey: 'audit.title', permission: 'audit.read' },
    },
    {
      path: '/opd/:code/pengguna',
      name: 'opd-pengguna',
      component: () => import('./views/AgencyUsersView.vue'),
      meta: { titleKey: 'agencyUsers.title', permission: 'agency_users.read' },
    },
    {
      path: '/organisasi',
      redirect: '/organisasi/perangkat-daerah',
      meta: { titleKey: 'agencies.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/perangkat-daerah',
      name: 'perangkat-daerah',
      component: () => import('./views/AgenciesView.vue'),
      meta: { titleKey: 'agencies.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/perangkat-daerah/baru',
      name: 'perangkat-daerah-baru',
      component: () => import('./views/AgencyCreateView.vue'),
      meta: { titleKey: 'agencyCreate.title', permission: 'organization.manage' },
    },
    {
      path: '/organisasi/perangkat-daerah/:code',
      name: 'perangkat-daerah-detail',
      component: () => import('./views/AgencyDetailView.vue'),
      meta: { titleKey: 'agencyDetail.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/jabatan',
      name: 'jabatan',
      component: () => import('./views/PositionsView.vue'),
      meta: { titleKey: 'positions.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/jabatan/:id(\\d+)',
      name: 'jabatan-detail',
      component: () => import('./views/PositionDetailView.vue'),
      meta: { titleKey: 'positionDetail.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/pegawai',
      name: 'pegawai',
      component: () => import('./views/PeopleView.vue'),
      meta: { titleKey: 'people.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/pegawai/baru',
      name: 'pegawai-baru',
      component: () => import('./views/PersonCreateView.vue'),
      meta: { titleKey: 'personCreate.title', permission: 'organization.manage' },
    },
    {
      path: '/organisasi/pegawai/:id(\\d+)',
      name: 'pegawai-detail',
      component: () => import('./views/PersonDetailView.vue'),
      meta: { titleKey: 'personDetail.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/kekosongan',
      name: 'kekosongan',
      component: () => import('./views/VacancyBoardView.vue'),
      meta: { titleKey: 'vacancies.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/wilayah',
      name: 'wilayah',
      component: () => import('./views/RegionsView.vue'),
      meta: { titleKey: 'regions.title', permission: 'organization.read' },
    },
    {
      path: '/organisasi/impor',
      name: 'impor',
      component: () => import('./views/ImportView.vue'),
      meta: { titleKey: 'imports.title', permission: 'organization.manage' },
    },
    {
      path: '/kehadiran/disiplin',
      name: 'disiplin',
      component: () => import('./views/DisciplineView.vue'),
      meta: { titleKey: 'discipline.title', permission: 'attendance.read' },
    },
    {
      path: '/kehadiran/saya',
      name: 'kehadiran-saya',
      component: () => import('./views/MyAttendanceView.vue'),
      meta: { titleKey: 'sectionNav.mine', permission: 'attendance.read' },
    },
    {
      path: '/kehadiran/pegawai/:id(\\d+)',
      name: 'kehadiran-pegawai',
      component: () => import('./views/PersonAttendanceView.vue'),
      meta: { titleKey: 'personAttendance.title', permission: 'attendance.read' },
    },
    {
      path: '/kehadiran/tingkat',
      name: 'tingkat-kehadiran',
      component: () => import('./views/AttendanceRatesView.vue'),
      meta: { titleKey: 'rates.title', permission: 'attendance.rates.read' },
    },
    {
      path: '/perencanaan',
      name: 'perencanaan',
      component: () => import('./views/PlansView.vue'),
      meta: { titleKey: 'plans.title', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/prioritas-nasional',
      name: 'prioritas-nasional',
      component: () => import('./views/NationalPrioritiesView.vue'),
      meta: { titleKey: 'priorities.title', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/nomenklatur',
      name: 'nomenklatur',
      component: () => import('./views/NomenclatureView.vue'),
      meta: { titleKey: 'nomenclature.title', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/:id(\\d+)',
      name: 'rencana-pohon',
      component: () => import('./views/PlanDetailView.vue'),
      meta: { titleKey: 'planDetail.tabs.tree', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/:id(\\d+)/simpul',
      name: 'rencana-simpul',
      component: () => import('./views/PlanDetailView.vue'),
      meta: { titleKey: 'planDetail.tabs.nodes', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/:id(\\d+)/keselarasan',
      name: 'rencana-keselarasan',
      component: () => import('./views/PlanDetailView.vue'),
      meta: { titleKey: 'planDetail.tabs.alignment', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/:id(\\d+)/versi',
      name: 'rencana-versi',
      component: () => import('./views/PlanDetailView.vue'),
      meta: { titleKey: 'planDetail.tabs.versions', permission: 'planning.read' },
    },
    {
      path: '/perencanaan/:id(\\d+)/impor',
      name: 'rencana-impor',
      component: () => import('./views/PlanDetailView.vue'),
      meta: { titleKey: 'planDetail.tabs.import', permission: 'planning.agency.manage' },
    },
    {
      path: '/perencanaan/simpul/:id(\\d+)',
      name: 'simpul-detail',
      component: () => import('./views/PlanNodeView.vue'),
      meta: { titleKey: 'nodeDetail.title', permission: 'planning.read' },
    },
    {
      path: '/kinerja',
      redirect: '/kinerja/perjanjian',
      meta: { titleKey: 'agreements.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/perjanjian',
      name: 'perjanjian',
      component: () => import('./views/AgreementsView.vue'),
      meta: { titleKey: 'agreements.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/perjanjian/:id(\\d+)',
      name: 'perjanjian-detail',
      component: () => import('./views/AgreementDetailView.vue'),
      meta: { titleKey: 'agreement.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/realisasi',
      name: 'realisasi',
      component: () => import('./views/RealizationView.vue'),
      meta: { titleKey: 'realization.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/verifikasi',
      name: 'verifikasi',
      component: () => import('./views/VerificationQueueView.vue'),
      meta: { titleKey: 'verification.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/capaian',
      name: 'capaian',
      component: () => import('./views/ScorecardsView.vue'),
      meta: { titleKey: 'scorecards.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/capaian/:agency',
      name: 'capaian-opd',
      component: () => import('./views/AgencyScorecardView.vue'),
      meta: { titleKey: 'scorecard.title', permission: 'performance.read' },
    },
    {
      path: '/kinerja/jendela',
      name: 'jendela',
      component: () => import('./views/ReportingWindowsView.vue'),
      meta: { titleKey: 'windows.title', permission: 'reporting_windows.manage' },
    },
    {
      path: '/kinerja/skala',
      name: 'skala',
      component: () => import('./views/PredicateScalesView.vue'),
      meta: { titleKey: 'scales.title', permission: 'performance.read' },
    },
    {
      path: '/alat/periksa-laporan',
      name: 'periksa-laporan',
      component: () => import('./views/ReportCheckView.vue'),
      meta: { titleKey: 'reportCheck.title', permission: 'report_check.use' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'tidak-ditemukan',
      component: () => import('./views/NotFoundView.vue'),
      meta: { public: true, titleKey: 'errors.notFoundTitle' },
    },
  ],
});

/** A path inside the app that is safe to return to after signing in. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  if (value === '/masuk' || value.startsWith('/masuk?')) {
    return '/';
  }
  return value;
}

router.beforeEach(async (to) => {
  await ensureSession();
  const signedIn = session.status === 'signed-in';
  if (to.name === 'masuk') {
    return signedIn ? safeReturnPath(to.query.kembali) : true;
  }
  if (!signedIn) {
    if (to.meta.public) {
      return true;
    }
    return { name: 'masuk', query: to.fullPath === '/' ? {} : { kembali: to.fullPath } };
  }
  if (session.user?.must_change_password && to.name !== 'kata-sandi' && !to.meta.public) {
    return { name: 'kata-sandi' };
  }
  return true;
});

/** Whether the signed-in user may not use the page (the layout then shows "Akses ditolak"). */
export function isForbidden(route: RouteLocationNormalized): boolean {
  const permission = route.meta.permission;
  return Boolean(permission && session.status === 'signed-in' && !session.permissions.includes(permission));
}

let firstNavigation = true;

router.afterEach((to, from, failure) => {
  if (failure) {
    return;
  }
  if (to.path !== from.path) {
    notices.serverError = null;
  }
  const title = i18n.global.t(isForbidden(to) ? 'errors.forbiddenTitle' : to.meta.titleKey);
  document.title = `${title} · Sinergi`;
  if (firstNavigation) {
    firstNavigation = false;
    return;
  }
  // Move keyboard and screen-reader focus to the new page's heading.
  void nextTick(() => {
    window.setTimeout(() => {
      const target =
        document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('#konten');
      target?.focus({ preventScroll: false });
    }, 0);
  });
});
