import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Spreadsheet imports (dry run, all-or-nothing commit) and table exports. */
@Module({ controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
