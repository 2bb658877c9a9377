#!/bin/sh
# Installs the peer of the comparison, the official Node socket.io-client 2.x (speaks Engine.IO 3 /
# Socket.IO 2 like the service), into benchmarks/target/peer (never committed).
set -e
cd "$(dirname "$0")/../.."
mkdir -p benchmarks/target/peer
cp benchmarks/peer/peer.js benchmarks/target/peer/
cd benchmarks/target/peer
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund socket.io-client@2 >/dev/null
node -e 'console.log("socket.io-client " + require("socket.io-client/package.json").version)'
