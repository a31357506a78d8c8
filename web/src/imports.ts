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
