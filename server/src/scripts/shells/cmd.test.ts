/**
 * cmd.exe's reading of a batch line (`help`, the cmd parsing phases) and docker.exe's splitting of the command line it
 * gets (the Microsoft C runtime rules, as Go applies them).
 */
import { commandLines } from './cmd';
import { runTable, type TokenCase } from './invariants.test';

const continued = 'docker network create ^\r\n  -d transparent ^\r\n  mynet';
const joined = 'docker network cre^\nate x';
const shim = 'docker network create -o com.docker.network.windowsshim.interface="Ethernet 2" n';

const cases: TokenCase[] = [
  { name: 'a plain command', text: 'docker network ls', commands: [['docker', 'network', 'ls']] },
  {
    name: 'caret continuation with CRLF',
    text: continued,
    commands: [['docker', 'network', 'create', '-d', 'transparent', 'mynet']],
    offsets: [
      ['-d', 0, continued.indexOf('-d')],
      ['mynet', 0, continued.indexOf('mynet')],
    ],
  },
  {
    name: 'a continuation inside a word joins it; offsets jump over the line break',
    text: joined,
    commands: [['docker', 'network', 'create', 'x']],
    raw: [['create', 'cre^\nate']],
    offsets: [
      ['create', 2, 17],
      ['create', 3, 20],
      ['create', 6, 23],
    ],
  },
  {
    name: 'double quotes group and are removed',
    text: shim,
    commands: [['docker', 'network', 'create', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', 'n']],
    raw: [['com.docker.network.windowsshim.interface=Ethernet 2', 'com.docker.network.windowsshim.interface="Ethernet 2"']],
  },
  { name: 'a caret escapes an operator', text: 'echo a^&b ^| c^^d', commands: [['echo', 'a&b', '|', 'c^d']] },
  { name: 'operators inside quotes are text, carets too', text: 'echo "a & b ^ c" d', commands: [['echo', 'a & b ^ c', 'd']] },
  {
    name: '&, &&, || and | separate commands',
    text: 'docker ps & docker info && docker version || echo x | more',
    commands: [['docker', 'ps'], ['docker', 'info'], ['docker', 'version'], ['echo', 'x'], ['more']],
  },
  {
    name: 'REM in any case, and :: comments',
    text: 'REM docker network rm x\r\nrem\r\nRem. not a comment\r\n:: docker x\r\n:label\r\ndocker ps\r\nremove-x y',
    commands: [
      ['Rem.', 'not', 'a', 'comment'],
      ['docker', 'ps'],
      ['remove-x', 'y'],
    ],
  },
  {
    name: '@ at the start of a command is dropped',
    text: '@echo off\r\n@docker ps',
    commands: [
      ['echo', 'off'],
      ['docker', 'ps'],
    ],
  },
  {
    name: 'variables and arguments are non-literal',
    text: 'docker run -e X=%VALUE% --name !NAME! %1 %~dp0\\run.cmd %* img',
    commands: [['docker', 'run', '-e', 'X=%VALUE%', '--name', '!NAME!', '%1', '%~dp0\\run.cmd', '%*', 'img']],
    nonLiteral: ['X=%VALUE%', '!NAME!', '%1', '%~dp0\\run.cmd', '%*'],
  },
  { name: '%% is a percent sign; %%i a for variable', text: 'echo 100%% %%i', commands: [['echo', '100%', '%%i']], nonLiteral: ['%%i'] },
  {
    name: 'a variable with parentheses is one part',
    text: 'echo "%ProgramFiles(x86)%\\Docker" x',
    commands: [['echo', '%ProgramFiles(x86)%\\Docker', 'x']],
    nonLiteral: ['%ProgramFiles(x86)%\\Docker'],
  },
  { name: 'a lone % or ! is literal', text: 'echo 50% done! ok', commands: [['echo', '50%', 'done!', 'ok']] },
  {
    name: 'Azure Pipelines macros are non-literal',
    text: 'docker run $(imageName) ${{ parameters.tag }}',
    commands: [['docker', 'run', '$(imageName)', '${{ parameters.tag }}']],
    nonLiteral: ['$(imageName)', '${{ parameters.tag }}'],
  },
  {
    name: 'if blocks: the commands inside, not the condition',
    text: 'if exist x (\r\n  docker network create x\r\n) else (\r\n  docker network rm x\r\n)\r\nif not "%A%"=="" docker ps\r\nif /i %B% EQU y docker info',
    commands: [
      ['docker', 'network', 'create', 'x'],
      ['docker', 'network', 'rm', 'x'],
      ['docker', 'ps'],
      ['docker', 'info'],
    ],
  },
  { name: 'if errorlevel', text: 'if errorlevel 1 docker logs x', commands: [['docker', 'logs', 'x']] },
  {
    name: 'for: the command after do',
    text: 'for %%n in (a b c) do docker network rm %%n\r\nfor /f "tokens=*" %%i in (\'docker ps -q\') do (docker rm %%i)',
    commands: [
      ['docker', 'network', 'rm', '%%n'],
      ['docker', 'rm', '%%i'],
    ],
    nonLiteral: ['%%n', '%%i'],
  },
  { name: 'a parenthesis inside a word is text outside a block', text: 'echo a(b) c', commands: [['echo', 'a(b)', 'c']] },
  {
    name: 'redirections are not arguments',
    text: 'docker ps > out.txt 2>&1\r\ndocker info 2>nul -f x\r\ndocker version >>"my log.txt"',
    commands: [
      ['docker', 'ps'],
      ['docker', 'info', '-f', 'x'],
      ['docker', 'version'],
    ],
  },
  { name: 'a digit that is a word before > is no handle', text: 'echo a2>x b', commands: [['echo', 'a2', 'b']] },
  {
    name: 'backslashes before a quote (docker.exe argument splitting)',
    text: 'docker run -e "A=\\"x\\"" -v C:\\data\\:C:\\d "C:\\a b\\\\" img',
    commands: [['docker', 'run', '-e', 'A="x"', '-v', 'C:\\data\\:C:\\d', 'C:\\a b\\', 'img']],
  },
  { name: '"" inside quotes is a quote, and ends the quoting (the rule Go keeps)', text: 'echo "a""b c', commands: [['echo', 'a"b', 'c']] },
  { name: '"" alone is an empty argument', text: 'echo "" x', commands: [['echo', '', 'x']], raw: [['', '""']] },
  {
    name: 'a line break ends an unclosed quote',
    text: 'echo "abc\r\ndocker ps',
    commands: [
      ['echo', 'abc'],
      ['docker', 'ps'],
    ],
  },
  {
    name: 'a BOM at the start',
    text: '\uFEFF@echo off\r\ndocker ps',
    commands: [
      ['echo', 'off'],
      ['docker', 'ps'],
    ],
  },
  { name: 'a caret at the very end', text: 'docker ps^', commands: [['docker', 'ps']] },
  { name: 'empty text', text: '', commands: [] },
];

runTable('cmd command lines', commandLines, cases);
