# The JVM options of the README's run line, read from the pom's hallway.jvm.options: a bench measures
# what an installation runs unless BENCH_JVM_OPTS says otherwise. Needs REPO_DIR.

run_line_jvm_options() {
  sed -n 's:.*<hallway.jvm.options>\(.*\)</hallway.jvm.options>.*:\1:p' "$REPO_DIR/pom.xml"
}
