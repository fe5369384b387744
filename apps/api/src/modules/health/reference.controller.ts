import { z } from 'zod';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { loadCooperants, loadGadms, loadTaxonomy } from '@rueda/domain';
import { Public } from '../auth/principal';
import { Returns } from '../../platform/openapi';
import { CooperantRefOut, GadmRefOut, TaxonomyOut } from './reference.responses';

/** Public reference data: the same for every event, cacheable by browsers. */
@ApiTags('reference')
@Controller('reference')
@Public()
@SkipThrottle()
export class ReferenceController {
  @Get('taxonomy')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Competencias, ODS, modalidades, tipos y sectores (es/en) / Taxonomy (es/en)' })
  @Returns(TaxonomyOut)
  taxonomy() {
    return loadTaxonomy();
  }

  @Get('gadms')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Los 221 GADM cantonales con código INEC / The 221 cantonal GADMs with INEC codes' })
  @Returns(z.array(GadmRefOut))
  gadms() {
    return loadGadms();
  }

  @Get('cooperants')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Cooperantes de referencia / Reference cooperants' })
  @Returns(z.array(CooperantRefOut))
  cooperants() {
    return loadCooperants();
  }
}
