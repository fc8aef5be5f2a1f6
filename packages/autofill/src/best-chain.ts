// The heaviest chain of pairs increasing in both target and slot order (an order-preserving alignment),
// over a sparse pair list: O(K log m) with a Fenwick tree of prefix maxima instead of an n × m table.

/**
 * Pairs k = 0..count-1 given as target index pi[k], slot index pj[k] and positive weight w[k], sorted by
 * target index. Returns the indices k of the chain with the largest total weight, in order.
 */
export function bestChain(
  pi: Int32Array,
  pj: Int32Array,
  w: Float64Array,
  count: number,
  slotCount: number,
): number[] {
  const size = slotCount + 1;
  const treeVal = new Float64Array(size + 1);
  const treeArg = new Int32Array(size + 1).fill(-1);
  const value = new Float64Array(count);
  const prev = new Int32Array(count).fill(-1);
  let best = 0;
  let bestArg = -1;
  for (let a = 0; a < count; ) {
    // All pairs of one target first read the tree, then write it: a target takes at most one slot.
    let b = a;
    const row = pi[a] as number;
    while (b < count && pi[b] === row) b++;
    for (let k = a; k < b; k++) {
      // Best chain among slots < pj[k]: prefix maximum over Fenwick positions 1..pj[k].
      let v = 0;
      let arg = -1;
      for (let x = pj[k] as number; x > 0; x -= x & -x) {
        if ((treeVal[x] as number) > v) {
          v = treeVal[x] as number;
          arg = treeArg[x] as number;
        }
      }
      value[k] = v + (w[k] as number);
      prev[k] = arg;
      if ((value[k] as number) > best) {
        best = value[k] as number;
        bestArg = k;
      }
    }
    for (let k = a; k < b; k++) {
      const v = value[k] as number;
      for (let x = (pj[k] as number) + 1; x <= size; x += x & -x) {
        if (v > (treeVal[x] as number)) {
          treeVal[x] = v;
          treeArg[x] = k;
        }
      }
    }
    a = b;
  }
  const chain: number[] = [];
  for (let k = bestArg; k >= 0; k = prev[k] as number) chain.unshift(k);
  return chain;
}
