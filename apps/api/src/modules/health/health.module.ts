import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReferenceController } from './reference.controller';

/** Public, unauthenticated reads: health for load balancers, reference data for everyone. */
@Module({ imports: [TerminusModule], controllers: [HealthController, ReferenceController] })
export class HealthModule {}
