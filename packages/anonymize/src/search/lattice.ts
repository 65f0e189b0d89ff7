import { LeakriskError } from '@leakrisk/survey';
import { levelCount, type Hierarchy } from '../recode/hierarchy.js';
import { suppressLocally } from '../suppress/local.js';
import { classesOfRows, mergeClasses, type ClassTable } from './classes.js';
import { cellLoss, columnLossByLevel, importanceWeights } from './lossMeasure.js';
import type { PrivacyRequirement } from './requirement.js';

/** A quasi-identifier ready for the search: its hierarchy and each record's leaf (-1 = missing). */
export interface SearchKey {
  column: string;
  hierarchy: Hierarchy;
  /**
   * Each record's leaf: 0 … L − 1 (L = hierarchy.leaves.length), −1 when missing; with `self` matching,
   * L + f for a missing cell written as `missingForms[f]`.
   */
  leaves: Int32Array;
  /**
   * With `self` matching, the texts of missing cells other than the empty cell (`NA`, codebook missing
   * codes such as `99`). They are released as they are, so each is a category of its own at every
   * level below `*` (never generalised, loss 0 unless suppressed); the empty cell stays −1, the same
   * category as a suppressed cell, which is also written empty.
   */
  missingForms?: readonly string[];
  /** sdcMicro importance: 1 = most important (suppressed last). */
  importance?: number;
  /**
   * Never suppressed locally: a kept column gives the key's value away (a stratum names the province),
   * so suppressing one of its cells would protect nothing; local suppression takes another key instead.
   */
  pinned?: boolean;
}

/** A sensitive column as codes (-1 = missing), for l-diversity. */
export interface SearchSensitive {
  column: string;
  codes: Int32Array;
  cardinality: number;
}

export interface SearchInput {
  keys: SearchKey[];
  sensitive: SearchSensitive[];
  nrow: number;
  requirement: PrivacyRequirement;
  /** Largest share of records that may carry a suppressed key cell (local or by `*`). */
  maxSuppressedShare: number;
  /** Stop after this many full evaluations (the result then says `optimal: false`). Default 20,000. */
  maxEvaluations?: number;
}

/** The outcome at one lattice node (a generalisation level per key). */
interface NodeOutcome {
  levels: number[];
  /** The requirement is met within the suppression budget. */
  feasible: boolean;
  /** The documented loss (see lossMeasure.ts) after generalisation and local suppression. */
  loss: number;
  /** Loss per key (same definition, before weighting). */
  lossPerKey: number[];
  /** Lower bound: generalisation only. */
  generalisationLoss: number;
  /** Records with at least one key cell suppressed (locally or by a `*` level). */
  suppressedRecords: number;
  /** Suppressed cells per key: local suppressions plus, at `*`, every non-missing cell. */
  suppressedCells: number[];
  /** Cells generalised (level > 0, not `*`, not suppressed) per key. */
  generalisedCells: number[];
  /** Local suppression only, per key. */
  locallySuppressedCells: number[];
}

export interface SearchResult {
  /** The best feasible node, or undefined when no node is feasible. */
  best: NodeOutcome | undefined;
  /** The least-loss node that was evaluated even if infeasible, to explain a failure. */
  closest: NodeOutcome | undefined;
  /** Number of lattice nodes and how many were evaluated in full. */
  latticeSize: number;
  evaluated: number;
  /** True when the search proved `best` optimal (it did not stop at maxEvaluations). */
  optimal: boolean;
  /** Suppression order (key indices, least important first) and loss weights. */
  order: number[];
  weights: number[];
  /** The released cell of each record for key j: its group label, or '' when missing/suppressed. */
  release: (j: number) => string[];
}

const MAX_NODES = 1 << 22;

