import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsError } from '../errors.js';
import { defaultCredentials, staticCredentials, withFallback } from './credentials.js';

// The official providers read process.env and the home directory; each test gets a clean pair.
const saved = { ...process.env };
let home: string;

beforeEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('ALIBABA_CLOUD_')) delete process.env[key];
  home = mkdtempSync(join(tmpdir(), 'bwsync-cred-'));
  process.env.HOME = home;
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
});

afterEach(() => {
  // Mutate, never replace, process.env: os.homedir() reads the real environment.
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  rmSync(home, { recursive: true, force: true });
});

describe('default credentials chain', () => {
  it('reads the AccessKey pair and STS token from the environment first', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'env-id';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'env-secret';
    process.env.ALIBABA_CLOUD_SECURITY_TOKEN = 'env-token';
    const provider = defaultCredentials();
    expect(await provider.getCredentials()).toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: 'env-token',
    });
    expect(provider.describe()).toBe('env');
  });

  it('reads an AK profile from ~/.aliyun/config.json', async () => {
    mkdirSync(join(home, '.aliyun'));
    const config = {
      current: 'work',
      profiles: [
        {
          name: 'work',
          mode: 'AK',
          access_key_id: 'cli-id',
          access_key_secret: 'cli-secret',
          region_id: 'cn-hangzhou',
        },
      ],
    };
    writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify(config));
    expect(await defaultCredentials().getCredentials()).toEqual({
      accessKeyId: 'cli-id',
      accessKeySecret: 'cli-secret',
    });
  });

  it('reads the shared credentials file named by ALIBABA_CLOUD_CREDENTIALS_FILE', async () => {
    const file = join(home, 'creds.ini');
    writeFileSync(
      file,
      '[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n',
    );
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = file;
    expect(await defaultCredentials().getCredentials()).toEqual({
      accessKeyId: 'ini-id',
      accessKeySecret: 'ini-secret',
    });
  });

  it('fails with a message naming both environment variables when nothing is configured', async () => {
    const error = await defaultCredentials()
      .getCredentials()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
    expect((error as Error).message).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET');
  });

  it('falls back (once, and tells) only when the primary finds nothing', async () => {
    let told = 0;
    const demo = staticCredentials({ accessKeyId: 'demo', accessKeySecret: 'demo-secret' }, 'demo');
    const provider = withFallback(defaultCredentials(), demo, () => told++);
    expect((await provider.getCredentials()).accessKeyId).toBe('demo');
    expect((await provider.getCredentials()).accessKeyId).toBe('demo');
    expect(told).toBe(1);
    expect(provider.describe()).toBe('demo');

    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'real';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'real-secret';
    const preferred = withFallback(defaultCredentials(), demo);
    expect((await preferred.getCredentials()).accessKeyId).toBe('real');
  });
});
