/**
 * The CLI's one entry: dispatches the command, writes its output and returns
 * the exit status. User mistakes (UserError) become one line on stderr and
 * status 2; anything else is a bug and shows its stack, marked as such.
 */
import { ciliumCommand } from './cilium-command.ts';
import { execCommand } from './exec-command.ts';
import { lessonCommand } from './lesson-command.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UserError } from './errors.ts';
import { replayCommand } from './replay-command.ts';
import { sysdumpCommand } from './sysdump-command.ts';
import { traceCommand } from './trace-command.ts';
import { escapeControls } from './terminal.ts';
import { USAGE } from './usage.ts';
import { validateCommand } from './validate-command.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const COMMANDS = ['trace', 'cilium', 'exec', 'validate', 'lesson', 'help', 'sysdump', 'replay'];

export function run(argv: string[], raw: Io): number {
  // Everything printed passes through escapeControls: names in a scenario must not drive the terminal.
  const io: Io = { out: (t) => raw.out(escapeControls(t)), err: (t) => raw.err(escapeControls(t)) };
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT_OK;
      case undefined:
        io.err(USAGE);
        return EXIT_USAGE;
      case 'trace':
        io.out(traceCommand(args));
        return EXIT_OK;
      case 'cilium': {
        const r = ciliumCommand(args);
        io.out(r.text);
        if (r.stderr) io.err(r.stderr);
        return EXIT_OK;
      }
      case 'exec': {
        const r = execCommand(args);
        io.out(r.text);
        if (r.stderr) io.err(r.stderr);
        return EXIT_OK;
      }
      case 'validate': {
        const r = validateCommand(args);
        (r.ok ? io.out : io.err)(r.text);
        return r.ok ? EXIT_OK : EXIT_USAGE;
      }
      case 'lesson': {
        const r = lessonCommand(args);
        (r.ok ? io.out : io.err)(r.text);
        return r.ok ? EXIT_OK : EXIT_USAGE;
      }
      case 'sysdump':
        io.out(sysdumpCommand(args));
        return EXIT_OK;
      case 'replay': {
        const r = replayCommand(args);
        io.out(r.text);
        if (r.stderr) io.err(r.stderr);
        return EXIT_OK;
      }
      default:
        throw new UserError(`unknown command "${command}"; commands: ${COMMANDS.join(', ')} (flowlab help)`);
    }
  } catch (err) {
    if (err instanceof UserError) {
      io.err(`flowlab: ${err.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`flowlab: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_INTERNAL;
  }
}
