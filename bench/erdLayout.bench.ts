/**
 * ER layout speed: ELK layered with a port per key column (what the app uses) on a generated
 * schema of 300 tables / 400 foreign keys (goal ≤ 1.5 s) and 500 tables / 650 foreign keys.
 * Baseline from the same run and the same graph: ELK layered without ports (edges meet the node,
 * not the column). Median of a few runs after one warm-up (the first ELK call pays for JIT).
 * Also reported: SVG rendering of the 500-table layout, and the CPU time of the 300-table layout
 * (steadier than wall time when the machine is shared: ELK runs on one thread). Last, the docs
 * use case: one neighbour SVG per table of a 1,000-table schema with the fast three-column
 * layout, against ELK on the first 100 of the same graphs (extrapolated per table).
 */
import { buildErGraph } from '../src/shared/erd/graph';
import { layoutErGraph } from '../src/shared/erd/layout';
import { renderNeighbourSvg } from '../src/shared/erd/neighbourLayout';
import { renderErSvg } from '../src/shared/erd/svg';
import { syntheticSnapshot } from '../tests/erd/syntheticSchema';
import { median, round, time, type BenchEntry } from './types';

const RUNS = 5;

const cpuMsNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function medianMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  return (await measure(fn)).wall;
}

/** Median wall and CPU milliseconds of `fn` after one warm-up run. */
async function measure(fn: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  await fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = cpuMsNow();
    walls.push(await time(fn));
    cpus.push(cpuMsNow() - c0);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const out: BenchEntry[] = [];
  for (const [tables, fks, goal] of [
    [300, 400, '≤ 1500 ms'],
    [500, 650, 'usable at 500 tables (no fixed goal)'],
  ] as const) {
    const graph = buildErGraph(syntheticSnapshot(tables, fks, 42));
    const ported = await measure(() => layoutErGraph(graph));
    const plain = await measure(() => layoutErGraph(graph, { withoutPorts: true }));
    const withPorts = ported.wall;
    const withoutPorts = plain.wall;
    out.push({
      name: `erd: layout of ${tables} tables / ${fks} FKs, ports per column (ratio: with ports / ELK without ports)`,
      value: round(withPorts, 0),
      unit: 'ms',
      baseline: round(withoutPorts, 0),
      ratio: round(withPorts / withoutPorts),
      goal,
    });
    if (tables === 300) {
      out.push({
        name: `erd: CPU time of the ${tables}-table layout (ratio: with ports / ELK without ports)`,
        value: round(ported.cpu, 0),
        unit: 'ms',
        baseline: round(plain.cpu, 0),
        ratio: round(ported.cpu / plain.cpu),
        goal: '≤ 1500 ms',
      });
    }
    if (tables === 500) {
      const layout = await layoutErGraph(graph);
      const svgMs = await medianMs(() => renderErSvg(graph, layout));
      out.push({
        name: `erd: SVG of ${tables} tables (ratio: SVG / layout)`,
        value: round(svgMs, 1),
        unit: 'ms',
        baseline: round(withPorts, 0),
        ratio: round(svgMs / withPorts, 3),
      });
    }
  }
  const snap = syntheticSnapshot(1000, 1300, 5);
  const ids = snap.schemas.flatMap((s) => s.tables.map((t) => `${s.name}.${t.name}`));
  const fast = await medianMs(() => {
    for (const id of ids) renderNeighbourSvg(snap, id);
  });
  const elkSample = ids.slice(0, 100);
  const elkMs = await time(async () => {
    for (const id of elkSample) renderErSvg(buildErGraph(snap, { focus: id, hops: 1 }), await layoutErGraph(buildErGraph(snap, { focus: id, hops: 1 })));
  });
  const elkAll = (elkMs / elkSample.length) * ids.length;
  out.push({
    name: 'erd: neighbour SVG of every table of 1,000 (ratio: fast layout / ELK per table, extrapolated)',
    value: round(fast, 0),
    unit: 'ms',
    baseline: round(elkAll, 0),
    ratio: round(fast / elkAll, 3),
    goal: 'a small share of the 10 s docs budget',
  });
  return out;
}
