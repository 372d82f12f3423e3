/** Where a value came from in the user's YAML. Lines and columns are 1-based. */
export interface SourceLoc {
  file: string;
  line: number;
  col: number;
  /** Path inside the document, e.g. `sharedBandwidth[0].ips[1].bandwidth`. */
  path: string;
  /** Where the value ends (exclusive), when known; lets a code frame underline it. */
  end?: { line: number; col: number };
}

/** One problem found in the input, with its place. Validation returns every one at once. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `unknown-key`, `duplicate-identity`, `yaml-syntax`. */
  code: string;
  message: string;
  loc?: SourceLoc;
  /** Another place involved (the first declaration of a duplicate, …). */
  related?: SourceLoc;
  hint?: string;
}
