#!/usr/bin/env bash
# Copied from the project's shared evaluation folder (evaluation/screen-driver.sh) on
# 2026-11-30, so that the calibration can be rerun from this repository alone.
# Drive one line-by-line screening in a private tmux server, one prompt at a time, so that a
# blind screener can answer as a person at a keyboard would.
#
#   screen-driver.sh start CASE ROLE [ARGS...]  start `htscreen screen --accessible --output json
#                                               --role ROLE --region nyc ARGS...`; print the first prompt
#   screen-driver.sh say CASE ANSWER            type ANSWER and Enter; print what the tool says next
#   screen-driver.sh show CASE                  the whole transcript so far
#   screen-driver.sh result CASE                the JSON result, once "[exit code N]" has appeared
#   screen-driver.sh stop CASE                  end the case's tmux server
#
# Environment: HTSCREEN (the binary; default ./htscreen), OUT (where CASE.json, CASE.log and
# CASE.answers go; default ./eval-out). Each OUT folder gets its own tmux server, so screeners
# working at the same time never touch each other's runs.
set -euo pipefail
bin=$(realpath "${HTSCREEN:-./htscreen}")
out=$(realpath -m "${OUT:-./eval-out}"); mkdir -p "$out"
sock="htscreen-eval-$(printf '%s' "$out" | cksum | cut -d' ' -f1)"
t() { tmux -L "$sock" "$@"; }
cmd=${1:?usage: screen-driver.sh start|say|show|result|stop CASE ...}; id=${2:?missing CASE}
log=$out/$id.log; off=$out/$id.off
fresh() { local o=0 n; [[ -f $off ]] && o=$(<"$off"); n=$(wc -c <"$log"); tail -c +$((o + 1)) "$log"; echo "$n" >"$off"; }
case $cmd in
start)
  role=${3:?missing ROLE}; shift 3
  rm -f "$log" "$off" "$out/$id.json" "$out/$id.answers"; : >"$log"
  t kill-session -t "$id" 2>/dev/null || true
  args=; [[ $# -gt 0 ]] && args=$(printf ' %q' "$@")
  t new-session -d -s "$id" -x 200 -y 50 \
    "$(printf '%q' "$bin") screen --accessible --output json --role $role --region nyc$args >$(printf '%q' "$out/$id.json") 2>>$(printf '%q' "$log"); echo \"[exit code \$?]\" >>$(printf '%q' "$log"); sleep 1"
  sleep 0.5; fresh ;;
say)
  shift 2; t send-keys -t "$id" -l "$*"; t send-keys -t "$id" Enter; sleep 0.3
  echo "$*" >>"$out/$id.answers"; fresh ;;
show) cat "$log" ;;
result) cat "$out/$id.json" ;;
stop) t kill-server 2>/dev/null || true ;;
*) echo "unknown command: $cmd" >&2; exit 2 ;;
esac
