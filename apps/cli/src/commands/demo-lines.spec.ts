import { answeredLine, loadedLine, matchingLine, placedLine, todayLine } from './demo-lines';

describe("the demo's printed summary", () => {
  it('agrees in number with its counts (1 inasistencia, not 1 inasistencias)', () => {
    expect(todayLine({ held: 1, noShow: 1, checkedIn: 3, delegates: 1 })).toBe(
      '1 reunión realizada, 1 inasistencia, 3 en curso, 1 delegado registrado',
    );
    expect(todayLine({ held: 574, noShow: 21, checkedIn: 0, delegates: 306 })).toBe(
      '574 reuniones realizadas, 21 inasistencias, 0 en curso, 306 delegados registrados',
    );
    expect(answeredLine({ accepted: 1, declined: 2, open: 0, mandatory: 1 })).toBe(
      '1 aceptada, 2 rechazadas, 0 sin respuesta, 1 obligatoria',
    );
    expect(loadedLine({ participants: 301, delegates: 1, demands: 248, offers: 1 })).toBe(
      '301 participantes, 1 delegado, 248 demandas, 1 oferta',
    );
  });

  it('writes numbers as Ecuador does (2.623,47 and 95,11%)', () => {
    expect(placedLine({ scheduled: 1713, holes: 1, weight: 2623.47, bound: 2758.4, ratio: 0.95108 })).toBe(
      '1.713 reuniones en franjas, 1 hueco, peso 2.623,47 de una cota de 2.758,4 (95,11%)',
    );
    // The demo printed '49104 pares evaluados en 0.43 s, 2480 recomendaciones guardadas'.
    expect(matchingLine({ pairs: 49104, seconds: 0.432, stored: 2480 })).toBe(
      '49.104 pares evaluados en 0,43 s, 2.480 recomendaciones guardadas',
    );
    expect(matchingLine({ pairs: 1, seconds: 0.01, stored: 1 })).toBe('1 par evaluado en 0,01 s, 1 recomendación guardada');
  });
});
