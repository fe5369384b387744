import { Model, NO_LIMIT } from '../model';

export interface EncodingOptions {
  /** Bound on the difference of idle time between any two participants with meetings (fairness d). */
  maxIdleSpread?: number;
  /** Slot per meeting of a known good schedule (-1 = unscheduled): the search starts from it. */
  hint?: Int32Array;
  /** Integer factor applied to weights (clasp optimises integers). */
  weightScale: number;
  /** Meetings each participant must keep (minMeetingsPerGadm floors). */
  floors?: Int32Array;
  /**
   * The weight is already proven optimal (a schedule reaches the bound): it becomes a hard
   * constraint instead of the first objective. When it is the weight of every meeting, each
   * meeting takes exactly one slot, which clasp propagates far better than a weak constraint.
   */
  weightFloor?: number;
  /** excluded[m·S+s] = 1: no weight-optimal schedule puts m in s (weight-fixing.ts); only with weightFloor. */
  excluded?: Uint8Array;
}

/**
 * Answer-set program of the lexicographic problem (see README, "Exact phase"):
 * at(M,S) places meeting M in slot S; priorities: weight of unplaced meetings (@3), excess over
 * the fairness bound (@2), idle time (@1: holes, or breaks = runs of busy slots − 1).
 * Tables are interchangeable except reserved ones, exactly as in ScheduleState.
 */
export function encodeProgram(model: Model, options: EncodingOptions): string {
  const { S, T, P, M, pa, pb, weight, avail, parallel, maxMeetings, resTable, allowed } = model;
  const out: string[] = [];
  const facts: string[] = [];
  facts.push(`slot(0..${S - 1}).`);
  // Integer weight of the meetings the program can place (the others are unplaceable anyway).
  let total = 0;
  for (let m = 0; m < M; m++) {
    let any = false;
    for (let s = 0; s < S; s++) {
      if (!allowed[m * S + s] || options.excluded?.[m * S + s]) continue;
      facts.push(`ok(${m},${s}).`);
      any = true;
    }
    if (!any || resTable[m] < -1 || T === 0) continue;
    facts.push(`m(${m},${Math.round(weight[m] * options.weightScale)}).`, `in(${m},${pa[m]}).`, `in(${m},${pb[m]}).`);
    total += Math.round(weight[m] * options.weightScale);
    if (model.pinSlot[m] >= 0) facts.push(`pin(${m},${model.pinSlot[m]}).`);
    if (resTable[m] >= 0) facts.push(`res(${m},${resTable[m]}).`);
  }
  for (let p = 0; p < P; p++) {
    if (model.meetingsOf[p].length === 0) continue;
    facts.push(`p(${p}).`);
    if (parallel[p] !== 1) facts.push(`par(${p},${parallel[p]}).`);
    if (maxMeetings[p] < NO_LIMIT && maxMeetings[p] < model.meetingsOf[p].length) facts.push(`maxm(${p},${maxMeetings[p]}).`);
    for (let s = 0; s < S; s++) if (avail[p * S + s]) facts.push(`free(${p},${s}).`);
    if (options.floors && options.floors[p] > 0) facts.push(`floor(${p},${options.floors[p]}).`);
  }
  out.push(facts.join('\n'));
  const floor = options.weightFloor === undefined ? undefined : Math.round(options.weightFloor * options.weightScale);
  const placeAll = floor !== undefined && floor >= total;
  const choice = placeAll ? '1 { at(M,S) : ok(M,S) } 1 :- m(M,_).' : '{ at(M,S) : ok(M,S) } 1 :- m(M,_).';
  const weightRule =
    floor === undefined ? ':~ m(M,W), not placed(M). [W@3,M]' : placeAll ? '' : `:- #sum{ W,M : m(M,W), placed(M) } < ${floor}.`;
  out.push(
    `
cap(P,1) :- p(P), not par(P,_).
cap(P,K) :- par(P,K).
%CHOICE%
:- pin(M,S), not at(M,S).
placed(M) :- at(M,_).
busy(P,S) :- at(M,S), in(M,P).
:- cap(P,K), slot(S), #count{ M : at(M,S), in(M,P) } > K.
:- maxm(P,X), #count{ M : at(M,_), in(M,P) } > X.
:- floor(P,X), #count{ M : at(M,_), in(M,P) } < X.
:- res(_,R), slot(S), #count{ M : at(M,S), res(M,R) } > 1.
:- slot(S), #count{ M : at(M,S) } > ${T}.
active(P) :- busy(P,_).
%WEIGHT%
`
      .replace('%CHOICE%', choice)
      .replace('%WEIGHT%', weightRule),
  );
  if (model.idleMeasure === 'breaks') {
    out.push(`
start(P,S) :- busy(P,S), not busy(P,S-1).
idle(P,S) :- start(P,S), busy(P,S2), S2 < S.
`);
  } else {
    out.push(`
before(P,S) :- busy(P,S-1), slot(S).
before(P,S) :- before(P,S-1), slot(S).
after(P,S) :- busy(P,S+1), slot(S).
after(P,S) :- after(P,S+1), slot(S).
idle(P,S) :- free(P,S), not busy(P,S), before(P,S), after(P,S).
`);
  }
  out.push(`:~ idle(P,S). [1@1,P,S]`);
  if (options.maxIdleSpread !== undefined) {
    // lo is the smallest idle time among active participants; the excess of anyone above
    // lo + d is minimised before idle time itself, so the bound holds whenever it can.
    out.push(`
level(0..${S}).
{ lo(L) : level(L) } = 1.
:- lo(L), active(P), #count{ S : idle(P,S) } < L.
excess(P,E) :- lo(L), active(P), E = #count{ S : idle(P,S) } - L - ${options.maxIdleSpread}, E > 0.
:~ excess(P,E). [E@2,P]
`);
  }
  if (options.hint) {
    const h: string[] = [];
    for (let m = 0; m < M; m++) if (options.hint[m] >= 0) h.push(`#heuristic at(${m},${options.hint[m]}). [1,sign]`);
    out.push(h.join('\n'));
  }
  out.push('#show at/2.');
  return out.join('\n');
}
