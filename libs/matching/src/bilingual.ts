/**
 * English → Spanish translation table for the vocabulary of municipal cooperation, so that an
 * English text produces the same index terms as its Spanish equivalent. This is general
 * vocabulary (public services, infrastructure, planning, finance, social policy, the
 * cooperation trade), not a list of any event's words; words that English and Spanish share
 * (plan, local, rural, municipal…) need no entry, and regular cognates (-tion → -ción,
 * -ity → -idad…) are handled by {@link cognateToSpanish}.
 *
 * Keys are lower-case English words or phrases (phrases are matched greedily on adjacent words,
 * longest first); values are the Spanish word(s) they produce. An English key must not be a
 * common Spanish word too ("red", "once", "pie" are left out for that reason).
 */
const TABLE = `
water=agua; drinking water=agua potable; potable water=agua potable; water supply=abastecimiento agua potable
safe water=agua segura; clean water=agua limpia; rainwater=agua lluvia; groundwater=agua subterránea
wastewater=aguas residuales; waste water=aguas residuales; sewage=aguas residuales; sewerage=alcantarillado
sewer=alcantarillado; sewers=alcantarillado; sanitation=saneamiento; sanitary=sanitario; toilets=baterías sanitarias
treatment plant=planta tratamiento; treatment=tratamiento; plant=planta; plants=plantas; pipes=tuberías; pipe=tubería
leaks=fugas; leak=fuga; losses=pérdidas; loss=pérdidas; non-revenue water=agua no contabilizada
meters=medidores; meter=medidor; metering=medición; utility=empresa pública; utilities=empresas públicas
tariff=tarifa; tariffs=tarifas; fee=tasa; fees=tasas; watershed=cuenca; watersheds=cuencas; river=río; rivers=ríos
riverbank=ribera; riverbanks=riberas; stream=quebrada; wetlands=humedales; drainage=drenaje; storm drainage=drenaje pluvial
stormwater=drenaje pluvial; flood=inundación; floods=inundaciones; flooding=inundaciones; flooded=inundó
waste=residuos; solid waste=residuos sólidos; garbage=basura; trash=basura; rubbish=basura; litter=basura
landfill=relleno sanitario; landfills=rellenos sanitarios; dump=botadero; dumps=botaderos; open dump=botadero cielo abierto
recycling=reciclaje; recycle=reciclar; recyclers=recicladores; waste pickers=recicladores; compost=compost
composting=compostaje; collection=recolección; sorting=separación; leachate=lixiviados; plastics=plásticos; plastic=plástico
single-use=un solo uso; circular economy=economía circular
mobility=movilidad; transport=transporte; public transport=transporte público; transit=transporte público
bus=bus; buses=buses; electric=eléctrico; cycling=ciclovías; bike lanes=ciclovías; cycle lanes=ciclovías; bicycle=bicicleta
pedestrian=peatonal; pedestrians=peatones; sidewalks=aceras; roads=vías; road=vía; streets=calles; street=calle
paving=pavimentación; traffic=tránsito; traffic lights=semáforos; road safety=seguridad vial; routes=rutas; route=ruta
security=seguridad; safety=seguridad; crime=delincuencia; violence=violencia; police=policía; cameras=cámaras
surveillance=vigilancia; video surveillance=videovigilancia; gangs=pandillas; youth=jóvenes; young people=jóvenes
prevention=prevención; victims=víctimas; shelter=casa de acogida; women=mujeres; woman=mujer; girls=niñas
gender=género; gender equality=igualdad de género; gender-based violence=violencia de género; femicide=femicidio
care=cuidados; childcare=cuidado infantil; caregivers=cuidadoras; children=niños; child=niño; childhood=infancia
early childhood=primera infancia; elderly=adultos mayores; older people=adultos mayores; disability=discapacidad
disabilities=discapacidad; people with disabilities=personas con discapacidad; migrants=migrantes; refugees=refugiados
migration=migración; human mobility=movilidad humana; host communities=comunidades de acogida; indigenous=indígenas
climate=clima; climate change=cambio climático; adaptation=adaptación; mitigation=mitigación; emissions=emisiones
greenhouse gas=gases de efecto invernadero; greenhouse=invernadero; carbon=carbono; forest=bosque; forests=bosques
deforestation=deforestación; deforestation-free=libre de deforestación; reforestation=reforestación; trees=árboles
tree=árbol; mangrove=manglar; mangroves=manglares; biodiversity=biodiversidad; conservation=conservación
ecosystems=ecosistemas; wildlife=fauna; protected areas=áreas protegidas; buffer zone=zona de amortiguamiento
nature-based solutions=soluciones basadas en la naturaleza; green infrastructure=infraestructura verde; green=verde
coastal=costero; coast=costa; beach=playa; beaches=playas; sea=mar; erosion=erosión; sea level=nivel del mar
island=isla; islands=islas; drought=sequía; fires=incendios; wildfires=incendios forestales
energy=energía; renewable=renovable; renewable energy=energía renovable; solar=solar; rooftop=techos; electricity=electricidad
power=energía; lighting=alumbrado; street lighting=alumbrado público; efficiency=eficiencia
energy efficiency=eficiencia energética; pumping=bombeo; charging=carga; geothermal=geotermia; hydro=hidroeléctrica
smart city=ciudad inteligente; smart cities=ciudades inteligentes; smart=inteligente; digital=digital
e-government=gobierno electrónico; online=en línea; software=software; platform=plataforma; data=datos; open data=datos abiertos
connectivity=conectividad; internet=internet; computers=computadoras; computer=computadora; digital twin=gemelo digital
permits=permisos; permit=permiso; procedures=trámites; paperwork=trámites; one-stop shop=ventanilla única
planning=planificación; land use=uso del suelo; land-use=uso del suelo; land-use planning=ordenamiento territorial
urban planning=planificación urbana; zoning=zonificación; cadastre=catastro; cadastral=catastral; property=predio
property tax=impuesto predial; valuation=valoración; land=suelo; housing=vivienda; settlements=asentamientos
informal settlements=asentamientos informales; neighbourhoods=barrios; neighborhoods=barrios; neighbourhood=barrio
neighborhood=barrio; slum upgrading=mejoramiento de barrios; public space=espacio público; public spaces=espacios públicos
parks=parques; park=parque; maps=mapas; map=mapa; mapping=mapeo; hazard=amenaza; hazards=amenazas
heritage=patrimonio; historic centre=centro histórico; historic center=centro histórico; historic=histórico
culture=cultura; cultural=cultural; library=biblioteca; libraries=bibliotecas; museum=museo; museums=museos
restoration=restauración; crafts=artesanía; handicrafts=artesanía; artisans=artesanos; music=música; sports=deporte
tourism=turismo; tourist=turístico; tourists=turistas; ecotourism=ecoturismo; community-based tourism=turismo comunitario
trails=senderos; trail=sendero; destination=destino; hotels=hoteles; guides=guías
economic=económico; economy=economía; local economic development=desarrollo económico local; jobs=empleo; employment=empleo
entrepreneurship=emprendimiento; entrepreneurs=emprendedores; businesses=empresas; business=negocios; small businesses=pequeñas empresas
smes=pymes; markets=mercados; market=mercado; value chain=cadena de valor; value chains=cadenas de valor
exports=exportaciones; export=exportar; investment=inversión; investments=inversiones; investors=inversionistas
livelihoods=medios de vida; income=ingresos; remittances=remesas; cooperatives=cooperativas; fair=feria; fairs=ferias
producers=productores; farmers=agricultores; farmer=agricultor; farming=agricultura; agriculture=agricultura; agricultural=agrícola
crops=cultivos; livestock=ganadería; cattle=ganado; dairy=lácteos; milk=leche; cheese=queso; coffee=café; cocoa=cacao
cacao=cacao; fishing=pesca; fishers=pescadores; fishermen=pescadores; fish=pescado; irrigation=riego; food=alimentos
food security=seguridad alimentaria; cold storage=cadena de frío; cold chain=cadena de frío; storage=acopio
collection centre=centro de acopio; collection center=centro de acopio; rural development=desarrollo rural
health=salud; public health=salud pública; health centre=centro de salud; health center=centro de salud; clinic=clínica
nutrition=nutrición; malnutrition=desnutrición; undernutrition=desnutrición; stunting=desnutrición crónica infantil
ambulance=ambulancia; nursing=enfermería; nurses=enfermeras; doctors=médicos; well-being=bienestar; mental health=salud mental
education=educación; schools=escuelas; school=escuela; teachers=docentes; students=estudiantes; learning=aprendizaje
literacy=alfabetización; classrooms=aulas; scholarships=becas; scholarship=beca; fellowships=becas; fellowship=beca
university=universidad; universities=universidades; courses=cursos; course=curso; degree=título; master's=maestría
risk=riesgo; risks=riesgos; disaster=desastre; disasters=desastres; disaster risk=riesgo de desastres; early warning=alerta temprana
warning=alerta; evacuation=evacuación; emergency=emergencia; emergencies=emergencias; rescue=rescate; fire=incendio
firefighters=bomberos; firefighting=extinción de incendios; fire department=cuerpo de bomberos; fire brigade=cuerpo de bomberos
fire engine=carro bomba; fire engines=carros bomba; earthquake=terremoto; earthquakes=sismos; landslide=deslizamiento
landslides=deslizamientos; volcano=volcán; volcanic=volcánico; tsunami=tsunami; contingency=contingencia; preparedness=preparación
resilience=resiliencia; resettlement=reasentamiento; drills=simulacros; sirens=sirenas; equipment=equipamiento
protective equipment=equipos de protección; vehicles=vehículos; vehicle=vehículo
governance=gobernanza; transparency=transparencia; accountability=rendición de cuentas; participation=participación
citizen participation=participación ciudadana; participatory budgeting=presupuesto participativo; integrity=integridad
institutional strengthening=fortalecimiento institucional; capacity building=fortalecimiento de capacidades
strengthening=fortalecimiento; strengthen=fortalecer; municipal finance=finanzas municipales; revenue=ingresos
own revenue=ingresos propios; taxes=impuestos; tax=impuesto; budget=presupuesto; budgets=presupuestos; debt=deuda
staff=personal; civil servants=servidores públicos; public servants=servidores públicos; officials=funcionarios
officers=funcionarios; officer=funcionario; employees=funcionarios; municipality=municipio; municipalities=municipios
city=ciudad; cities=ciudades; town=cantón; towns=cantones; local government=gobierno local; local governments=gobiernos locales
town hall=municipio; mayor=alcalde; mayors=alcaldes; council=concejo; international cooperation=cooperación internacional
cooperation=cooperación; donors=cooperantes; donor=cooperante; partners=socios; partner=socio; partnership=alianza
partnerships=alianzas; public-private partnership=alianza público-privada; public-private partnerships=alianzas público-privadas
twinning=hermanamiento; sister city=ciudad hermana; sister cities=ciudades hermanas; network=red de ciudades
networks=redes; city networks=redes de ciudades; peer=pares; peers=pares; peer learning=aprendizaje entre pares
exchange=intercambio; exchanges=intercambios; study visit=pasantía; study visits=pasantías; study tour=pasantía
internship=pasantía; internships=pasantías; good practices=buenas prácticas; best practices=buenas prácticas
volunteer=voluntario; volunteers=voluntarios; volunteering=voluntariado; training=capacitación; trainings=capacitaciones
train=capacitar; workshops=talleres; workshop=taller; technical assistance=asistencia técnica; technical support=asistencia técnica
technical cooperation=cooperación técnica; advisory=asesoría; advice=asesoría; consulting=consultoría; experts=expertos
expert=experto; grant=donación no reembolsable; grants=donaciones no reembolsables; non-reimbursable=no reembolsable
loan=crédito; loans=créditos; lending=crédito; concessional=concesional; credit=crédito; financing=financiamiento
finance=financiamiento; funding=financiamiento; funds=fondos; fund=fondo; co-financing=cofinanciamiento
donation=donación; donations=donaciones; in-kind=en especie; feasibility=factibilidad; feasibility studies=estudios de factibilidad
studies=estudios; study=estudio; design=diseño; designs=diseños; detailed design=diseños definitivos; final designs=diseños definitivos
pre-investment=preinversión; works=obras; construction=construcción; infrastructure=infraestructura; facilities=instalaciones
facility=instalación; building=edificio; buildings=edificios; rehabilitation=rehabilitación; upgrading=mejoramiento
maintenance=mantenimiento; operation=operación; operators=operadores; management=gestión; manage=gestionar
strategy=estrategia; roadmap=hoja de ruta; assessment=evaluación; diagnosis=diagnóstico; monitoring=monitoreo
indicators=indicadores; inventory=inventario; survey=encuesta; census=censo; pilot=piloto; pilots=pilotos; project=proyecto
projects=proyectos; programme=programa; program=programa; programmes=programas; programs=programas
community=comunidad; communities=comunidades; residents=habitantes; population=población; people=personas; families=familias
households=hogares; neighbours=vecinos; associations=asociaciones; association=asociación; organisations=organizaciones
support=apoyo; help=apoyo; improve=mejorar; improvement=mejoramiento; expand=ampliar; expansion=ampliación
reduce=reducir; reduction=reducción; protect=proteger; protection=protección; restore=restaurar; recover=recuperar
recovery=recuperación; build=construir; equip=equipar; need=necesidad; needs=necesidades; request=solicitud
sustainable=sostenible; sustainability=sostenibilidad; inclusive=inclusivo; inclusion=inclusión; poverty=pobreza
vulnerable=vulnerable; rights=derechos; law=ley; regulation=regulación; regulations=normativa; ordinance=ordenanza
ordinances=ordenanzas; policy=política; policies=políticas; public policy=política pública; sdg=ods; sdgs=ods
goals=objetivos; knowledge=conocimiento; innovation=innovación; research=investigación; technology=tecnología
`;

