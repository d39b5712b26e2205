#!/usr/bin/env bash
# Converts a carelens validation workbook to PDF with LibreOffice, and the PDF's pages to PNG
# images, so that a person (or a reviewer without Excel) can look at what analysts will see:
# the highlighted cells, column widths, frozen headers and the summary's legend.
#
# Usage: tools/xlsx-to-pdf.sh REPORT.xlsx [OUT_DIR] [MAX_PAGES]
#   OUT_DIR    where REPORT.pdf and REPORT-<page>.png go (default: beside the workbook)
#   MAX_PAGES  how many pages to render as PNG (default 6; the PDF has them all)
#
# Needs LibreOffice Calc and poppler (Debian: apt-get install libreoffice-calc poppler-utils).
# LibreOffice prints every sheet in order, each fitted to the page width as the workbook asks
# (landscape, header row repeated), so the PDF's first pages are the Summary sheet.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.xlsx [OUT_DIR] [MAX_PAGES]" >&2
    exit 2
fi
xlsx=$1
out=${2:-$(dirname "$xlsx")}
pages=${3:-6}
if [[ ! -f $xlsx ]]; then
    echo "xlsx-to-pdf: no such file: $xlsx" >&2
    exit 2
fi
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z $soffice ]]; then
    echo "xlsx-to-pdf: LibreOffice is not installed (apt-get install libreoffice-calc)" >&2
    exit 2
fi
mkdir -p "$out"
stem=$(basename "${xlsx%.*}")
# A private profile: a running LibreOffice, or a first-run dialog, must not block the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$soffice" -env:UserInstallation=file://"$profile" --headless --calc \
    --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
pdf=$out/$stem.pdf
if [[ ! -s $pdf ]]; then
    echo "xlsx-to-pdf: LibreOffice wrote no PDF for $xlsx" >&2
    exit 1
fi
echo "$pdf"
if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 80 -f 1 -l "$pages" "$pdf" "$out/$stem"
    ls "$out/$stem"-*.png
else
    echo "xlsx-to-pdf: poppler-utils not installed: no PNG pages" >&2
fi
