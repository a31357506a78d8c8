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
