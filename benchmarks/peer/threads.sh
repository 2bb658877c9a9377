#!/bin/sh
# CPU of each thread of one `homeport events watch --json` of N events (java -jar, the options of
# compare.sh) on one TLS engine, read from /proc/PID/task/*/stat once the N-th line is printed (the
# watch asks for N+1, so no thread has exited yet), in ticks of 10 ms. Linux only.
# Build first as for compare.sh. Usage: benchmarks/peer/threads.sh [jdk|conscrypt] [events]
set -e
cd "$(dirname "$0")/../.."
N=${2:-200000}; ENGINE=${1:-conscrypt}
JAR=benchmarks/target/benchmarks.jar; CLI=$(ls cli/target/homeport-cli-*-all.jar | head -n 1); ENV=benchmarks/target/threads-peer.env
rm -f $ENV
java -Xms512m -Xmx1g -Dpeer.info=$ENV -cp $JAR dev.homeport.benchmarks.PeerServer --events=$N > benchmarks/target/threads-server.log 2>&1 &
S=$!
while [ ! -f "$ENV" ]; do sleep 0.2; done
. $ENV
export HOMEPORT_CSRF_TOKEN="$CSRF" HOMEPORT_COOKIE="$COOKIE"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar $CLI events --url "$URL" --trust "sha256:$PIN" --tls-provider $ENGINE watch Bench --json --count $((N+1)) > benchmarks/target/threads-out.txt &
P=$!
while [ "$(wc -l < benchmarks/target/threads-out.txt)" -lt $N ]; do sleep 0.2; done
last=$(for t in /proc/$P/task/*; do n=$(cat $t/comm 2>/dev/null); st=$(sed 's/.*) //' $t/stat 2>/dev/null | awk '{print $12+$13}'); echo "$st $n"; done)
kill $P; kill $S
echo "$ENGINE (ticks of 10 ms), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$last" | sort -rn | head -7; echo "$last" | awk '{s+=$1} END {print s, "all threads"}'
