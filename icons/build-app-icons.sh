#!/usr/bin/env bash
# Renders the app icon set from app/trail-workbench.svg: the PNG sizes (Linux, in-app), a .ico (Windows)
# and a .icns (macOS). Needs ImageMagick and python3; the results are committed, so builds do not need them.
set -euo pipefail
cd "$(dirname "$0")/app"
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  convert -background none -density 600 trail-workbench.svg -resize "${size}x${size}" -depth 8 "png/trail-workbench-$size.png"
done
convert png/trail-workbench-{16,24,32,48,64,128,256}.png trail-workbench.ico
# .icns: a header, then one PNG per size under its four-letter type code
python3 - <<'PY'
import struct
entries = [(b'icp4', 16), (b'icp5', 32), (b'icp6', 64), (b'ic07', 128), (b'ic08', 256), (b'ic09', 512), (b'ic10', 1024)]
body = b''
for code, size in entries:
    data = open(f'png/trail-workbench-{size}.png', 'rb').read()
    body += code + struct.pack('>I', len(data) + 8) + data
open('trail-workbench.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
