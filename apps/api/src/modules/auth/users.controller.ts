import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { TEXT_LIMITS } from '@rueda/domain';
import { UserEntity } from '@rueda/persistence';
import { AuthService } from '../auth/auth.service';
import { Allow } from '../auth/principal';

export const CreateUserBody = z
  .object({
    email: z.email().max(TEXT_LIMITS.users.email),
    name: z.string().trim().min(1).max(TEXT_LIMITS.users.name),
    role: z.enum(['admin', 'staff']),
    password: z.string().min(10).max(200),
  })
  .strict();

@ApiTags('users')
@Controller('users')
@Allow('admin')
export class UsersController {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  list() {
    return this.db.getRepository(UserEntity).find({ order: { email: 'ASC' } });
  }

  @Post()
  create(@Body({ schema: CreateUserBody }) body: z.infer<typeof CreateUserBody>) {
    return this.auth.createUser(body);
  }
}
