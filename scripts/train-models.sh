#!/usr/bin/env bash
# Retrains the shipped language models (models/) from UD English EWT in
# ../shared/ud-english-ewt with WordNet from /usr/share/wordnet, then scores
# them on the test set. Deterministic (fixed seeds): the same inputs give
# byte-identical models. About 15 minutes on one core; most of it is the
# parser's five jackknife taggers and its ten epochs.
#
#   scripts/train-models.sh [OUT_DIR]     (default models/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-models}
fl=${FAULTLINE:-./build/faultline}
ud=${UD_DIR:-../shared/ud-english-ewt}
train=$ud/en_ewt-ud-train.conllu
dev=$ud/en_ewt-ud-dev.conllu
mkdir -p "$out"
"$fl" train tagger --train "$train" --dev "$dev" --out "$out/tagger.bin"
"$fl" train lemmas --train "$train" --out "$out/lemmas.tsv"
# The parser learns from jackknifed tags (each fifth of train tagged by a
# tagger trained on the rest) and is scored per epoch on dev tagged by the
# tagger just trained: it sees tags with the errors it will meet.
"$fl" train parser --train "$train" --dev "$dev" --tagger "$out/tagger.bin" --jackknife 5 \
  --out "$out/parser.bin"
"$fl" eval-parse --models "$out" --test "$ud/en_ewt-ud-test.conllu"