/**
 * Finds the generalisation levels of least loss that, with local suppression, meet the
 * requirement within `maxSuppressedShare`.
 *
 * The lattice has one node per combination of levels (level 0 … top `*` for each key). The
 * generalisation-only loss of a node is a lower bound of its final loss (suppressing a cell never
 * lowers its loss), and it is computed for every node in O(1) from per-level column losses. Nodes
 * are visited in increasing order of that bound (ties: fewer total levels, then lexicographic
 * order), each evaluated by generalising the record classes and running local suppression; the
 * search stops as soon as the next bound is not below the best loss found, so the result is the
 * exact optimum under this loss and this suppression procedure (unless maxEvaluations was hit).
 * Every step works on classes of identical records, so 1,000,000 rows cost one grouping pass.
 */
export function searchLattice(input: SearchInput): SearchResult {
  const { keys, sensitive, nrow, requirement } = input;
  const m = keys.length;
  if (m > 30) {
    throw new LeakriskError(
      `there are ${m} quasi-identifiers; at most 30 are supported`,
      {},
      'keep the columns an intruder could know as quasi-identifiers and classify the rest as "keep" or "drop"',
    );
  }
  const leafCards = keys.map((k) => k.hierarchy.leaves.length);
  const micro = classesOfRows(
    keys.map((k) => k.leaves),
    keys.map((k) => k.hierarchy.leaves.length + (k.missingForms?.length ?? 0)),
    sensitive.map((s) => s.codes),
    sensitive.map((s) => s.cardinality),
    nrow,
  );
  const table = micro.table;
  const levels = keys.map((k) => levelCount(k.hierarchy));
  let latticeSize = 1;
  for (const h of levels) latticeSize *= h;
  if (latticeSize > MAX_NODES) {
    throw new LeakriskError(
      `the generalisation lattice has ${latticeSize} nodes, more than ${MAX_NODES} can be searched`,
      {},
      'use fewer quasi-identifiers or shorter hierarchies',
    );
  }
  // Records per leaf (missing forms left out: they are never generalised and lose nothing at `*`).
  const leafCounts = keys.map((k, j) => {
    const counts = new Float64Array(k.hierarchy.leaves.length);
    const codes = table.codes[j]!;
    for (let c = 0; c < table.size; c++) if (codes[c]! >= 0 && codes[c]! < counts.length) counts[codes[c]!]! += table.count[c]!;
    return counts;
  });
  const nonMissing = leafCounts.map((counts) => counts.reduce((s, x) => s + x, 0));
  const levelLoss = keys.map((k, j) => columnLossByLevel(k.hierarchy, leafCounts[j]!, nrow));
  const { order, weights } = importanceWeights(
    keys.map((k) => k.importance),
    leafCards,
  );
  const weightSum = weights.reduce((s, w) => s + w, 0) || 1;
  const budget = Math.floor(input.maxSuppressedShare * nrow + 1e-9);

  // Enumerate nodes as mixed-radix numbers (key 0 varies fastest) with their lower bounds.
  const bound = new Float64Array(latticeSize);
  const levelSum = new Int32Array(latticeSize);
  const digits = new Int32Array(m);
  for (let node = 0; node < latticeSize; node++) {
    let b = 0;
    let s = 0;
    for (let j = 0; j < m; j++) {
      b += weights[j]! * levelLoss[j]![digits[j]!]!;
      s += digits[j]!;
    }
    bound[node] = b / weightSum;
    levelSum[node] = s;
    for (let j = 0; j < m; j++) {
      if (++digits[j]! < levels[j]!) break;
      digits[j] = 0;
    }
  }
  const nodeOrder = new Int32Array(latticeSize);
  for (let i = 0; i < latticeSize; i++) nodeOrder[i] = i;
  nodeOrder.sort((a, b) => bound[a]! - bound[b]! || levelSum[a]! - levelSum[b]! || a - b);

  const decode = (node: number): number[] => {
    const out: number[] = [];
    for (let j = 0; j < m; j++) {
      out.push(node % levels[j]!);
      node = Math.floor(node / levels[j]!);
    }
    return out;
  };

  const maxEvaluations = input.maxEvaluations ?? 20_000;
  let best: (NodeOutcome & { detail: NodeDetail }) | undefined;
  let closest: NodeOutcome | undefined;
  let evaluated = 0;
  let optimal = true;
  // Fail fast: generalising never shrinks a record's matching set (equal values stay equal, missing
  // stays missing), so when the coarsest node below `*` (every key at its last real level) cannot
  // meet the requirement, finer nodes cannot either. Only nodes with a key at `*` remain, and those
  // are possible only for keys whose non-missing cells fit in the budget; without such a key, stop.
  const coarsest = levels.map((h) => Math.max(0, h - 2));
  const coarsestOutcome = evaluateNode(
    table,
    keys,
    coarsest,
    order,
    weights,
    weightSum,
    requirement,
    budget,
    nrow,
    coarsest.reduce((s, level, j) => s + weights[j]! * levelLoss[j]![level]!, 0) / weightSum,
  );
  evaluated++;
  if (!coarsestOutcome.feasible && nonMissing.every((count) => count > budget)) {
    return {
      best: undefined,
      closest: stripDetail(coarsestOutcome),
      latticeSize,
      evaluated,
      optimal: true,
      order,
      weights,
      release: () => new Array<string>(nrow).fill(''),
    };
  }
  for (let i = 0; i < latticeSize; i++) {
    const node = nodeOrder[i]!;
    if (best && bound[node]! >= best.loss) break;
    const nodeLevels = decode(node);
    // A key at `*` suppresses all its non-missing cells: skip at once when that alone breaks the budget.
    let overBudget = false;
    for (let j = 0; j < m; j++) if (nodeLevels[j] === levels[j]! - 1 && nonMissing[j]! > budget) overBudget = true;
    if (overBudget) continue;
    if (evaluated >= maxEvaluations) {
      optimal = false;
      break;
    }
    evaluated++;
    const outcome = evaluateNode(table, keys, nodeLevels, order, weights, weightSum, requirement, budget, nrow, bound[node]!);
    if (outcome.feasible) {
      if (!best || outcome.loss < best.loss) best = outcome;
    } else if (!closest || outcome.suppressedRecords < closest.suppressedRecords) {
      closest = stripDetail(outcome);
    }
  }
  const chosen = best;
  const release = (j: number): string[] => {
    const out = new Array<string>(nrow);
    if (!chosen) return out.fill('');
    const { genCodes, microMask } = chosen.detail;
    const h = keys[j]!.hierarchy;
    const level = chosen.levels[j]!;
    const labels = level < h.groupOf.length ? [...h.labels[level]!, ...(keys[j]!.missingForms ?? [])] : [];
    const classOf = micro.classOf;
    const codes = genCodes[j]!;
    const bit = 1 << j;
    for (let i = 0; i < nrow; i++) {
      const c = classOf[i]!;
      const code = codes[c]!;
      out[i] = code < 0 || (microMask[c]! & bit) !== 0 ? '' : labels[code]!;
    }
    return out;
  };
  return {
    best: chosen ? stripDetail(chosen) : undefined,
    closest: chosen ? undefined : closest,
    latticeSize,
    evaluated,
    optimal,
    order,
    weights,
    release,
  };
}

