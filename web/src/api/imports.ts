// The spreadsheet imports of every context share one protocol (docs/api/organization.md,
// "Imports"): the file is POSTed as the request body with ?mode=dry_run|commit and answers
// a report; a template of the columns is a GET with ?format=csv|xlsx.
import { fetchFile, uploadFile, type DownloadedFile, type UploadOptions } from './client';
import type { ExportFormat } from './organization';
import type { ImportReport } from './types';

export type ImportMode = 'dry_run' | 'commit';

/** Dry run or commit of an import posted to `path`; the file is the request body. */
export function runImport(
  path: string,
  mode: ImportMode,
  file: File,
  options: Omit<UploadOptions, 'query'> = {},
): Promise<ImportReport> {
  return uploadFile<ImportReport>(path, file, { ...options, query: { mode } });
}

/** The empty template of an import (the header row of its columns). */
export function importTemplate(path: string, format: ExportFormat): Promise<DownloadedFile> {
  return fetchFile(path, { format });
}
