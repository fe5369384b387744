import type { CooperantRef } from '@rueda/domain';

/**
 * Text material for the demo Jornada, written in the register of the seed
 * documents (GADM project sheets and cooperant presentations). Placeholders:
 * {canton}, {parroquia}, {barrio}, {n}, {cooperante}.
 */

export interface SectorContent {
  /** What a cooperant offers support for: "… para {offerTopic}". */
  offerTopic: string;
  demandTitles: string[];
  demandSentences: string[];
  /** Modalidades a GADM typically asks for in this sector. */
  demandModalidades: string[];
  /** Relative frequency among GADM demands. */
  weight: number;
}

export const SECTOR_CONTENT: Record<string, SectorContent> = {
  AGUA: {
    offerTopic: 'agua potable y saneamiento',
    weight: 10,
    demandTitles: [
      'Ampliación del sistema de agua potable de la parroquia rural {parroquia}',
      'Estudios definitivos para la planta de tratamiento de agua potable de {canton}',
      'Construcción del alcantarillado sanitario del barrio {barrio}',
      'Planta de tratamiento de aguas residuales de la cabecera cantonal de {canton}',
      'Reducción de pérdidas y micromedición en la red de agua de {canton}',
    ],
    demandSentences: [
      'El GAD Municipal de {canton} requiere financiamiento para dotar de agua segura a {n} familias de la parroquia {parroquia}.',
      'La red actual tiene más de 30 años y pierde cerca del 40 % del agua captada.',
      'Se cuenta con estudios de prefactibilidad y se necesita asistencia técnica para los diseños definitivos.',
      'Las descargas sin tratamiento contaminan el río y afectan a las comunidades aguas abajo.',
      'El proyecto forma parte del Plan de Desarrollo y Ordenamiento Territorial (PDOT) vigente.',
    ],
    demandModalidades: ['ASIST_TEC', 'CREDITO', 'FIN_NR'],
  },
  RESIDUOS: {
    offerTopic: 'gestión integral de residuos sólidos y economía circular',
    weight: 7,
    demandTitles: [
      'Cierre técnico del botadero a cielo abierto de {canton}',
      'Relleno sanitario mancomunado para {canton} y cantones vecinos',
      'Programa de reciclaje con gestores ambientales de base en {canton}',
      'Planta de compostaje de residuos orgánicos del mercado municipal de {canton}',
    ],
    demandSentences: [
      'El cantón genera alrededor de {n} toneladas de residuos al mes y el botadero actual llegó al final de su vida útil.',
      'Se busca implementar la separación en la fuente con participación de recicladores de base.',
      'El GAD requiere equipamiento y asistencia técnica para la recolección diferenciada.',
      'La iniciativa aporta a la economía circular y a la reducción de emisiones del cantón.',
    ],
    demandModalidades: ['ASIST_TEC', 'FIN_NR', 'DONACION', 'INVERSION'],
  },
  MOVILIDAD: {
    offerTopic: 'movilidad urbana sostenible y transporte público',
    weight: 5,
    demandTitles: [
      'Plan de movilidad sostenible de {canton}',
      'Implementación de buses eléctricos en el transporte urbano de {canton}',
      'Red de ciclovías y espacios peatonales del centro de {canton}',
      'Sistema de semaforización inteligente de {canton}',
    ],
    demandSentences: [
      'La ciudad enfrenta congestión creciente y un transporte público con flota envejecida.',
      'Se requiere asistencia técnica para el diseño del plan de movilidad y su modelo de gestión.',
      'El proyecto prioriza al peatón y la bicicleta en el casco urbano de {canton}.',
      'Se busca reducir emisiones mediante la electrificación progresiva de la flota.',
    ],
    demandModalidades: ['ASIST_TEC', 'CREDITO', 'INTERCAMBIO'],
  },
  SEGURIDAD: {
    offerTopic: 'seguridad ciudadana y prevención de la violencia',
    weight: 5,
    demandTitles: [
      'Sistema de videovigilancia y centro de monitoreo de {canton}',
      'Recuperación de espacios públicos para la prevención de la violencia en el barrio {barrio}',
      'Fortalecimiento de los Agentes de Control Municipal de {canton}',
    ],
    demandSentences: [
      'La inseguridad afecta al comercio y a la vida de los barrios de {canton}.',
      'Se busca replicar experiencias como el sistema Sivar Seguro de San Salvador.',
      'El GAD requiere capacitación e intercambio de experiencias en prevención situacional.',
      'El proyecto articula a la Policía, la comunidad y el Municipio en un plan cantonal de seguridad.',
    ],
    demandModalidades: ['INTERCAMBIO', 'ASIST_TEC', 'DONACION'],
  },
  CLIMA: {
    offerTopic: 'adaptación al cambio climático y reforestación',
    weight: 6,
    demandTitles: [
      'Reforestación de la microcuenca que abastece de agua a {canton}',
      'Plan cantonal de acción climática de {canton}',
      'Protección de páramos y fuentes de agua de la parroquia {parroquia}',
      'Corredor verde urbano en {canton}',
    ],
    demandSentences: [
      'Las sequías y lluvias intensas de los últimos años afectaron la producción y el abastecimiento de agua.',
      'Se propone restaurar {n} hectáreas con especies nativas junto a las comunidades.',
      'El cantón necesita un inventario de emisiones y una hoja de ruta de adaptación.',
      'La iniciativa protege las fuentes de agua y la biodiversidad del cantón.',
    ],
    demandModalidades: ['FIN_NR', 'ASIST_TEC', 'VOLUNTARIADO'],
  },
  ENERGIA: {
    offerTopic: 'energías renovables y eficiencia energética',
    weight: 4,
    demandTitles: [
      'Alumbrado público eficiente con tecnología LED en {canton}',
      'Paneles solares para edificios municipales de {canton}',
      'Estudio de aprovechamiento de energía renovable en {canton}',
    ],
    demandSentences: [
      'El consumo eléctrico del alumbrado y los edificios municipales pesa cada vez más en el presupuesto del GAD.',
      'Se busca reducir en un 30 % la factura eléctrica municipal con energía solar.',
      'Se requieren estudios técnicos y financiamiento para la implementación.',
    ],
    demandModalidades: ['CREDITO', 'INVERSION', 'ASIST_TEC'],
  },
  CIUDAD_INTELIGENTE: {
    offerTopic: 'ciudades inteligentes y digitalización municipal',
    weight: 5,
    demandTitles: [
      'Gobierno electrónico y trámites en línea del GAD de {canton}',
      'Plataforma de datos abiertos y gestión urbana de {canton}',
      'Conectividad WiFi en espacios públicos de {canton}',
    ],
    demandSentences: [
      'Los ciudadanos de {canton} deben acudir presencialmente para casi todos los trámites municipales.',
      'Se busca digitalizar {n} trámites y reducir los tiempos de atención.',
      'El GAD requiere asistencia técnica para su estrategia de ciudad inteligente.',
    ],
    demandModalidades: ['ASIST_TEC', 'CAPACITACION', 'INTERCAMBIO'],
  },
  PLANIFICACION: {
    offerTopic: 'planificación urbana, ordenamiento territorial y catastro',
    weight: 6,
    demandTitles: [
      'Actualización del catastro urbano y rural de {canton}',
      'Actualización del PDOT y del Plan de Uso y Gestión del Suelo de {canton}',
      'Plan maestro del centro urbano de {canton}',
    ],
    demandSentences: [
      'El catastro de {canton} no se actualiza desde hace más de diez años, lo que limita la recaudación predial.',
      'Se requiere asistencia técnica y capacitación al equipo de planificación municipal.',
      'La actualización del PUGS es un requisito para ordenar el crecimiento de la ciudad.',
    ],
    demandModalidades: ['ASIST_TEC', 'CAPACITACION', 'CREDITO'],
  },
  PATRIMONIO: {
    offerTopic: 'patrimonio, cultura y revitalización de centros históricos',
    weight: 4,
    demandTitles: [
      'Revitalización del centro histórico de {canton}',
      'Restauración de la casa patrimonial y biblioteca municipal de {canton}',
      'Red de bibliotecas y centros culturales de {canton}',
    ],
    demandSentences: [
      'El centro histórico de {canton} concentra inmuebles patrimoniales en riesgo de deterioro.',
      'Se busca convertir la casona patrimonial en un espacio cultural y de lectura para jóvenes.',
      'El proyecto busca intercambio de experiencias con ciudades que revitalizaron sus centros históricos.',
    ],
    demandModalidades: ['FIN_NR', 'INTERCAMBIO', 'ASIST_TEC'],
  },
  TURISMO: {
    offerTopic: 'turismo sostenible',
    weight: 5,
    demandTitles: [
      'Ruta turística comunitaria de la parroquia {parroquia}',
      'Plan de desarrollo turístico sostenible de {canton}',
      'Malecón y mirador turístico de {canton}',
    ],
    demandSentences: [
      '{canton} tiene atractivos naturales y culturales poco aprovechados por falta de infraestructura y promoción.',
      'Se propone fortalecer emprendimientos de turismo comunitario en la parroquia {parroquia}.',
      'El GAD requiere asistencia técnica para la promoción y certificación de destinos.',
    ],
    demandModalidades: ['ASIST_TEC', 'INVERSION', 'CAPACITACION'],
  },
  DES_ECONOMICO: {
    offerTopic: 'desarrollo económico local y emprendimiento',
    weight: 6,
    demandTitles: [
      'Centro de emprendimiento e innovación de {canton}',
      'Fortalecimiento de cadenas productivas y exportación de {canton}',
      'Mercado municipal y feria de productores de {canton}',
    ],
    demandSentences: [
      'La economía de {canton} depende de pocos productos y los pequeños productores tienen poco acceso a mercados.',
      'Se busca apoyar a {n} emprendimientos locales con capacitación y capital semilla.',
      'El proyecto promueve alianzas con el sector privado y la atracción de inversiones.',
    ],
    demandModalidades: ['CAPACITACION', 'INVERSION', 'ASIST_TEC'],
  },
  CUIDADOS_GENERO: {
    offerTopic: 'sistemas de cuidado e igualdad de género',
    weight: 3,
    demandTitles: [
      'Sistema cantonal de cuidados de {canton}',
      'Centro de atención a mujeres víctimas de violencia en {canton}',
      'Manzanas del cuidado en el barrio {barrio}',
    ],
    demandSentences: [
      'Las mujeres de {canton} dedican muchas horas al trabajo de cuidado no remunerado.',
      'Se busca replicar el modelo de Manzanas del Cuidado de Bogotá.',
      'El GAD requiere asistencia técnica para diseñar la ordenanza y el modelo de gestión.',
    ],
    demandModalidades: ['ASIST_TEC', 'INTERCAMBIO'],
  },
  INCLUSION: {
    offerTopic: 'inclusión social, discapacidad y movilidad humana',
    weight: 4,
    demandTitles: [
      'Centro de atención integral para personas con discapacidad en {canton}',
      'Atención a población en movilidad humana en {canton}',
      'Programa de inclusión de pueblos y nacionalidades de {canton}',
    ],
    demandSentences: [
      'En {canton} viven más de {n} personas con discapacidad sin servicios especializados cercanos.',
      'El cantón recibe población en movilidad humana que requiere orientación y acceso a servicios.',
      'El proyecto se ejecutará con las organizaciones sociales del cantón.',
    ],
    demandModalidades: ['FIN_NR', 'VOLUNTARIADO', 'ASIST_TEC'],
  },
  SALUD: {
    offerTopic: 'salud pública y bienestar',
    weight: 4,
    demandTitles: [
      'Equipamiento del centro de salud municipal de {canton}',
      'Ambulancia para la parroquia rural {parroquia}',
      'Programa de nutrición infantil de {canton}',
    ],
    demandSentences: [
      'Las comunidades rurales de {canton} están a más de una hora del hospital más cercano.',
      'La desnutrición crónica infantil supera el promedio nacional en la parroquia {parroquia}.',
      'Se requiere la donación de equipamiento médico y una ambulancia.',
    ],
    demandModalidades: ['DONACION', 'FIN_NR'],
  },
  EDUCACION: {
    offerTopic: 'educación y espacios de aprendizaje',
    weight: 3,
    demandTitles: [
      'Infocentros y aulas digitales en {canton}',
      'Becas para jóvenes de {canton}',
      'Espacios de aprendizaje comunitario en la parroquia {parroquia}',
    ],
    demandSentences: [
      'Muchos jóvenes de {canton} no tienen acceso a internet ni a formación técnica.',
      'Se busca equipar {n} aulas digitales en las parroquias rurales.',
      'El GAD requiere becas y pasantías para formar a su personal técnico.',
    ],
    demandModalidades: ['BECAS', 'DONACION', 'PASANTIAS'],
  },
  RIESGOS: {
    offerTopic: 'gestión de riesgos y emergencias',
    weight: 5,
    demandTitles: [
      'Equipamiento del Cuerpo de Bomberos de {canton}',
      'Sistema de alerta temprana ante inundaciones en {canton}',
      'Obras de mitigación de deslizamientos en la parroquia {parroquia}',
    ],
    demandSentences: [
      'El invierno provoca inundaciones y deslizamientos que dejan comunidades aisladas.',
      'El Cuerpo de Bomberos de {canton} trabaja con equipos de más de 20 años de antigüedad.',
      'Se requiere un sistema de alerta temprana y capacitación a las brigadas comunitarias.',
    ],
    demandModalidades: ['DONACION', 'ASIST_TEC', 'FIN_NR'],
  },
  INSTITUCIONAL: {
    offerTopic: 'fortalecimiento institucional y gobernanza local',
    weight: 5,
    demandTitles: [
      'Fortalecimiento de la gestión financiera y tributaria del GAD de {canton}',
      'Unidad de cooperación internacional del GAD de {canton}',
      'Presupuesto participativo y rendición de cuentas en {canton}',
    ],
    demandSentences: [
      'El GAD de {canton} depende en gran medida de las transferencias del Gobierno central.',
      'Se busca mejorar la recaudación propia y la calidad del gasto.',
      'El equipo técnico requiere capacitación en formulación de proyectos de cooperación.',
    ],
    demandModalidades: ['CAPACITACION', 'ASIST_TEC', 'VOLUNTARIADO'],
  },
  RURAL: {
    offerTopic: 'desarrollo rural y productivo',
    weight: 7,
    demandTitles: [
      'Sistema de riego parcelario de la parroquia {parroquia}',
      'Centro de acopio de leche para productores de {canton}',
      'Fortalecimiento de la producción agroecológica de {canton}',
    ],
    demandSentences: [
      'Los pequeños productores de la parroquia {parroquia} pierden parte de sus cosechas por falta de riego.',
      'Se busca beneficiar a {n} familias campesinas con asistencia técnica y equipamiento.',
      'El proyecto se coordina con las asociaciones de productores del cantón.',
    ],
    demandModalidades: ['ASIST_TEC', 'VOLUNTARIADO', 'FIN_NR'],
  },
  INTERNACIONALIZACION: {
    offerTopic: 'internacionalización y redes de ciudades',
    weight: 3,
    demandTitles: [
      'Hermanamiento de {canton} con una ciudad de Iberoamérica',
      'Estrategia de internacionalización del cantón {canton}',
    ],
    demandSentences: [
      '{canton} busca integrarse a redes internacionales de ciudades como Mercociudades o CGLU.',
      'Se propone un hermanamiento para intercambiar experiencias de gestión municipal.',
      'El GAD requiere acompañamiento para elaborar su agenda de cooperación internacional.',
    ],
    demandModalidades: ['HERMANAMIENTO', 'INTERCAMBIO'],
  },
};

