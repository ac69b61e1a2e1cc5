/** `service-name-resolution`: Service reached by name on a network without Docker DNS. Its cases and near misses. */
import { describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const IMG = 'mcr.microsoft.com/windows/servercore:ltsc2022';

const cases: RuleCase[] = [
  {
    name: 'a URL naming another service, both only on a transparent network: a warning on the host name (MSD-DRV table, windows.go EnableInternalDNS)',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          networks: [lan]
          environment:
            API_URL: http://api:8080/v1
        api:
          image: ${IMG}
          networks: [lan]
      networks:
        lan:
          driver: transparent
    `,
    expect: [
      {
        rule: 'service-name-resolution',
        severity: 'warning',
        range: '5:22-5:25',
        message: [
          '`web` reaches service `api` by the name `api`',
          'in `API_URL`',
          'the network `lan` (transparent)',
          "Docker's DNS does not resolve service names",
          'transparent: Docker points endpoints',
          'own DNS server',
          'a `nat` network',
          'ipv4_address',
        ],
      },
    ],
  },
  {
    name: 'the forms a name is found in (connection strings, host:port, a bare name under a host-like key, the list form, user@ and host lists in URLs, links): one finding per service reached, the other places related',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          links:
            - "db:database"
          environment:
            - ConnectionStrings__Default=Server=tcp:db,1433;Database=app;User Id=sa
            - REDIS=cache:6379
            - SQL_SERVER=db
            - MONGO=mongodb://user:pw@cache:27017,db:27017/app
            - PG=Host=db;Port=5432
            - DATA=Data Source=db\\SQLEXPRESS;Initial Catalog=x
        db:
          image: ${IMG}
        cache:
          image: ${IMG}
      networks:
        default:
          driver: transparent
    `,
    expect: [
      {
        rule: 'service-name-resolution',
        severity: 'warning',
        range: '4:9-4:11',
        message: ['by the name `db` (in `links`, `ConnectionStrings__Default`, `SQL_SERVER` and 3 more)'],
        related: ['6:46-6:48', '8:19-8:21', '9:44-9:46', '10:16-10:18', '11:25-11:27'],
      },
      {
        rule: 'service-name-resolution',
        severity: 'warning',
        range: '7:14-7:19',
        message: ['service `cache`', '(in `REDIS`, `MONGO`)'],
        related: ['9:32-9:37'],
      },
    ],
  },
  {
    name: 'the mapping form with quotes; a `container_name` and a network alias are names Docker DNS would answer too',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          networks: [lan]
          environment:
            SEARCH: "http://search:9200"
            DB_HOST: 'sqlbox'
        es:
          image: ${IMG}
          networks:
            lan:
              aliases: [search]
        sql:
          image: ${IMG}
          container_name: sqlbox
          networks: [lan]
      networks:
        lan:
          driver: transparent
    `,
    expect: [
      { rule: 'service-name-resolution', severity: 'warning', range: '5:22-5:28', message: ['service `es` by the name `search`'] },
      { rule: 'service-name-resolution', severity: 'warning', range: '6:16-6:22', message: ['service `sql` by the name `sqlbox`'] },
    ],
  },
  {
    name: 'l2bridge: service discovery only through kube-dns, so a warning that says so; l2tunnel too; nat with disable_gatewaydns',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          networks: [k8s]
          environment:
            API: http://api
        api:
          image: ${IMG}
          networks: [k8s, az, quiet]
          environment:
            WEB: http://web
            OTHER: http://other
        other:
          image: ${IMG}
          networks: [az, quiet]
          environment:
            API: http://api
      networks:
        k8s:
          driver: l2bridge
        az:
          driver: l2tunnel
        quiet:
          driver: nat
          driver_opts:
            com.docker.network.windowsshim.disable_gatewaydns: "true"
    `,
    expect: [
      { rule: 'service-name-resolution', severity: 'warning', range: '5:18-5:21', message: ['`k8s` (l2bridge)', 'kube-dns'] },
      { rule: 'service-name-resolution', severity: 'warning', range: '10:18-10:21' },
      {
        rule: 'service-name-resolution',
        severity: 'warning',
        range: '11:20-11:25',
        message: ['the networks `az` (l2tunnel), `quiet` (nat)', '`disable_gatewaydns`'],
      },
      { rule: 'service-name-resolution', severity: 'warning', range: '16:18-16:21' },
    ],
  },
  {
    name: '`depends_on` alone is information (start order needs no DNS); with a reference too, only the reference is reported',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          depends_on: [api, db]
          environment:
            DB: http://db
        api:
          image: ${IMG}
          depends_on:
            db:
              condition: service_started
        db:
          image: ${IMG}
      networks:
        default:
          driver: transparent
    `,
    expect: [
      {
        rule: 'service-name-resolution',
        severity: 'information',
        range: '3:17-3:20',
        message: ['`web` depends on `api`', 'start order works', 'the lookup fails'],
      },
      { rule: 'service-name-resolution', severity: 'warning', range: '5:17-5:19' },
      { rule: 'service-name-resolution', severity: 'information', range: '9:6-9:8', message: ['`api` depends on `db`'] },
    ],
  },
  {
    name: 'the existing network `transparent` (the Dynamics NAV pattern) is judged by its name: information; a name that is also the target host name: information',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        sql:
          image: ${IMG}
          hostname: demo_sql
          networks:
            default:
              aliases: [demo_sql]
        nav:
          image: ${IMG}
          environment:
            sql_server: demo_sql
        web:
          image: ${IMG}
          networks: [lan]
          environment:
            DB: http://db
        db:
          image: ${IMG}
          hostname: db
          networks: [lan]
      networks:
        default:
          external:
            name: transparent
        lan:
          driver: transparent
    `,
    expect: [
      {
        rule: 'service-name-resolution',
        severity: 'information',
        range: '10:18-10:26',
        message: ['`default` (the existing network `transparent`, taken as transparent from its name)', "also `sql`'s host name"],
      },
      { rule: 'service-name-resolution', severity: 'information', range: '15:17-15:19', message: ["`db` is also `db`'s host name"] },
    ],
  },
  {
    name: '`domainname`: information on its value (Docker DNS never answers `<service>.<domainname>`)',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        s1:
          image: ${IMG}
          domainname: test.local
    `,
    expect: [
      {
        rule: 'service-name-resolution',
        severity: 'information',
        range: '3:16-3:26',
        message: ['own host name', 'not `s1.test.local`', 'network `aliases`'],
      },
    ],
  },
  {
    name: 'a value with escapes is reported on the whole value (its offsets are not the text)',
    rule: 'service-name-resolution',
    yaml: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    environment:\n      DB: "Server=db;Password=a\\"b"\n  db:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\nnetworks:\n  default:\n    driver: transparent\n',
    expect: [{ rule: 'service-name-resolution', severity: 'warning', range: '4:10-4:35' }],
  },
  {
    name: 'near misses: a shared nat network beside the transparent one; the implicit default (nat); overlay; no shared network',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          networks: [lan, app]
          environment:
            API: http://api:8080
            DB: http://db
            ETL: http://etl
        api:
          image: ${IMG}
          networks: [lan, app]
        db:
          image: ${IMG}
          networks: [mesh, lan2]
        etl:
          image: ${IMG}
          networks: [lan2]
        plain:
          image: ${IMG}
          environment:
            API: http://other
        other:
          image: ${IMG}
      networks:
        lan:
          driver: transparent
        lan2:
          driver: transparent
        app:
          driver: nat
        mesh:
          driver: overlay
    `,
    expect: [],
  },
  {
    name: 'near misses: variables, self references, names that are not services, bare names under other keys, an unknown existing network, network_mode',
    rule: 'service-name-resolution',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          environment:
            API: http://\${API_HOST}:8080
            SELF: http://web:80
            EXT: https://example.com/api
            ROLE: api
            MODE: ${'${MODE:-api}'}
            URLS: http://+:80
        api:
          image: ${IMG}
          networks: [ext]
          environment:
            WEB_HOST: web
        side:
          image: ${IMG}
          network_mode: service:web
          environment:
            API_HOST: api
      networks:
        default:
          driver: transparent
        ext:
          external: true
          name: corp
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('service-name-resolution', cases, fixes);
