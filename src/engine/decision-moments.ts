/** Today's decision moments: which subscriber, and what kind (index into MOMENT_KINDS). */
export interface DecisionMoments {
  size: number;
  subscriber: Int32Array;
  kind: Uint8Array;
}

export function allocateDecisionMoments(capacity: number): DecisionMoments {
  return { size: 0, subscriber: new Int32Array(capacity), kind: new Uint8Array(capacity) };
}

export function addMoment(moments: DecisionMoments, subscriber: number, kind: number): void {
  moments.subscriber[moments.size] = subscriber;
  moments.kind[moments.size] = kind;
  moments.size++;
}
