/** Words a Spanish title keeps in lower case unless they open it. */
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en']);

/**
 * Official lists write place names in capitals ("GENERAL ANTONIO ELIZALDE (BUCAY)",
 * "SANTO DOMINGO DE LOS TSÁCHILAS"); people read "General Antonio Elizalde (Bucay)" and
 * "Santo Domingo de los Tsáchilas". Every word after a space, "(", "-", "/" or "." starts
 * upper case, connectors stay lower case except at the start of the name or of a bracket.
 */
export function properCaseEs(s: string): string {
  const lower = s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('es');
  let out = '';
  let start = true;
  for (const token of lower.split(/([\s()\-/.]+)/)) {
    if (!token) continue;
    if (/^[\s()\-/.]+$/.test(token)) {
      out += token;
      if (token.includes('(')) start = true;
      continue;
    }
    out += !start && CONNECTORS.has(token) ? token : token.charAt(0).toLocaleUpperCase('es') + token.slice(1);
    start = false;
  }
  return out;
}
