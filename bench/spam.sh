#!/usr/bin/env bash
# Accuracy of the comment spam classifier on comments of a video it never learned from:
# for each of the three YouTube Spam Collection files in src/main/resources/spam (the starter comments),
# trains a fresh data folder on the other two with `masthead spam train`, then runs
# `masthead spam eval` on it. Prints each rotation's eval lines; asserts nothing.
#
#   bench/spam.sh [--threshold P]
set -euo pipefail
cd "$(dirname "$0")/.."
data=src/main/resources/spam
[ -d "$data" ] || { echo "bench/spam.sh needs $data" >&2; exit 1; }
files=(Youtube01-Psy.csv Youtube02-KatyPerry.csv Youtube03-LMFAO.csv)
./masthead --version >/dev/null # builds the jar once, before the timed runs

for test in "${files[@]}"; do
  train=()
  for f in "${files[@]}"; do [ "$f" = "$test" ] || train+=("$data/$f"); done
  dir="$(mktemp -d)"
  echo "== train on ${train[*]##*/}, evaluate on $test"
  ./masthead spam train --data-dir "$dir" "${train[@]}" 2>/dev/null
  ./masthead spam eval --data-dir "$dir" "$@" "$data/$test"
  rm -rf "$dir"
done
