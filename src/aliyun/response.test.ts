import { describe, expect, it } from 'vitest';
import { parseResponse } from './response.js';

describe('parseResponse', () => {
  it('returns the body and RequestId of a success', () => {
    const r = parseResponse(200, '{"RequestId":"R1","TotalCount":1}', 'application/json');
    expect(r).toEqual({ body: { RequestId: 'R1', TotalCount: 1 }, requestId: 'R1' });
  });

  it('reads code and requestId case-insensitively', () => {
    const r = parseResponse(
      400,
      '{"requestId":"R2","code":"InvalidParameter","message":"bad"}',
      'application/json',
    );
    expect(r.requestId).toBe('R2');
    expect(r.error).toEqual({ code: 'InvalidParameter', message: 'bad' });
  });

  it('accepts Code values that mean success on a 200', () => {
    expect(
      parseResponse(200, '{"Code":"Success","RequestId":"R"}', 'application/json').error,
    ).toBeUndefined();
    expect(parseResponse(200, '{"Code":"200"}', 'application/json').error).toBeUndefined();
    expect(parseResponse(200, '{"Code":"Forbidden","Message":"no"}', 'application/json').error?.code).toBe(
      'Forbidden',
    );
  });

  it('reads an XML error body', () => {
    const xml =
      '<Error><RequestId>R3</RequestId><Code>Throttling</Code><Message><![CDATA[slow]]></Message></Error>';
    const r = parseResponse(400, xml, 'text/xml');
    expect(r.requestId).toBe('R3');
    expect(r.error).toEqual({ code: 'Throttling', message: 'slow' });
  });

  it('turns an unreadable 5xx body into a transient error and a 4xx one into InvalidResponse', () => {
    expect(parseResponse(502, '<html>bad gateway', 'text/html').error?.code).toBe('ServiceUnavailable');
    expect(parseResponse(400, 'nope', 'text/plain').error?.code).toBe('InvalidResponse');
    expect(parseResponse(200, '[1,2]', 'application/json').error?.code).toBe('InvalidResponse');
  });

  it('names an error without Code by its HTTP status', () => {
    expect(parseResponse(404, '{"RequestId":"R4"}', 'application/json').error?.code).toBe('HTTP404');
  });
});
