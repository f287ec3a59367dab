/** What the error boundary shows: a readable title and message, the technical part kept aside. */
import { AppError } from '../../../shared/errors';

/** A user-facing description of something thrown. */
export interface ErrorView {
  title: string;
  message: string;
  /** Technical details, shown only when the user opens "Details". */
  details: string;
}

/** Describes an error without ever putting a stack in the main message. */
export function describeError(error: unknown): ErrorView {
  if (error instanceof AppError) {
    const title =
      error.code === 'CONNECTION_LOST'
        ? 'Lost the connection to QueryGenie'
        : 'Something went wrong';
    const detail = error.detail ? `\n${JSON.stringify(error.detail, null, 2)}` : '';
    return {
      title,
      message: error.message,
      details: `${error.code}: ${error.message}${detail}\n\n${error.stack ?? ''}`.trim(),
    };
  }
  if (error instanceof Error) {
    return {
      title: 'Something went wrong',
      message:
        'This part of QueryGenie hit an unexpected problem. Reloading usually fixes it; your connections and queries are safe.',
      details: `${error.name}: ${error.message}\n\n${error.stack ?? ''}`.trim(),
    };
  }
  return {
    title: 'Something went wrong',
    message: 'This part of QueryGenie hit an unexpected problem. Reloading usually fixes it.',
    details: String(error),
  };
}
