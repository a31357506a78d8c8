import { reactive } from 'vue';

export interface ServerErrorNotice {
  /** 0: no connection; otherwise the HTTP status. */
  status: number;
  title: string;
  requestId: string | null;
}

/** Messages shown outside the page: the server error banner and one-shot flashes. */
export const notices = reactive({
  serverError: null as ServerErrorNotice | null,
  /** An i18n key shown once on the next page (e.g. after signing out). */
  flash: null as string | null,
});

export function takeFlash(): string | null {
  const flash = notices.flash;
  notices.flash = null;
  return flash;
}
