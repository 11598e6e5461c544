import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ClientGoneError, formatError } from './errors';

describe('formatError', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a request whose client went away without logging it as unexpected', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('x', { originalError: new ClientGoneError() });
    expect(formatError({ message: 'x', path: ['residents'] }, error, false)).toMatchObject({
      path: ['residents'],
      extensions: { code: 'CLIENT_GONE' },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs anything else unexpected, and tells the client nothing of it', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('boom', { originalError: new Error('secret detail') });
    const formatted = formatError({ message: 'boom' }, error, false);
    expect(formatted).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toContain('secret');
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('answers a deadlock or a serialization failure as a coded, retryable error, not an internal one', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const code of ['40P01', '40001']) {
      const failed = new QueryFailedError('UPDATE household_version …', [], Object.assign(new Error('deadlock detected'), { code }));
      const formatted = formatError(
        { message: 'deadlock detected' },
        new GraphQLError('deadlock detected', { originalError: failed }),
        false,
      );
      expect(formatted).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } });
    }
    expect(logged).not.toHaveBeenCalled();
  });
});
