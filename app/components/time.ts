export { utcMinuteText as utcMinute } from "#app/scoring/dates";
