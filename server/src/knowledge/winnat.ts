/**
 * Facts about WinNAT, the NAT behind Windows `nat` networks, that rules compare values with. The `nat` entries of
 * drivers.ts and hns-network-types.ts say the same in words (a test keeps them in step).
 */
import type { SourceRef } from './sources';

/**
 * Where HNS puts the host's default `nat` network when it creates it: a /20 inside 172.16.0.0/12 that differs per
 * host, not the 172.16.0.0/16 Microsoft's pages once showed.
 */
export const NAT_DEFAULT_POOL = '172.16.0.0/12';

/**
 * WinNAT loopback: whether the host reaches a container's published port at `localhost`/`127.0.0.1`. Windows
 * Server 2016 and 1709 have none (a published port answers at the host's other addresses, or at the container's
 * own address from the host). Microsoft's networking team shipped it in 1803 (build 17134) with a bug that broke
 * it on hosts with an adapter holding a 169.254.x.y address, fixed for Windows 10 1803 by KB4340917 (July 2018);
 * from Windows Server 2019 / Windows 10 1809 (build 17763) it works.
 */
export const NAT_LOOPBACK = {
  /** Builds before this one have no loopback to published ports. */
  fromBuild: 17134,
  /** From this build it works without the 1803 caveat. */
  reliableFromBuild: 17763,
  sources: [
    'MSD-WINNAT',
    'https://github.com/docker/for-win/issues/458',
    'https://github.com/docker/for-win/issues/204',
    'https://github.com/MicrosoftDocs/Virtualization-Documentation/issues/181',
    'https://github.com/docker/docs/issues/8353',
  ] satisfies SourceRef[] as SourceRef[],
};
