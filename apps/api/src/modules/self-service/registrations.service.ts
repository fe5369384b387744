import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventEntity, RegistrationEntity } from '@rueda/persistence';
import { NOUNS, notFound } from '@rueda/domain';

/**
 * The public registrations of cooperants not in the catalogue, as the form and the organisers
 * read them. Submitting, approving and rejecting are use cases (SubmitRegistration,
 * ApproveRegistration, RejectRegistration).
 */
@Injectable()
export class RegistrationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async form(eventId: string) {
    const ev = await this.db.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!ev) throw notFound(NOUNS.event, eventId);
    return { event: { id: ev.id, name: ev.name, venue: ev.venue, timeZone: ev.timeZone }, open: !!ev.settings.registrationOpen };
  }

  list(eventId: string, status: 'pending' | 'approved' | 'rejected') {
    return this.db.getRepository(RegistrationEntity).find({ where: { eventId, status }, order: { createdAt: 'DESC' }, take: 500 });
  }
}
