/**
 * Words that say which kind of cooperation a text asks for or offers (modalidades), for items
 * whose form left the field empty. Spanish phrases suffice: English text reaches the analyser
 * already translated ("loan" → crédito, "study visit" → pasantía). Phrases match on adjacent
 * stems, like the sector lexicon.
 *
 * Deliberately left out: words too common to mean a modality by themselves ("inversión" is
 * usually an amount, "apoyo" anything, "fondos" any money).
 */
export const MODALITY_CUES: Record<string, string[]> = {
  FIN_NR: [
    'no reembolsable',
    'no reembolsables',
    'subvención',
    'subvenciones',
    'donación no reembolsable',
    'fondos no reembolsables',
    'recursos no reembolsables',
    'cofinanciamiento',
    'pequeñas donaciones',
    'fondo semilla',
    'financiamiento semilla',
  ],
  CREDITO: ['crédito', 'créditos', 'préstamo', 'préstamos', 'concesional', 'financiamiento reembolsable', 'endeudamiento'],
  ASIST_TEC: [
    'asistencia técnica',
    'asesoría',
    'asesoría técnica',
    'acompañamiento',
    'cooperación técnica',
    'apoyo técnico',
    'consultoría',
    'expertos',
    'expertise',
  ],
  CAPACITACION: ['capacitación', 'capacitar', 'formación', 'cursos', 'curso', 'talleres', 'diplomados', 'seminarios', 'entrenamiento'],
  VOLUNTARIADO: ['voluntarios', 'voluntario', 'voluntariado', 'voluntarias'],
  BECAS: ['becas', 'beca', 'maestría', 'doctorado'],
  PASANTIAS: ['pasantía', 'pasantías', 'visita de estudio', 'visitas de estudio', 'visitas técnicas', 'gira de estudio'],
  DONACION: ['donación', 'donaciones', 'en especie', 'donar', 'entrega de equipos', 'equipos usados'],
  INTERCAMBIO: ['intercambio', 'intercambios', 'buenas prácticas', 'aprendizaje entre pares', 'intercambio de experiencias', 'pares'],
  HERMANAMIENTO: ['hermanamiento', 'hermanamientos', 'ciudades hermanas', 'ciudad hermana'],
  INVERSION: [
    'alianza público privada',
    'alianzas público privadas',
    'inversión privada',
    'gestión delegada',
    'inversionistas',
    'inversión extranjera',
  ],
};
