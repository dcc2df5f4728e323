#!/usr/bin/env bash
# Maven plugin benchmark: qapi:generate on QEMU's full schema inside a real Maven build of a downstream
# project: first generation, a rebuild with nothing changed, and a rebuild after one included file changed.
#
#   tools/bench/maven.sh [ROUNDS]    (default 7; build and install the plugin for the integration tests
#                                     first: mvn -T1 -q -pl qapi-maven-plugin -am pre-integration-test -DskipTests)
#
# Each round takes a fresh copy of a sample project (QEMU's schema under src/main/qapi, packageName
# org.qemu.qmp) and runs `mvn generate-sources` four times:
#   first     = no target/ yet: everything is generated;
#   no change = the same build again;
#   one file  = after a new struct (with its doc comment) was appended to ui.json, one included module;
#   touched   = after every schema file was touched, bytes unchanged: the check falls back from the
#               files' stamps (size, time) to hashing their content.
# The time is the goal's own, from the "... in N ms" line it logs, not Maven's start-up (the whole `mvn`
# run is shown next to it). Files written are what the goal logs, checked against the files under target/
# newer than a marker made before the build. Medians of ROUNDS rounds, after one warm-up round.
# The sample project builds offline with a throwaway local repository in a temporary directory: the plugin
# and its libraries are copied from qapi-maven-plugin/target/local-repo, anything else is read from
# ~/.m2/repository as a file:// repository; ~/.m2 is not written, and nothing is kept.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-7}
schema_dir=${QEMU_SCHEMA_DIR:-$here/../shared/qemu-qapi}
installed=$here/qapi-maven-plugin/target/local-repo
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$here/pom.xml" | head -1)
[ -f "$installed/dev/qapi/qapi-maven-plugin/$version/qapi-maven-plugin-$version.jar" ] || {
  echo "build first: mvn -T1 -q -pl qapi-maven-plugin -am pre-integration-test -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/repo" "$work/project/src/main/qapi"
cp -r "$installed/." "$work/repo/"
cp "$schema_dir"/*.json "$work/project/src/main/qapi/"
cat > "$work/settings.xml" <<XML
<settings>
  <profiles>
    <profile>
      <id>user-repository</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository><id>user</id><url>file://$HOME/.m2/repository</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user</id><url>file://$HOME/.m2/repository</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
XML
cat > "$work/project/pom.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.qapi.bench</groupId>
  <artifactId>qemu-qmp</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.qapi</groupId>
        <artifactId>qapi-maven-plugin</artifactId>
        <version>$version</version>
        <executions>
          <execution>
            <goals>
              <goal>generate</goal>
            </goals>
            <configuration>
              <packageName>org.qemu.qmp</packageName>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
XML

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# build DIR: one `mvn generate-sources` in DIR; prints "GOAL_MS WRITTEN MVN_MS".
build() {
  local dir=$1 log t0 t1 ms written newer
  touch "$dir/marker"
  t0=$(now_ms)
  log=$(cd "$dir" && mvn -o -B -ntp -Dstyle.color=never -s "$work/settings.xml" -Daether.offline.protocols=file \
        -Dmaven.repo.local="$work/repo" generate-sources 2>&1) || { echo "$log" >&2; exit 1; }
  t1=$(now_ms)
  line=$(grep -E '^\[INFO\] qapi: .* in [0-9]+ ms$' <<<"$log") || { echo "$log" >&2; exit 1; }
  ms=$(sed -E 's/.* in ([0-9]+) ms$/\1/' <<<"$line")
  if grep -q ' up to date ' <<<"$line"; then written=0; else written=$(sed -E 's/.*: ([0-9]+) written.*/\1/' <<<"$line"); fi
  newer=$(find "$dir/target/generated-sources" "$dir/target/generated-resources" -type f -newer "$dir/marker" | wc -l)
  [ "$newer" -eq "$written" ] || { echo "the goal says $written written, $newer files are newer: $line" >&2; exit 1; }
  echo "$ms $written $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}')"
}

round() {
  local dir=$work/round$1
  rm -rf "$dir"; cp -r "$work/project" "$dir"
  build "$dir" > "$dir.first"
  build "$dir" > "$dir.nochange"
  cat >> "$dir/src/main/qapi/ui.json" <<'JSON'

##
# @BenchAddedStruct:
#
# Appended by the benchmark.
#
# @name: a name
##
{ 'struct': 'BenchAddedStruct', 'data': { 'name': 'str' } }
JSON
  build "$dir" > "$dir.onefile"
  touch "$dir"/src/main/qapi/*.json
  build "$dir" > "$dir.touched"
}

round warmup
for ((i = 0; i < rounds; i++)); do round "$i"; done

col() { for ((i = 0; i < rounds; i++)); do awk -v c="$2" '{print $c}' "$work/round$i.$1"; done | median; }
printf '%-18s %10s %14s %10s %s\n' "" "goal ms" "files written" "mvn ms" "target"
printf '%-18s %10s %14s %10s\n' "first generation" "$(col first 1)" "$(col first 2)" "$(col first 3)"
printf '%-18s %10s %14s %10s %s\n' "no change" "$(col nochange 1)" "$(col nochange 2)" "$(col nochange 3)" "<= 50 ms, 0 written"
printf '%-18s %10s %14s %10s\n' "one file changed" "$(col onefile 1)" "$(col onefile 2)" "$(col onefile 3)"
printf '%-18s %10s %14s %10s\n' "touched" "$(col touched 1)" "$(col touched 2)" "$(col touched 3)"
printf '(medians of %d rounds; no-change goal ms per round: %s)\n' "$rounds" \
  "$(for ((i = 0; i < rounds; i++)); do awk '{printf "%s ", $1}' "$work/round$i.nochange"; done)"
