import { createApp } from 'vue';
import App from './App.vue';
import { configureClient } from './api/client';
import { currentLocale, i18n } from './i18n';
import { notices } from './notices';
import { router } from './router';
import { clearSession, refreshSession, session } from './session';
import './styles/app.css';

configureClient({
  csrfToken: () => session.csrfToken,
  language: () => (currentLocale() === 'en' ? 'en, id;q=0.5' : 'id, en;q=0.5'),
  onUnauthenticated: () => {
    const wasSignedIn = session.status === 'signed-in';
    clearSession();
    const current = router.currentRoute.value;
    if (current.name === 'masuk') {
      return;
    }
    const query: Record<string, string> = { alasan: 'sesi-berakhir' };
    if (current.fullPath !== '/') {
      query.kembali = current.fullPath;
    }
    if (wasSignedIn || !current.meta.public) {
      void router.replace({ name: 'masuk', query });
    }
  },
  onPasswordChangeRequired: () => {
    void refreshSession().then(() => router.replace({ name: 'kata-sandi' }));
  },
  onServerError: (error) => {
    notices.serverError = {
      status: error.status,
      title: error.problem.title,
      requestId: error.problem.request_id ?? null,
    };
  },
});

const app = createApp(App);
app.use(i18n);
app.use(router);
void router.isReady().then(() => app.mount('#app'));
