import type { WitnessStep } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { formatWitness } from '../src/output/format-variant-problems.js';

describe('a witness, as a regional hub reads it', () => {
  it('names each step: the start, transitions, tier changes, routes and a way in from a local intake source', () => {
    const witness: WitnessStep[] = [
      { kind: 'start', node: 'intake', tier: null },
      { kind: 'entryPoint', node: 'record-referral', tier: null, point: 'entry-point-slot' },
      { kind: 'tierRaised', node: 'record-referral', tier: 'high' },
      { kind: 'transition', node: 'closed', tier: 'high', transition: 'chc/fast-close' },
    ];
    expect(formatWitness(witness, {})).toEqual([
      '    witness (the shortest path that breaks it):',
      '      intake (start, tier unassessed)',
      '      → record-referral, from a local intake source at entry point entry-point-slot',
      '      tier raised: unassessed → high, at record-referral',
      '      → closed, via transition chc/fast-close',
    ]);
  });
});
