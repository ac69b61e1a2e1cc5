/**
 * The words of winnet's language status item for the active document, from the server's `winnet/documentStatus`
 * answer (server/src/service/document-status.ts): a short text (`winnet: Windows · ltsc2022`) and a detail that says
 * why, and which files were checked with it. Pure, so the wording is tested without VS Code.
 */
import type { DocumentStatus } from '../../server/src/service/document-status';

export interface StatusText {
  text: string;
  detail: string;
  /** Whether changing the target or Windows version means something for this document. */
  configurable: boolean;
}

const KIND_NAMES: Partial<Record<DocumentStatus['kind'], string>> = {
  'hns-v1': 'HNS v1',
  'hcn-v2': 'HCN v2',
  cni: 'Windows CNI',
};

/** `status` undefined: no answer yet (the server has not checked the document, or is not running). */
export function statusText(status: DocumentStatus | null | undefined, options: { serverRunning: boolean; fileName: (uri: string) => string }): StatusText {
  if (!status) {
    return options.serverRunning
      ? { text: 'winnet: checking…', detail: '', configurable: false }
      : { text: 'winnet: not checked', detail: 'Not a compose file, env file, HNS or HCN JSON, or Windows CNI config.', configurable: false };
  }
  const version = status.windowsVersion && status.release ? `${status.release}: ${sentence(status.versionReason)}` : '';
  const set = status.setFiles?.length ? `Checked with ${status.setFiles.map(options.fileName).join(', ')}.` : '';
  switch (status.kind) {
    case 'none':
      return { text: 'winnet: not checked', detail: 'Not a compose file, env file, HNS or HCN JSON, or Windows CNI config.', configurable: false };
    case 'dotenv':
      return { text: 'winnet: env file', detail: 'Compose variables, checked for the compose files that read them.', configurable: false };
    case 'compose':
    case 'script': {
      const what = status.kind === 'script' ? 'docker commands' : 'compose';
      if (!status.target) return { text: `winnet: ${what}`, detail: 'Not checked further until it parses.', configurable: false };
      if (status.target === 'linux')
        return {
          text: `winnet: ${what} · Linux`,
          detail: join([`Linux, so no Windows findings: ${sentence(status.targetReason)}`, set]),
          configurable: true,
        };
      return {
        text: `winnet: ${what} · Windows · ${status.windowsVersion ?? ''}`.replace(/ · $/, ''),
        detail: join([`Windows: ${sentence(status.targetReason)}`, version, set]),
        configurable: true,
      };
    }
    default: {
      const name = KIND_NAMES[status.kind] ?? status.kind;
      return { text: `winnet: ${name} · ${status.windowsVersion ?? ''}`.replace(/ · $/, ''), detail: version, configurable: true };
    }
  }
}

/**
 * A reason as the end of a sentence: the server's reasons start in lower case and have no full stop, and mark names
 * with Markdown backticks, which a language status item (plain text) would show as they are.
 */
function sentence(reason: string | undefined): string {
  if (!reason) return '';
  const plain = reason.replace(/`/g, '');
  return plain.endsWith('.') ? plain : `${plain}.`;
}

function join(parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}
