import { parseArgs } from 'node:util';
import { loadCooperants, loadGadms, loadTaxonomy } from '@rueda/domain';
import type { ParticipantRecord } from '@rueda/importing';
import { CliCommand, CliUsageError } from '../command';
import { withDatabase } from '../database';
import { cliUseCases, loadRecords } from '../load';

const HELP = `Uso / Usage: npm run rueda -- seed reference (--event ID | --name "Jornada 2026")
  Carga los 221 GADM (códigos INEC) y los 38 cooperantes de referencia como participantes del evento.
  Loads the 221 GADMs (INEC codes) and the 38 reference cooperants as participants of the event.
  The taxonomy (competencias, ODS, modalidades, sectores) is read from data/reference/taxonomy.json.
`;

export function referenceParticipants(): ParticipantRecord[] {
  const gadms = loadGadms().map<ParticipantRecord>((g) => ({
    externalId: g.inecCode,
    kind: 'gadm',
    name: `GAD Municipal de ${g.canton}`,
    inecCode: g.inecCode,
  }));
  const cooperants = loadCooperants().map<ParticipantRecord>((c) => ({
    externalId: c.acronym,
    kind: 'cooperant',
    name: c.name,
    acronym: c.acronym,
    tipo: c.tipo,
    origin: c.origin,
  }));
  return [...gadms, ...cooperants];
}

const command: CliCommand = {
  description: 'Datos de referencia / Reference data',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'reference') throw new CliUsageError(HELP);
    const { values } = parseArgs({ args: rest, options: { event: { type: 'string' }, name: { type: 'string' } } });
    if (!values.event && !values.name) throw new CliUsageError(HELP);
    const t = loadTaxonomy();
    // The event (when named) and the participants in one transaction, by the API's use cases:
    // an unknown --event or a bad reference row is refused, and nothing is written.
    const { event, reports } = await withDatabase((ds) =>
      loadRecords(
        cliUseCases(ds),
        values.event ? { eventId: values.event } : { create: { name: values.name! } },
        { participants: referenceParticipants() },
        'referencia',
      ),
    );
    const [report] = reports;
    process.stdout.write(
      `Evento / Event ${event.id} «${String(event.name)}»: ${report.insert} participantes nuevos / new, ${report.update} actualizados / updated.\n` +
        `Taxonomía / Taxonomy: ${t.sectores.length} sectores, ${t.competencias.length} competencias, ${t.ods.length} ODS, ${t.modalidades.length} modalidades.\n`,
    );
    return 0;
  },
};
export default command;
