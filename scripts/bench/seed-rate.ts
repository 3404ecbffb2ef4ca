/**
 * Seeding throughput of generated province-shaped data into an in-memory DynamoDB Local, for tuning the province
 * seed: `npx tsx scripts/bench/seed-rate.ts [--jvm quick|throughput] [--stream on|off] [--concurrency N]
 * [--students N] [--contributions on|off]` prints items/s and the CPU seconds spent by this process (ElectroDB, the SDK) and by the JVM.
 */
import { readFileSync } from "node:fs";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { seedProvinceData } from "@ketnoi/functions/seed/seed";

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const jvm = arg("jvm", "quick") as "quick" | "throughput";
const stream = arg("stream", "on") === "on";
const concurrency = Number(arg("concurrency", "8"));
const students = Number(arg("students", "2000"));
const contributions = arg("contributions", "on") === "on";
const scale = {
  students,
  organisations: students / 50,
  listings: students / 5,
  applications: students * 3,
};

/** User+system CPU seconds of a process, from /proc (Linux). */
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const port = await freePort();
const dynamo = await startDynamoLocal({ port, inMemory: true, heapMb: 3072, jvm });
try {
  useLocalConfig({ endpoint: dynamo.endpoint, tableName: "seed-rate", apiUrl: "http://127.0.0.1:1" });
  await ensureTable(dynamo.endpoint, "seed-rate", { stream });
  const javaCpu0 = cpuOf(dynamo.process.pid!);
  const nodeCpu0 = process.cpuUsage();
  const started = performance.now();
  const { counts } = await seedProvinceData(scale, {
    concurrency,
    contributions,
    progress: (l) => console.error(`  ${l}`),
  });
  const seconds = (performance.now() - started) / 1000;
  const items = Object.values(counts).reduce((a, b) => a + b, 0);
  const nodeCpu = process.cpuUsage(nodeCpu0);
  console.log(
    JSON.stringify({
      jvm,
      stream,
      contributions,
      concurrency,
      scale,
      items,
      seconds: Math.round(seconds * 10) / 10,
      itemsPerSecond: Math.round(items / seconds),
      nodeCpuS: Math.round((nodeCpu.user + nodeCpu.system) / 1e5) / 10,
      javaCpuS: Math.round((cpuOf(dynamo.process.pid!) - javaCpu0) * 10) / 10,
      load: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    }),
  );
} finally {
  await dynamo.stop();
}
process.exit(0);
