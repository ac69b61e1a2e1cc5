/**
 * The POSIX Shell Command Language's quoting and token recognition (XCU §2.2, §2.3), here-documents (§2.7.4),
 * simple commands (§2.9.1) and bash's `$'...'`.
 */
import { commandLines } from './posix';
import { runTable, type TokenCase } from './invariants.test';

const continued = 'docker network create \\\n  -d bridge \\\r\n  --ipv6 net';
const joined = 'docker net\\\nwork ls';
const escaped = `docker run -e "A=\\"x\\"" img`;

const cases: TokenCase[] = [
  { name: 'a plain command', text: 'docker network ls', commands: [['docker', 'network', 'ls']] },
  {
    name: 'backslash continuation (LF and CRLF)',
    text: continued,
    commands: [['docker', 'network', 'create', '-d', 'bridge', '--ipv6', 'net']],
    offsets: [['--ipv6', 0, continued.indexOf('--ipv6')]],
  },
  {
    name: 'a continuation inside a word joins it',
    text: joined,
    commands: [['docker', 'network', 'ls']],
    raw: [['network', 'net\\\nwork']],
    offsets: [
      ['network', 2, 9],
      ['network', 3, 12],
      ['network', 7, 16],
    ],
  },
  { name: 'single quotes keep everything', text: "echo 'a \\ $x \"b' c", commands: [['echo', 'a \\ $x "b', 'c']] },
  {
    name: 'double quotes: \\" \\\\ \\$ \\` are escapes, other backslashes stay',
    text: 'echo "a\\"b\\\\c\\$d\\`e\\nf"',
    commands: [['echo', 'a"b\\c$d`e\\nf']],
  },
  {
    name: 'an escaped quote maps to its backslash',
    text: escaped,
    commands: [['docker', 'run', '-e', 'A="x"', 'img']],
    raw: [['A="x"', '"A=\\"x\\""']],
    offsets: [
      ['A="x"', 2, escaped.indexOf('\\"x')],
      ['A="x"', 3, escaped.indexOf('x\\"')],
    ],
  },
  { name: 'backslash escapes outside quotes', text: 'echo a\\ b \\$c \\#d', commands: [['echo', 'a b', '$c', '#d']] },
  { name: 'ANSI-C quoting decodes escapes', text: "echo $'a\\tb\\nc\\\\d\\'e' $'\\x41\\101'", commands: [['echo', "a\tb\nc\\d'e", 'AA']] },
  {
    name: 'expansions make a word non-literal',
    text: 'docker run -e "IP=$IP" --name ${NAME:-x} $(hostname) `id -u` $1 "$@" $((1+2)) img',
    commands: [['docker', 'run', '-e', 'IP=$IP', '--name', '${NAME:-x}', '$(hostname)', '`id -u`', '$1', '$@', '$((1+2))', 'img']],
    nonLiteral: ['IP=$IP', '${NAME:-x}', '$(hostname)', '`id -u`', '$1', '$@', '$((1+2))'],
  },
  {
    name: 'a subexpression holding a ) in quotes is one part',
    text: 'echo $(echo ")") x',
    commands: [['echo', '$(echo ")")', 'x']],
    nonLiteral: ['$(echo ")")'],
  },
  { name: 'a literal dollar', text: 'echo $ a$ "$"', commands: [['echo', '$', 'a$', '$']] },
  {
    name: 'globs and a leading tilde are non-literal',
    text: 'ls *.yml file? [ab]c ~/x a~b [x',
    commands: [['ls', '*.yml', 'file?', '[ab]c', '~/x', 'a~b', '[x']],
    nonLiteral: ['*.yml', 'file?', '[ab]c', '~/x'],
  },
  { name: 'quoted glob characters are literal', text: 'echo "*" \'?\' \\*', commands: [['echo', '*', '?', '*']] },
  {
    name: '# starts a comment only at a word start',
    text: 'docker run a#b # comment\n# whole line\ndocker ps',
    commands: [
      ['docker', 'run', 'a#b'],
      ['docker', 'ps'],
    ],
  },
  {
    name: 'separators: ; && || | & and parentheses',
    text: 'docker ps; docker info && docker version || echo no | cat & (docker images)',
    commands: [['docker', 'ps'], ['docker', 'info'], ['docker', 'version'], ['echo', 'no'], ['cat'], ['docker', 'images']],
  },
  {
    name: 'leading assignments are not words; later ones are',
    text: 'FOO=1 BAR="a b" docker run -e X=1 img\nA=(1 2) docker ps',
    commands: [
      ['docker', 'run', '-e', 'X=1', 'img'],
      ['docker', 'ps'],
    ],
  },
  {
    name: 'an assignment alone is no command',
    text: 'NET=mynet\ndocker network create "$NET"',
    commands: [['docker', 'network', 'create', '$NET']],
    nonLiteral: ['$NET'],
  },
  {
    name: 'prefix commands stay words',
    text: 'sudo docker ps; time docker info; env A=1 docker version; exec docker x',
    commands: [
      ['sudo', 'docker', 'ps'],
      ['time', 'docker', 'info'],
      ['env', 'A=1', 'docker', 'version'],
      ['exec', 'docker', 'x'],
    ],
  },
  {
    name: 'reserved words before a command are dropped',
    text: 'if docker network inspect x; then\n  docker network rm x\nfi\nwhile true; do docker ps; done\n! docker info',
    commands: [['docker', 'network', 'inspect', 'x'], ['docker', 'network', 'rm', 'x'], ['true'], ['docker', 'ps'], ['docker', 'info']],
  },
  {
    name: 'here-document bodies are data',
    text: 'cat <<EOF > x.txt\ndocker network rm a\nEOF\ndocker ps\ncat <<-\'END\'\n\tdocker no\n\tEND\ncat << "Q"; docker info\ndocker no\nQ\ndocker yes',
    commands: [['cat'], ['docker', 'ps'], ['cat'], ['cat'], ['docker', 'info'], ['docker', 'yes']],
  },
  { name: 'a here-document with CRLF lines', text: 'cat <<EOF\r\ndocker no\r\nEOF\r\ndocker yes\r\n', commands: [['cat'], ['docker', 'yes']] },
  { name: 'an unterminated here-document runs to the end', text: 'cat <<EOF\ndocker no', commands: [['cat']] },
  { name: 'a here-string is a redirection', text: 'cat <<< "docker no" -n', commands: [['cat', '-n']] },
  {
    name: 'redirections are not words',
    text: 'docker ps >out 2>&1 <in; docker info &>/dev/null -f x 2> err; docker version >>log',
    commands: [
      ['docker', 'ps'],
      ['docker', 'info', '-f', 'x'],
      ['docker', 'version'],
    ],
  },
  { name: 'digits not before < or > are a word', text: 'echo 12 3', commands: [['echo', '12', '3']] },
  {
    name: 'CRLF line endings',
    text: 'docker ps\r\ndocker info\r\n',
    commands: [
      ['docker', 'ps'],
      ['docker', 'info'],
    ],
  },
  { name: 'a BOM at the start', text: '\uFEFFdocker ps', commands: [['docker', 'ps']] },
  {
    name: 'template expressions of CI files are non-literal',
    text: 'docker run ${{ matrix.image }} "${{ env.X }}"',
    commands: [['docker', 'run', '${{ matrix.image }}', '${{ env.X }}']],
    nonLiteral: ['${{ matrix.image }}', '${{ env.X }}'],
  },
  { name: 'an unterminated quote runs to the end', text: "echo 'abc\ndocker ps", commands: [['echo', 'abc\ndocker ps']] },
  { name: 'a backslash at the very end', text: 'echo a\\', commands: [['echo', 'a\\']] },
  { name: 'empty text', text: '', commands: [] },
];

runTable('POSIX shell command lines', commandLines, cases);
