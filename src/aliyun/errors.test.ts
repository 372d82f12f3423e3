import { describe, expect, it } from 'vitest';
import { AliyunApiError, classify, codeMatches, isRetryable } from './errors.js';

describe('error classification (reference §5.3)', () => {
  it.each([
    [400, 'Throttling', 'throttled'],
    [400, 'Throttling.User', 'throttled'],
    [400, 'Throttling.Api', 'throttled'],
    [400, 'Rejected.Throttling', 'throttled'],
    [503, 'ServiceUnavailable', 'transient'],
    [503, 'ServiceUnavailable.RegionMaintaining', 'transient'],
    [500, 'InternalError', 'transient'],
    [400, 'OperationFailed.SystemBusy', 'transient'],
    [502, 'BadGateway', 'transient'],
    [409, 'OperationConflict', 'busy'],
    [400, 'BandwidthPackageOperation.conflict', 'busy'],
    [400, 'IncorrectStatus.BandwidthPackage', 'busy'],
    [400, 'TaskConflict', 'busy'],
    [403, 'LastTokenProcessing', 'busy'],
    [400, 'Operation.Blocking', 'busy'],
    [400, 'StateError.Accelerator', 'busy'],
    [400, 'EipOperation.TooFrequently', 'busy'],
    [404, 'InvalidBandwidthPackageId.NotFound', 'not-found'],
    [400, 'ResourceNotExist.BandwidthPackage', 'not-found'],
    [400, 'SignatureDoesNotMatch', 'fatal'],
    [404, 'InvalidAccessKeyId.NotFound', 'fatal'],
    [403, 'Forbidden.RAM', 'fatal'],
    [400, 'InvalidParameter', 'fatal'],
    [400, 'InvalidParameter.Bandwidth', 'fatal'],
    [400, 'MissingParameter', 'fatal'],
    [400, 'IdempotentParameterMismatch', 'fatal'],
    [400, 'InvalidTimeStamp.Expired', 'fatal'],
    [400, 'QuotaExceeded.CommonBandwidthPackage', 'fatal'],
    [400, 'SomethingElse', 'fatal'],
  ] as const)('HTTP %i %s is %s', (status, code, expected) => {
    expect(classify(status, code)).toBe(expected);
  });

  it('treats extra busy codes given per call as busy', () => {
    expect(classify(400, 'Forbidden.Release')).toBe('fatal');
    expect(classify(400, 'IpInstanceId.InProcess', ['IpInstanceId.InProcess'])).toBe('busy');
  });

  it('matches exact codes and their dotted family, not mere prefixes', () => {
    expect(codeMatches('TaskConflict.Eip', ['TaskConflict'])).toBe(true);
    expect(codeMatches('TaskConflictX', ['TaskConflict'])).toBe(false);
    expect(codeMatches('IncorrectStatusX', ['IncorrectStatus*'])).toBe(true);
  });

  it('retries throttled, transient and busy only', () => {
    expect(['throttled', 'transient', 'busy'].every((c) => isRetryable(c as never))).toBe(true);
    expect(['fatal', 'not-found', 'ambiguous'].some((c) => isRetryable(c as never))).toBe(false);
  });

  it('puts product, action, code, message and RequestId in the message', () => {
    const e = new AliyunApiError({
      status: 400,
      code: 'InvalidParameter',
      apiMessage: 'bad',
      requestId: 'RID-1',
      action: 'CreateCommonBandwidthPackage',
      product: 'vpc',
      classification: 'fatal',
    });
    expect(e.message).toBe(
      'VPC CreateCommonBandwidthPackage failed: InvalidParameter: bad (RequestId RID-1)',
    );
    expect(e.code).toBe('InvalidParameter');
  });
});
