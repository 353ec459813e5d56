import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/*
 * Static checks of the deployment files: deploy/docker-compose.yml, deploy/Dockerfile and
 * deploy/k8s/base/*.yaml. Every check is a function that returns the problems it finds, so the
 * suite runs it twice: on the real files (no problems) and on a copy broken on purpose (the
 * problem is reported). A check that cannot fail would pass the second half only by accident.
 */

const DEPLOY_DIR = resolve(__dirname, '../../deploy');
const COMPOSE_FILE = join(DEPLOY_DIR, 'docker-compose.yml');
const DOCKERFILE = join(DEPLOY_DIR, 'Dockerfile');
const K8S_DIR = join(DEPLOY_DIR, 'k8s', 'base');

// ----------------------------------------------------------------------------------------------
// Compose
// ----------------------------------------------------------------------------------------------

type Dict = Record<string, unknown>;

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  networks?: string[] | Record<string, unknown>;
  environment?: string[] | Record<string, string | number | boolean | null>;
  healthcheck?: { test?: unknown; disable?: boolean };
  hostname?: string;
  [key: string]: unknown;
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown> | null;
  networks?: Record<string, unknown> | null;
}

/** Compose files use YAML merge keys (`<<: *anchor`); the `yaml` package needs `merge: true`. */
function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

const services = (c: ComposeFile): [string, ComposeService][] => Object.entries(c.services ?? {});

/** The repository part of an image reference, without tag or digest: `kurrentplatforms/kurrentdb`. */
function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

/** A KurrentDB (or EventStoreDB) server node: its image's last path segment names the server. */
function isEventStoreNode(service: ComposeService): boolean {
  if (typeof service.image !== 'string') return false;
  const name = imageRepository(service.image).split('/').pop();
  return name === 'kurrentdb' || name === 'eventstore';
}

const eventStoreNodes = (c: ComposeFile) => services(c).filter(([, s]) => isEventStoreNode(s));
const apiReplicas = (c: ComposeFile) => services(c).filter(([name]) => /^api-\d+$/.test(name));

function dependsOn(service: ComposeService): string[] {
  const d = service.depends_on;
  if (!d) return [];
  return Array.isArray(d) ? d : Object.keys(d);
}

