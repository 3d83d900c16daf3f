/** Whether a certificate has run out, or will within the warning period, as of today. */
export const expiryWarningDays = 90;

export type ExpiryState = 'expired' | 'soon' | null;

function isoToday(now = new Date()): string {
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function expiryState(expiresOn: string | null, now = new Date()): ExpiryState {
  if (!expiresOn) return null;
  const today = isoToday(now);
  if (expiresOn < today) return 'expired';
  const limit = new Date(now);
  limit.setDate(limit.getDate() + expiryWarningDays);
  return expiresOn <= isoToday(limit) ? 'soon' : null;
}
