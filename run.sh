#!/bin/bash
# usage: run.sh "text"
printf '950101  T-01\n%s\n/*\\n\n\\n{ XXX / YYY / 000 } */\n\n950101  FINAL-01\nend\n\n' "$1" > /tmp/tt/t.text
/work/main/build/faultline validate /tmp/tt/t.text --trace --dict-format tabari | grep -E "trace|got|note"