/** Phrase (space-separated lower-case English words) → Spanish words. */
export const EN_ES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const entry of TABLE.split(/[;\n]/)) {
    const eq = entry.indexOf('=');
    if (eq < 0) continue;
    const en = entry.slice(0, eq).trim().toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ');
    const es = entry.slice(eq + 1).trim();
    if (en && es) m.set(en, es);
  }
  return m;
})();

/** Longest English phrase of the table, in words. */
export const EN_ES_MAX_WORDS = Math.max(...[...EN_ES.keys()].map((k) => k.split(' ').length));

// Regular English → Spanish suffix correspondences of Latin cognates, longest first. Each
// English suffix here never ends a Spanish word, so applying it to an English word is safe.
const SUFFIXES: Array<[RegExp, string]> = [
  [/isations?$|izations?$/, 'ización'],
  [/ications?$/, 'icación'],
  [/tions?$/, 'ción'],
  [/sions?$/, 'sión'],
  [/ities$|ity$/, 'idad'],
  [/ies$/, 'ias'],
  [/ences?$|ency$/, 'encia'],
  [/ances?$|ancy$/, 'ancia'],
  [/logy$|logies$/, 'logía'],
  [/graphy$/, 'grafía'],
  [/ical$/, 'ico'],
  [/ic$/, 'ico'],
  [/ics$/, 'icos'],
  [/ives?$/, 'ivo'],
  [/ous$/, 'oso'],
  [/aries$|ary$/, 'ario'],
  [/ories$|ory$/, 'orio'],
  [/ists?$/, 'ista'],
  [/isms?$/, 'ismo'],
  [/i[sz]e$|i[sz]es$/, 'izar'],
  [/ments?$/, 'mento'],
];

/**
 * Maps an English word to its likely Spanish cognate ("municipality" → "municipalidad",
 * "photovoltaic" → "fotovoltaico", "strategy" → "estrategia"), or returns it unchanged. Only
 * used on words of English passages that the table does not translate.
 */
export function cognateToSpanish(word: string): string {
  let w = word;
  for (const [re, es] of SUFFIXES) {
    if (re.test(w)) {
      w = w.replace(re, es);
      break;
    }
  }
  w = w
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ch(?=[lr])/g, 'c')
    .replace(/([bdfgmpstz])\1/g, '$1')
    .replace(/y(?=[^aeiou]|$)/g, 'i')
    .replace(/^s(?=[cklmnpqt])/, 'es');
  return w;
}
