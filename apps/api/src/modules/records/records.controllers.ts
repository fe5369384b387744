import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Type } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Principal, RECORD_USE_CASES, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal } from '../auth/principal';
import { pageQuery } from '../../platform/pagination';
import { RecordsService } from './records.service';
import { RESOURCES, ResourceSpec } from './resources';
import { UuidPipe } from '../../platform/validation';
import { pageOf, Returns } from '../../platform/openapi';

/** One controller class per resource, all alike: `/events/:eventId/<resource>`. */
function recordsController<E extends { id: string; eventId: string }>(spec: ResourceSpec<E>): Type<unknown> {
  const useCases = RECORD_USE_CASES[spec.path];
  const listQuery = pageQuery.extend(Object.fromEntries(Object.keys(spec.filters).map((k) => [k, z.string().max(200).optional()])));

  @ApiTags(spec.path)
  @Controller(`events/:eventId/${spec.path}`)
  class RecordsController {
    constructor(
      readonly records: RecordsService,
      readonly useCases: UseCases,
    ) {}

    @Get()
    @Allow('admin', 'staff')
    @ApiOperation({ summary: `Listar / List ${spec.path}` })
    @ApiQuery({ name: 'page', required: false })
    @Returns(pageOf(spec.response))
    list(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: listQuery }) q: z.infer<typeof listQuery>) {
      const { page, pageSize, ...filters } = q as { page: number; pageSize: number } & Record<string, string | undefined>;
      return this.records.list(spec, eventId, filters, page, pageSize);
    }

    @Get(':id')
    @Allow('admin', 'staff')
    @Returns(spec.response)
    get(@Param('eventId', UuidPipe) eventId: string, @Param('id', UuidPipe) id: string) {
      return this.records.get(spec, eventId, id);
    }

    @Post()
    @Allow('admin')
    @ApiOperation({ summary: `Crear / Create ${spec.path}` })
    @Returns(spec.response)
    create(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: spec.create }) body: object, @CurrentPrincipal() p: Principal) {
      return this.useCases.execute(useCases.create, p, { ...body, eventId });
    }

    @Patch(':id')
    @Allow('admin')
    @ApiOperation({ summary: `Modificar / Update ${spec.path} (optimistic: send the version you read)` })
    @Returns(spec.response)
    update(
      @Param('eventId', UuidPipe) eventId: string,
      @Param('id', UuidPipe) id: string,
      @Body({ schema: spec.update }) body: object,
      @CurrentPrincipal() p: Principal,
    ) {
      return this.useCases.execute(useCases.update, p, { ...body, eventId, id });
    }

    @Delete(':id')
    @Allow('admin')
    @HttpCode(204)
    async remove(@Param('eventId', UuidPipe) eventId: string, @Param('id', UuidPipe) id: string, @CurrentPrincipal() p: Principal) {
      await this.useCases.execute(useCases.remove, p, { eventId, id });
    }
  }
  Object.defineProperty(RecordsController, 'name', { value: `${spec.path[0].toUpperCase()}${spec.path.slice(1)}Controller` });
  return RecordsController;
}

export const RECORD_CONTROLLERS = Object.values(RESOURCES).map((spec) =>
  recordsController(spec as unknown as ResourceSpec<{ id: string; eventId: string }>),
);