/** "Asistencia técnica para …" — how an offer of each modalidad opens. */
export const OFFER_OPENINGS: Record<string, string[]> = {
  FIN_NR: ['Fondo no reembolsable para', 'Convocatoria de proyectos de'],
  CREDITO: ['Línea de crédito para', 'Financiamiento reembolsable para'],
  ASIST_TEC: ['Asistencia técnica en', 'Asesoría especializada en'],
  CAPACITACION: ['Programa de capacitación en', 'Curso para equipos municipales sobre'],
  VOLUNTARIADO: ['Voluntariado internacional en', 'Voluntarios especializados en'],
  BECAS: ['Becas de especialización en', 'Becas de posgrado en'],
  PASANTIAS: ['Pasantías y visitas de estudio sobre'],
  DONACION: ['Donación de equipamiento para', 'Donación en especie para'],
  INTERCAMBIO: ['Intercambio de experiencias en', 'Buenas prácticas de'],
  HERMANAMIENTO: ['Hermanamiento de ciudades en', 'Cooperación ciudad a ciudad en'],
  INVERSION: ['Alianzas público-privadas en', 'Estructuración de proyectos de inversión en'],
};

export const OFFER_SENTENCES = [
  '{cooperante} acompaña a gobiernos locales en {topic}.',
  'La cooperación se ejecuta en coordinación con el equipo técnico del GAD y con participación ciudadana.',
  'Se priorizan cantones con proyectos alineados a su PDOT y con contraparte local comprometida.',
  'Incluye visitas técnicas, formación del personal municipal y seguimiento de resultados.',
  'Las postulaciones se reciben durante todo el año a través de la oficina de cooperación.',
  'El apoyo puede combinarse con otras fuentes de financiamiento nacionales e internacionales.',
];

