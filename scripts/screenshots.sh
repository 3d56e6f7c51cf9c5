#!/bin/sh
# Builds the example hub, serves it on a free local port and writes the screenshots shown in
# docs/theming.md: a tag page and a playbook page, 1366 and 390 pixels wide, with headless
# chromium. Run `make screenshots` after changing how the default theme looks.
set -eu
cd "$(dirname "$0")/.."
site=.build/screenshots-site
out=docs/images
swift build --product playhub
.build/debug/playhub build --quiet --source . --output "$site"
mkdir -p "$out"

# A port the system chose, so a server someone else runs is never in the way.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null' EXIT INT TERM
for _ in 1 2 3 4 5 6 7 8 9 10; do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.5
done

shot() { # name path width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3,$4" \
    --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" 2>/dev/null
  # Fewer colours keep the committed pictures small; text stays sharp.
  if command -v convert >/dev/null 2>&1; then convert "$out/$1.png" -strip +dither -colors 192 "PNG8:$out/$1.png"; fi
}
shot tag-1366 /tags/seo/ 1366 1600
shot tag-390 /tags/seo/ 390 1600
shot playbook-1366 /playbooks/technical-seo-audit/ 1366 1600
shot playbook-390 /playbooks/technical-seo-audit/ 390 1600
ls -l "$out"/*.png
