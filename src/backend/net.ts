// The one way backend code reaches the network (loopback only: Ollama). Electron's main process swaps in
// net.fetch so its session's webRequest lockdown filter applies; Node uses its own fetch.
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

let current: FetchLike = (input, init) => fetch(input, init);

export function setOutboundFetch(f: FetchLike): void {
  current = f;
}

export function outboundFetch(input: string | URL, init?: RequestInit): Promise<Response> {
  return current(input, init);
}
