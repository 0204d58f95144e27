# Shared by the scripts in this folder: where the project is, and how to run the jar (building it if needed).
# shellcheck shell=bash
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$PROJECT_DIR/target/propensity.jar"

ensure_jar() {
  if [[ ! -f "$JAR" || -n "$(find "$PROJECT_DIR/src/main" "$PROJECT_DIR/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
    echo "building $JAR ..." >&2
    (cd "$PROJECT_DIR" && mvn -B -q -DskipTests package) >&2
  fi
}

# The command as an array, for wrappers such as GNU time that cannot run shell functions. JAVA_OPTS (e.g. -Xmx2g)
# passes JVM options through.
# shellcheck disable=SC2206
PROPENSITY_CMD=(java ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -jar "$JAR")

propensity() {
  "${PROPENSITY_CMD[@]}" "$@"
}

# measure OUTPUT_PREFIX command...: runs the command (stdout to PREFIX.out, stderr to PREFIX.err) under GNU time when
# present and prints "<its last stdout line> <max RSS in KB>" ("n/a" without GNU time).
measure() {
  local prefix="$1"; shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$prefix.rss" "$@" > "$prefix.out" 2> "$prefix.err"
    printf '%s %s\n' "$(tail -n 1 "$prefix.out")" "$(tail -n 1 "$prefix.rss")"
  else
    "$@" > "$prefix.out" 2> "$prefix.err"
    printf '%s n/a\n' "$(tail -n 1 "$prefix.out")"
  fi
}

# json_field NAME JSON: the value of a top-level number or string field in a one-line JSON object.
json_field() {
  printf '%s' "$2" | grep -o "\"$1\":[^,}]*" | head -n 1 | cut -d: -f2- | tr -d '"'
}

# public_data_dir [DIR]: the public data sets' folder (default ../shared/data beside the project), or exit 0 with a
# note when it is absent, so evaluation scripts are no-ops on machines without the data.
public_data_dir() {
  local dir="${1:-$PROJECT_DIR/../shared/data}"
  if [[ ! -d "$dir" ]]; then
    echo "no public data at $dir; nothing to evaluate" >&2
    exit 0
  fi
  printf '%s' "$dir"
}