/** Opens a description whose title does not already name the canton. */
export const CANTON_OPENERS = [
  'La parroquia rural {parroquia}, del cantón {canton}, concentra la mayor necesidad.',
  'El GAD Municipal de {canton} prioriza esta obra en su PDOT.',
  'La iniciativa beneficia a la población de {canton} y en especial a la parroquia {parroquia}.',
];

/** Plausible rural parish and neighbourhood names (common across Ecuador). */
export const PARROQUIAS = [
  'San José', 'Santa Rosa', 'San Antonio', 'La Unión', 'El Progreso', 'San Juan', 'Chaucha', 'Tarqui', 'San Isidro',
  'La Esperanza', 'San Pedro', 'Guadalupe', 'El Rosario', 'Santa Ana', 'Cochapamba', 'Las Nieves', 'San Francisco',
  'Cumbe', 'Tomebamba', 'Río Verde', 'Pumamaqui', 'Nueva Esperanza', 'Los Andes', 'Chilcapamba',
];
export const BARRIOS = ['La Florida', 'El Ejido', 'San Vicente', 'Los Pinos', 'La Merced', 'El Carmen', '24 de Mayo', 'Las Palmas', 'Central', 'La Cruz'];

export const FIRST_NAMES_F = [
  'María', 'Ana', 'Lucía', 'Gabriela', 'Verónica', 'Daniela', 'Andrea', 'Paola', 'Fernanda', 'Carmen', 'Rosa', 'Diana',
  'Sofía', 'Valeria', 'Patricia', 'Mónica', 'Jessica', 'Cristina', 'Elena', 'Johanna',
];
export const FIRST_NAMES_M = [
  'Juan', 'Carlos', 'Luis', 'José', 'Patricio', 'Diego', 'Andrés', 'Fernando', 'Javier', 'Esteban', 'Germán', 'Marco',
  'Pablo', 'Santiago', 'Ricardo', 'Abraham', 'Jorge', 'Miguel', 'Edison', 'Wilson',
];
export const SURNAMES = [
  'Maldonado', 'Orellana', 'Flores', 'Pincay', 'Freire', 'Guamán', 'Quishpe', 'Vera', 'Zambrano', 'Cedeño', 'Mendoza',
  'Torres', 'Vásquez', 'Morales', 'Andrade', 'Castillo', 'Ortiz', 'Salazar', 'Cevallos', 'Chávez', 'Jaramillo',
  'Paredes', 'Sánchez', 'Tapia', 'Yépez', 'Naranjo', 'Cabrera', 'Ordóñez', 'Loja', 'Benítez', 'Grijalva', 'Espinoza',
];

