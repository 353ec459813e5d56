import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/*
 * The PostgreSQL deployments: deploy/docker-compose.postgres.yml and the kustomize overlay
 * deploy/k8s/postgres. As in compose.spec.ts, every check returns the problems it finds and runs
 * twice: on the real files (none) and on a copy broken on purpose (the problem is named).
 */

const DEPLOY_DIR = resolve(__dirname, '../../deploy');
const COMPOSE_FILE = join(DEPLOY_DIR, 'docker-compose.postgres.yml');
const OVERLAY_DIR = join(DEPLOY_DIR, 'k8s', 'postgres');

type Dict = Record<string, any>;
const copy = <T>(value: T): T => structuredClone(value);

function environment(service: Dict): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e: string) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v ?? '')]));
}

const composeChecks = {
  postgresIsHealthyAndKeepsItsData(c: Dict): string[] {
    const pg = c.services?.postgres;
    if (!pg) return ['no postgres service'];
    const problems: string[] = [];
    if (!String(pg.image ?? '').startsWith('postgres:')) problems.push(`postgres runs ${pg.image}, not a postgres image`);
    if (!JSON.stringify(pg.healthcheck?.test ?? '').includes('pg_isready')) problems.push('postgres has no pg_isready health check');
    const data = (pg.volumes ?? []).find((v: string) => String(v).endsWith(':/var/lib/postgresql/data'));
    if (!data || !(String(data).split(':')[0]! in (c.volumes ?? {}))) problems.push('postgres keeps its data in no declared volume');
    return problems;
  },
  severalApiReplicas(c: Dict): string[] {
    const api = c.services?.api;
    if (!api) return ['no api service'];
    const replicas = Number(api.deploy?.replicas ?? api.scale ?? 1);
    const problems = replicas > 1 ? [] : [`api runs ${replicas} replica(s), not several`];
    const dockerfile = resolve(dirname(COMPOSE_FILE), api.build?.context ?? '.', api.build?.dockerfile ?? 'Dockerfile');
    if (!api.build || !existsSync(dockerfile)) problems.push('api is not built from deploy/Dockerfile');
    if (api.depends_on?.postgres?.condition !== 'service_healthy') problems.push('api does not wait for a healthy postgres');
    const range = /^'?(\d+)-(\d+):3000$/.exec(String(api.ports?.[0] ?? ''));
    if (!range || Number(range[2]) - Number(range[1]) + 1 < replicas) problems.push('api publishes fewer host ports than it has replicas');
    return problems;
  },
  apiUsesPostgresWithoutALiteralPassword(c: Dict): string[] {
    const url = environment(c.services?.api ?? {}).KOM_EVENTSTORE_URL ?? '';
    const parsed = /^postgres(?:ql)?:\/\/([^:@]+):([^@]+)@([^:/]+)(?::\d+)?\//.exec(url);
    if (!parsed) return [`api: KOM_EVENTSTORE_URL ${url || '(unset)'} is not a postgres:// URL with a user and password`];
    const problems: string[] = [];
    if (!parsed[2]!.startsWith('${')) problems.push('api: the PostgreSQL password is written into the file');
    if (!(parsed[3]! in (c.services ?? {}))) problems.push(`api: KOM_EVENTSTORE_URL names host ${parsed[3]}, not a service`);
    return problems;
  },
  replicasShareTheAuditKeyAsASecret(c: Dict): string[] {
    const api = c.services?.api ?? {};
    const keyFile = environment(api).KOM_AUDIT_KEY_FILE;
    const secret = (api.secrets ?? []).find((s: Dict | string) => (typeof s === 'string' ? `/run/secrets/${s}` : s.target) === keyFile);
    if (!keyFile || !secret) return ['api: KOM_AUDIT_KEY_FILE is not a mounted secret'];
    const name = typeof secret === 'string' ? secret : secret.source;
    return c.secrets?.[name]?.file ? [] : [`api: secret ${name} is not declared with a file`];
  },
  eachReplicaKeepsItsOwnReadModels(c: Dict): string[] {
    const dataDir = environment(c.services?.api ?? {}).KOM_DATA_DIR;
    const shared = (c.services?.api?.volumes ?? []).find((v: string) => String(v).split(':')[1] === dataDir && !String(v).startsWith('/'));
    return shared ? [`api: every replica would share the data volume ${String(shared).split(':')[0]}`] : [];
  },
};

