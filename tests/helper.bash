# Shared by every tests/*.bats: where the tools and the shared corpus are.
# BIN may point at another build (the sanitizer runs do).
ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
BIN="${BIN:-$ROOT/bin}"
SHARED="${SHARED:-$ROOT/../shared}"
SAMPLES="$ROOT/samples"
load /usr/lib/bats/bats-support/load.bash
load /usr/lib/bats/bats-assert/load.bash

# Skip, saying so, when ../shared is not beside the checkout.
need_shared() {
	[ -d "$SHARED/corpus" ] || skip "no ../shared/corpus beside the checkout"
}

# A column of a TSV by name: tsv_col NAME < file
tsv_col() {
	awk -F'\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { print $c }'
}
