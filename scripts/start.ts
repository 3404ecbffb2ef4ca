import { startPlatform } from "./platform";

/** `npm start`: the whole platform on 127.0.0.1 with persistent data under .data/. Ctrl-C stops everything. */
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const started = Date.now();
// The project pins its Node (the `node` dev dependency, the same major as the Lambda runtime): `npm start`
// runs on node_modules/.bin/node. Say which one, so a run on the machine's own Node is noticed at once.
console.log(`KetNoi on Node ${process.version} (${process.execPath})`);
if (Number(process.versions.node.split(".")[0]) < 22) {
  console.warn("  Warning: expected Node 22 from the project's `node` dev dependency; run it with `npm start`.");
}
try {
  const platform = await startPlatform({
    inMemory: false,
    dynamoPort: port("KETNOI_DYNAMO_PORT", 8000),
    apiPort: port("KETNOI_API_PORT", 8787),
    webPort: port("KETNOI_WEB_PORT", 5173),
    // A free port unless one is asked for: nothing outside the platform needs to know it in advance.
    ...(process.env.KETNOI_S3_PORT ? { s3Port: Number(process.env.KETNOI_S3_PORT) } : {}),
    log: (line) => console.log(line),
  });
  console.log(`\nKetNoi is running (${((Date.now() - started) / 1000).toFixed(1)} s):`);
  console.log(`  Web app:  ${platform.webUrl}`);
  console.log(`  API docs: ${platform.apiUrl}/api/docs`);
  console.log(`  Health:   ${platform.apiUrl}/api/health`);
  console.log(`  S3:       ${platform.s3Endpoint} (s3rver: CV files, search snapshot)`);
  console.log(`  Mail: ${platform.mail.webUrl}`);
  console.log("Press Ctrl-C to stop.");
  // Vite installs its own SIGTERM handler that exits the process before DynamoDB Local is stopped:
  // this script owns shutdown, so it replaces every signal handler with its own.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
  process.stdin.removeAllListeners("end");
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping KetNoi…`);
    await platform.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // `npm start` runs us under `sh -c`; a SIGTERM sent to npm kills that shell without reaching us. When our
  // parent goes away we are re-parented, so a changed ppid means "stop".
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown("parent exited");
  }, 500).unref();
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
