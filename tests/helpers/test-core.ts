import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app-core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/ipc/contract';

export const TEST_PASSPHRASE = 'orange kettle mountain violin';

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls a method through the real dispatch path; throws with the error's code and message on failure. */
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Reopens a fresh core on the same folder (as after a restart) and unlocks it. */
  restart(): Promise<void>;
  dispose(): void;
}

/** A real encrypted store in a temp folder, set up and unlocked with TEST_PASSPHRASE. */
export async function createTestCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-test-'));
  let core = createCore({ dataDir, ...options });
  await core.vault.setup(TEST_PASSPHRASE);
  const t: TestCore = {
    get core() {
      return core;
    },
    dataDir,
    async call(name, input) {
      const result = await core.call(name, input);
      if (!result.ok)
        throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), {
          code: result.error.code,
          fields: result.error.fields,
        });
      return result.value as never;
    },
    async restart() {
      core.close();
      core = createCore({ dataDir, ...options });
      await core.vault.unlock(TEST_PASSPHRASE);
    },
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