interface NodeDetail {
  /** Generalised code per key per record class (-1 missing or `*`). */
  genCodes: Int32Array[];
  /** Local suppression bitmask per record class. */
  microMask: Int32Array;
}

function stripDetail(outcome: NodeOutcome & { detail?: NodeDetail }): NodeOutcome {
  const { detail: _detail, ...rest } = outcome;
  return rest;
}

function evaluateNode(
  micro: ClassTable,
  keys: SearchKey[],
  levels: number[],
  order: number[],
  weights: number[],
  weightSum: number,
  requirement: PrivacyRequirement,
  budget: number,
  nrow: number,
  generalisationLoss: number,
): NodeOutcome & { detail: NodeDetail } {
  const m = keys.length;
  const cards: number[] = [];
  // Groups at each key's level; a missing form f (leaf L + f) becomes group G + f, G groups at the level.
  const genCodes = keys.map((k, j) => {
    const h = k.hierarchy;
    const level = levels[j]!;
    const leaves = micro.codes[j]!;
    const out = new Int32Array(micro.size);
    if (level >= h.groupOf.length) {
      out.fill(-1);
      cards.push(0);
    } else {
      const groupOf = h.groupOf[level]!;
      const leafCount = h.leaves.length;
      const groups = h.labels[level]!.length;
      for (let c = 0; c < micro.size; c++) {
        const leaf = leaves[c]!;
        out[c] = leaf < 0 ? -1 : leaf < leafCount ? groupOf[leaf]! : groups + leaf - leafCount;
      }
      cards.push(groups + (k.missingForms?.length ?? 0));
    }
    return out;
  });
  const { table: nodeTable, mergedOf } = mergeClasses(micro, genCodes, cards);
  // Records that lose a cell to a `*` level.
  const starred = new Uint8Array(micro.size);
  const starCells = new Array<number>(m).fill(0);
  for (let j = 0; j < m; j++) {
    if (levels[j]! < keys[j]!.hierarchy.groupOf.length) continue;
    const leaves = micro.codes[j]!;
    const leafCount = keys[j]!.hierarchy.leaves.length;
    for (let c = 0; c < micro.size; c++) {
      if (leaves[c]! >= 0 && leaves[c]! < leafCount) {
        starred[c] = 1;
        starCells[j]! += micro.count[c]!;
      }
    }
  }
  let starredRecords = 0;
  for (let c = 0; c < micro.size; c++) if (starred[c]) starredRecords += micro.count[c]!;
  const local = suppressLocally(
    nodeTable,
    order.filter((j) => !keys[j]!.pinned),
    requirement,
    budget,
  );
  const microMask = new Int32Array(micro.size);
  let suppressedRecords = 0;
  for (let c = 0; c < micro.size; c++) {
    microMask[c] = local.suppressedMask[mergedOf[c]!]!;
    if (starred[c] || microMask[c] !== 0) suppressedRecords += micro.count[c]!;
  }
  const lossPerKey: number[] = [];
  const generalisedCells: number[] = [];
  for (let j = 0; j < m; j++) {
    const h = keys[j]!.hierarchy;
    const level = levels[j]!;
    const codes = nodeTable.codes[j]!;
    let sum = 0;
    let generalised = 0;
    const bit = 1 << j;
    for (let g = 0; g < nodeTable.size; g++) {
      const count = nodeTable.count[g]!;
      if (level >= h.groupOf.length) {
        // every non-missing cell is lost; counted below from starCells
        continue;
      }
      if (codes[g]! < 0) continue;
      if (local.suppressedMask[g]! & bit) sum += count;
      else if (codes[g]! >= h.labels[level]!.length) {
        // a missing form, released as it is: nothing lost, nothing generalised
      } else {
        sum += count * cellLoss(h, level, codes[g]!);
        if (level > 0) generalised += count;
      }
    }
    if (level >= h.groupOf.length) sum = starCells[j]!;
    lossPerKey.push(nrow === 0 ? 0 : sum / nrow);
    generalisedCells.push(generalised);
  }
  let loss = 0;
  for (let j = 0; j < m; j++) loss += weights[j]! * lossPerKey[j]!;
  loss /= weightSum;
  const suppressedCells = local.suppressedCells.map((x, j) => x + starCells[j]!);
  return {
    levels,
    feasible: local.met && suppressedRecords <= budget,
    loss,
    lossPerKey,
    generalisationLoss,
    suppressedRecords: Math.max(starredRecords, suppressedRecords),
    suppressedCells,
    generalisedCells,
    locallySuppressedCells: local.suppressedCells,
    detail: { genCodes, microMask },
  };
}
