import { byCompetencia, byModalidad, byOds, bySector } from './classification';
import { byCooperant } from './cooperants';
import { byGadm, type GadmReportOptions } from './gadms';
import { cooperantSectorMatrix } from './matrix';
import type { ReportData, ReportTable } from './model';
import { pipeline } from './pipeline';
import { summary } from './summary';

export interface NamedReport {
  /** Short Spanish name, usable as a sheet or file name. */
  name: string;
  table: ReportTable;
}

/** Every report of the event in reading order, e.g. one workbook with a sheet each. */
export function allReports(data: ReportData, opts: GadmReportOptions = {}): NamedReport[] {
  const gadm = byGadm(data, opts);
  return [
    { name: 'Resumen', table: summary(data) },
    { name: 'Equidad GADM', table: gadm.tables.overview },
    { name: 'Distribución GADM', table: gadm.tables.histogram },
    { name: 'Por región', table: gadm.tables.byRegion },
    { name: 'Por provincia', table: gadm.tables.byProvince },
    { name: 'Por tamaño', table: gadm.tables.bySize },
    { name: 'Por GADM', table: gadm },
    { name: 'Por cooperante', table: byCooperant(data) },
    { name: 'Por sector', table: bySector(data) },
    { name: 'Por ODS', table: byOds(data) },
    { name: 'Por competencia', table: byCompetencia(data) },
    { name: 'Por modalidad', table: byModalidad(data) },
    { name: 'Compromisos', table: pipeline(data) },
    { name: 'Cooperante x sector', table: cooperantSectorMatrix(data) },
  ];
}
