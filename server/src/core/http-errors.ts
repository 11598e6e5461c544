import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ErrorCode } from '@community-grid/shared';
import { logUnexpected } from './errors';

/** An HTTP-level error in the shape of a GraphQL error response, so every client reads one format. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/** Anything no route answered (the dashboard answers every GET and HEAD outside /graphql). */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, ErrorCode.NOT_FOUND, `Not found: ${req.method} ${req.path.slice(0, 200)}`);
};

/**
 * Replaces Express's own error pages (HTML with a stack trace and file paths
 * outside production): body too large, malformed JSON, a missing asset and
 * anything unexpected all answer JSON with a code, the same in every mode.
 */
export const jsonErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = Number((error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode) || 500;
  const type = (error as { type?: string }).type;
  if (status === 413) {
    const limit = (error as { limit?: number }).limit;
    sendError(res, 413, ErrorCode.BAD_USER_INPUT, `The request body is larger than the limit${limit ? ` of ${limit} bytes` : ''}`);
  } else if (type === 'entity.parse.failed') {
    sendError(res, 400, ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON');
  } else if (status === 404) {
    sendError(res, 404, ErrorCode.NOT_FOUND, 'No such file');
  } else if (status >= 400 && status < 500) {
    sendError(res, status, ErrorCode.BAD_USER_INPUT, 'The request could not be read (check its encoding, content-type and size)');
  } else {
    logUnexpected(error);
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
};
