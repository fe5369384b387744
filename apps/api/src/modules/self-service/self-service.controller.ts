import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { UuidPipe } from '../../platform/validation';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { z } from 'zod';
import { Allow, CurrentPrincipal, Principal, Public } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { notFound, parseInput } from '@rueda/domain';
import { RegistrationsService } from './registrations.service';
import { ReviewsService } from './reviews.service';
import { AvailabilityBody, ProfileUpdate, RegistrationBody, RejectBody } from './self-service.schemas';
import {
  ApproveChanges,
  ApproveChangesCommand,
  ApproveRegistration,
  OWN_ITEM_USE_CASES,
  OWN_ITEMS,
  RejectRegistration,
  ReturnChanges,
  ReturnChangesCommand,
  SetMyAvailability,
  SubmitRegistration,
  UpdateMyProfile,
  UseCases,
} from '@rueda/application';
import { SelfServiceService } from './self-service.service';
import { Accepts, Returns } from '../../platform/openapi';
import { ParticipantOut } from '../records/records.responses';
import {
  AvailabilityOut,
  RegistrationFormOut,
  RegistrationOut,
  RegistrationStateOut,
  ReviewDecisionOut,
  ReviewQueueOut,
  SelfServiceItemOut,
  SelfServiceOut,
} from './self-service.responses';

type Me = Extract<Principal, { type: 'participant' }>;
const ReviewBody = ApproveChangesCommand.omit({ eventId: true, participantId: true });
const ReturnBody = ReturnChangesCommand.omit({ eventId: true, participantId: true });
/** The public form's caller: nobody signed in (SubmitRegistration lets anyone apply while the event is open). */
const APPLICANT: Principal = { type: 'system', name: 'public-registration' };
/** An unknown collection is simply not there (404), like another participant's record. */
const itemKind = (kind: string) => {
  const k = OWN_ITEMS.find((i) => i === kind);
  if (!k) throw notFound({ es: 'Colección', en: 'Collection', feminine: true }, kind);
  return k;
};

/** What a participant keeps itself through its personal link, until the event's deadline. */
@ApiTags('self-service')
@ApiBearerAuth()
@Controller('me/profile')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class SelfServiceController {
  constructor(
    private readonly self: SelfServiceService,
    private readonly useCases: UseCases,
  ) {}

  @Get()
  @Returns(SelfServiceOut)
  @ApiOperation({ summary: 'Mis datos editables, el plazo y la revisión / My editable data, the deadline and the review' })
  get(@CurrentPrincipal() p: Me) {
    return this.self.get(p);
  }

  @Patch()
  @Returns(ParticipantOut)
  @ApiOperation({
    summary: 'Modificar mi perfil y contactos (envíe la versión leída) / Change my profile and contacts (send the version read)',
  })
  update(@CurrentPrincipal() p: Me, @Body({ schema: ProfileUpdate }) body: z.infer<typeof ProfileUpdate>) {
    return this.useCases.execute(UpdateMyProfile, p, { ...body, eventId: p.eventId, participantId: p.participantId });
  }

  @Put('availability')
  @Returns(AvailabilityOut)
  @ApiOperation({ summary: 'Franjas en que no puedo asistir / Slots I cannot attend' })
  availability(@CurrentPrincipal() p: Me, @Body({ schema: AvailabilityBody }) body: z.infer<typeof AvailabilityBody>) {
    return this.useCases.execute(SetMyAvailability, p, { ...body, eventId: p.eventId, participantId: p.participantId });
  }

  // The body depends on the collection, so the service checks it by kind (named fields, both languages).
  @Post(':items')
  @Accepts(...OWN_ITEMS.map((k) => OWN_ITEM_USE_CASES[k].schemas.createBody))
  @Returns(SelfServiceItemOut)
  @ApiOperation({ summary: 'Agregar un delegado, una demanda (GADM) o una oferta (cooperante) / Add a delegate, a demand or an offer' })
  create(@CurrentPrincipal() p: Me, @Param('items') kind: string, @Body() body: unknown) {
    const uc = OWN_ITEM_USE_CASES[itemKind(kind)];
    // The body is checked on its own first, so a field it may not carry (participantId) is named, not overwritten.
    const values = parseInput(uc.schemas.createBody, body);
    return this.useCases.execute(uc.create, p, { ...values, eventId: p.eventId, participantId: p.participantId });
  }

  @Patch(':items/:id')
  @Accepts(...OWN_ITEMS.map((k) => OWN_ITEM_USE_CASES[k].schemas.updateBody))
  @Returns(SelfServiceItemOut)
  @ApiOperation({
    summary:
      'Modificar un delegado, una demanda o una oferta (envíe la versión leída) / Change a delegate, a demand or an offer (send the version read)',
  })
  update1(@CurrentPrincipal() p: Me, @Param('items') kind: string, @Param('id', UuidPipe) id: string, @Body() body: unknown) {
    const uc = OWN_ITEM_USE_CASES[itemKind(kind)];
    const values = parseInput(uc.schemas.updateBody, body);
    return this.useCases.execute(uc.update, p, { ...values, eventId: p.eventId, participantId: p.participantId, id });
  }

  @Delete(':items/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Quitar un delegado, una demanda o una oferta / Remove a delegate, a demand or an offer' })
  async remove(@CurrentPrincipal() p: Me, @Param('items') kind: string, @Param('id', UuidPipe) id: string) {
    await this.useCases.execute(OWN_ITEM_USE_CASES[itemKind(kind)].remove, p, { eventId: p.eventId, participantId: p.participantId, id });
  }
}

