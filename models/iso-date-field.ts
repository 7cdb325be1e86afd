import { isIsoDate } from "#app/scoring/dates";

/** A required calendar date (YYYY-MM-DD), the one schema field every dated document uses. */
export const isoDateField = {
  type: String,
  required: true,
  validate: { validator: isIsoDate, message: "{VALUE} is not a calendar date (YYYY-MM-DD)" },
};
