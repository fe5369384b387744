import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { IssueInvitationLinks, PreviewInvitations, SendInvitations, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { sendFile } from '../reports/reports.controller';
import { Returns, ReturnsFile } from '../../platform/openapi';
import {
  CampaignOut,
  CampaignStartedOut,
  EmailLogOut,
  InvitationPlanOut,
  InvitationsPageOut,
  LinksIssuedOut,
} from './invitations.responses';
import { EmailsQuery, ExportQuery, ListQuery, ParticipantFilter } from './invitations.schemas';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('events/:eventId')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly useCases: UseCases,
  ) {}

  @Get('invitations')
  @Returns(InvitationsPageOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Participantes con su enlace y su invitación / Participants with their link and invitation state' })
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>) {
    const { page, pageSize, ...f } = q;
    return this.invitations.list(eventId, f, { page, pageSize });
  }

  @Post('invitations/links')
  @Returns(LinksIssuedOut)
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Emitir enlaces a quien no tiene (no revoca ninguno) / Issue links to those without one (revokes none)' })
  issue(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body({ schema: ParticipantFilter }) f: ParticipantFilter,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(IssueInvitationLinks, who, { ...f, eventId });
  }

  @Post('invitations/preview')
  @Returns(InvitationPlanOut)
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'A quién llegaría la invitación y a quién no, y por qué / Who an invitation would reach, who not and why' })
  preview(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body({ schema: ParticipantFilter }) f: ParticipantFilter,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.ask(PreviewInvitations, who, { ...f, eventId });
  }

  @Post('invitations/send')
  @Returns(CampaignStartedOut)
  @Allow('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Enviar (o reenviar) invitaciones a un conjunto filtrado / Send (or resend) invitations to a filtered set' })
  send(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body({ schema: ParticipantFilter }) f: ParticipantFilter,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(SendInvitations, who, { ...f, eventId });
  }

  @Get('invitations/campaigns/:campaignId')
  @Returns(CampaignOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Progreso de un envío / Progress of a sending' })
  campaign(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('campaignId', ParseUUIDPipe) id: string) {
    return this.invitations.campaign(eventId, id);
  }

  @Get('invitations/links.:format')
  @ReturnsFile('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Allow('admin')
  @ApiOperation({ summary: 'Enlaces para combinar correspondencia (CSV o XLSX) / Links for a mail merge (CSV or XLSX)' })
  async export(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('format') format: string,
    @Query({ schema: ExportQuery }) q: z.infer<typeof ExportQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const f = format === 'xlsx' ? 'xlsx' : 'csv';
    sendFile(res, await this.invitations.exportLinks(eventId, q, f, `${req.protocol}://${req.get('host')}`));
  }

  @Get('emails')
  @Returns(EmailLogOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Registro de correos con su estado / Email log with status' })
  emails(@Param('eventId', ParseUUIDPipe) eventId: string, @Query({ schema: EmailsQuery }) q: z.infer<typeof EmailsQuery>) {
    return this.invitations.emails(eventId, q);
  }
}
