import { GadmRef, loadGadms } from './reference-data';

let byCode: Map<string, GadmRef> | undefined;

/** The reference entry of a GADM by INEC code, or undefined. */
export function findGadm(inecCode: string | null | undefined): GadmRef | undefined {
  byCode ??= new Map(loadGadms().map((g) => [g.inecCode, g]));
  return inecCode ? byCode.get(inecCode) : undefined;
}
