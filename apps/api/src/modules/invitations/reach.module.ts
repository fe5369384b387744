import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

/** Personal links in bulk, the participants' reach page, invitation campaigns, the email log, notification preferences. */
@Module({
  controllers: [InvitationsController, NotificationsController],
  providers: [InvitationsService],
})
export class ReachModule {}
