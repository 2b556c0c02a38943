// Counts objects in a CDP heap snapshot by name, including Blink's native ones (audio nodes).
import type { CDPSession } from "playwright-core";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * Takes a heap snapshot (after a full collection) and counts nodes whose name is in `names`.
 * A snapshot, not a FinalizationRegistry: Blink may drop and recreate a node's JS wrapper while
 * the native node stays alive, so only the native side tells whether an audio node leaked.
 */
export async function countInHeap(cdp: CDPSession, names: readonly string[]): Promise<Record<string, number>> {
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }): void => void chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  }
  const snap = JSON.parse(chunks.join("")) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const counts: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let i = 0; i < snap.nodes.length; i += width) {
    if (types[snap.nodes[i + typeAt] as number] !== "native") continue;
    const name = snap.strings[snap.nodes[i + nameAt] as number] ?? "";
    if (name in counts) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