function environment(service: ComposeService): Record<string, string> {
  const env = service.environment;
  if (!env) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq === -1 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

/** Named volumes a service mounts (bind mounts and anonymous volumes are not names). */
function namedVolumes(service: ComposeService): string[] {
  const names: string[] = [];
  for (const v of service.volumes ?? []) {
    if (typeof v === 'string') {
      const parts = v.split(':');
      if (parts.length < 2) continue; // anonymous: only a container path
      const source = parts[0]!;
      if (/^[./~$]/.test(source) || source.includes('/')) continue; // a host path
      names.push(source);
    } else if ((v.type ?? 'volume') === 'volume' && v.source) {
      names.push(v.source);
    }
  }
  return names;
}

/** The named volume a service mounts at `target`, if any. */
function volumeAt(service: ComposeService, target: string): string | undefined {
  for (const v of service.volumes ?? []) {
    if (typeof v === 'string') {
      const [source, path] = v.split(':');
      if (path === target) return source;
    } else if (v.target === target) {
      return v.source;
    }
  }
  return undefined;
}

function networks(service: ComposeService): string[] {
  const n = service.networks;
  if (!n) return [];
  return Array.isArray(n) ? n : Object.keys(n);
}

/** Hosts named in a `kurrentdb+discover://user:pass@host:port,host:port?…` connection string. */
function connectionStringHosts(url: string): string[] {
  const match = /^(?:kurrentdb|kurrent|kdb|esdb)(?:\+discover)?:\/\/(?:[^@/?]*@)?([^/?]+)/.exec(url);
  if (!match) return [];
  return match[1]!.split(',').map((hostPort) => hostPort.trim().replace(/:\d+$/, ''));
}

/** A host name in front of an image reference (`host.invalid:5000/x/y`) has a dot, a colon or is localhost. */
function hasRegistryHost(image: string): boolean {
  const parts = image.split('/');
  if (parts.length < 2) return false;
  const first = parts[0]!;
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

const composeChecks = {
  threeEventStoreNodes(c: ComposeFile): string[] {
    const nodes = eventStoreNodes(c);
    return nodes.length === 3 ? [] : [`expected 3 KurrentDB node services, found ${nodes.length}`];
  },

  nodesFormOneCluster(c: ComposeFile): string[] {
    const problems: string[] = [];
    const names = eventStoreNodes(c).map(([n]) => n);
    for (const [name, node] of eventStoreNodes(c)) {
      const env = environment(node);
      const size = env['KURRENTDB_CLUSTER_SIZE'] ?? env['EVENTSTORE_CLUSTER_SIZE'];
      if (size !== String(names.length)) problems.push(`${name}: cluster size ${size ?? 'unset'}, not ${names.length}`);
      const seeds = (env['KURRENTDB_GOSSIP_SEED'] ?? env['EVENTSTORE_GOSSIP_SEED'] ?? '')
        .split(',')
        .filter(Boolean)
        .map((s) => s.replace(/:\d+$/, ''));
      for (const other of names.filter((n) => n !== name)) {
        if (!seeds.includes(other)) problems.push(`${name}: gossip seeds do not name ${other}`);
      }
      const insecure = (env['KURRENTDB_INSECURE'] ?? env['EVENTSTORE_INSECURE'] ?? '').toLowerCase() === 'true';
      const certificate = env['KURRENTDB_CERTIFICATE_FILE'] ?? env['EVENTSTORE_CERTIFICATE_FILE'];
      if (insecure || !certificate) problems.push(`${name}: runs without TLS certificates`);
    }
    return problems;
  },

  twoApiReplicas(c: ComposeFile): string[] {
    const names = apiReplicas(c).map(([n]) => n).sort();
    return names.join(',') === 'api-1,api-2' ? [] : [`expected API replicas api-1 and api-2, found ${names.join(', ') || 'none'}`];
  },

  dependsOnExistingServices(c: ComposeFile): string[] {
    const defined = new Set(Object.keys(c.services ?? {}));
    return services(c).flatMap(([name, s]) =>
      dependsOn(s)
        .filter((d) => !defined.has(d))
        .map((d) => `${name} depends on undefined service ${d}`),
    );
  },

  volumesAreDeclared(c: ComposeFile): string[] {
    const declared = new Set(Object.keys(c.volumes ?? {}));
    return services(c).flatMap(([name, s]) =>
      namedVolumes(s)
        .filter((v) => !declared.has(v))
        .map((v) => `${name} mounts undeclared volume ${v}`),
    );
  },

  networksAreDeclared(c: ComposeFile): string[] {
    const declared = new Set(Object.keys(c.networks ?? {}));
    return services(c).flatMap(([name, s]) =>
      networks(s)
        .filter((n) => !declared.has(n))
        .map((n) => `${name} joins undeclared network ${n}`),
    );
  },

  apiReplicasDiscoverTheWholeCluster(c: ComposeFile): string[] {
    const nodeHosts = eventStoreNodes(c).map(([name, s]) => s.hostname ?? name);
    const problems: string[] = [];
    for (const [name, api] of apiReplicas(c)) {
      const url = environment(api)['KOM_EVENTSTORE_URL'];
      if (!url) {
        problems.push(`${name}: KOM_EVENTSTORE_URL is not set`);
        continue;
      }
      if (!/^(kurrentdb|kurrent|kdb|esdb)\+discover:\/\//.test(url)) problems.push(`${name}: KOM_EVENTSTORE_URL does not use gossip discovery`);
      const hosts = connectionStringHosts(url);
      for (const host of nodeHosts) {
        if (!hosts.includes(host)) problems.push(`${name}: KOM_EVENTSTORE_URL does not name ${host}`);
      }
    }
    return problems;
  },

  apiReplicasWaitForHealthyNodes(c: ComposeFile): string[] {
    const problems: string[] = [];
    for (const [node, s] of eventStoreNodes(c)) {
      if (!s.healthcheck?.test || s.healthcheck.disable) problems.push(`${node} has no health check`);
    }
    for (const [name, api] of apiReplicas(c)) {
      const deps = api.depends_on;
      for (const [node] of eventStoreNodes(c)) {
        const condition = deps && !Array.isArray(deps) ? deps[node]?.condition : undefined;
        if (condition !== 'service_healthy') problems.push(`${name} does not wait for ${node} to be healthy`);
      }
    }
    return problems;
  },

  apiReplicasHaveTheirOwnDataVolume(c: ComposeFile): string[] {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const [name, api] of apiReplicas(c)) {
      const dataDir = environment(api)['KOM_DATA_DIR'] ?? '/app/data';
      const volume = volumeAt(api, dataDir);
      if (!volume) {
        problems.push(`${name}: no named volume at its data dir ${dataDir}`);
        continue;
      }
      const other = seen.get(volume);
      if (other) problems.push(`${name} shares its data volume ${volume} with ${other}`);
      seen.set(volume, name);
    }
    return problems;
  },

  buildsUseExistingDockerfiles(c: ComposeFile, composeDir: string): string[] {
    return services(c).flatMap(([name, s]) => {
      if (s.build === undefined) return [];
      const context = typeof s.build === 'string' ? s.build : (s.build.context ?? '.');
      const dockerfile = typeof s.build === 'string' ? 'Dockerfile' : (s.build.dockerfile ?? 'Dockerfile');
      const path = resolve(composeDir, context, dockerfile);
      return existsSync(path) ? [] : [`${name} builds from ${path}, which does not exist`];
    });
  },

  apiReplicasAreBuilt(c: ComposeFile): string[] {
    return apiReplicas(c)
      .filter(([, s]) => s.build === undefined)
      .map(([name]) => `${name} is not built from the repository`);
  },

  imagesUseShortNames(c: ComposeFile): string[] {
    return services(c)
      .filter(([, s]) => typeof s.image === 'string' && hasRegistryHost(s.image))
      .map(([name, s]) => `${name}: image ${s.image} names a registry host`);
  },
};

// ----------------------------------------------------------------------------------------------
// Dockerfile
// ----------------------------------------------------------------------------------------------

/** FROM images with ARG defaults substituted. */
function baseImages(dockerfile: string): string[] {
  const args = new Map<string, string>();
  for (const m of dockerfile.matchAll(/^ARG\s+(\w+)=(\S+)/gm)) args.set(m[1]!, m[2]!);
  const stages = new Set<string>();
  const images: string[] = [];
  for (const m of dockerfile.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    const image = m[1]!.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args.get(name) ?? '');
    if (!stages.has(image)) images.push(image);
    if (m[2]) stages.add(m[2]);
  }
  return images;
}

const dockerfileChecks = {
  isMultiStageOnNode20Slim(text: string): string[] {
    const images = baseImages(text);
    const problems: string[] = [];
    if ((text.match(/^FROM\s/gim) ?? []).length < 2) problems.push('not a multi-stage build');
    if (images.length === 0 || !images.every((i) => i === 'node:20-bookworm-slim')) {
      problems.push(`base images ${images.join(', ')} are not node:20-bookworm-slim`);
    }
    if (images.some(hasRegistryHost)) problems.push('a base image names a registry host');
    return problems;
  },

  buildsBetterSqlite3AndTheApi(text: string): string[] {
    const problems: string[] = [];
    for (const tool of ['python3', 'make', 'g++']) {
      if (!new RegExp(`apt-get install[^\\n]*(\\\\\\n[^\\n]*)*\\s${tool.replace('+', '\\+')}(\\s|$)`).test(text)) {
        problems.push(`the build stage does not install ${tool}`);
      }
    }
    for (const step of ['npm ci', 'nest build api', 'npm prune --omit=dev']) {
      if (!text.includes(step)) problems.push(`the build does not run ${step}`);
    }
    return problems;
  },

  runtimeIsNonRootWithHealthCheck(text: string): string[] {
    const runtime = text.slice(text.search(/^FROM\s.*\bAS\s+runtime\b/im));
    const problems: string[] = [];
    if (!/^USER\s+node\s*$/m.test(runtime)) problems.push('the runtime stage does not run as node');
    if (!/^VOLUME\s+.*\/app\/data/m.test(runtime)) problems.push('no VOLUME for /app/data');
    if (!/^EXPOSE\s+3000\b/m.test(runtime)) problems.push('does not EXPOSE 3000');
    if (!/^HEALTHCHECK[\s\S]*?CMD\s+\[?"?node[\s\S]*?\/health['"]/m.test(runtime)) problems.push('no node-based HEALTHCHECK on /health');
    if (!/^CMD\s+\["node",\s*"dist\/apps\/api\/main\.js"\]/m.test(runtime)) problems.push('CMD does not start dist/apps/api/main.js');
    for (const path of ['dist', 'node_modules', 'package.json', 'schema']) {
      if (!new RegExp(`^COPY\\s+--from=build\\s+\\S*${path}\\b`, 'm').test(runtime)) problems.push(`the runtime stage does not copy ${path}`);
    }
    return problems;
  },
};

// ----------------------------------------------------------------------------------------------
// Kubernetes
// ----------------------------------------------------------------------------------------------

interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}

