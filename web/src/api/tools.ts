// The tools that store nothing (docs/api/performance.md): the auditor's arithmetic check of
// a published report. The file is POSTed as the request body, as every import is.
import { uploadFile, type UploadOptions } from './client';

export const CHECK_REPORT_PATH = '/api/v1/tools/check-report';

export type ReportVerdict = 'consistent' | 'inconsistent' | 'not_computable';
export const REPORT_VERDICTS: readonly ReportVerdict[] = ['consistent', 'inconsistent', 'not_computable'];
export type FormulaVariant = 'ratio' | 'mirror' | 'inverse' | 'binary';

/** One checked row: the input cells as typed, then what the check found. */
export interface ReportCheckRow {
  /** The row as the spreadsheet shows it (the header is row 1). */
  row: number;
  indicator: string;
  polarity: string;
  target: string;
  realization: string;
  published_achievement_percent: string;
  formula: string;
  aggregation: string;
  /** 2 decimals with a dot ("184.75"); null when not computable. */
  computed_percent: string | null;
  matching_formula: FormulaVariant | null;
  verdict: ReportVerdict;
  /** Short, in the language of the request. */
  reason: string;
  /** "Why this number": the steps of the computed figure, in the language of the request. */
  explanation: string[];
}

export interface ReportCheck {
  items: ReportCheckRow[];
  counts: Record<ReportVerdict, number>;
}

/** Checks a CSV or XLSX file of published achievements. */
export function checkReport(file: File, options: Omit<UploadOptions, 'query'> = {}): Promise<ReportCheck> {
  return uploadFile<ReportCheck>(CHECK_REPORT_PATH, file, { ...options, query: { format: 'json' } });
}
