/**
 * Concept lexicon per taxonomy sector. Each group is a set of words or short phrases that an
 * officer would treat as the same thing (Spanish first, some English because a few cooperants
 * write their offers in English). When any member occurs in a text the analyser also emits the
 * group's concept term, so "basura" in a demand meets "desechos" or "solid waste" in an offer.
 *
 * Groups are kept narrow on purpose: a word that is ambiguous across sectors ("gestión",
 * "desarrollo", "plan") would connect everything with everything. The first member of a group
 * is its display name.
 */
export const SECTOR_LEXICON: Record<string, string[][]> = {
  AGUA: [
    ['agua potable', 'potable', 'potabilización', 'potabilizadora', 'drinking water', 'water supply'],
    ['alcantarillado', 'alcantarilla', 'sewerage', 'sewer', 'colector'],
    ['saneamiento', 'sanitation'],
    ['aguas residuales', 'depuración', 'tratamiento de aguas', 'wastewater', 'ptar', 'lagunas de oxidación'],
    ['agua', 'water', 'hídrico', 'acueducto', 'captación', 'tanque de reserva'],
    ['pérdidas de agua', 'agua no contabilizada', 'medidores', 'micromedición', 'non-revenue water'],
  ],
  RESIDUOS: [
    ['residuos', 'basura', 'desechos', 'desperdicios', 'waste', 'garbage', 'trash', 'solid waste'],
    ['reciclaje', 'reciclar', 'reciclable', 'recicladores', 'recycling', 'reutilización'],
    ['relleno sanitario', 'botadero', 'vertedero', 'landfill', 'dump'],
    ['compostaje', 'compost', 'orgánicos', 'lombricultura'],
    ['economía circular', 'circular economy'],
    ['recolección', 'barrido', 'aseo', 'collection'],
  ],
  MOVILIDAD: [
    ['movilidad', 'mobility'],
    ['transporte público', 'bus', 'buses', 'public transport', 'transit', 'tranvía'],
    ['ciclovía', 'bicicleta', 'ciclista', 'bike', 'cycling'],
    ['peatonal', 'peatón', 'aceras', 'pedestrian', 'caminabilidad'],
    ['vialidad', 'vías urbanas', 'calles', 'pavimentación', 'roads', 'adoquinado'],
    ['tránsito', 'semaforización', 'semáforos', 'seguridad vial', 'traffic', 'matriculación'],
  ],
  SEGURIDAD: [
    ['seguridad ciudadana', 'inseguridad', 'delincuencia', 'crime', 'citizen security', 'delitos'],
    ['violencia', 'prevención de la violencia', 'violence'],
    ['videovigilancia', 'cámaras', 'ecu 911', 'cctv'],
    ['policía', 'policía municipal', 'agentes de control', 'police'],
    ['convivencia', 'cultura de paz', 'pandillas'],
  ],
  CLIMA: [
    ['cambio climático', 'climático', 'climate change', 'climate', 'carbono', 'emisiones', 'huella de carbono', 'gases de efecto invernadero'],
    ['adaptación', 'resiliencia climática', 'adaptation'],
    ['reforestación', 'forestación', 'árboles', 'bosque', 'reforestation', 'forest', 'viveros'],
    ['páramo', 'cuencas', 'fuentes hídricas', 'conservación', 'biodiversidad', 'ecosistemas', 'watershed'],
    ['mitigación', 'mitigation'],
  ],
  ENERGIA: [
    ['energía renovable', 'renovables', 'renewable energy', 'fotovoltaica', 'paneles solares', 'solar', 'eólica', 'geotermia', 'geotérmica'],
    ['eficiencia energética', 'energy efficiency', 'ahorro energético'],
    ['alumbrado público', 'luminarias', 'led', 'street lighting'],
    ['energía', 'energy', 'electricidad', 'electrificación'],
  ],
  CIUDAD_INTELIGENTE: [
    ['ciudad inteligente', 'ciudades inteligentes', 'smart city', 'smart cities'],
    ['digitalización', 'transformación digital', 'gobierno digital', 'gobierno electrónico', 'digital', 'e-government'],
    ['software', 'sistema informático', 'plataforma', 'aplicación móvil', 'tecnología', 'tic', 'conectividad', 'internet', 'wifi'],
    ['datos abiertos', 'open data', 'big data', 'sensores', 'iot'],
    ['trámites en línea', 'ventanilla única', 'online services'],
  ],
  PLANIFICACION: [
    ['pdot', 'plan de desarrollo y ordenamiento territorial', 'ordenamiento territorial', 'land-use planning', 'land use'],
    ['catastro', 'catastral', 'avalúos', 'predial', 'cadastre', 'cadastral'],
    ['planificación urbana', 'urbanismo', 'plan de uso y gestión del suelo', 'pugs', 'urban planning', 'uso del suelo'],
    ['sistema de información geográfica', 'sig', 'gis', 'cartografía', 'georreferenciación', 'ortofotos'],
    ['asentamientos', 'vivienda', 'regularización', 'barrios', 'housing', 'informal settlements'],
  ],
  PATRIMONIO: [
    ['patrimonio', 'patrimonial', 'heritage', 'centro histórico', 'historic centre', 'historic center'],
    ['cultura', 'cultural', 'culture', 'arte', 'museo', 'museum'],
    ['biblioteca', 'bibliotecas', 'library', 'libraries', 'lectura'],
    ['restauración', 'rehabilitación de inmuebles', 'revitalización', 'restoration', 'casonas'],
  ],
  TURISMO: [
    ['turismo', 'turístico', 'turistas', 'tourism', 'tourist', 'visitantes'],
    ['ecoturismo', 'turismo comunitario', 'agroturismo', 'ecotourism', 'community tourism'],
    ['ruta turística', 'senderos', 'miradores', 'hospedaje'],
  ],
  DES_ECONOMICO: [
    ['emprendimiento', 'emprendedores', 'entrepreneurship', 'startups', 'mipymes', 'pymes', 'microempresas', 'smes'],
    ['desarrollo económico', 'economía local', 'economic development', 'empleo', 'jobs', 'empleabilidad'],
    ['exportaciones', 'exportar', 'exports', 'comercio exterior', 'mercados internacionales'],
    ['atracción de inversiones', 'promoción de inversiones', 'investment promotion', 'alianza público-privada', 'alianzas público-privadas'],
    ['cadenas de valor', 'productores', 'comercialización', 'mercado municipal', 'ferias', 'value chains'],
  ],
  CUIDADOS_GENERO: [
    ['género', 'igualdad de género', 'gender', 'gender equality', 'equidad de género'],
    ['mujeres', 'mujer', 'women', 'violencia de género', 'violencia contra las mujeres', 'femicidio'],
    ['sistema de cuidados', 'sistema de cuidado', 'economía del cuidado', 'care system', 'care', 'cuidadoras', 'guarderías', 'centros infantiles', 'centros de desarrollo infantil'],
    ['lgbti', 'diversidad sexual'],
  ],
  INCLUSION: [
    ['inclusión', 'inclusión social', 'social inclusion', 'grupos vulnerables', 'vulnerabilidad', 'pobreza', 'poverty'],
    ['discapacidad', 'personas con discapacidad', 'accesibilidad', 'disability', 'accessibility'],
    ['pueblos indígenas', 'indígenas', 'nacionalidades', 'afroecuatorianos', 'montubios', 'indigenous'],
    ['movilidad humana', 'migrantes', 'migración', 'refugiados', 'migrants', 'refugees'],
    ['adultos mayores', 'personas adultas mayores', 'elderly', 'niñez', 'adolescencia', 'jóvenes', 'youth'],
  ],
  SALUD: [
    ['salud', 'health', 'salud pública', 'public health'],
    ['centro de salud', 'hospital', 'clínica', 'dispensario', 'ambulancia', 'ambulancias', 'ambulance'],
    ['nutrición', 'desnutrición', 'desnutrición crónica infantil', 'malnutrition', 'anemia'],
    ['bienestar', 'well-being', 'salud mental', 'mental health'],
  ],
  EDUCACION: [
    ['educación', 'education', 'educativo', 'escuelas', 'escuela', 'schools', 'colegios', 'unidades educativas'],
    ['aprendizaje', 'learning', 'alfabetización', 'literacy'],
    ['becas', 'scholarships'],
    ['infocentros', 'aulas', 'classrooms'],
  ],
  RIESGOS: [
    ['gestión de riesgos', 'riesgos', 'riesgo', 'disaster risk', 'desastres', 'disasters'],
    ['bomberos', 'cuerpo de bomberos', 'incendios', 'incendio', 'extinción', 'firefighters', 'fire', 'firefighting'],
    ['emergencias', 'emergencia', 'socorro', 'rescate', 'emergency', 'rescue'],
    ['inundaciones', 'deslizamientos', 'sismos', 'terremoto', 'volcán', 'erupción', 'floods', 'landslides', 'earthquake'],
    ['alerta temprana', 'early warning', 'evacuación', 'sirenas'],
  ],
  INSTITUCIONAL: [
    ['fortalecimiento institucional', 'capacidades institucionales', 'institutional strengthening', 'capacity building'],
    ['gobernanza', 'governance', 'participación ciudadana', 'transparencia', 'rendición de cuentas', 'transparency'],
    ['finanzas municipales', 'recaudación', 'tributación', 'tasas', 'tarifas', 'contribución especial de mejoras', 'municipal finance', 'ingresos propios'],
    ['talento humano', 'servidores públicos', 'funcionarios', 'civil servants'],
    ['cooperación internacional', 'gestión de la cooperación', 'international cooperation'],
  ],
  RURAL: [
    ['desarrollo rural', 'rural', 'rural development', 'campesinos', 'comunidades rurales'],
    ['agricultura', 'agrícola', 'agropecuario', 'agroecología', 'agriculture', 'farmers', 'agricultores', 'cultivos'],
    ['riego', 'irrigation', 'canales de riego', 'reservorios'],
    ['ganadería', 'ganado', 'lácteos', 'leche', 'livestock', 'dairy'],
    ['seguridad alimentaria', 'soberanía alimentaria', 'food security', 'huertos'],
    ['café', 'cacao', 'coffee', 'cocoa', 'productivo', 'producción agrícola'],
  ],
  INTERNACIONALIZACION: [
    ['internacionalización', 'internationalisation', 'internationalization', 'proyección internacional'],
    ['hermanamiento', 'hermanamientos', 'ciudades hermanas', 'twinning', 'sister cities'],
    ['redes de ciudades', 'red de ciudades', 'city networks', 'cooperación descentralizada', 'cooperación sur-sur'],
    ['intercambio de experiencias', 'buenas prácticas', 'exchange of experiences', 'best practices', 'pasantías'],
  ],
};