const StatusQuery = z.object({ status: z.enum(['pending', 'approved', 'returned']).default('pending') });
const RegStatusQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') });

/** The organisers' review queue and the registrations of new cooperants. */
@ApiTags('self-service')
@ApiBearerAuth()
@Controller('events/:eventId')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly registrations: RegistrationsService,
    private readonly useCases: UseCases,
  ) {}

  @Get('reviews')
  @Returns(ReviewQueueOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Cambios hechos por los participantes, por revisar / Changes made by participants, to review' })
  list(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: StatusQuery }) q: z.infer<typeof StatusQuery>) {
    return this.reviews.list(eventId, q.status);
  }

  @Post('reviews/:participantId/approve')
  @Returns(ReviewDecisionOut)
  @ApiOperation({ summary: 'Aprobar cambios (se avisa al participante) / Approve changes (the participant is told)' })
  @Allow('admin')
  @HttpCode(200)
  approve(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('participantId', UuidPipe) pid: string,
    @Body({ schema: ReviewBody }) b: z.infer<typeof ReviewBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(ApproveChanges, p, { ...b, eventId, participantId: pid });
  }

  @Post('reviews/:participantId/return')
  @Returns(ReviewDecisionOut)
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Devolver con un comentario (se avisa al participante) / Return with a comment (the participant is told)' })
  returnChanges(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('participantId', UuidPipe) pid: string,
    @Body({ schema: ReturnBody }) b: z.infer<typeof ReturnBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(ReturnChanges, p, { ...b, eventId, participantId: pid });
  }

  @Get('registrations')
  @Returns(z.array(RegistrationOut))
  @ApiOperation({ summary: 'Registros públicos de cooperantes, por estado / Public cooperant registrations, by status' })
  @Allow('admin', 'staff')
  registrationsList(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: RegStatusQuery }) q: z.infer<typeof RegStatusQuery>) {
    return this.registrations.list(eventId, q.status);
  }

  @Post('registrations/:registrationId/approve')
  @Returns(ParticipantOut)
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Aprobar: el cooperante entra con sus ofertas y recibe su invitación / Approve: the cooperant joins with its offers and is invited',
  })
  approveRegistration(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('registrationId', UuidPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(ApproveRegistration, p, { eventId, registrationId: id });
  }

  @Post('registrations/:registrationId/reject')
  @Returns(RegistrationStateOut)
  @ApiOperation({ summary: 'Rechazar con un comentario (se avisa por correo) / Reject with a comment (sent by email)' })
  @Allow('admin')
  @HttpCode(200)
  rejectRegistration(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('registrationId', UuidPipe) id: string,
    @Body({ schema: RejectBody }) b: z.infer<typeof RejectBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(RejectRegistration, p, { ...b, eventId, registrationId: id });
  }
}

/** The public registration form: no login, rate-limited like the personal links. */
@ApiTags('self-service')
@Controller('public/events/:eventId/registration')
@Public()
@Throttle({ default: accessLinkRate() })
export class PublicRegistrationController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly useCases: UseCases,
  ) {}

  @Get()
  @Returns(RegistrationFormOut)
  @ApiOperation({ summary: 'Formulario público de registro de cooperantes / Public cooperant registration form' })
  form(@Param('eventId', UuidPipe) eventId: string) {
    return this.registrations.form(eventId);
  }

  @Post()
  @Returns(RegistrationStateOut)
  @ApiOperation({
    summary: 'Registrarse como cooperante (lo aprueba la organización) / Register as a cooperant (approved by the organisers)',
  })
  submit(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: RegistrationBody }) body: RegistrationBody) {
    return this.useCases.execute(SubmitRegistration, APPLICANT, { ...body, eventId });
  }
}
