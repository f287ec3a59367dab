/** Frame-rate helpers of the Chromium benchmarks (frames recorded with requestAnimationFrame in the page). */

/** Width of the windows frames are counted in. */
export const WINDOW_MS = 500;

/** Frames per second in each window of the recorded frame times; the last, partial window is dropped. */
export function windowFps(frames: number[], windowMs = WINDOW_MS): number[] {
  if (frames.length < 2) return [0];
  const start = frames[0]!;
  const buckets: number[] = [];
  for (const t of frames) {
    const i = Math.floor((t - start) / windowMs);
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return buckets.slice(0, -1).map((n) => ((n ?? 0) * 1000) / windowMs);
}
