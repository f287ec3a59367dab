/** A hidden-input password prompt for the terminal (never echoed, never stored). */
import readline from 'node:readline';

/** Asks for a secret on the terminal; resolves to what was typed. */
export function promptSecret(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      // Print the question once, then nothing of what is typed.
      if (!asked) {
        asked = true;
        process.stderr.write(s);
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
