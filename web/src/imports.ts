// What ImportPanel needs to know of one kind of import.

export interface ImportKindOption {
  /** The kind as the API names it ("people", "nodes", "nomenclature"). */
  value: string;
  label: string;
  /** The template's columns, listed as help under the kind. */
  columns: readonly string[];
  /** A line of help after the columns (matching rules, aliases). */
  note?: string | null;
}

/** Largest file the imports take (the server's limit). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Why a chosen file cannot be imported (not CSV/XLSX, or above the limit), as a message, or
 * null when it can be sent.
 */
export function importFileProblem(
  file: File,
  t: (key: string, values?: Record<string, unknown>) => string,
  formatBytes: (bytes: number) => string,
): string | null {
  const name = file.name.toLowerCase();
  if (!name.endsWith('.csv') && !name.endsWith('.xlsx')) {
    return t('imports.wrongType');
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return t('imports.tooBig', { size: formatBytes(file.size) });
  }
  return null;
}
