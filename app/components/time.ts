/** An ISO instant as the portal shows it: to the minute, in UTC ("2026-12-05 10:31 UTC"). */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
