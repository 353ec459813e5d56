// A representative read model for the rebuild benchmark: two tables, upserts, counters, prepared
// statements cached per connection. It handles most of the log's event types.
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';

interface IssueData {
  readonly issueId: string;
  readonly title?: string;
  readonly submittedBy?: string;
}

interface Actor {
  readonly organisationId: string;
}

const statements = preparedStatements((db) => ({
  submitted: db.prepare(
    `INSERT INTO bench_issues (issue_id, title, status, submitted_by, comments, updated_position, updated_at)
     VALUES (?, ?, 'submitted', ?, 0, ?, ?)
     ON CONFLICT (issue_id) DO UPDATE SET title = excluded.title, status = 'submitted',
       submitted_by = excluded.submitted_by, updated_position = excluded.updated_position, updated_at = excluded.updated_at`,
  ),
  commented: db.prepare(
    `UPDATE bench_issues SET comments = comments + 1, updated_position = ?, updated_at = ? WHERE issue_id = ?`,
  ),
  status: db.prepare(`UPDATE bench_issues SET status = ?, updated_position = ?, updated_at = ? WHERE issue_id = ?`),
  activity: db.prepare(
    `INSERT INTO bench_org_activity (organisation_id, type, events, last_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (organisation_id, type) DO UPDATE SET events = events + 1, last_at = excluded.last_at`,
  ),
}));

export const benchIssuesProjection: Projection = {
  name: 'bench-issues',
  version: 1,
  handles: ['IssueSubmitted', 'IssueCommented', 'IssueForwarded', 'IssueClosed'],
  tables: ['bench_issues', 'bench_org_activity'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS bench_issues (
      issue_id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL, submitted_by TEXT NOT NULL,
      comments INTEGER NOT NULL, updated_position TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    db.exec(`CREATE TABLE IF NOT EXISTS bench_org_activity (
      organisation_id TEXT NOT NULL, type TEXT NOT NULL, events INTEGER NOT NULL, last_at TEXT NOT NULL,
      PRIMARY KEY (organisation_id, type)) WITHOUT ROWID`);
  },
  apply(db, event: RecordedEvent) {
    const s = statements(db);
    const data = event.data as IssueData;
    const metadata = event.metadata as { actor: Actor; occurredAt: string };
    const position = String(event.position);
    switch (event.type) {
      case 'IssueSubmitted':
        s.submitted.run(data.issueId, data.title, data.submittedBy, position, metadata.occurredAt);
        break;
      case 'IssueCommented':
        s.commented.run(position, metadata.occurredAt, data.issueId);
        break;
      case 'IssueForwarded':
        s.status.run('forwarded', position, metadata.occurredAt, data.issueId);
        break;
      case 'IssueClosed':
        s.status.run('closed', position, metadata.occurredAt, data.issueId);
        break;
    }
    s.activity.run(metadata.actor.organisationId, event.type, metadata.occurredAt);
  },
};