interface Container {
  name?: string;
  image?: string;
  ports?: { name?: string; containerPort?: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  envFrom?: { configMapRef?: { name?: string } }[];
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; runAsNonRoot?: boolean };
  volumeMounts?: { name?: string; mountPath?: string }[];
  resources?: { requests?: Dict; limits?: Dict };
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers?: Container[];
  volumes?: { name?: string; emptyDir?: unknown }[];
}

interface Deployment extends K8sObject {
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
  };
}

interface Service extends K8sObject {
  spec?: { selector?: Record<string, string>; ports?: { port?: number; targetPort?: string | number }[] };
}

function parseManifests(files: { name: string; text: string }[]): K8sObject[] {
  return files.flatMap(({ name, text }) =>
    parseAllDocuments(text).flatMap((doc) => {
      if (doc.errors.length > 0) throw new Error(`${name}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const value = doc.toJS() as K8sObject | null;
      return value ? [value] : [];
    }),
  );
}

const ofKind = <T extends K8sObject>(objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as T[];

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Does `port` (a name or a number) name one of the container's ports? */
function declaresPort(container: Container, port: string | number | undefined): boolean {
  return (container.ports ?? []).some((p) => p.name === port || p.containerPort === port);
}

const k8sChecks = {
  oneDeploymentWithTwoReplicas(objects: K8sObject[]): string[] {
    const deployments = ofKind<Deployment>(objects, 'Deployment');
    if (deployments.length !== 1) return [`expected 1 Deployment, found ${deployments.length}`];
    const replicas = deployments[0]!.spec?.replicas;
    return replicas === 2 ? [] : [`the Deployment runs ${replicas ?? 1} replicas, not 2`];
  },

  probesTargetHealthEndpoints(objects: K8sObject[]): string[] {
    const problems: string[] = [];
    for (const d of ofKind<Deployment>(objects, 'Deployment')) {
      for (const c of d.spec?.template?.spec?.containers ?? []) {
        const probes: [string, Probe | undefined, string][] = [
          ['livenessProbe', c.livenessProbe, '/health'],
          ['readinessProbe', c.readinessProbe, '/health/ready'],
        ];
        for (const [kind, probe, path] of probes) {
          if (probe?.httpGet?.path !== path) problems.push(`${c.name}: ${kind} does not GET ${path}`);
          else if (!declaresPort(c, probe.httpGet.port)) problems.push(`${c.name}: ${kind} port ${probe.httpGet.port} is not a container port`);
        }
      }
    }
    return problems;
  },

  selectorsMatchPodLabels(objects: K8sObject[]): string[] {
    const problems: string[] = [];
    const deployments = ofKind<Deployment>(objects, 'Deployment');
    for (const d of deployments) {
      if (!matches(d.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels)) {
        problems.push(`Deployment ${d.metadata?.name}: selector does not match its pod labels`);
      }
    }
    const services = ofKind<Service>(objects, 'Service');
    if (services.length === 0) problems.push('no Service');
    for (const s of services) {
      const target = deployments.find((d) => matches(s.spec?.selector, d.spec?.template?.metadata?.labels));
      if (!target) {
        problems.push(`Service ${s.metadata?.name}: selector matches no Deployment's pod labels`);
        continue;
      }
      const containers = target.spec?.template?.spec?.containers ?? [];
      for (const p of s.spec?.ports ?? []) {
        if (!containers.some((c) => declaresPort(c, p.targetPort ?? p.port))) {
          problems.push(`Service ${s.metadata?.name}: targetPort ${p.targetPort} is not a container port`);
        }
      }
    }
    return problems;
  },

  configMapsExist(objects: K8sObject[]): string[] {
    const configMaps = new Set(ofKind(objects, 'ConfigMap').map((c) => c.metadata?.name));
    return ofKind<Deployment>(objects, 'Deployment').flatMap((d) =>
      (d.spec?.template?.spec?.containers ?? []).flatMap((c) =>
        (c.envFrom ?? [])
          .map((e) => e.configMapRef?.name)
          .filter((name): name is string => !!name && !configMaps.has(name))
          .map((name) => `${c.name}: envFrom names undefined ConfigMap ${name}`),
      ),
    );
  },

  podsAreLockedDown(objects: K8sObject[]): string[] {
    const problems: string[] = [];
    const dataDir = ofKind<K8sObject & { data?: Record<string, string> }>(objects, 'ConfigMap')
      .map((c) => c.data?.['KOM_DATA_DIR'])
      .find(Boolean);
    for (const d of ofKind<Deployment>(objects, 'Deployment')) {
      const pod = d.spec?.template?.spec;
      for (const c of pod?.containers ?? []) {
        const nonRoot = c.securityContext?.runAsNonRoot ?? pod?.securityContext?.runAsNonRoot;
        if (nonRoot !== true) problems.push(`${c.name}: may run as root`);
        if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${c.name}: root file system is writable`);
        if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${c.name}: may escalate privileges`);
        if (!c.resources?.requests || !c.resources?.limits) problems.push(`${c.name}: no resource requests and limits`);
        if (c.image && hasRegistryHost(c.image)) problems.push(`${c.name}: image ${c.image} names a registry host`);
        const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === dataDir);
        const volume = pod?.volumes?.find((v) => v.name === mount?.name);
        if (!dataDir || !volume || volume.emptyDir === undefined) problems.push(`${c.name}: the data dir ${dataDir} is not an emptyDir`);
      }
    }
    return problems;
  },
};

