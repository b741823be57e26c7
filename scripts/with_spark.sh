#!/usr/bin/env bash
# Run a command with a local Apache Spark: dbt-spark's method session, where pyspark starts
# a JVM (master local[*]) inside the dbt process. No server, no cluster.
#
#   scripts/with_spark.sh dbt build --target spark
#
# Java comes from Debian's packages (openjdk-17-jre-headless, installed with apt when no
# `java` 17 or later is on PATH); pyspark from the pinned requirements.txt. The spark-warehouse (and
# the Derby metastore, if SALES_KPIS_SPARK_CATALOG=hive) and Spark's scratch files live in a
# temporary folder (SALES_KPIS_SPARK_DIR, read by the `spark` target of profiles.yml),
# removed on every exit path together with any JVM still running from it: nothing is left
# running and nothing is written in the repo.
set -euo pipefail

log() { printf '[with_spark] %s\n' "$*" >&2; }

# The major version of the `java` on PATH (0 when there is none): pyspark 4 needs 17 or later.
java_major() {
    command -v java >/dev/null 2>&1 || { echo 0; return; }
    java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) + 0; exit }'
}

if [ "$(java_major)" -lt 17 ]; then
    log "no Java 17 or later on PATH: installing Debian's openjdk-17-jre-headless with apt"
    if [ "$(id -u)" -ne 0 ]; then
        log "need root to apt-get install openjdk-17-jre-headless; install it and retry"; exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    export JAVA_HOME="/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)"
    export PATH="$JAVA_HOME/bin:$PATH"
fi

workdir=$(mktemp -d /tmp/sales_kpis_spark.XXXXXX)
export SALES_KPIS_SPARK_DIR="$workdir"
# One throwaway build: Spark's in-memory catalog, no Derby metastore to create (~20 s
# saved at start, and every create or drop of a table is faster).
export SALES_KPIS_SPARK_CATALOG="${SALES_KPIS_SPARK_CATALOG:-in-memory}"

stop_spark() {
    local status=$?
    # The JVM ends by itself a few seconds after the dbt process (its stdin closes). It is
    # found by the private folder on its command line (spark-submit --conf …$workdir…);
    # one still there after 30 s is stopped by its pid.
    local pids waited=0
    while pids=$(pgrep -f -- "$workdir") && [ "$waited" -lt 30 ]; do
        sleep 1; waited=$((waited + 1))
    done
    if [ -n "$pids" ]; then
        log "stopping the JVM left running: $pids"
        kill $pids 2>/dev/null || true
        sleep 5
        kill -9 $pids 2>/dev/null || true
    fi
    rm -rf "$workdir"
    exit "$status"
}
trap stop_spark EXIT INT TERM

log "java: $(java -version 2>&1 | head -1); Spark folder $workdir"
log "running: $*"
"$@"
