import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { TEXT_LIMITS } from '@rueda/domain';
import { AuthService } from '../auth/auth.service';
import { Allow } from '../auth/principal';
import { Returns } from '../../platform/openapi';
import { UserOut } from './auth.responses';

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
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Returns(z.array(UserOut))
  @ApiOperation({ summary: 'Cuentas de la organización / Organiser accounts' })
  list() {
    return this.auth.listUsers();
  }

  @Post()
  @Returns(UserOut)
  @ApiOperation({ summary: 'Crear una cuenta de administrador o personal / Create an admin or staff account' })
  create(@Body({ schema: CreateUserBody }) body: z.infer<typeof CreateUserBody>) {
    return this.auth.createUser(body);
  }
}