// ----------------------------------------------------------------------------------------------
// The files as they are
// ----------------------------------------------------------------------------------------------

const composeText = readFileSync(COMPOSE_FILE, 'utf8');
const compose = parseCompose(composeText);
const dockerfileText = readFileSync(DOCKERFILE, 'utf8');
const manifestFiles = readdirSync(K8S_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(K8S_DIR, name), 'utf8') }));
const manifests = parseManifests(manifestFiles);

/** A deep copy to break, leaving the parsed original intact for the other tests. */
const copy = <T>(value: T): T => structuredClone(value);

describe('deploy/docker-compose.yml', () => {
  const composeDir = dirname(COMPOSE_FILE);

  it('runs exactly three KurrentDB nodes', () => {
    expect(composeChecks.threeEventStoreNodes(compose)).toEqual([]);
  });

  it('forms one TLS-secured cluster: size 3, each node seeded with the other two', () => {
    expect(composeChecks.nodesFormOneCluster(compose)).toEqual([]);
  });

  it('runs two API replicas, api-1 and api-2, built from the repository', () => {
    expect(composeChecks.twoApiReplicas(compose)).toEqual([]);
    expect(composeChecks.apiReplicasAreBuilt(compose)).toEqual([]);
  });

  it('depends only on services it defines', () => {
    expect(composeChecks.dependsOnExistingServices(compose)).toEqual([]);
  });

  it('mounts only volumes declared under the top-level volumes', () => {
    expect(composeChecks.volumesAreDeclared(compose)).toEqual([]);
  });

  it('joins only networks declared under the top-level networks', () => {
    expect(composeChecks.networksAreDeclared(compose)).toEqual([]);
  });

  it('points each API replica at all three nodes with gossip discovery', () => {
    expect(composeChecks.apiReplicasDiscoverTheWholeCluster(compose)).toEqual([]);
  });

  it('starts the API replicas only once every node reports healthy', () => {
    expect(composeChecks.apiReplicasWaitForHealthyNodes(compose)).toEqual([]);
  });

  it('gives each API replica its own volume for its read models', () => {
    expect(composeChecks.apiReplicasHaveTheirOwnDataVolume(compose)).toEqual([]);
  });

  it('builds from Dockerfiles that exist', () => {
    expect(composeChecks.buildsUseExistingDockerfiles(compose, composeDir)).toEqual([]);
  });

  it('refers to images by short names, without a registry host', () => {
    expect(composeChecks.imagesUseShortNames(compose)).toEqual([]);
  });

  describe('the checks catch a broken file', () => {
    const broken = (edit: (c: ComposeFile) => void): ComposeFile => {
      const c = copy(compose);
      edit(c);
      return c;
    };
    const firstNode = () => eventStoreNodes(compose)[0]![0];

    it('a missing node', () => {
      const c = broken((c) => delete c.services![firstNode()]);
      expect(composeChecks.threeEventStoreNodes(c)).toEqual(['expected 3 KurrentDB node services, found 2']);
    });

    it('a fourth node', () => {
      const c = broken((c) => (c.services!['kurrentdb-4'] = { ...c.services![firstNode()]! }));
      expect(composeChecks.threeEventStoreNodes(c)).toEqual(['expected 3 KurrentDB node services, found 4']);
    });

    it('a node that runs insecure, or is left out of the gossip seeds', () => {
      const c = broken((c) => {
        const node = c.services![firstNode()]!;
        node.environment = { ...environment(node), KURRENTDB_INSECURE: 'true', KURRENTDB_GOSSIP_SEED: '' };
      });
      const problems = composeChecks.nodesFormOneCluster(c);
      expect(problems).toContain(`${firstNode()}: runs without TLS certificates`);
      expect(problems.filter((p) => p.includes('gossip seeds do not name'))).toHaveLength(2);
    });

    it('a missing API replica', () => {
      const c = broken((c) => delete c.services!['api-2']);
      expect(composeChecks.twoApiReplicas(c)).toEqual(['expected API replicas api-1 and api-2, found api-1']);
    });

    it('an API replica that is not built', () => {
      const c = broken((c) => delete c.services!['api-1']!.build);
      expect(composeChecks.apiReplicasAreBuilt(c)).toEqual(['api-1 is not built from the repository']);
    });

    it('depends_on naming an undefined service, in list and in map form', () => {
      const c = broken((c) => {
        c.services!['api-1']!.depends_on = ['ghost'];
        c.services!['api-2']!.depends_on = { phantom: { condition: 'service_started' } };
      });
      expect(composeChecks.dependsOnExistingServices(c)).toEqual([
        'api-1 depends on undefined service ghost',
        'api-2 depends on undefined service phantom',
      ]);
    });

    it('an undeclared named volume, in short and in long syntax', () => {
      const c = broken((c) => {
        c.services!['api-1']!.volumes = ['nowhere:/app/data', './bind:/x', '/anonymous'];
        c.services!['api-2']!.volumes = [{ type: 'volume', source: 'elsewhere', target: '/app/data' }];
      });
      expect(composeChecks.volumesAreDeclared(c)).toEqual([
        'api-1 mounts undeclared volume nowhere',
        'api-2 mounts undeclared volume elsewhere',
      ]);
    });

    it('an undeclared network, in list and in map form', () => {
      const c = broken((c) => {
        c.services!['api-1']!.networks = ['outside'];
        c.services!['api-2']!.networks = { beyond: { aliases: ['x'] } };
      });
      expect(composeChecks.networksAreDeclared(c)).toEqual([
        'api-1 joins undeclared network outside',
        'api-2 joins undeclared network beyond',
      ]);
    });

    it('a connection string that leaves a node out, or does not discover', () => {
      const [n1, n2, n3] = eventStoreNodes(compose).map(([n]) => n);
      const c = broken((c) => {
        c.services!['api-1']!.environment = { KOM_EVENTSTORE_URL: `kurrentdb+discover://admin:pw@${n1}:2113,${n2}:2113?tls=true` };
        c.services!['api-2']!.environment = [`KOM_EVENTSTORE_URL=kurrentdb://${n1}:2113,${n2}:2113,${n3}:2113`];
      });
      expect(composeChecks.apiReplicasDiscoverTheWholeCluster(c)).toEqual([
        `api-1: KOM_EVENTSTORE_URL does not name ${n3}`,
        'api-2: KOM_EVENTSTORE_URL does not use gossip discovery',
      ]);
    });

    it('an API replica without KOM_EVENTSTORE_URL', () => {
      const c = broken((c) => (c.services!['api-1']!.environment = { PORT: '3000' }));
      expect(composeChecks.apiReplicasDiscoverTheWholeCluster(c)).toEqual(['api-1: KOM_EVENTSTORE_URL is not set']);
    });

    it('an API replica that does not wait for healthy nodes, or a node without a health check', () => {
      const node = firstNode();
      const c = broken((c) => {
        c.services!['api-1']!.depends_on = eventStoreNodes(compose).map(([n]) => n);
        delete c.services![node]!.healthcheck;
      });
      const problems = composeChecks.apiReplicasWaitForHealthyNodes(c);
      expect(problems).toContain(`${node} has no health check`);
      expect(problems.filter((p) => p.startsWith('api-1 does not wait for'))).toHaveLength(3);
    });

    it('two replicas sharing one data volume', () => {
      const c = broken((c) => (c.services!['api-2']!.volumes = [volumeAt(c.services!['api-1']!, '/app/data') + ':/app/data']));
      expect(composeChecks.apiReplicasHaveTheirOwnDataVolume(c)).toEqual([
        `api-2 shares its data volume ${volumeAt(compose.services!['api-1']!, '/app/data')} with api-1`,
      ]);
    });

    it('a build that names a Dockerfile that does not exist', () => {
      const c = broken((c) => (c.services!['api-1']!.build = { context: '..', dockerfile: 'deploy/Dockerfile.missing' }));
      expect(composeChecks.buildsUseExistingDockerfiles(c, composeDir)).toEqual([
        `api-1 builds from ${resolve(composeDir, '..', 'deploy/Dockerfile.missing')}, which does not exist`,
      ]);
    });

    it('an image with a registry host', () => {
      const c = broken((c) => (c.services![firstNode()]!.image = 'host.invalid:5000/kurrentplatforms/kurrentdb:25.0'));
      expect(composeChecks.imagesUseShortNames(c)).toHaveLength(1);
    });
  });
});

