// Helpers shared by the performance pages (issue 6): quarters, targets, predicates and the
// workflow rules the screens need to know (which steps take a comment).
import type { PerformanceTarget, PredicateScale, ReportingWindow } from './api/performance';
import { formatDecimal, todayIso } from './format';
import { intlLocale } from './i18n';
import { agencyGrants } from './session';

/** Roman numerals of the quarters (TW I-IV). */
export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

export function quarterNumeral(quarter: number): string {
  return QUARTER_NUMERALS[quarter - 1] ?? String(quarter);
}

/** The steps that need a comment when the server did not say (its `steps` does). */
const COMMENT_REQUIRED = new Set(['return', 'return_for_review', 'return_signed', 'abandon']);

export function commentRequired(transition: string, steps?: readonly { transition: string; comment_required: boolean }[]): boolean {
  const stated = steps?.find((step) => step.transition === transition);
  return stated ? stated.comment_required : COMMENT_REQUIRED.has(transition);
}

/** The signing steps (they show the SHA-256 being signed). */
export function isSigning(transition: string): boolean {
  return transition === 'sign_first_party' || transition === 'sign_second_party';
}

/** Whether the target has anything in it. */
export function hasTarget(target: PerformanceTarget | null | undefined): boolean {
  if (!target) return false;
  return Boolean(target.value || target.lower || target.upper);
}

/** A target as text: "78,65" or "5,20–5,60"; "—" when there is none. */
export function targetLabel(target: PerformanceTarget | null | undefined): string {
  if (!target) return '—';
  if (target.value !== undefined && target.value !== null && target.value !== '') return formatDecimal(target.value);
  if (target.lower || target.upper) return `${formatDecimal(target.lower)}–${formatDecimal(target.upper)}`;
  return '—';
}

/** A decimal as typed ("98,5", " 98.5 ") as sent: the server reads either separator. */
export function decimalText(text: string): string {
  return text.trim().replace(/\s/g, '');
}

/**
 * A decimal as typed ("90,5", "90.5", "1.000,5") as a plain string with a dot ("90.5"): with
 * both marks the last one is the decimal mark; a single mark occurring once is the decimal mark
 * ("90,5", "90.5"), one occurring more than once groups digits ("1.000.000").
 */
export function plainDecimal(text: string): string {
  const compact = decimalText(text);
  const commas = compact.split(',').length - 1;
  const dots = compact.split('.').length - 1;
  if (commas && dots) {
    const point = compact.lastIndexOf(',') > compact.lastIndexOf('.') ? ',' : '.';
    const group = point === ',' ? '.' : ',';
    return compact.split(group).join('').replace(point, '.');
  }
  if (commas === 1) return compact.replace(',', '.');
  if (commas > 1) return compact.split(',').join('');
  if (dots > 1) return compact.split('.').join('');
  return compact;
}

/** Whether the text reads as a number ("98,5", "1.234,5", "-2"). */
export function looksDecimal(text: string): boolean {
  return /^[-+]?\d[\d.,]*$/.test(decimalText(text)) && !/[.,]$/.test(decimalText(text));
}

/** Whole rupiah as "Rp1.250.000" / "IDR 1,250,000". */
export function formatRupiah(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(value);
}

/** Number of palette colours for predicates (green -> red). */
export const PREDICATE_COLOURS = 5;

/**
 * The colour step (0 best .. PREDICATE_COLOURS - 1 worst) of a predicate: its band's position in
 * the scale (first = best) spread over the palette. null when the predicate is not in the scale.
 */
export function predicateStep(scale: PredicateScale | null | undefined, predicate: string | null | undefined): number | null {
  if (!scale || !predicate) return null;
  const index = scale.bands.findIndex((band) => band.predicate === predicate);
  if (index < 0) return null;
  const count = scale.bands.length;
  if (count <= 1) return 0;
  return Math.round((index * (PREDICATE_COLOURS - 1)) / (count - 1));
}

/** The agency the user reports for (the first agency role), '' when none. */
export function ownAgencyCode(): string {
  return agencyGrants()[0]?.agency_code ?? '';
}

/** Whether the user belongs to the agency (agency head or staff of it). */
export function isOwnAgency(code: string): boolean {
  return agencyGrants().some((grant) => grant.agency_code === code);
}

/** The latest quarter whose reporting window has opened by today (open or closed); 1 when none has. */
export function latestOpenedQuarter(windows: readonly ReportingWindow[], today = todayIso()): number {
  let best = 0;
  for (const window of windows) {
    if (window.opens_on <= today && window.quarter > best) best = window.quarter;
  }
  return best || 1;
}

export function currentYear(): number {
  return new Date().getFullYear();
}

/** A year from the address ("2026"), or the fallback. */
export function yearParam(value: unknown, fallback = currentYear()): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isFinite(year) ? year : fallback;
}

/** A quarter from the address ("3"), or null. */
export function quarterParam(value: unknown): number | null {
  return typeof value === 'string' && /^[1-4]$/.test(value) ? Number(value) : null;
}

/** A target being edited: a value, or a range when `range`. */
export interface TargetDraft {
  range: boolean;
  value: string;
  lower: string;
  upper: string;
}

export function targetDraft(target: PerformanceTarget | null | undefined): TargetDraft {
  const range = Boolean(target && (target.lower || target.upper) && !target.value);
  return {
    range,
    value: editableDecimal(target?.value),
    lower: editableDecimal(target?.lower),
    upper: editableDecimal(target?.upper),
  };
}

/** The target to send; null when nothing was entered. */
export function targetInput(draft: TargetDraft): PerformanceTarget | null {
  if (draft.range) {
    const lower = decimalText(draft.lower);
    const upper = decimalText(draft.upper);
    if (!lower && !upper) return null;
    return { lower: lower || null, upper: upper || null };
  }
  const value = decimalText(draft.value);
  return value ? { value } : null;
}

/** The messages of a target field and its parts ("items[0].yearly_target", "….value"). */
export function targetError(errors: Record<string, string>, field: string): string | null {
  const parts = [errors[field], errors[`${field}.value`], errors[`${field}.lower`], errors[`${field}.upper`]].filter(
    (message): message is string => Boolean(message),
  );
  return parts.length ? parts.join(' ') : null;
}

/** A stored decimal ("1234.5") as the user edits it: the locale's decimal mark, no grouping. */
export function editableDecimal(value: string | null | undefined): string {
  if (!value) return '';
  return intlLocale().startsWith('en') ? value : value.replace('.', ',');
}
