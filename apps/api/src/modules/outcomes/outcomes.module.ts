import { Module } from '@nestjs/common';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';
import { MeOutcomesController } from './me-outcomes.controller';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

/** After the event: both sides' outcomes of each meeting and the commitments they lead to. */
@Module({
  controllers: [OutcomesController, MeOutcomesController, CommitmentsController],
  providers: [OutcomesService, CommitmentsService],
})
export class OutcomesModule {}
