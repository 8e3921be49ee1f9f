#!/bin/sh
# Prints the nginx line that sends the bundle's Content-Security-Policy, read from
# DIST/csp.txt (make dist writes it; the policy changes with the code):
#
#   sh deploy/nginx/csp-snippet.sh dist > /etc/nginx/snippets/ceasefire-map-csp.conf
set -eu
file=${1:-dist}/csp.txt
policy=$(cat "$file")
# The policy goes inside an nginx "string": nothing in it may end the string or name a
# variable.
case $policy in
  '' | *'"'* | *'$'* | *'\'* | *'
'*)
    echo "csp-snippet.sh: $file is not one line of policy that nginx can quote" >&2
    exit 1
    ;;
esac
printf 'add_header Content-Security-Policy "%s" always;\n' "$policy"
