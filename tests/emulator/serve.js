// Starts telegram-test-api on 127.0.0.1 and an OS-chosen port (argv[2], default 0),
// prints {"port": N} on stdout once listening, and exits when stdin closes, so the
// emulator never outlives the test process that spawned it.
'use strict';
const TelegramServer = require('telegram-test-api');

async function main() {
  const server = new TelegramServer({ host: '127.0.0.1', port: 9000, storeTimeout: 600 });
  // normalizeConfig() turns port 0 into 9000; set it afterwards to let the OS choose.
  server.config.port = Number(process.argv[2] || 0);
  await server.start();
  const { port } = server.server.address();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  const stop = () => server.stop().finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`emulator failed to start: ${err}\n`);
  process.exit(1);
});
