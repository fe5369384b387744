import { Module } from '@nestjs/common';
import { MeAgendaController, ParticipantAgendaController } from './agendas.controller';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports (JSON, CSV, XLSX, PDF), personal agendas, the book of agendas (a worker job). */
@Module({
  controllers: [ReportsController, ExportsController, ParticipantAgendaController, MeAgendaController],
  providers: [ReportsService, ExportsService],
})
export class ReportsModule {}
