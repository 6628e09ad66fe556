// How far V8 lets the heap grow past what survived its last full collection before it collects
// again: by 10% here, where V8 picks a factor of up to 4 for a heap it sees as busy. Loading a
// list of 100,000 functions leaves tens of megabytes of short-lived copies of the list (one for
// each showing while it loads), which only a full collection frees. In bench/key-frame.bench.mjs
// picker100k (turns alternated, load 3-5) the resident peak was 351/365 MB with V8's own factor
// and 322/322 MB with 20%; in shorter runs of the same load and typing, 295/299 MB at 20% and
// 286/285 MB at 10% (docs/benchmarks.md). The cost is more (concurrent) collections: for the
// explorer only (imported by tui-command.ts), as commands have no such peak and pay it in time
// (`history list --function` over 100,000 entries, idle machine, medians of 5: 0.94 s with it,
// 0.91 s without). V8 reads this flag each time it sets the next limit, so setting it at run
// time, before the list loads, takes effect.
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWING_PERCENT = 10;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
