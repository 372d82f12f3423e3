import {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
} from '@alicloud/credentials';
import { CredentialsError } from '../errors.js';

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token; present only for temporary credentials. */
  securityToken?: string;
}

export interface CredentialsProvider {
  /** Called before every attempt; providers cache and refresh STS sessions themselves. */
  getCredentials(): Promise<Credentials>;
  /** Where the credentials came from (`env`, `cli_profile`, …); never a secret. */
  describe(): string;
}

export function staticCredentials(credentials: Credentials, name = 'static'): CredentialsProvider {
  return { getCredentials: async () => credentials, describe: () => name };
}

/** The official providers' common shape (@alicloud/credentials 2.x). */
interface OfficialProvider {
  getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }>;
  getProviderName(): string;
}

/**
 * Alibaba's default chain, in the official order (reference §6): environment, OIDC/RRSA,
 * ~/.aliyun/config.json, ~/.alibabacloud/credentials, ECS RAM role, credentials URI.
 * Each official provider's builder throws when its source is not configured; those are
 * skipped. We assemble the chain ourselves instead of using DefaultCredentialsProvider because
 * that one always adds the URI provider and, without ALIBABA_CLOUD_CREDENTIALS_URI, sends a
 * request to `https://undefined/`.
 */
function officialChain(env: NodeJS.ProcessEnv): OfficialProvider[] {
  const builders: (() => OfficialProvider)[] = [
    () => EnvironmentVariableCredentialsProvider.builder().build(),
    () => OIDCRoleArnCredentialsProvider.builder().build(),
    () => CLIProfileCredentialsProvider.builder().build(),
    () => ProfileCredentialsProvider.builder().build(),
    // An empty role name makes the provider discover it from the metadata service.
    () =>
      ECSRAMRoleCredentialsProvider.builder()
        .withRoleName(env.ALIBABA_CLOUD_ECS_METADATA ?? '')
        .build(),
  ];
  if (env.ALIBABA_CLOUD_CREDENTIALS_URI) {
    const uri = env.ALIBABA_CLOUD_CREDENTIALS_URI;
    builders.push(() => URICredentialsProvider.builder().withCredentialsURI(uri).build());
  }
  const chain: OfficialProvider[] = [];
  for (const build of builders) {
    try {
      chain.push(build());
    } catch {
      // Not configured: this source does not take part.
    }
  }
  return chain;
}

export const NO_CREDENTIALS_MESSAGE =
  'No Alibaba Cloud credentials found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
  '(plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), or configure ~/.aliyun/config.json, ~/.alibabacloud/credentials, ' +
  'OIDC/RRSA or an ECS RAM role.';

/**
 * The default chain as a CredentialsProvider. The first source that yields credentials is kept
 * for later calls (its STS sessions refresh inside the official provider, 15 minutes before
 * expiry). Reads `process.env`, as the official providers do.
 */
export function defaultCredentials(env: NodeJS.ProcessEnv = process.env): CredentialsProvider {
  let chosen: OfficialProvider | undefined;
  return {
    describe: () => (chosen ? chosen.getProviderName() : 'default chain'),
    async getCredentials() {
      if (chosen) return toCredentials(await chosen.getCredentials());
      const reasons: string[] = [];
      for (const provider of officialChain(env)) {
        try {
          const found = await provider.getCredentials();
          chosen = provider;
          return toCredentials(found);
        } catch (error: unknown) {
          reasons.push(
            `${provider.getProviderName()}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      // What each source said goes in the cause, shown with --debug; the message stays short.
      throw new CredentialsError('no-credentials', NO_CREDENTIALS_MESSAGE, {
        hint: 'See docs/client.md for the credentials chain; --debug shows what each source reported.',
        cause: new Error(
          reasons.length > 0 ? `sources tried: ${reasons.join('; ')}` : 'no source is configured',
        ),
      });
    },
  };
}

function toCredentials(c: {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}): Credentials {
  if (!c.accessKeyId || !c.accessKeySecret) {
    throw new CredentialsError('no-credentials', NO_CREDENTIALS_MESSAGE);
  }
  return c.securityToken
    ? { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken }
    : { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret };
}

/** Tries `primary`; when it finds nothing, uses `fallback` (the emulator's demo pair on loopback). */
export function withFallback(
  primary: CredentialsProvider,
  fallback: CredentialsProvider,
  onFallback?: () => void,
): CredentialsProvider {
  let useFallback = false;
  return {
    describe: () => (useFallback ? fallback.describe() : primary.describe()),
    async getCredentials() {
      if (useFallback) return fallback.getCredentials();
      try {
        return await primary.getCredentials();
      } catch (error: unknown) {
        if (!(error instanceof CredentialsError)) throw error;
        useFallback = true;
        onFallback?.();
        return fallback.getCredentials();
      }
    },
  };
}
