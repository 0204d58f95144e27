# Shared by the Spark scripts: the job jar, Spark's jars from the Maven repository (no Spark installation), and the
# JVM options spark-submit would add. Builds the job jar with -Pspark when it is missing or older than the sources.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SPARK_JOB_JAR="$PROJECT_DIR/target/propensity-spark-job.jar"
SPARK_CLASSPATH_FILE="$PROJECT_DIR/target/spark-classpath.txt"
# What spark-submit adds on Java 17 for Kryo and Spark's own reflection.
SPARK_ADD_OPENS=()
for package in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  SPARK_ADD_OPENS+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
# The host name resolves oddly on some machines; local mode only talks to itself.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

ensure_spark_job() {
  if [[ ! -f "$SPARK_JOB_JAR" || -n "$(find "$PROJECT_DIR/src/main" "$PROJECT_DIR/src/spark/java" "$PROJECT_DIR/pom.xml" \
      -newer "$SPARK_JOB_JAR" -print -quit 2>/dev/null)" ]]; then
    echo "building $SPARK_JOB_JAR ..." >&2
    (cd "$PROJECT_DIR" && mvn -B -q -Pspark -DskipTests package) >&2
  fi
  if [[ ! -f "$SPARK_CLASSPATH_FILE" || "$PROJECT_DIR/pom.xml" -nt "$SPARK_CLASSPATH_FILE" ]]; then
    # Spark and what it runs on, without what the job jar already holds (the same list the job's tests leave out).
    (cd "$PROJECT_DIR" && mvn -B -q -Pspark dependency:build-classpath -DincludeScope=compile \
      -DexcludeGroupIds=org.tribuo,com.oracle.labs.olcut,com.github.haifengl,ml.dmlc,info.picocli,io.javalin \
      -DexcludeArtifactIds=slf4j-simple,commons-csv,kryo,reflectasm,hadoop-common,hadoop-mapreduce-client-core,hadoop-shaded-guava -Dmdep.outputFile="$SPARK_CLASSPATH_FILE") >&2
  fi
}

# spark_job MASTER ARGS...: runs the job's main class in this JVM with Spark in local mode (MASTER e.g. local[2]).
spark_job() {
  local master="$1"; shift
  # shellcheck disable=SC2086
  java ${SPARK_JAVA_OPTS:--Xmx3g} "${SPARK_ADD_OPENS[@]}" -Dspark.master="$master" -Dspark.ui.enabled=false \
    -Dspark.sql.warehouse.dir="$PROJECT_DIR/target/spark-warehouse" \
    -Dlog4j2.configurationFile="$PROJECT_DIR/scripts/spark-log4j2.properties" \
    -cp "$SPARK_JOB_JAR:$(cat "$SPARK_CLASSPATH_FILE")" io.github.propensity.spark.SparkJobMain "$@"
}
