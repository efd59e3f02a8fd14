import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** What a CLI command may touch, passed in so commands are tested without a terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Asks for a secret without echoing it. */
  askSecret(prompt: string): Promise<string>;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
    askSecret: (prompt) =>
      new Promise((resolve, reject) => {
        if (!process.stdin.isTTY)
          return reject(new CliError('No passphrase given. Set HEARD_PASSPHRASE or run this in a terminal.', 2));
        let muted = false;
        const output = new Writable({
          write(chunk: Buffer, _enc, done) {
            if (!muted) process.stdout.write(chunk);
            done();
          },
        });
        const rl = createInterface({ input: process.stdin, output, terminal: true });
        rl.question(prompt, (answer) => {
          rl.close();
          process.stdout.write('\n');
          resolve(answer);
        });
        muted = true;
      }),
  };
}

/** The passphrase from HEARD_PASSPHRASE, or asked for without echo. */
export async function passphraseFrom(io: CliIo, prompt = 'Passphrase: '): Promise<string> {
  const fromEnv = io.env.HEARD_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return io.askSecret(prompt);
}
