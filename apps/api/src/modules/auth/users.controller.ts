import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CreateUser, CreateUserBody, UseCases } from '@rueda/application';
import { AuthService } from '../auth/auth.service';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { Returns } from '../../platform/openapi';
import { UserOut } from './auth.responses';

// The body is CreateUser's command without onExisting (resetting an account is the command line's).
export { CreateUserBody };

@ApiTags('users')
@Controller('users')
@Allow('admin')
export class UsersController {
  constructor(
    private readonly auth: AuthService,
    private readonly useCases: UseCases,
  ) {}

  @Get()
  @Returns(z.array(UserOut))
  @ApiOperation({ summary: 'Cuentas de la organización / Organiser accounts' })
  list() {
    return this.auth.listUsers();
  }

  @Post()
  @Returns(UserOut)
  @ApiOperation({ summary: 'Crear una cuenta de administrador o personal / Create an admin or staff account' })
  create(@Body({ schema: CreateUserBody }) body: z.infer<typeof CreateUserBody>, @CurrentPrincipal() p: Principal) {
    return this.useCases.execute(CreateUser, p, body);
  }
}
