#!/usr/bin/env bats
# lib/xlsx through a real reader (openpyxl): the workbook lib-test writes
# holds numbers as numbers, text as strings (a formula-like text too, never
# a formula), a bold frozen header with an autofilter, and a table longer
# than a sheet goes on in further sheets under the same header.  The
# tools' own workbooks are read back in their test files.
load helper

# A python3 with openpyxl (Debian's python3-openpyxl is for /usr/bin/python3).
openpyxl_python() {
	local py
	for py in /usr/bin/python3 python3; do
		command -v "$py" >/dev/null && "$py" -c 'import openpyxl' 2>/dev/null &&
			{ echo "$py"; return; }
	done
	skip "no python3 with openpyxl (Debian package python3-openpyxl)"
}

@test "xlsx: lib's workbook read back: types, no formula, header, sheets" {
	py=$(openpyxl_python)
	run env LIB_TEST_KEEP_XLSX=1 "${LIBTEST:-$ROOT/build/lib-test}" "$ROOT/tests/corpus"
	assert_success
	f=$(printf '%s\n' "$output" | sed -n 's/^workbook: //p')
	[ -s "$f" ]
	run "$py" - "$f" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Figures", "Figures (2)", "Figures (3)"], wb.sheetnames
for ws in wb:
    head = [c.value for c in ws[1]]
    assert head == ["text", "n"], head
    assert ws["A1"].font.b and ws.freeze_panes == "A2", ws.title
    assert ws.auto_filter.ref, ws.title
    for row in ws.iter_rows(min_row=2):
        assert row[0].data_type == "s", (row[0].value, row[0].data_type)
        assert row[1].data_type == "n", (row[1].value, row[1].data_type)
ws = wb["Figures"]
assert ws["A2"].value == '=HYPERLINK("http://x")' and ws["A2"].data_type == "s"
assert ws["B2"].value == -5599
assert [c.value for c in wb["Figures (3)"]["A"]] == ["text", "more"]
print("ok")
PY
	rm -f "$f"
	assert_output ok
}
