# Signed-in browser sessions for the web scenarios. Sourced by run.sh; expects HALLWAY_PORT, DB, pg_psql.

# web_sessions COUNT FILE: signs the first COUNT colleagues in through the login form (CSRF token from
# the form, password bench-password) and writes one "JSESSIONID=..." per line into FILE.
web_sessions() {
  local count=$1 file=$2 url="http://127.0.0.1:$HALLWAY_PORT" jar csrf email
  : >"$file"
  jar=$(mktemp)
  while read -r email; do
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" -b "$jar" "$url/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=bench-password" \
      --data-urlencode "_csrf=$csrf" "$url/login"
    awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar" >>"$file"
  done < <(pg_psql "$DB" -Atc "select email from accounts where email like '%@bench.example' order by id limit $count")
  rm -f "$jar"
  # A session that does not open the home page (a redirect to /login) would measure the login page.
  local ok=0 c
  while read -r c; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $c" "$url/")" = 200 ] && ok=$((ok + 1))
  done <"$file"
  [ "$ok" -gt 0 ] && [ "$ok" = "$(wc -l <"$file")" ] || { echo "only $ok of $(wc -l <"$file") web sessions open the home page" >&2; return 1; }
}
