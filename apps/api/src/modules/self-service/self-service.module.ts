import { Module } from '@nestjs/common';
import { RegistrationsService } from './registrations.service';
import { ReviewsService } from './reviews.service';
import { PublicRegistrationController, ReviewsController, SelfServiceController } from './self-service.controller';
import { SelfServiceService } from './self-service.service';

/** Self-service through the personal link, the organisers' review queue, public registrations. */
@Module({
  controllers: [SelfServiceController, ReviewsController, PublicRegistrationController],
  providers: [SelfServiceService, ReviewsService, RegistrationsService],
})
export class SelfServiceModule {}
