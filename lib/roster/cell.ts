// A cell that holds no value to read. Shared by the readers (sheet-reader.ts, csv.ts) and the checker (parse.ts).

/**
 * An error value (#N/A, #REF!, #DIV/0!…) or a formula saved without its result (openpyxl and some converters
 * write formulas and leave computing them to Excel). The import reports it as such, never as a blank cell.
 */
export class CellProblem {
  constructor(
    readonly kind: 'error' | 'formula',
    /** The error value (#N/A) or the formula's text. */
    readonly text: string,
  ) {}
}