function kustomize(dir: string): { objects: Dict[] } | { skip: string } {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 30_000 });
  if (result.error) return { skip: `kubectl is not installed (${(result.error as NodeJS.ErrnoException).code})` };
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr}`);
  return { objects: parseAllDocuments(result.stdout).map((d) => d.toJSON() as Dict).filter(Boolean) };
}

const k8sChecks = {
  severalReplicasWithReadiness(objects: Dict[]): string[] {
    const deployment = objects.find((o) => o.kind === 'Deployment');
    if (!deployment) return ['no Deployment'];
    const problems: string[] = [];
    if (!(deployment.spec?.replicas > 1)) problems.push(`the Deployment runs ${deployment.spec?.replicas} replica(s), not several`);
    const api = deployment.spec?.template?.spec?.containers?.find((c: Dict) => c.name === 'api');
    if (api?.readinessProbe?.httpGet?.path !== '/health/ready') problems.push('api: readinessProbe does not GET /health/ready');
    return problems;
  },
  eventStoreUrlFromASecret(objects: Dict[]): string[] {
    const api = objects.find((o) => o.kind === 'Deployment')?.spec?.template?.spec?.containers?.find((c: Dict) => c.name === 'api');
    const env = (api?.env ?? []).find((e: Dict) => e.name === 'KOM_EVENTSTORE_URL');
    const fromConfigMap = objects.some((o) => o.kind === 'ConfigMap' && o.data?.KOM_EVENTSTORE_URL !== undefined);
    if (!env?.valueFrom?.secretKeyRef?.name || env.value !== undefined || fromConfigMap) return ['api: KOM_EVENTSTORE_URL does not come from a Secret'];
    return env.valueFrom.secretKeyRef.name === 'kom-api-postgres' ? [] : [`api: KOM_EVENTSTORE_URL comes from Secret ${env.valueFrom.secretKeyRef.name}, not kom-api-postgres`];
  },
  auditKeyFromASecret(objects: Dict[]): string[] {
    const keyFile: string | undefined = objects.find((o) => o.kind === 'ConfigMap')?.data?.KOM_AUDIT_KEY_FILE;
    const pod = objects.find((o) => o.kind === 'Deployment')?.spec?.template?.spec;
    const api = pod?.containers?.find((c: Dict) => c.name === 'api');
    const mount = (api?.volumeMounts ?? []).find((m: Dict) => keyFile?.startsWith(`${m.mountPath}/`));
    const volume = pod?.volumes?.find((v: Dict) => v.name === mount?.name);
    return keyFile && volume?.secret?.secretName ? [] : ['api: KOM_AUDIT_KEY_FILE is not in a mounted Secret'];
  },
};

const composeText = readFileSync(COMPOSE_FILE, 'utf8');
const compose = parse(composeText, { merge: true }) as Dict;

describe('deploy/docker-compose.postgres.yml', () => {
  it.each(Object.keys(composeChecks))('%s', (name) => {
    expect(composeChecks[name as keyof typeof composeChecks](compose)).toEqual([]);
  });

  describe('the checks catch a broken file', () => {
    const broken = (edit: (c: Dict) => void) => {
      const c = copy(compose);
      edit(c);
      return c;
    };
    it('one replica, ports for fewer replicas, no wait for postgres', () => {
      expect(composeChecks.severalApiReplicas(broken((c) => (c.services.api.deploy.replicas = 1)))).toEqual(['api runs 1 replica(s), not several']);
      expect(composeChecks.severalApiReplicas(broken((c) => (c.services.api.ports = ['3001-3002:3000'])))).toEqual([
        'api publishes fewer host ports than it has replicas',
      ]);
      expect(composeChecks.severalApiReplicas(broken((c) => delete c.services.api.depends_on))).toEqual(['api does not wait for a healthy postgres']);
    });
    it('a postgres without health check or data volume', () => {
      const c = broken((c) => {
        delete c.services.postgres.healthcheck;
        c.services.postgres.volumes = [];
      });
      expect(composeChecks.postgresIsHealthyAndKeepsItsData(c)).toEqual(['postgres has no pg_isready health check', 'postgres keeps its data in no declared volume']);
    });
    it('a password in the file, an unknown host, or another store', () => {
      const withUrl = (url: string) => broken((c) => (c.services.api.environment.KOM_EVENTSTORE_URL = url));
      expect(composeChecks.apiUsesPostgresWithoutALiteralPassword(withUrl('postgres://kom:hunter2@postgres:5432/kom'))).toEqual([
        'api: the PostgreSQL password is written into the file',
      ]);
      expect(composeChecks.apiUsesPostgresWithoutALiteralPassword(withUrl('postgres://kom:${P}@db:5432/kom'))).toEqual([
        'api: KOM_EVENTSTORE_URL names host db, not a service',
      ]);
      expect(composeChecks.apiUsesPostgresWithoutALiteralPassword(withUrl('kurrentdb://x:2113'))).toHaveLength(1);
    });
    it('an audit key that is not a secret, or an undeclared one', () => {
      expect(composeChecks.replicasShareTheAuditKeyAsASecret(broken((c) => (c.services.api.environment.KOM_AUDIT_KEY_FILE = '/app/data/key.pem')))).toEqual([
        'api: KOM_AUDIT_KEY_FILE is not a mounted secret',
      ]);
      expect(composeChecks.replicasShareTheAuditKeyAsASecret(broken((c) => delete c.secrets['audit-signing-key']))).toEqual([
        'api: secret audit-signing-key is not declared with a file',
      ]);
    });
    it('one named data volume for every replica', () => {
      expect(composeChecks.eachReplicaKeepsItsOwnReadModels(broken((c) => (c.services.api.volumes = ['api-data:/app/data'])))).toEqual([
        'api: every replica would share the data volume api-data',
      ]);
    });
  });
});

describe('deploy/k8s/postgres (kustomize overlay)', () => {
  it('parses: every file of the overlay is YAML, and names the shared base', () => {
    const files = readdirSync(OVERLAY_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files).toEqual(expect.arrayContaining(['kustomization.yaml']));
    for (const file of files) expect(() => parse(readFileSync(join(OVERLAY_DIR, file), 'utf8'))).not.toThrow();
    expect(parse(readFileSync(join(OVERLAY_DIR, 'kustomization.yaml'), 'utf8')).resources).toEqual(['../base']);
  });

  const rendered = kustomize(OVERLAY_DIR);
  if ('skip' in rendered) {
    console.warn(`deploy/k8s/postgres not rendered: ${rendered.skip}`);
    it.skip(`renders with kubectl kustomize: ${rendered.skip}`, () => undefined);
    return;
  }
  const objects = rendered.objects;

  it.each(Object.keys(k8sChecks))('%s', (name) => {
    expect(k8sChecks[name as keyof typeof k8sChecks](objects)).toEqual([]);
  });

  it('keeps the KurrentDB variant (deploy/k8s) on its own Secret', () => {
    const base = kustomize(join(DEPLOY_DIR, 'k8s'));
    if ('skip' in base) throw new Error(base.skip);
    expect(k8sChecks.eventStoreUrlFromASecret(base.objects)).toEqual(['api: KOM_EVENTSTORE_URL comes from Secret kom-api-eventstore, not kom-api-postgres']);
  });

  describe('the checks catch broken manifests', () => {
    const broken = (edit: (deployment: Dict, configMap: Dict) => void) => {
      const all = copy(objects);
      edit(all.find((o) => o.kind === 'Deployment')!, all.find((o) => o.kind === 'ConfigMap')!);
      return all;
    };
    const api = (d: Dict) => d.spec.template.spec.containers.find((c: Dict) => c.name === 'api');
    it('one replica, readiness on liveness', () => {
      const all = broken((d) => {
        d.spec.replicas = 1;
        api(d).readinessProbe.httpGet.path = '/health';
      });
      expect(k8sChecks.severalReplicasWithReadiness(all)).toEqual(['the Deployment runs 1 replica(s), not several', 'api: readinessProbe does not GET /health/ready']);
    });
    it('the URL in plain text', () => {
      const all = broken((d) => (api(d).env = [{ name: 'KOM_EVENTSTORE_URL', value: 'postgres://kom:pw@db/kom' }]));
      expect(k8sChecks.eventStoreUrlFromASecret(all)).toEqual(['api: KOM_EVENTSTORE_URL does not come from a Secret']);
    });
    it('an audit key outside any Secret', () => {
      const all = broken((_d, cm) => (cm.data.KOM_AUDIT_KEY_FILE = '/app/data/audit-signing-key.pem'));
      expect(k8sChecks.auditKeyFromASecret(all)).toEqual(['api: KOM_AUDIT_KEY_FILE is not in a mounted Secret']);
    });
  });
});
