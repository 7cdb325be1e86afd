/**
 * What the person who asked must be told: the request was understood and is
 * refused for a reason they can act on (a state that does not allow it, a
 * value that does not fit). Actions turn a Refusal into a 400 with its
 * message and field errors; any other error is a fault and goes to the
 * error boundary and the log, never into a form message.
 *
 * A message is a catalogue id (app/i18n), with the values it names, so that
 * the action can say it in the language of the person who asked.
 */
export type Said = string | { id: string; values?: Record<string, string | number | Date | null | undefined> };

export class Refusal extends Error {
  readonly fieldErrors: Record<string, Said[]>;
  readonly status: number;
  readonly said: Said;

  constructor(message: Said, options: { fieldErrors?: Record<string, Said[]>; status?: number } = {}) {
    super(typeof message === "string" ? message : message.id);
    this.name = "Refusal";
    this.said = message;
    this.fieldErrors = options.fieldErrors ?? {};
    this.status = options.status ?? 400;
  }

  /** A refusal said only beside the fields, with no message for the whole form. */
  static ofFields(fieldErrors: Record<string, Said[]>, status = 400): Refusal {
    return new Refusal("", { fieldErrors, status });
  }

  /** Errors keyed by field, the message for the whole form under "". */
  get errors(): Record<string, Said[]> {
    return this.message ? { "": [this.said], ...this.fieldErrors } : { ...this.fieldErrors };
  }
}

/** A message with values, for a Refusal: `new Refusal(said("x.y", { name }))`. */
export function said(id: string, values?: Record<string, string | number | Date | null | undefined>): Said {
  return { id, values };
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
