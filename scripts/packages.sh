#!/usr/bin/env bash
# need_packages PACKAGE...: installs with apt-get those of Debian's packages that are not installed yet
# (with sudo unless run as root). WeasyPrint's PDFs need Pango and the fonts they embed; the tests
# also need poppler's tools to open the PDFs and Chromium for the browser tests.

need_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "== Installing ${missing[*]} with apt-get"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# what the site needs to write PDF papers (WeasyPrint): Pango, and Liberation Sans, metric-compatible with Arial
PAPER_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2)
