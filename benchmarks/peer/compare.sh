#!/bin/sh
# homeport `events watch --json` against the Node socket.io-client 2 peer, side by side against the
# same PeerServer, N events each, twice, alternating. Prints each client's process CPU seconds
# (user+sys, /usr/bin/time), wall time, lines received and the load average. homeport runs twice
# per round: `java -jar` with the options below, and `./homeport` (the launcher users run: its own
# JVM options and an AppCDS archive beside the jar, recorded on its first run, made before round 1).
# Each homeport client runs on both TLS engines, alternating: the JDK's (--tls-provider jdk) and
# Conscrypt (--tls-provider conscrypt; the CLI's default, auto, picks it where it loads).
# Build first: mvn -B -pl benchmarks,cli -am package -DskipTests ; benchmarks/peer/install.sh
# Usage: benchmarks/peer/compare.sh [events, default 200000] [homeport JVM options]
set -e
cd "$(dirname "$0")/../.."
N=${1:-200000}
HOMEPORT_JVM=${2:-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"}
JAR=benchmarks/target/benchmarks.jar
CLI=$(ls cli/target/homeport-cli-*-all.jar | head -n 1)
ENV=benchmarks/target/peer-server.env
rm -f "$ENV"
java -Xms512m -Xmx1g -Dpeer.info=$ENV -cp $JAR dev.homeport.benchmarks.PeerServer --events=$N > benchmarks/target/peer-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
while [ ! -f "$ENV" ]; do sleep 0.2; done
. "$ENV"
export HOMEPORT_CSRF_TOKEN="$CSRF" HOMEPORT_COOKIE="$COOKIE"
run() { # name, command...
  name=$1; shift
  /usr/bin/time -f "%U %S %e" -o benchmarks/target/peer-time.txt "$@" > benchmarks/target/peer-out.txt
  read u s e < benchmarks/target/peer-time.txt
  lines=$(wc -l < benchmarks/target/peer-out.txt)
  uniq=$(grep -o '"eventId":"[^"]*"' benchmarks/target/peer-out.txt | sort -u | wc -l)
  echo "$name: cpu $(echo "$u + $s" | bc) s (user $u, sys $s), wall $e s, lines $lines, distinct ids $uniq, load $(cut -d' ' -f1-3 /proc/loadavg)"
}
# The launcher's first run of a jar records its class-data archive (from a short demo): not measured.
./homeport events --url "$URL" --trust "sha256:$PIN" watch Bench --json --count 1 > /dev/null
for round in 1 2; do
  echo "round $round, $N events"
  run "socket.io-client" node benchmarks/target/peer/peer.js "$URL" "$CSRF" "$COOKIE" "$LOCATION" "$N"
  for engine in jdk conscrypt; do
    run "homeport (java -jar, $engine)" java $HOMEPORT_JVM -jar "$CLI" events --url "$URL" --trust "sha256:$PIN" --tls-provider $engine watch Bench --json --count "$N"
  done
  for engine in jdk conscrypt; do
    run "homeport (./homeport, $engine)" ./homeport events --url "$URL" --trust "sha256:$PIN" --tls-provider $engine watch Bench --json --count "$N"
  done
done
