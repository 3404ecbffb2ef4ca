/**
 * The contract every probe module under scripts/probe/ follows. `npm run probe` (scripts/probe.ts) runs each
 * module in turn and prints one summary; `npm test` runs the short version. A probe attacks the platform from
 * outside — over HTTP against a platform it starts itself (scripts/platform.ts `startPlatform` on free ports), or
 * by stopping its DynamoDB Local — and reports every check it made and every breach it found.
 */
export interface ProbeReport {
  /** The probe's name, e.g. "authorization", "dashboard-recovery", "fuzz", "database-kill". */
  probe: string;
  /** How many independent checks were made (requests compared, cells attacked, writes verified…). */
  checks: number;
  /** One line per breach: what was tried and what answered. Empty means the platform held. */
  breaches: string[];
  /** Optional figures worth printing (e.g. { cellsAttacked: 40, recoveredExactly: 0 }). */
  figures?: Record<string, number>;
}

export interface ProbeModule {
  name: string;
  /** `short` is the quick variant run inside `npm test` (seconds, not minutes). */
  run(options: { short: boolean; log: (line: string) => void }): Promise<ProbeReport>;
}
