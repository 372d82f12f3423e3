/** An Alibaba-style API error: HTTP status, `Code`, `Message`, optional extra response headers. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function missingParameter(name: string): ApiError {
  return new ApiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

export function invalidParameter(name: string, detail: string, code = 'InvalidParameter'): ApiError {
  return new ApiError(400, code, `The specified parameter "${name}" is not valid: ${detail}.`);
}

export function conflict(code: string, message: string, status = 400): ApiError {
  return new ApiError(status, code, message);
}

export function notFound(code: string, message: string, status = 404): ApiError {
  return new ApiError(status, code, message);
}
