/** For the matching pages' tests: what the page sent, read from the fetch mock of `signInAs`. */

/** The JSON body of the first request the mock saw with this method and URL. */
export function sentBody(calls: { mock: { calls: unknown[][] } }, method: string, url: string): unknown {
  const call = calls.mock.calls.find(
    ([sentUrl, init]) => String(sentUrl) === url && (init as RequestInit | undefined)?.method === method,
  );
  if (!call) throw new Error(`no ${method} ${url} was sent`);
  return JSON.parse(String((call[1] as RequestInit).body));
}
