// Test-only hooks, preloaded into a pool's worker processes (--require) and read from their environment:
// - FLANKLINE_TEST_KILL_ON=FILE: the process kills itself (SIGKILL, as the system's out-of-memory killer does) the
//   moment it is handed a batch holding the document FILE, so that document kills every process that runs it.
// - FLANKLINE_TEST_WORKING_DIR=DIR: the process writes DIR/<its pid> when it is handed its first batch (tinypool hands
//   batches only to a process that has loaded the pipeline), so a test kills processes that are running documents.
// - FLANKLINE_TEST_EXIT_AT_START=1: the process exits with code 1 before it loads anything, as one that cannot start.
// A pool's processes are told from the command that starts them (which preloads this too) by tinypool's variable.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

if (process.env.FLANKLINE_TEST_EXIT_AT_START && process.env.TINYPOOL_WORKER_ID) process.exit(1);

const killOn = process.env.FLANKLINE_TEST_KILL_ON;
const workingDir = process.env.FLANKLINE_TEST_WORKING_DIR;
let working = false;
const onMessage = (message) => {
  const task = message && message.source === 'port' ? message.task : null;
  if (!Array.isArray(task)) return;
  if (killOn && task.some((input) => input && input.file === killOn)) process.kill(process.pid, 'SIGKILL');
  if (workingDir && !working && task.length > 0) {
    working = true;
    writeFileSync(join(workingDir, String(process.pid)), '');
  }
};
// Listening only once tinypool's own code listens (and just before it): a process reads its channel from its first
// 'message' listener on, and a message read before tinypool listens would be lost to it.
let listening = false;
process.on('newListener', (event) => {
  if (event !== 'message' || listening) return;
  listening = true;
  process.on('message', onMessage);
});
