/**
 * Which images say what platform a container runs. A Windows image can only run as a Windows container, so it
 * is evidence that a compose file targets Windows; an image of a Linux distribution runs on Linux only (or
 * under LCOW), so it tells against a Windows target when nothing stronger says Windows.
 *
 * Windows images: the Windows base images on MCR (`mcr.microsoft.com/windows/*`, `.../dotnet/framework/*`,
 * Business Central), the retired Docker Hub names Microsoft published before MCR (`microsoft/iis`,
 * `microsoft/windowsservercore`, `microsoft/nanoserver`, `microsoft/mssql-server-windows-*`,
 * `microsoft/aspnet`, `microsoft/dotnet-framework`), and tags that name a Windows base (`nanoserver`,
 * `servercore`, `windowsservercore`, a `-nano` variant, a long-term or semi-annual release such as `ltsc2019` or
 * `sac2016`, or a Windows build `10.0.17763`).
 * Sources: Microsoft Learn, "Container base images"
 * (https://learn.microsoft.com/virtualization/windowscontainers/manage-containers/container-base-images); the
 * Docker Hub pages of the retired `microsoft/*` repositories, which point to MCR.
 */

const WINDOWS_IMAGE = [
  /(^|\/)mcr\.microsoft\.com\/windows(\/|:|$)/i,
  /(^|[/:_-])(nanoserver|servercore|windowsservercore)([/:_.-]|\d|$)/i,
  /(^|\/)mcr\.microsoft\.com\/dotnet\/framework\//i,
  /(^|\/)mcr\.microsoft\.com\/(businesscentral|dynamicsnav)(\/|:|$)/i,
  // The Docker Hub names Microsoft published Windows images under before MCR (2018).
  /(^|\/)microsoft\/(iis|windowsservercore|nanoserver|aspnet|dotnet-framework(-[a-z]+)?|mssql-server-windows(-[a-z]+)?|dynamics-nav|bcsandbox)(:|@|$)/i,
  /:[^/]*\b(ltsc20(16|19|22|25)|sac2016)\b/i,
  /:([^/]*[-_.])?10\.0\.(14393|16299|17134|17763|18362|18363|19041|19042|20348|26100)([-_.]|$)/i,
  /:[^/]*(^|[-_.])windows([-_.]|$)/i,
  /:([^/]*[-_.])?nano([-_.]|$)/i,
  // A Windows build or release glued to the word, as some multi-arch tags write it: `windows1809-amd64`,
  // `1.0-windows2022`, `windowsltsc2022`.
  /:([^/]*[-_.])?windows(\d{4}|ltsc\d{4}|\d{2}h\d)([-_.]|$)/i,
];

export function isWindowsImage(image: string): boolean {
  return WINDOWS_IMAGE.some((re) => re.test(image));
}

/**
 * Images of Linux distributions, by repository name or by a tag that names the distribution (`redis:alpine`,
 * `postgres:16-bookworm`). Multi-arch images with Windows variants (`mcr.microsoft.com/powershell`, most
 * application images) are not on this list: only what has no Windows build is.
 */
const LINUX_DISTRIBUTION =
  /^(alpine|ubuntu|debian|busybox|centos|fedora|rockylinux|almalinux|archlinux|amazonlinux|opensuse|oraclelinux|bookworm|bullseye|buster|jammy|noble|focal|slim)$/i;

export function isLinuxImage(image: string): boolean {
  const slash = image.lastIndexOf('/');
  const colon = image.indexOf(':', slash + 1);
  const repository = image.slice(slash + 1, colon === -1 ? undefined : colon);
  if (LINUX_DISTRIBUTION.test(repository)) return true;
  if (colon === -1) return false;
  return image
    .slice(colon + 1)
    .split(/[-_.@]/)
    .some((token) => LINUX_DISTRIBUTION.test(token));
}
