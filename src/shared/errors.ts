/**
 * Errors that cross the contract. Each carries a message in Vietnamese that the renderer can show
 * as it is; stack traces stay in the backend's log.
 */

export interface FieldIssue {
  /** Dotted path of the field in the input, e.g. `communeCode` or `parties.1.role`. */
  path: string;
  message: string;
}

export type AppError =
  | { kind: 'validation'; message: string; issues: FieldIssue[] }
  | { kind: 'notFound'; message: string }
  | { kind: 'conflict'; message: string; existingId?: number; similar?: SimilarRecord[] }
  | { kind: 'internal'; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * A record a save was refused for as possibly the same one: an organization or a partner of nearly
 * the same name, an agreement of the same number, a year plan of the same year and scope, an offer,
 * a demand or an event already recorded. The save may be sent again confirming these by id
 * (`confirmedSimilarIds`): it is refused anew if others appeared since.
 */
export interface SimilarRecord {
  id: number;
  name: string;
  /**
   * What tells it apart from the record being saved and from the others listed, as it reads beside
   * its name: «Xã Vĩnh Bình, Mã số HTX 0101234567», «ký ngày 03/02/2026».
   */
  detail: string;
}

/** What a person reads when something failed that nobody foresaw; the details go to the log. */
export const UNEXPECTED_MESSAGE = 'Đã có lỗi ngoài dự kiến; dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại hoặc báo cho người quản trị.';

/** Thrown by services; the dispatcher turns it into a failed Result. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

export function validationFailure(issues: FieldIssue[]): AppFailure {
  const message = issues.map((issue) => issue.message).join('; ');
  return new AppFailure({ kind: 'validation', message, issues });
}

export function notFound(message: string): AppFailure {
  return new AppFailure({ kind: 'notFound', message });
}

export function conflict(message: string, existingId?: number, similar?: SimilarRecord[]): AppFailure {
  return new AppFailure({
    kind: 'conflict',
    message,
    ...(existingId === undefined ? {} : { existingId }),
    ...(similar === undefined ? {} : { similar }),
  });
}

/** HTTP status of each error kind, for the web host. */
export const httpStatusOf: Record<AppError['kind'], number> = {
  validation: 400,
  notFound: 404,
  conflict: 409,
  internal: 500,
};
