import { handleSesEvent, type SesEvent } from "./bounces";

/** An SNS delivery of SES configuration-set events (bounces and complaints; infra/mail.ts subscribes this entry). */
export interface SnsEvent {
  Records: Array<{ Sns: { Message: string } }>;
}

/** The Lambda entry of the bounce and complaint topic: suppresses addresses and tells their holders in-app. */
export const handler = async (event: SnsEvent) => {
  for (const record of event.Records) await handleSesEvent(JSON.parse(record.Sns.Message) as SesEvent);
};