describe('deploy/Dockerfile', () => {
  it('is a multi-stage build on node:20-bookworm-slim', () => {
    expect(dockerfileChecks.isMultiStageOnNode20Slim(dockerfileText)).toEqual([]);
  });

  it('installs the build tools for better-sqlite3, builds the API and prunes dev dependencies', () => {
    expect(dockerfileChecks.buildsBetterSqlite3AndTheApi(dockerfileText)).toEqual([]);
  });

  it('runs as node with a data volume, port 3000, a node-based health check and the API bundle', () => {
    expect(dockerfileChecks.runtimeIsNonRootWithHealthCheck(dockerfileText)).toEqual([]);
  });

  describe('the checks catch a broken file', () => {
    it('a single stage on another base', () => {
      const text = dockerfileText.replace(/^FROM [^\n]*AS runtime$/m, '').replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:20');
      expect(dockerfileChecks.isMultiStageOnNode20Slim(text)).toEqual([
        'not a multi-stage build',
        'base images node:20 are not node:20-bookworm-slim',
      ]);
    });

    it('no compiler for the native module, no prune', () => {
      const text = dockerfileText.replace(/ g\+\+/g, '').replace(/npm prune --omit=dev/g, 'true');
      expect(dockerfileChecks.buildsBetterSqlite3AndTheApi(text)).toEqual([
        'the build stage does not install g++',
        'the build does not run npm prune --omit=dev',
      ]);
    });

    it('running as root without a health check', () => {
      const text = dockerfileText.replace(/^USER node$/m, 'USER root').replace(/^HEALTHCHECK[\s\S]*?\n\n/m, '');
      expect(dockerfileChecks.runtimeIsNonRootWithHealthCheck(text)).toEqual([
        'the runtime stage does not run as node',
        'no node-based HEALTHCHECK on /health',
      ]);
    });
  });
});

