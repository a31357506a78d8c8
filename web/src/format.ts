import { intlLocale } from './i18n';

export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

export function shortHash(hash: string | null | undefined): string {
  if (!hash) {
    return '—';
  }
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

function isRoleGrant(value: unknown): value is { role: string; agency_code?: string | null; cluster?: string | null } {
  return typeof value === 'object' && value !== null && typeof (value as { role?: unknown }).role === 'string';
}

/** Renders a value from an audit change (any JSON) as short text; null when empty. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value) && value.every(isRoleGrant)) {
    // Roles as "agency_staff:Dinkes, assistant:asisten_1, admin".
    return value.map((grant) => [grant.role, grant.agency_code ?? grant.cluster ?? ''].filter(Boolean).join(':')).join(', ');
  }
  return JSON.stringify(value);
}
