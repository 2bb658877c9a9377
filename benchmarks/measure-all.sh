#!/bin/sh
# Runs every measurement of BENCHMARKS.md in order, each with its documented command, and keeps
# the output in benchmarks/target/results/. Build first: mvn -B -pl benchmarks -am package
# Usage: benchmarks/measure-all.sh [soak duration, default 10m]
set -e
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/results
SOAK=${1:-10m}
mkdir -p "$OUT"
JVM="-Xms512m -Xmx512m"

echo "load: $(uptime)"
java -jar $JAR -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/1-2-jmh.txt"
echo "load: $(uptime)"
java $JVM -cp $JAR dev.homeport.benchmarks.KasaSingleCameraRun 2>&1 | tee "$OUT/3-single-camera.txt"
echo "load: $(uptime)"
java $JVM -cp $JAR dev.homeport.benchmarks.KasaFleetRun 2>&1 | tee "$OUT/4-fleet.txt"
echo "load: $(uptime)"
java $JVM -cp $JAR dev.homeport.benchmarks.EventFirehoseRun 2>&1 | tee "$OUT/5-firehose.txt"
echo "load: $(uptime)"
java $JVM -cp $JAR dev.homeport.benchmarks.ReconnectRun 2>&1 | tee "$OUT/6-reconnect.txt"
echo "load: $(uptime)"
java $JVM -cp $JAR dev.homeport.benchmarks.SoakRun --duration=$SOAK 2>&1 | tee "$OUT/7-soak.txt"
echo "load after: $(uptime)"
