import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A web host child process on its own data folder: the "core process" of the end-to-end tests.
 * It can be stopped politely or killed without warning, and started again on the same folder.
 */
export class WebHostProcess {
  private child: ChildProcess | null = null;
  private output = '';
  url = '';

  constructor(readonly dataDir: string) {}

  async start(): Promise<string> {
    this.output = '';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(ROOT, 'electron/web-host/start.ts'), '--data-dir', this.dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, HEARD_DATA_DIR: this.dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`The web host did not start in time.\n${this.output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const m = /HEARD_WEB_READY (\S+)/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (this.output += c.toString('utf8')));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The web host exited with code ${code}.\n${this.output}`));
      });
    });
    return this.url;
  }

  /** What the host printed: kept for the failure report. */
  log(): string {
    return this.output;
  }

  /** SIGKILL: no chance to save anything, as when a laptop's battery dies. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
    this.child = null;
  }
}
