/**
 * What the person who asked must be told: the request was understood and is
 * refused for a reason they can act on (a state that does not allow it, a
 * value that does not fit). Actions turn a Refusal into a 400 with its
 * message and field errors; any other error is a fault and goes to the
 * error boundary and the log, never into a form message.
 */
export class Refusal extends Error {
  readonly fieldErrors: Record<string, string[]>;
  readonly status: number;

  constructor(message: string, options: { fieldErrors?: Record<string, string[]>; status?: number } = {}) {
    super(message);
    this.name = "Refusal";
    this.fieldErrors = options.fieldErrors ?? {};
    this.status = options.status ?? 400;
  }

  /** A refusal said only beside the fields, with no message for the whole form. */
  static ofFields(fieldErrors: Record<string, string[]>, status = 400): Refusal {
    return new Refusal("", { fieldErrors, status });
  }

  /** Errors keyed by field, the message for the whole form under "". */
  get errors(): Record<string, string[]> {
    return this.message ? { "": [this.message], ...this.fieldErrors } : { ...this.fieldErrors };
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
