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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date as "23 Nov 2026" (the calendar day, never shifted by time zones). */
export function formatDate(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const match = ISO_DATE.exec(value);
  if (!match) {
    return value;
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(date);
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A percentage sent as text ("1.25") in the locale's notation ("1,25%"). */
export function formatPercent(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const number = typeof value === 'number' ? value : Number.parseFloat(value);
  if (!Number.isFinite(number)) {
    return String(value);
  }
  return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number) + '%';
}

/** The name of a month (1..12): "Januari" / "January", or "Jan" when short. */
export function monthName(month: number, short = false): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: short ? 'short' : 'long' }).format(new Date(2000, month - 1, 1));
}

/** A file size as "1,5 MB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/**
 * An exact decimal sent as text with a dot ("78.25", "-1.41", "1234567.5") in the
 * locale's notation ("78,25", "-1,41", "1.234.567,5"), digit for digit: never through
 * binary floating point, so no digit is lost or added.
 */
export function formatDecimal(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const text = String(value).trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) {
    return text;
  }
  const english = intlLocale().startsWith('en');
  const group = english ? ',' : '.';
  const point = english ? '.' : ',';
  const whole = (match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${match[1]}${whole}${match[3] ? point + match[3] : ''}`;
}
