import { readFile, rename, writeFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../model/plan.js';

/** Writes the plan as pretty JSON, atomically (temp file, then rename). */
export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(plan, null, 2)}\n`, 'utf8');
  await rename(tmp, path);
}

const ARRAYS = ['resource_changes', 'steps', 'unmanaged', 'warnings', 'errors'] as const;

/** Reads and checks a saved plan; any problem is a ConfigError naming the file and the field. */
export async function readPlanFile(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`Cannot read plan file ${path}${code ? ` (${code})` : ''}.`, { code: 'plan-file' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not JSON; expected a plan written by bwsync plan --out.`, {
      code: 'plan-file',
    });
  }
  return validatePlan(data, path);
}

export function validatePlan(data: unknown, where: string): Plan {
  const bad = (what: string) =>
    new ConfigError(`${where} is not a valid bwsync plan: ${what}.`, {
      code: 'plan-file',
      hint: 'Create it again with bwsync plan --out.',
    });
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw bad('the top level is not an object');
  const p = data as Record<string, unknown>;
  if (p.format_version !== PLAN_FORMAT_VERSION) {
    throw bad(
      `format_version is ${JSON.stringify(p.format_version)}, this bwsync reads ${PLAN_FORMAT_VERSION}`,
    );
  }
  for (const key of ['stack', 'desired_hash', 'plan_hash'])
    if (typeof p[key] !== 'string') throw bad(`${key} is missing`);
  for (const key of ARRAYS) if (!Array.isArray(p[key])) throw bad(`${key} is not a list`);
  for (const key of ['fingerprints', 'summary', 'options', 'tool']) {
    if (typeof p[key] !== 'object' || p[key] === null) throw bad(`${key} is missing`);
  }
  (p.steps as unknown[]).forEach((s, i) => {
    const step = s as Record<string, unknown>;
    const api = step?.api as Record<string, unknown> | undefined;
    if (typeof step?.id !== 'string' || !Array.isArray(step.depends_on) || !Array.isArray(step.locks)) {
      throw bad(`steps[${i}] lacks id, depends_on or locks`);
    }
    if (
      typeof api?.action !== 'string' ||
      typeof api.product !== 'string' ||
      typeof api.params !== 'object'
    ) {
      throw bad(`steps[${i}].api is incomplete`);
    }
  });
  return data as Plan;
}