describe('deploy/k8s/base', () => {
  it('parses every manifest (multi-document YAML)', () => {
    expect(manifestFiles.length).toBeGreaterThan(0);
    expect(ofKind(manifests, 'Deployment').length + ofKind(manifests, 'Service').length).toBeGreaterThanOrEqual(2);
    const twoInOne = parseManifests([{ name: 'x.yaml', text: 'kind: ConfigMap\n---\nkind: Service\n---\n' }]);
    expect(twoInOne.map((o) => o.kind)).toEqual(['ConfigMap', 'Service']);
    expect(() => parseManifests([{ name: 'bad.yaml', text: 'kind: [unclosed' }])).toThrow(/bad\.yaml/);
  });

  it('runs one Deployment with two replicas', () => {
    expect(k8sChecks.oneDeploymentWithTwoReplicas(manifests)).toEqual([]);
  });

  it('probes liveness on /health and readiness on /health/ready, on a declared port', () => {
    expect(k8sChecks.probesTargetHealthEndpoints(manifests)).toEqual([]);
  });

  it("selects the Deployment's pods with its Service (and its own selector)", () => {
    expect(k8sChecks.selectorsMatchPodLabels(manifests)).toEqual([]);
  });

  it('reads its environment from a ConfigMap that is defined', () => {
    expect(k8sChecks.configMapsExist(manifests)).toEqual([]);
  });

  it('runs non-root on a read-only root file system, with an emptyDir data dir and resources', () => {
    expect(k8sChecks.podsAreLockedDown(manifests)).toEqual([]);
  });

  describe('the checks catch broken manifests', () => {
    const broken = (edit: (d: Deployment, s: Service, all: K8sObject[]) => void): K8sObject[] => {
      const all = copy(manifests);
      edit(ofKind<Deployment>(all, 'Deployment')[0]!, ofKind<Service>(all, 'Service')[0]!, all);
      return all;
    };
    const container = (d: Deployment) => d.spec!.template!.spec!.containers![0]!;

    it('a third replica', () => {
      expect(k8sChecks.oneDeploymentWithTwoReplicas(broken((d) => (d.spec!.replicas = 3)))).toEqual([
        'the Deployment runs 3 replicas, not 2',
      ]);
    });

    it('probes swapped, or on an undeclared port', () => {
      const swapped = broken((d) => {
        const c = container(d);
        [c.livenessProbe, c.readinessProbe] = [c.readinessProbe, c.livenessProbe];
      });
      expect(k8sChecks.probesTargetHealthEndpoints(swapped)).toEqual([
        'api: livenessProbe does not GET /health',
        'api: readinessProbe does not GET /health/ready',
      ]);
      const wrongPort = broken((d) => (container(d).readinessProbe!.httpGet!.port = 'metrics'));
      expect(k8sChecks.probesTargetHealthEndpoints(wrongPort)).toEqual(['api: readinessProbe port metrics is not a container port']);
    });

    it('a Service selector that matches no pods', () => {
      const all = broken((_d, s) => (s.spec!.selector = { ...s.spec!.selector, 'app.kubernetes.io/component': 'worker' }));
      expect(k8sChecks.selectorsMatchPodLabels(all)).toEqual(['Service kom-api: selector matches no Deployment\'s pod labels']);
    });

    it('pod labels that drift from the selectors', () => {
      const all = broken((d) => (d.spec!.template!.metadata!.labels = { 'app.kubernetes.io/name': 'something-else' }));
      expect(k8sChecks.selectorsMatchPodLabels(all)).toEqual([
        'Deployment kom-api: selector does not match its pod labels',
        "Service kom-api: selector matches no Deployment's pod labels",
      ]);
    });

    it('a Service pointing at a port the container does not declare', () => {
      const all = broken((_d, s) => (s.spec!.ports![0]!.targetPort = 8080));
      expect(k8sChecks.selectorsMatchPodLabels(all)).toEqual(['Service kom-api: targetPort 8080 is not a container port']);
    });

    it('an envFrom ConfigMap that is not defined', () => {
      const all = broken((d) => (container(d).envFrom = [{ configMapRef: { name: 'missing-config' } }]));
      expect(k8sChecks.configMapsExist(all)).toEqual(['api: envFrom names undefined ConfigMap missing-config']);
    });

    it('a writable root file system, root allowed, and a data dir that is not an emptyDir', () => {
      const all = broken((d) => {
        const c = container(d);
        c.securityContext = { ...c.securityContext, readOnlyRootFilesystem: false };
        delete d.spec!.template!.spec!.securityContext!.runAsNonRoot;
        d.spec!.template!.spec!.volumes = d.spec!.template!.spec!.volumes!.map((v) =>
          v.name === 'data' ? { name: 'data', hostPath: { path: '/srv/kom' } } : v,
        );
      });
      expect(k8sChecks.podsAreLockedDown(all)).toEqual([
        'api: may run as root',
        'api: root file system is writable',
        'api: the data dir /app/data is not an emptyDir',
      ]);
    });
  });
});
