import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { describeError } from './model';

describe('describeError', () => {
  it('shows an AppError message as is, with the code only in the details', () => {
    const view = describeError(new AppError('CONNECTION_LOST', 'The web server stopped.'));
    expect(view.title).toBe('Lost the connection to QueryGenie');
    expect(view.message).toBe('The web server stopped.');
    expect(view.details).toContain('CONNECTION_LOST');
  });

  it('never puts a stack or raw message of an unexpected error in the main message', () => {
    const err = new TypeError("Cannot read properties of undefined (reading 'x')");
    const view = describeError(err);
    expect(view.message).not.toContain('undefined');
    expect(view.message).not.toContain('at ');
    expect(view.details).toContain('TypeError');
  });
});
