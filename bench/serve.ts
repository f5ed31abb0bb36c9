/** What the browser benchmarks share: waiting for the preview server they start. */

/** Resolves once `url` answers 200, polling every 100 ms for up to 10 s. */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}
