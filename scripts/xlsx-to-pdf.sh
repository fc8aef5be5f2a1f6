#!/usr/bin/env bash
# Renders an .xlsx the way it prints: LibreOffice Calc (headless) → PDF, and with --png also one PNG per page
# (pdftoppm) to look at. Not part of the CI suite (LibreOffice is too heavy); used to check exports by eye.
#   apt-get install -y --no-install-recommends libreoffice-calc poppler-utils
#   scripts/xlsx-to-pdf.sh out.xlsx [--png] [--outdir DIR]
set -euo pipefail

usage() { echo "usage: $0 <file.xlsx> [--png] [--outdir DIR]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
in=$1; shift
png=0
outdir=$(dirname "$in")
while [[ $# -gt 0 ]]; do
  case $1 in
    --png) png=1 ;;
    --outdir) outdir=${2:?}; shift ;;
    *) usage ;;
  esac
  shift
done
[[ -f $in ]] || { echo "error: no such file: $in" >&2; exit 1; }
command -v soffice >/dev/null || { echo "error: soffice not found; install libreoffice-calc" >&2; exit 1; }

mkdir -p "$outdir"
# A private profile per run: a shared one is locked by any other running LibreOffice.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$outdir" "$in" >/dev/null
pdf="$outdir/$(basename "${in%.*}").pdf"
[[ -s $pdf ]] || { echo "error: LibreOffice produced no PDF for $in" >&2; exit 1; }
echo "$pdf"

if [[ $png == 1 ]]; then
  command -v pdftoppm >/dev/null || { echo "error: pdftoppm not found; install poppler-utils" >&2; exit 1; }
  pdftoppm -png -r 70 "$pdf" "${pdf%.pdf}-page"
  ls "${pdf%.pdf}"-page*.png
fi
