import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { z } from 'zod';
import { StartSessionCommand } from '@rueda/application';
import { AuthService } from './auth.service';
import { bearer } from './access.guard';
import { Allow, CurrentPrincipal, Principal, Public } from './principal';
import { loginRate } from './rates';
import { Returns } from '../../platform/openapi';
import { LoginOut, PrincipalOut } from './auth.responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Throttle({ default: loginRate() })
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Iniciar sesión de organizador / Organiser login' })
  @Returns(LoginOut)
  login(@Body({ schema: StartSessionCommand }) body: z.infer<typeof StartSessionCommand>) {
    return this.auth.login(body.email, body.password);
  }

  @Allow('admin', 'staff')
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: { headers: { authorization?: string } }, @CurrentPrincipal() p: Principal) {
    await this.auth.logout(p, bearer(req.headers.authorization) ?? '');
  }

  @Allow('admin', 'staff', 'participant')
  @Get('whoami')
  @ApiOperation({ summary: 'Quién llama / Who is calling' })
  @Returns(PrincipalOut)
  whoami(@CurrentPrincipal() p: Principal) {
    return p;
  }
}
