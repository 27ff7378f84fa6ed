# The shared list of post searches (bench/search/post-queries.txt) as OpenLoad.java reads it: comma
# separated, comment lines ("# " then text) left out (a tag query has no space after its #). Sourced
# by search-posts.sh and search-cpu.sh; expects BENCH_DIR.

post_queries() {
  grep -v -e '^# ' -e '^#$' -e '^[[:space:]]*$' "$BENCH_DIR/search/post-queries.txt" | paste -sd, -
}
