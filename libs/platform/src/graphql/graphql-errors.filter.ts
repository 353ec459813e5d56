import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@kom/kernel';
import { domainErrorToGraphQL } from './format-error';

/**
 * Hands GraphQL errors to Apollo as they are (formatError types or masks them), instead of
 * letting Nest log every refused token or domain refusal as a server error. HTTP routes keep
 * Nest's default handling.
 */
@Catch()
export class GraphQLErrorsFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') {
      return exception instanceof DomainError ? domainErrorToGraphQL(exception) : exception;
    }
    return super.catch(exception, host);
  }
}
