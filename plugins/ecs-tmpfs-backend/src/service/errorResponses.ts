import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError, serializeError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

function statusOf(error: Error): number {
  for (const field of ['statusCode', 'status'] as const) {
    const code = (error as unknown as Record<string, unknown>)[field];
    if (typeof code === 'number' && Number.isInteger(code) && code >= 400) {
      return code;
    }
  }
  return STATUS_BY_NAME[error.name] ?? 500;
}

/**
 * The plugin's last error handler. Backstage's root handler adds stack traces to error bodies
 * in development mode; this API never does, in any mode, and answers an unexpected failure
 * with a generic 500 message (the details go to the log, not to the caller).
 */
export function errorResponder(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent || !isError(error)) {
      next(error);
      return;
    }
    const statusCode = statusOf(error);
    let body = serializeError(error, { includeStack: false });
    if (statusCode >= 500) {
      logger.error(`${req.method} ${req.path} failed`, error);
      body = {
        name: 'InternalError',
        message: 'The request failed on the server; see the backend log',
      };
    }
    res.status(statusCode).json({
      error: body,
      request: { method: req.method, url: req.url },
      response: { statusCode },
    });
  };
}
