/**
 * Acronyms of Ecuadorian municipal life and of the cooperation trade, expanded into the words
 * they stand for, so that "PTAR" meets "planta de tratamiento de aguas residuales" and
 * "wastewater treatment plant". An event's own texts add more: "sistema de alerta temprana
 * (SAT)" teaches the index that SAT means those words everywhere else ({@link learnAcronyms}).
 *
 * `anyCase` acronyms are unmistakable and also read in lower case (hurried forms write "pdot");
 * the others collide with ordinary words ("sat", "coe", "arca", "app") and count only in
 * capitals.
 */
interface AcronymEntry {
  expansion: string;
  anyCase: boolean;
}

const ANY_CASE = `
PTAR=planta de tratamiento de aguas residuales; PTAP=planta de tratamiento de agua potable
PDOT=plan de desarrollo y ordenamiento territorial; PDyOT=plan de desarrollo y ordenamiento territorial
PUGS=plan de uso y gestión del suelo; GIRS=gestión integral de residuos sólidos
JAAP=juntas administradoras de agua potable; JAAPS=juntas administradoras de agua potable
COOTAD=código orgánico de organización territorial autonomía descentralización municipios competencias
LOOTUGS=ley orgánica de ordenamiento territorial uso y gestión del suelo
MAATE=ministerio del ambiente agua y transición ecológica; SNGR=secretaría nacional de gestión de riesgos
SNGRE=secretaría nacional de gestión de riesgos; BDE=banco de desarrollo del ecuador crédito
GADM=gobierno autónomo descentralizado municipal; PMUS=plan de movilidad urbana sostenible
GEI=gases de efecto invernadero emisiones; GHG=gases de efecto invernadero emisiones
ODS=objetivos de desarrollo sostenible; SDG=objetivos de desarrollo sostenible; SDGS=objetivos de desarrollo sostenible
ECU911=emergencias seguridad videovigilancia; MIPYMES=micro pequeñas medianas empresas
DRR=reducción del riesgo de desastres; CCTV=videovigilancia cámaras; NDC=contribución determinada cambio climático
`;

const CAPITALS_ONLY = `
SAT=sistema de alerta temprana; COE=comité de operaciones de emergencia; ANC=agua no contabilizada
SIG=sistema de información geográfica cartografía; GIS=sistema de información geográfica cartografía
AME=asociación de municipalidades ecuatorianas; CDI=centro de desarrollo infantil; DCI=desnutrición crónica infantil
UBS=unidad básica de salud; ARCA=agencia de regulación y control del agua; SRI=servicio de rentas internas impuestos
APP=alianza público privada inversión; EP=empresa pública; EMAPA=empresa municipal de agua potable alcantarillado
ITS=sistemas inteligentes de transporte tránsito; TIC=tecnologías de información comunicación; ICT=tecnologías de información comunicación
PV=fotovoltaica solar; LED=luminarias led alumbrado; EPP=equipos de protección personal; PPE=equipos de protección personal
UGR=unidad de gestión de riesgos; GAD=gobierno autónomo descentralizado; ONG=organización no gubernamental
NGO=organización no gubernamental; BID=banco interamericano de desarrollo; CAF=banco de desarrollo de américa latina
`;

function parse(text: string, anyCase: boolean, into: Map<string, AcronymEntry>): void {
  for (const entry of text.split(/[;\n]/)) {
    const eq = entry.indexOf('=');
    if (eq < 0) continue;
    into.set(entry.slice(0, eq).trim().toUpperCase(), { expansion: entry.slice(eq + 1).trim(), anyCase });
  }
}

export const ACRONYMS: ReadonlyMap<string, AcronymEntry> = (() => {
  const m = new Map<string, AcronymEntry>();
  parse(ANY_CASE, true, m);
  parse(CAPITALS_ONLY, false, m);
  return m;
})();

const DEFINITION_RE = /([\p{L}][\p{L}\s,'-]{3,120}?)\s*\(\s*(\p{Lu}[\p{Lu}\d]{1,7})\s*\)/gu;
const SMALL_WORDS = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'y', 'e', 'en', 'para', 'of', 'the', 'and', 'for', 'a', 'al']);

/**
 * Acronyms defined in the texts themselves: "Words Of The Thing (WOTT)". The definition is the
 * shortest run of words before the parenthesis whose initials spell the acronym, small words
 * skipped or not (so "sistema de alerta temprana (SAT)" and "agua no contabilizada (ANC)" count).
 * Returns upper-case acronym → expansion; built-in acronyms are not overridden.
 */
export function learnAcronyms(texts: Iterable<string>): Map<string, string> {
  const learned = new Map<string, string>();
  for (const text of texts) {
    if (!text || !text.includes('(')) continue;
    const head = text.slice(0, 20_000);
    DEFINITION_RE.lastIndex = 0;
    for (let m = DEFINITION_RE.exec(head); m !== null; m = DEFINITION_RE.exec(head)) {
      const acr = m[2].toUpperCase();
      if (ACRONYMS.has(acr) || learned.has(acr)) continue;
      const words = m[1].split(/[\s,]+/).filter(Boolean);
      const letters = acr.replace(/\d/g, '').toLowerCase();
      // Try the last n words for n from the acronym's length up to twice it.
      for (let n = 1; n <= Math.min(words.length, letters.length * 2 + 1); n++) {
        const run = words.slice(words.length - n);
        const initials = (keepSmall: boolean) =>
          run
            .filter((w) => keepSmall || !SMALL_WORDS.has(w.toLowerCase()))
            .map((w) => w[0].toLowerCase())
            .join('');
        if (initials(false) === letters || initials(true) === letters) {
          if (!SMALL_WORDS.has(run[0].toLowerCase())) learned.set(acr, run.join(' '));
          break;
        }
      }
    }
  }
  return learned;
}
