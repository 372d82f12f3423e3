/**
 * Reading an HTTP response into either a body or an error description (reference §5.1):
 * JSON or XML error bodies, `Code`/`code` and `RequestId`/`requestId` in any case, and a 200
 * whose body carries an error `Code`.
 */
export interface ParsedResponse {
  body: Record<string, unknown>;
  requestId: string;
  /** Present when the response is an error. */
  error?: { code: string; message: string };
}

const SUCCESS_CODES = new Set(['200', 'ok', 'success']);

function field(body: Record<string, unknown>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(body)) {
    if (k.toLowerCase() === lower && (typeof v === 'string' || typeof v === 'number')) return String(v);
  }
  return undefined;
}

/** Only the flat `<Error>` shape gateways send; anything else (HTML pages) is unreadable. */
function parseXml(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const tag of ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']) {
    const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text);
    if (m?.[1] !== undefined) out[tag] = m[1].replace(/^<!\[CDATA\[|\]\]>$/g, '').trim();
  }
  return out.Code === undefined && out.RequestId === undefined ? undefined : out;
}

function parseBody(text: string, contentType: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('<') || /xml/i.test(contentType)) return parseXml(trimmed);
  try {
    const v: unknown = JSON.parse(trimmed);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function parseResponse(status: number, text: string, contentType: string): ParsedResponse {
  const body = parseBody(text, contentType);
  if (body === undefined) {
    const snippet = text.slice(0, 200).replace(/\s+/g, ' ');
    return {
      body: {},
      requestId: '',
      error: {
        code: status >= 500 ? 'ServiceUnavailable' : 'InvalidResponse',
        message: `HTTP ${status}, unreadable body: ${snippet}`,
      },
    };
  }
  const requestId = field(body, 'RequestId') ?? '';
  const code = field(body, 'Code');
  const failed = status >= 300 || (code !== undefined && !SUCCESS_CODES.has(code.toLowerCase()));
  if (!failed) return { body, requestId };
  return {
    body,
    requestId,
    error: { code: code ?? `HTTP${status}`, message: field(body, 'Message') ?? `HTTP status ${status}` },
  };
}
