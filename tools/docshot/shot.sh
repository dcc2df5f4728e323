#!/usr/bin/env bash
# Renders one entry of the generated reference documentation with headless Chromium and saves a PNG.
#
#   tools/docshot/shot.sh [SCHEMA.json [PAGE#ANCHOR [OUT.png]]]
#
# Defaults: the repository's schemas/qapi-schema.json, control.html#command-monitor-remove (the page of
# query-monitors, from monitor-remove on: monitor-remove, MonitorInfo, query-monitors),
# docs/images/query-monitors.png. Needs qapi-cli/target/qapi-gen.jar (mvn -pl qapi-cli -am package) and
# Debian's chromium (apt-get install -y chromium). Chromium runs with a throw-away profile and no network
# features; the pages themselves load nothing from the network.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
schema=${1:-$repo/schemas/qapi-schema.json}
target=${2:-control.html#command-monitor-remove}
png=${3:-$repo/docs/images/query-monitors.png}
jar=$repo/qapi-cli/target/qapi-gen.jar
size=${DOCSHOT_WINDOW:-1200,1400}

[ -f "$jar" ] || { echo "docshot: $jar missing; build it with: mvn -pl qapi-cli -am package -DskipTests" >&2; exit 1; }
command -v chromium >/dev/null || { echo "docshot: chromium missing; install it with: apt-get install -y chromium" >&2; exit 1; }

work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT

java -jar "$jar" doc -o "$work/site" --format html "$schema" >/dev/null
page=${target%%#*}
anchor=${target#*#}
[ "$anchor" != "$target" ] || anchor=
[ -f "$work/site/$page" ] || { echo "docshot: no page $page in the generated site" >&2; exit 1; }
if [ -n "$anchor" ] && ! grep -q "id=\"$anchor\"" "$work/site/$page"; then
  echo "docshot: no id $anchor on $page" >&2; exit 1
fi
mkdir -p "$(dirname "$png")"

# Headless Chromium paints nothing after scrolling to a #fragment (the capture comes out blank), so
# instead of scrolling, a copy of the page hides what comes before the anchor: the entry then sits at the
# top, as it would after following a link to it. The copy stays next to the page, for the stylesheet.
shot=$work/site/docshot-$page
if [ -n "$anchor" ]; then
  sed "s|</head>|<style>main > :has(~ #$anchor) { display: none; }</style>\n</head>|" "$work/site/$page" > "$shot"
else
  cp "$work/site/$page" "$shot"
fi

timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --force-color-profile=srgb \
  --user-data-dir="$profile" --screenshot="$png" --window-size="$size" \
  "file://$shot" 2>"$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
[ -s "$png" ] || { echo "docshot: chromium wrote no screenshot" >&2; cat "$work/chromium.log" >&2; exit 1; }
echo "docshot: $png"
