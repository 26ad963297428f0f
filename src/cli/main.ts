/** `flowlab` (bin/flowlab.mjs loads this through tsx). */
import { run } from './run.ts';

// A reader that closed the pipe (`flowlab trace ... | head -1`) has all it wants: end quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
