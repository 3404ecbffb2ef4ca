/** One mail as maildev's REST API lists it (what its SMTP server really received). */
export interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string }>;
  attachments?: Array<{ fileName?: string; generatedFileName?: string; contentType: string }>;
}

/** Every mail maildev holds for this address, oldest first. */
export async function mailsTo(webUrl: string, address: string): Promise<ReceivedMail[]> {
  const all = (await (await fetch(`${webUrl}/api/email`)).json()) as ReceivedMail[];
  return all.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()));
}

/** A mail's raw source: the headers the summaries leave out (List-Unsubscribe among them). */
export async function mailSource(webUrl: string, id: string): Promise<string> {
  return (await fetch(`${webUrl}/api/email/${id}/source`)).text();
}

/** A header of a raw mail, unfolded. */
export function headerOf(source: string, name: string): string | undefined {
  const head = source.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
