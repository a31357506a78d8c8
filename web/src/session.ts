import { reactive } from 'vue';
import { ApiError } from './api/client';
import { identity } from './api/identity';
import type { RoleGrant, SessionInfo, User } from './api/types';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

/** The signed-in user, their permissions and the CSRF token (kept in memory only). */
export const session = reactive({
  status: 'unknown' as SessionStatus,
  user: null as User | null,
  permissions: [] as string[],
  csrfToken: null as string | null,
});

let pending: Promise<void> | null = null;

export function setSession(info: SessionInfo): void {
  session.user = info.user;
  session.permissions = [...info.permissions];
  session.csrfToken = info.csrf_token;
  session.status = 'signed-in';
}

export function clearSession(): void {
  session.user = null;
  session.permissions = [];
  session.csrfToken = null;
  session.status = 'signed-out';
}

/** GET /api/v1/session: who is signed in, and this page's CSRF token. */
export async function refreshSession(): Promise<void> {
  try {
    setSession(await identity.session());
  } catch (error) {
    if (error instanceof ApiError) {
      clearSession();
      return;
    }
    throw error;
  }
}

/** Loads the session once per page load; later calls reuse the result. */
export function ensureSession(): Promise<void> {
  if (session.status !== 'unknown') {
    return Promise.resolve();
  }
  if (!pending) {
    pending = refreshSession().finally(() => {
      pending = null;
    });
  }
  return pending;
}

export function can(permission: string): boolean {
  return session.permissions.includes(permission);
}

/** The user's agency roles (agency_head, agency_staff), one per agency. */
export function agencyGrants(): RoleGrant[] {
  const grants: RoleGrant[] = [];
  for (const grant of session.user?.roles ?? []) {
    if ((grant.role === 'agency_head' || grant.role === 'agency_staff') && grant.agency_code) {
      if (!grants.some((existing) => existing.agency_code === grant.agency_code)) {
        grants.push(grant);
      }
    }
  }
  return grants;
}

/**
 * Whether the user reads other people's attendance (the discipline list): the personnel
 * office, the Inspektorat and agency heads. Everyone else with attendance.read sees only
 * their own records, found through the account's NIP (docs/api/organization.md).
 */
export function readsOthersAttendance(): boolean {
  return (
    can('attendance.read') &&
    (session.user?.roles ?? []).some((grant) => grant.role === 'admin' || grant.role === 'auditor' || grant.role === 'agency_head')
  );
}

/** Whether the user may read their own attendance: attendance.read and a NIP on the account. */
export function readsOwnAttendance(): boolean {
  return can('attendance.read') && Boolean(session.user?.nip);
}