/** Given-name pools for a few cooperant countries, so a JICA delegate does not sound like a local official. */
export const FOREIGN_NAMES: Record<string, { first: string[]; last: string[] }> = {
  Japón: { first: ['Keiko', 'Hiroshi', 'Yuki', 'Takeshi', 'Aiko', 'Kenji'], last: ['Tanaka', 'Suzuki', 'Sato', 'Watanabe', 'Ito', 'Nakamura'] },
  'Corea del Sur': { first: ['Min-jun', 'Ji-woo', 'Seo-yeon', 'Hyun-woo'], last: ['Kim', 'Lee', 'Park', 'Choi'] },
  Alemania: { first: ['Anna', 'Lukas', 'Katrin', 'Matthias', 'Julia'], last: ['Müller', 'Schmidt', 'Weber', 'Fischer', 'Becker'] },
  Francia: { first: ['Camille', 'Julien', 'Claire', 'Nicolas'], last: ['Martin', 'Bernard', 'Dubois', 'Moreau'] },
  'Estados Unidos': { first: ['Emily', 'Michael', 'Sarah', 'David'], last: ['Johnson', 'Smith', 'Miller', 'Brown'] },
  Canadá: { first: ['Olivia', 'Liam', 'Chloé', 'Ethan'], last: ['Tremblay', 'Roy', 'Wilson', 'Gagnon'] },
  China: { first: ['Wei', 'Li', 'Mei', 'Jun'], last: ['Wang', 'Zhang', 'Liu', 'Chen'] },
  Italia: { first: ['Giulia', 'Marco', 'Francesca', 'Luca'], last: ['Rossi', 'Bianchi', 'Romano', 'Colombo'] },
  Bélgica: { first: ['Sarah', 'Thomas', 'Lien', 'Pieter'], last: ['Peeters', 'Janssens', 'Dupont', 'Maes'] },
  Suiza: { first: ['Laura', 'Daniel', 'Nina', 'Simon'], last: ['Meier', 'Keller', 'Huber', 'Brunner'] },
  Turquía: { first: ['Elif', 'Mehmet', 'Zeynep', 'Emre'], last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin'] },
  Brasil: { first: ['Ana Paula', 'João', 'Mariana', 'Rafael'], last: ['Silva', 'Santos', 'Oliveira', 'Souza'] },
};

export const GADM_ROLES_EXTRA = [
  ['Director de Planificación', 'Directora de Planificación'],
  ['Técnico de Cooperación Internacional', 'Técnica de Cooperación Internacional'],
  ['Director Financiero', 'Directora Financiera'],
  ['Jefe de Proyectos', 'Jefa de Proyectos'],
  ['Director de Obras Públicas', 'Directora de Obras Públicas'],
  ['Concejal', 'Concejala'],
] as const;

export const COOPERANT_ROLES = [
  ['Representante residente', 'Representante residente'],
  ['Oficial de programas', 'Oficial de programas'],
  ['Coordinador de proyectos', 'Coordinadora de proyectos'],
  ['Especialista sectorial', 'Especialista sectorial'],
  ['Director de cooperación', 'Directora de cooperación'],
  ['Agregado de cooperación', 'Agregada de cooperación'],
] as const;

/** A generated cooperant has the same shape as a reference one. */
export type CooperantTemplate = CooperantRef;

/**
 * Pool the generator draws the extra cooperants from (beyond the 38 of the
 * reference). Foreign municipalities, agencies, UN bodies, funds, foundations
 * and NGOs, so every tipo_cooperacion appears.
 */
export const EXTRA_COOPERANTS: CooperantTemplate[] = [
  { acronym: 'AYTO_VALENCIA', name: 'Ayuntamiento de Valencia', tipo: 'DESCENTRALIZADA', origin: 'España', sectores: ['AGUA', 'MOVILIDAD', 'INTERNACIONALIZACION'], modalidades: ['INTERCAMBIO', 'HERMANAMIENTO', 'ASIST_TEC'] },
  { acronym: 'AYTO_BARCELONA', name: 'Ayuntamiento de Barcelona', tipo: 'DESCENTRALIZADA', origin: 'España', sectores: ['CIUDAD_INTELIGENTE', 'CUIDADOS_GENERO', 'MOVILIDAD'], modalidades: ['INTERCAMBIO', 'FIN_NR'] },
  { acronym: 'AYTO_BILBAO', name: 'Ayuntamiento de Bilbao', tipo: 'DESCENTRALIZADA', origin: 'España', sectores: ['PLANIFICACION', 'PATRIMONIO', 'DES_ECONOMICO'], modalidades: ['INTERCAMBIO', 'PASANTIAS'] },
  { acronym: 'AYTO_SEVILLA', name: 'Ayuntamiento de Sevilla', tipo: 'DESCENTRALIZADA', origin: 'España', sectores: ['PATRIMONIO', 'TURISMO'], modalidades: ['HERMANAMIENTO', 'INTERCAMBIO'] },
  { acronym: 'DIPU_BARCELONA', name: 'Diputación de Barcelona', tipo: 'DESCENTRALIZADA', origin: 'España', sectores: ['INSTITUCIONAL', 'DES_ECONOMICO', 'PLANIFICACION'], modalidades: ['ASIST_TEC', 'CAPACITACION', 'FIN_NR'] },
  { acronym: 'FAMSI', name: 'Fondo Andaluz de Municipios para la Solidaridad Internacional', tipo: 'DESCENTRALIZADA', origin: 'España', sectores: ['INSTITUCIONAL', 'INCLUSION', 'AGUA'], modalidades: ['FIN_NR', 'ASIST_TEC'] },
  { acronym: 'MUNI_ROSARIO', name: 'Municipalidad de Rosario', tipo: 'DESCENTRALIZADA', origin: 'Argentina', sectores: ['PLANIFICACION', 'SALUD', 'INCLUSION'], modalidades: ['INTERCAMBIO', 'PASANTIAS'] },
  { acronym: 'IM_MONTEVIDEO', name: 'Intendencia de Montevideo', tipo: 'DESCENTRALIZADA', origin: 'Uruguay', sectores: ['RESIDUOS', 'CUIDADOS_GENERO', 'INTERNACIONALIZACION'], modalidades: ['INTERCAMBIO', 'HERMANAMIENTO'] },
  { acronym: 'ALC_MEDELLIN', name: 'Alcaldía de Medellín', tipo: 'DESCENTRALIZADA', origin: 'Colombia', sectores: ['MOVILIDAD', 'SEGURIDAD', 'CIUDAD_INTELIGENTE'], modalidades: ['INTERCAMBIO', 'PASANTIAS'] },
  { acronym: 'PREF_CURITIBA', name: 'Prefeitura de Curitiba', tipo: 'DESCENTRALIZADA', origin: 'Brasil', sectores: ['MOVILIDAD', 'RESIDUOS', 'PLANIFICACION'], modalidades: ['INTERCAMBIO', 'ASIST_TEC'] },
  { acronym: 'MUNI_LIMA', name: 'Municipalidad Metropolitana de Lima', tipo: 'INTERMUNICIPAL', origin: 'Perú', sectores: ['RIESGOS', 'MOVILIDAD'], modalidades: ['INTERCAMBIO'] },
  { acronym: 'VILLE_LYON', name: 'Ville de Lyon', tipo: 'DESCENTRALIZADA', origin: 'Francia', sectores: ['PATRIMONIO', 'CLIMA', 'MOVILIDAD'], modalidades: ['HERMANAMIENTO', 'INTERCAMBIO', 'FIN_NR'] },
  { acronym: 'VILLE_MONTREAL', name: 'Ville de Montréal', tipo: 'DESCENTRALIZADA', origin: 'Canadá', sectores: ['CLIMA', 'INCLUSION'], modalidades: ['INTERCAMBIO', 'CAPACITACION'] },
  { acronym: 'COMUNE_BOLOGNA', name: 'Comune di Bologna', tipo: 'DESCENTRALIZADA', origin: 'Italia', sectores: ['PATRIMONIO', 'DES_ECONOMICO'], modalidades: ['HERMANAMIENTO', 'INTERCAMBIO'] },
  { acronym: 'STADT_FREIBURG', name: 'Stadt Freiburg im Breisgau', tipo: 'DESCENTRALIZADA', origin: 'Alemania', sectores: ['ENERGIA', 'CLIMA', 'MOVILIDAD'], modalidades: ['INTERCAMBIO', 'ASIST_TEC'] },
  { acronym: 'RED_ANDINA', name: 'Red Andina de Ciudades', tipo: 'INTERMUNICIPAL', origin: 'Regional', sectores: ['INTERNACIONALIZACION', 'DES_ECONOMICO', 'RIESGOS'], modalidades: ['INTERCAMBIO', 'CAPACITACION'] },
  { acronym: 'AECID', name: 'Agencia Española de Cooperación Internacional para el Desarrollo', tipo: 'BILATERAL', origin: 'España', sectores: ['AGUA', 'CUIDADOS_GENERO', 'PATRIMONIO'], modalidades: ['FIN_NR', 'ASIST_TEC', 'CAPACITACION'] },
  { acronym: 'AFD', name: 'Agencia Francesa de Desarrollo', tipo: 'BILATERAL', origin: 'Francia', sectores: ['CLIMA', 'MOVILIDAD', 'AGUA'], modalidades: ['CREDITO', 'ASIST_TEC'] },
  { acronym: 'AICS', name: 'Agencia Italiana de Cooperación para el Desarrollo', tipo: 'BILATERAL', origin: 'Italia', sectores: ['RURAL', 'PATRIMONIO', 'INCLUSION'], modalidades: ['FIN_NR', 'ASIST_TEC'] },
  { acronym: 'ENABEL', name: 'Enabel - Agencia Belga de Desarrollo', tipo: 'BILATERAL', origin: 'Bélgica', sectores: ['RURAL', 'CLIMA'], modalidades: ['ASIST_TEC', 'FIN_NR'] },
  { acronym: 'COSUDE', name: 'Agencia Suiza para el Desarrollo y la Cooperación', tipo: 'BILATERAL', origin: 'Suiza', sectores: ['AGUA', 'RIESGOS', 'INSTITUCIONAL'], modalidades: ['ASIST_TEC', 'FIN_NR'] },
  { acronym: 'TIKA', name: 'Agencia Turca de Cooperación y Coordinación', tipo: 'BILATERAL', origin: 'Turquía', sectores: ['SALUD', 'EDUCACION', 'RURAL'], modalidades: ['DONACION', 'CAPACITACION'] },
  { acronym: 'AMEXCID', name: 'Agencia Mexicana de Cooperación Internacional para el Desarrollo', tipo: 'SUR_SUR', origin: 'México', sectores: ['RURAL', 'PATRIMONIO', 'RIESGOS'], modalidades: ['ASIST_TEC', 'BECAS', 'INTERCAMBIO'] },
  { acronym: 'APC_COLOMBIA', name: 'Agencia Presidencial de Cooperación Internacional de Colombia', tipo: 'SUR_SUR', origin: 'Colombia', sectores: ['SEGURIDAD', 'DES_ECONOMICO', 'INCLUSION'], modalidades: ['INTERCAMBIO', 'ASIST_TEC'] },
  { acronym: 'AGCID', name: 'Agencia Chilena de Cooperación Internacional para el Desarrollo', tipo: 'SUR_SUR', origin: 'Chile', sectores: ['RIESGOS', 'INSTITUCIONAL'], modalidades: ['BECAS', 'ASIST_TEC', 'PASANTIAS'] },
  { acronym: 'ABC_BRASIL', name: 'Agencia Brasileña de Cooperación', tipo: 'SUR_SUR', origin: 'Brasil', sectores: ['RURAL', 'SALUD'], modalidades: ['ASIST_TEC', 'INTERCAMBIO'] },
  { acronym: 'UE', name: 'Delegación de la Unión Europea en Ecuador', tipo: 'MULTILATERAL', origin: 'Unión Europea', sectores: ['CLIMA', 'INSTITUCIONAL', 'DES_ECONOMICO'], modalidades: ['FIN_NR', 'ASIST_TEC'] },
  { acronym: 'BEI', name: 'Banco Europeo de Inversiones', tipo: 'MULTILATERAL', origin: 'Unión Europea', sectores: ['AGUA', 'ENERGIA', 'MOVILIDAD'], modalidades: ['CREDITO'] },
  { acronym: 'UNICEF', name: 'Fondo de las Naciones Unidas para la Infancia', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['EDUCACION', 'SALUD', 'INCLUSION'], modalidades: ['ASIST_TEC', 'FIN_NR'] },
  { acronym: 'FAO', name: 'Organización de las Naciones Unidas para la Alimentación y la Agricultura', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['RURAL', 'CLIMA'], modalidades: ['ASIST_TEC', 'CAPACITACION'] },
  { acronym: 'ONU_MUJERES', name: 'ONU Mujeres', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['CUIDADOS_GENERO', 'SEGURIDAD'], modalidades: ['ASIST_TEC', 'CAPACITACION'] },
  { acronym: 'OPS', name: 'Organización Panamericana de la Salud', tipo: 'MULTILATERAL', origin: 'Regional', sectores: ['SALUD', 'AGUA'], modalidades: ['ASIST_TEC', 'CAPACITACION'] },
  { acronym: 'ACNUR', name: 'Agencia de la ONU para los Refugiados', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['INCLUSION', 'SEGURIDAD'], modalidades: ['FIN_NR', 'ASIST_TEC'] },
  { acronym: 'OIM', name: 'Organización Internacional para las Migraciones', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['INCLUSION', 'DES_ECONOMICO'], modalidades: ['ASIST_TEC', 'CAPACITACION'] },
  { acronym: 'UNESCO', name: 'Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['PATRIMONIO', 'EDUCACION'], modalidades: ['ASIST_TEC', 'INTERCAMBIO'] },
  { acronym: 'FIDA', name: 'Fondo Internacional de Desarrollo Agrícola', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['RURAL', 'DES_ECONOMICO'], modalidades: ['CREDITO', 'FIN_NR'] },
  { acronym: 'FVC', name: 'Fondo Verde para el Clima', tipo: 'MULTILATERAL', origin: 'Global', sectores: ['CLIMA', 'ENERGIA', 'RIESGOS'], modalidades: ['FIN_NR', 'CREDITO'] },
  { acronym: 'FUND_AGUA_VIVA', name: 'Fundación Agua Viva para los Andes', tipo: 'PRIVADA', origin: 'España', sectores: ['AGUA', 'SALUD'], modalidades: ['FIN_NR', 'VOLUNTARIADO'] },
  { acronym: 'FUND_HORIZONTE', name: 'Fundación Horizonte Andino', tipo: 'PRIVADA', origin: 'Ecuador', sectores: ['EDUCACION', 'INCLUSION'], modalidades: ['BECAS', 'VOLUNTARIADO'] },
  { acronym: 'SEMBRAR_ONG', name: 'Sembrar Futuro ONG', tipo: 'PRIVADA', origin: 'Canadá', sectores: ['RURAL', 'CLIMA'], modalidades: ['VOLUNTARIADO', 'CAPACITACION'] },
  { acronym: 'BOMBEROS_SF', name: 'Bomberos Sin Fronteras', tipo: 'PRIVADA', origin: 'España', sectores: ['RIESGOS'], modalidades: ['DONACION', 'CAPACITACION'] },
  { acronym: 'UPV', name: 'Universitat Politècnica de València - Centro de Cooperación al Desarrollo', tipo: 'PRIVADA', origin: 'España', sectores: ['CIUDAD_INTELIGENTE', 'ENERGIA', 'AGUA'], modalidades: ['PASANTIAS', 'VOLUNTARIADO', 'ASIST_TEC'] },
  { acronym: 'ING_SIN_FRONTERAS', name: 'Ingeniería Sin Fronteras', tipo: 'PRIVADA', origin: 'España', sectores: ['AGUA', 'ENERGIA'], modalidades: ['VOLUNTARIADO', 'ASIST_TEC'] },
  { acronym: 'RED_CIUDADES_SOL', name: 'Red de Ciudades Solidarias del Mediterráneo', tipo: 'INTERMUNICIPAL', origin: 'Italia', sectores: ['INTERNACIONALIZACION', 'TURISMO'], modalidades: ['HERMANAMIENTO', 'INTERCAMBIO'] },
  { acronym: 'ECO_RECICLA', name: 'EcoRecicla S.A.', tipo: 'APP', origin: 'Chile', sectores: ['RESIDUOS', 'ENERGIA'], modalidades: ['INVERSION'] },
  { acronym: 'SOLAR_ANDINA', name: 'Solar Andina Energía S.A.', tipo: 'APP', origin: 'Perú', sectores: ['ENERGIA'], modalidades: ['INVERSION', 'ASIST_TEC'] },
  { acronym: 'TELECONECTA', name: 'Teleconecta Latinoamérica', tipo: 'APP', origin: 'México', sectores: ['CIUDAD_INTELIGENTE'], modalidades: ['INVERSION'] },
];
