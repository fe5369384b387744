import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { DelegateEntity, DemandEntity, EventEntity, MeetingEntity, OfferEntity, ParticipantEntity } from '@rueda/persistence';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';

/** What a participant sees through its personal access link: its own data and nobody else's. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Mis datos (enlace personal) / My data (personal access link)' })
  async me(@CurrentPrincipal() p: Extract<Principal, { type: 'participant' }>) {
    const [participant, event, delegates, demands, offers] = await Promise.all([
      this.db.getRepository(ParticipantEntity).findOneByOrFail({ id: p.participantId }),
      this.db.getRepository(EventEntity).findOne({ where: { id: p.eventId }, relations: { sessions: true } }),
      this.db.getRepository(DelegateEntity).find({ where: { participantId: p.participantId }, order: { externalId: 'ASC' } }),
      this.db.getRepository(DemandEntity).find({ where: { participantId: p.participantId }, order: { externalId: 'ASC' } }),
      this.db.getRepository(OfferEntity).find({ where: { participantId: p.participantId }, order: { externalId: 'ASC' } }),
    ]);
    return { participant, event: event && { id: event.id, name: event.name, venue: event.venue, timeZone: event.timeZone, sessions: event.sessions }, delegates, demands, offers };
  }

  @Get('meetings')
  @ApiOperation({ summary: 'Mis reuniones / My meetings' })
  meetings(@CurrentPrincipal() p: Extract<Principal, { type: 'participant' }>) {
    return this.db
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.eventId = :e', { e: p.eventId })
      .andWhere(new Brackets((w) => w.where('m.participantAId = :p', { p: p.participantId }).orWhere('m.participantBId = :p')))
      .orderBy('m.createdAt', 'ASC')
      .getMany();
  }
}
