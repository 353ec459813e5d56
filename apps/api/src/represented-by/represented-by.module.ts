import { Module, type DynamicModule } from '@nestjs/common';
import { OrganizationsModule } from '@kom/organizations';
import { DemoRepresentativesSeeder } from './demo-representatives.seeder';
import { RepresentedBy } from './represented-by';
import {
  IdentityRepresentativeResolver,
  IssueSubmitterResolver,
  PositionRepresentativeResolver,
  ProposerResolver,
  SignatureRepresentativeResolver,
} from './represented-by.resolvers';

/**
 * The fields that name a registered representative on other contexts' types (signatures, positions,
 * submissions, proposals, `me`): the contexts record the id; the register of representatives names it. In
 * embedded mode it also links the demo people to representatives.
 */
@Module({})
export class RepresentedByModule {
  static forRoot(options: { demoRepresentatives: boolean }): DynamicModule {
    return {
      module: RepresentedByModule,
      imports: [OrganizationsModule],
      providers: [
        RepresentedBy,
        SignatureRepresentativeResolver,
        PositionRepresentativeResolver,
        IssueSubmitterResolver,
        ProposerResolver,
        IdentityRepresentativeResolver,
        ...(options.demoRepresentatives ? [DemoRepresentativesSeeder] : [])],
    };
  }
}
