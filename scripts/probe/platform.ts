import { freePort } from "@ketnoi/functions/local/ports";
import { type Platform, startPlatform } from "../platform";

/**
 * A fresh in-memory platform on free ports for one probe. The probe process is the platform's only client and
 * plays many clients at once (fresh X-Forwarded-For values, so rate limits never decide a check): it declares
 * itself a trusted proxy, which is what TRUSTED_PROXIES is for.
 */
export async function probePlatform(log: (line: string) => void): Promise<Platform> {
  process.env.TRUSTED_PROXIES = "127.0.0.1";
  const [dynamoPort, apiPort, webPort] = [await freePort(), await freePort(), await freePort()];
  return startPlatform({ inMemory: true, dynamoPort, apiPort, webPort, log });
}
