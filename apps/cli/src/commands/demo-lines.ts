import { formatMessage, formatNumber, formatPercent } from '@rueda/i18n';

// What the demo prints about itself, in Spanish with its plurals and es-EC numbers.
const es = (pattern: string, values: Record<string, number>) => formatMessage(pattern, values, 'es');

export const loadedLine = (n: { participants: number; delegates: number; demands: number; offers: number }) =>
  es(
    '{p, plural, one {# participante} other {# participantes}}, {d, plural, one {# delegado} other {# delegados}}, ' +
      '{dm, plural, one {# demanda} other {# demandas}}, {o, plural, one {# oferta} other {# ofertas}}',
    { p: n.participants, d: n.delegates, dm: n.demands, o: n.offers },
  );

export const answeredLine = (n: { accepted: number; declined: number; open: number; mandatory: number }) =>
  es(
    '{a, plural, one {# aceptada} other {# aceptadas}}, {d, plural, one {# rechazada} other {# rechazadas}}, ' +
      '{o, number} sin respuesta, {m, plural, one {# obligatoria} other {# obligatorias}}',
    { a: n.accepted, d: n.declined, o: n.open, m: n.mandatory },
  );

export const placedLine = (n: { scheduled: number; holes: number; weight: number; bound: number; ratio: number }) =>
  es('{n, plural, one {# reunión} other {# reuniones}} en franjas, {h, plural, one {# hueco} other {# huecos}}', {
    n: n.scheduled,
    h: n.holes,
  }) +
  `, peso ${formatNumber(n.weight, 'es', 2)} de una cota de ${formatNumber(n.bound, 'es', 2)} (${formatPercent(n.ratio * 100, 'es', 2)})`;

export const todayLine = (n: { held: number; noShow: number; checkedIn: number; delegates: number }) =>
  es(
    '{h, plural, one {# reunión realizada} other {# reuniones realizadas}}, {x, plural, one {# inasistencia} other {# inasistencias}}, ' +
      '{c, number} en curso, {d, plural, one {# delegado registrado} other {# delegados registrados}}',
    { h: n.held, x: n.noShow, c: n.checkedIn, d: n.delegates },
  );

export const matchingLine = (n: { pairs: number; seconds: number; stored: number }) =>
  es('{p, plural, one {# par evaluado} other {# pares evaluados}}', { p: n.pairs }) +
  ` en ${formatNumber(n.seconds, 'es', 2)} s, ` +
  es('{r, plural, one {# recomendación guardada} other {# recomendaciones guardadas}}', { r: n.stored });
