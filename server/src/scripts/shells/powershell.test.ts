/**
 * PowerShell's argument-mode grammar, as the words a native command receives (about_Parsing, about_Quoting_Rules,
 * about_Special_Characters).
 */
import { commandLines } from './powershell';
import { runTable, type TokenCase } from './invariants.test';

const shim = 'docker network create -d transparent -o com.docker.network.windowsshim.interface="Ethernet 2" mynet';
const continued = 'docker run `\n  --ip6 fd00::2 `  \r\n  --network v6 img';
const quoted = `docker run -e "A=\`$B" img`;
const hereString = 'docker run -e @"\r\nx=$y\r\n"@ img';
const region = 'before\ndocker ps\nafter';

const cases: TokenCase[] = [
  { name: 'a plain command', text: 'docker network ls', commands: [['docker', 'network', 'ls']] },
  {
    name: 'a quoted part inside a bare word joins it, quotes removed',
    text: shim,
    commands: [['docker', 'network', 'create', '-d', 'transparent', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', 'mynet']],
    raw: [['com.docker.network.windowsshim.interface=Ethernet 2', 'com.docker.network.windowsshim.interface="Ethernet 2"']],
    offsets: [
      ['com.docker.network.windowsshim.interface=Ethernet 2', 41, shim.indexOf('Ethernet')],
      ['com.docker.network.windowsshim.interface=Ethernet 2', 51, shim.indexOf('" mynet')],
    ],
  },
  {
    name: 'backtick continuation, with blanks after the backtick and CRLF',
    text: continued,
    commands: [['docker', 'run', '--ip6', 'fd00::2', '--network', 'v6', 'img']],
    offsets: [
      ['fd00::2', 0, continued.indexOf('fd00')],
      ['--network', 0, continued.indexOf('--network')],
    ],
  },
  {
    name: 'a line break ends the command; a semicolon too',
    text: 'docker ps\ndocker images; docker info',
    commands: [
      ['docker', 'ps'],
      ['docker', 'images'],
      ['docker', 'info'],
    ],
  },
  {
    name: 'CRLF line endings',
    text: 'docker ps -a\r\ndocker network ls\r\n',
    commands: [
      ['docker', 'ps', '-a'],
      ['docker', 'network', 'ls'],
    ],
  },
  {
    name: 'a lone CR is a line break too',
    text: 'docker ps\rdocker info',
    commands: [
      ['docker', 'ps'],
      ['docker', 'info'],
    ],
  },
  { name: 'a BOM at the start', text: '\uFEFFdocker ps', commands: [['docker', 'ps']], raw: [['docker', 'docker']] },
  {
    name: '# comments to the end of the line, only at a word start',
    text: 'docker run a#b # the rest\n# whole line\ndocker ps',
    commands: [
      ['docker', 'run', 'a#b'],
      ['docker', 'ps'],
    ],
  },
  { name: '<# block comments #> over lines', text: '<# docker network rm x\n   more #> docker ps <# inline #> -a', commands: [['docker', 'ps', '-a']] },
  { name: "single quotes are literal, '' is a quote", text: "docker run -l 'it''s $x `n' img", commands: [['docker', 'run', '-l', "it's $x `n", 'img']] },
  {
    name: 'double quotes: backtick escapes and ""',
    text: 'echo "a`tb`nc`"d``e" "say ""hi"""',
    commands: [['echo', 'a\tb\nc"d`e', 'say "hi"']],
  },
  {
    name: 'an escaped dollar is literal; its offset is the backtick',
    text: quoted,
    commands: [['docker', 'run', '-e', 'A=$B', 'img']],
    raw: [['A=$B', '"A=`$B"']],
    offsets: [
      ['A=$B', 2, quoted.indexOf('`$')],
      ['A=$B', 3, quoted.indexOf('B"')],
      ['A=$B', 4, quoted.indexOf('" img')],
    ],
  },
  { name: 'backtick escapes in a bare word', text: 'docker run a` b c`$d', commands: [['docker', 'run', 'a b', 'c$d']] },
  {
    name: 'variables make a word non-literal',
    text: 'docker run $image --ip ${ip address} -e X=$env:HOME "--name=$name" $script:x',
    commands: [['docker', 'run', '$image', '--ip', '${ip address}', '-e', 'X=$env:HOME', '--name=$name', '$script:x']],
    nonLiteral: ['$image', '${ip address}', 'X=$env:HOME', '--name=$name', '$script:x'],
  },
  {
    name: 'subexpressions, array subexpressions, parenthesised expressions and splatting',
    text: 'docker run --ip=$(Get-Ip "a)b") @(1,2) (Get-Name) @params img',
    commands: [['docker', 'run', '--ip=$(Get-Ip "a)b")', '@(1,2)', '(Get-Name)', '@params', 'img']],
    nonLiteral: ['--ip=$(Get-Ip "a)b")', '@(1,2)', '(Get-Name)', '@params'],
  },
  { name: 'a literal dollar', text: 'echo $ 5$', commands: [['echo', '$', '5$']] },
  {
    name: 'expandable here-string: one word, non-literal when it expands',
    text: hereString,
    commands: [['docker', 'run', '-e', 'x=$y', 'img']],
    nonLiteral: ['x=$y'],
    raw: [['x=$y', '@"\r\nx=$y\r\n"@']],
    offsets: [['x=$y', 0, hereString.indexOf('x=')]],
  },
  {
    name: 'literal here-string keeps $ and backticks',
    text: "docker run -e @'\nA=$b `n\nsecond\n'@ img\ndocker ps",
    commands: [
      ['docker', 'run', '-e', 'A=$b `n\nsecond', 'img'],
      ['docker', 'ps'],
    ],
  },
  { name: 'a here-string footer must start the line', text: "echo @'\n '@\n'@", commands: [['echo', " '@"]] },
  {
    name: 'the call operator is dropped',
    text: '& docker ps; & "C:\\Program Files\\Docker\\docker.exe" info',
    commands: [
      ['docker', 'ps'],
      ['C:\\Program Files\\Docker\\docker.exe', 'info'],
    ],
  },
  {
    name: 'pipes, && and || separate commands',
    text: 'docker ps -q | ForEach-Object x && docker info || exit 1',
    commands: [
      ['docker', 'ps', '-q'],
      ['ForEach-Object', 'x'],
      ['docker', 'info'],
      ['exit', '1'],
    ],
  },
  {
    name: 'a lone & after a command runs it in the background',
    text: 'docker run img & docker ps',
    commands: [
      ['docker', 'run', 'img'],
      ['docker', 'ps'],
    ],
  },
  {
    name: '--% passes the rest of the line as it is, split by the program',
    text: 'docker run --% -e "A=B C" %TEMP%\\x a\\"b | more',
    commands: [['docker', 'run', '-e', 'A=B C', '%TEMP%\\x', 'a"b'], ['more']],
    nonLiteral: ['%TEMP%\\x'],
    raw: [['A=B C', '"A=B C"']],
  },
  {
    name: 'redirections are not arguments',
    text: 'docker ps 2>&1 > out.txt; docker info *> $null; docker version 2>>err.log -f x',
    commands: [
      ['docker', 'ps'],
      ['docker', 'info'],
      ['docker', 'version', '-f', 'x'],
    ],
  },
  {
    name: 'an assignment from a command is that command',
    text: '$id = docker run -d img\n[string]$n = docker network ls -q',
    commands: [
      ['docker', 'run', '-d', 'img'],
      ['docker', 'network', 'ls', '-q'],
    ],
  },
  {
    name: 'script blocks and statement blocks hold commands of their own',
    text: 'if ($net) { docker network rm $net } else { docker network create x }\n$ids | ForEach-Object { docker rm $_ }',
    commands: [
      ['if', '($net)'],
      ['docker', 'network', 'rm', '$net'],
      ['else'],
      ['docker', 'network', 'create', 'x'],
      ['$ids'],
      ['ForEach-Object'],
      ['docker', 'rm', '$_'],
    ],
    nonLiteral: ['($net)', '$net', '$ids', '$_'],
  },
  {
    name: 'a {{...}} Go template is one (non-literal) argument',
    text: 'docker ps --format {{.Names}} -a',
    commands: [['docker', 'ps', '--format', '{{.Names}}', '-a']],
    nonLiteral: ['{{.Names}}'],
  },
  { name: 'a quoted Go template is literal', text: "docker ps --format '{{.Names}}'", commands: [['docker', 'ps', '--format', '{{.Names}}']] },
  { name: 'a comma stays in the argument', text: 'docker run --dns 1.1.1.1,8.8.8.8 img', commands: [['docker', 'run', '--dns', '1.1.1.1,8.8.8.8', 'img']] },
  {
    name: 'typographic quotes are quotes',
    text: 'docker run -l \u201ca b\u201d \u2018c d\u2019 img',
    commands: [['docker', 'run', '-l', 'a b', 'c d', 'img']],
  },
  {
    name: 'template expressions of CI files are non-literal',
    text: 'docker run ${{ matrix.image }} x',
    commands: [['docker', 'run', '${{ matrix.image }}', 'x']],
    nonLiteral: ['${{ matrix.image }}'],
  },
  { name: 'an unterminated string runs to the end', text: 'docker run "abc\ndocker ps', commands: [['docker', 'run', 'abc\ndocker ps']] },
  { name: 'an unterminated here-string runs to the end', text: 'echo @"\nabc', commands: [['echo', 'abc']] },
  { name: 'an unterminated subexpression runs to the end', text: 'echo $(docker ps', commands: [['echo', '$(docker ps']], nonLiteral: ['$(docker ps'] },
  { name: 'empty and blank text', text: ' \t\n\r\n', commands: [] },
  {
    name: 'a region read in place',
    text: region,
    from: region.indexOf('docker'),
    to: region.indexOf('\nafter'),
    commands: [['docker', 'ps']],
    raw: [['ps', 'ps']],
  },
  {
    name: 'skipped spans are absent (a prompt before the command)',
    text: 'PS C:\\> docker ps',
    skip: [{ start: 0, end: 8 }],
    commands: [['docker', 'ps']],
    offsets: [['docker', 0, 8]],
  },
  {
    name: 'a skipped span inside a word joins its parts, offsets still in the file',
    text: 'doc|XX|ker ps',
    skip: [{ start: 3, end: 7 }],
    commands: [['docker', 'ps']],
    raw: [['docker', 'doc|XX|ker']],
    offsets: [
      ['docker', 2, 2],
      ['docker', 3, 7],
      ['docker', 6, 10],
    ],
  },
];

runTable('PowerShell command lines', commandLines, cases);
