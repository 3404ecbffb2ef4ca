import { untilNextVietnamHour } from "@ketnoi/core";
import { loadMailConfig, setMailConfig } from "../config";
import { startMailDev } from "../local/maildev";
import { errorField, logger } from "../observability/logger";
import { runDailyDigest } from "./digest";
import { registerMailSender } from "./sender";

/** The local mail of `npm start`, the tests and e2e: maildev, the stream's mail sender and the digest timer. */
export interface LocalMail {
  /** maildev's web UI and REST API (`GET /api/email`). */
  webUrl: string;
  smtpPort: number;
  /** Runs the daily digest now (the timer's job), e.g. from a test. */
  runDigest: typeof runDailyDigest;
  stop(): Promise<void>;
}

/**
 * Starts maildev on the given ports, points this process's mail configuration at it (SMTP, links to `webOrigin`),
 * registers the mail sender with the notices, and runs the daily digest at 07:00 Vietnam time, as the
 * EventBridge schedule does in deploy. `stop()` undoes all of it.
 */
export async function startLocalMail(options: {
  smtpPort: number;
  webPort: number;
  webOrigin: string;
}): Promise<LocalMail> {
  const maildev = await startMailDev({ smtpPort: options.smtpPort, webPort: options.webPort });
  const config = loadMailConfig({
    ...process.env,
    MAIL_TRANSPORT: "smtp",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(options.smtpPort),
    WEB_ORIGIN: options.webOrigin,
  });
  setMailConfig(config);
  const registered = registerMailSender(config);
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(
      () => {
        runDailyDigest({ config })
          .then((report) => logger.info("daily digest", { ...report }))
          .catch((error: unknown) => logger.error("daily digest failed", { error: errorField(error) }))
          .finally(schedule);
      },
      untilNextVietnamHour(new Date(), 7),
    );
    timer.unref();
  };
  schedule();
  return {
    webUrl: maildev.webUrl,
    smtpPort: options.smtpPort,
    runDigest: (o = {}) => runDailyDigest({ config, ...o }),
    stop: async () => {
      clearTimeout(timer);
      registered?.unregister();
      await maildev.stop();
    },
  };
}
