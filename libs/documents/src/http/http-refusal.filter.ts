import { Catch } from '@nestjs/common';
import { HttpRefusalFilter } from '@kom/platform';
import { StampError } from '../provenance/provenance';

/** The platform's HTTP refusals, and a document without a valid stamp as a 400. */
@Catch()
export class DocumentRefusalFilter extends HttpRefusalFilter {
  protected override refuse(exception: unknown, send: (status: number, code: string, reason: string | undefined, message: string) => void): boolean {
    if (!(exception instanceof StampError)) return false;
    send(400, 'BAD_USER_INPUT', 'NO_VALID_STAMP', exception.message);
    return true;
  }
}
