#!/usr/bin/env python3
"""Per-request statistics of one Gatling HTML report, as JSON lines (bench/lib/gatling.sh reads them).

Usage: stats.py REPORT_DIR. Reads REPORT_DIR/index.html (Gatling 3.15's statistics table; percentiles
as set in src/test/resources/gatling.conf: 50, 95, 99, 99.9). Prints one line per request name:
{"name", "requests", "ok", "ko", "min_ms", "p50_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms"}.
"""
import json
import sys
from html.parser import HTMLParser

COLUMNS = {2: "requests", 3: "ok", 4: "ko", 7: "min_ms", 8: "p50_ms", 9: "p95_ms", 10: "p99_ms",
           11: "p999_ms", 12: "max_ms", 13: "mean_ms"}


class Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.field, self.text = [], None, None, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "tr" and (a.get("id") or "").startswith("req_"):
            self.row = {}
            self.rows.append(self.row)
        elif self.row is not None and tag == "span" and "ellipsed-name" in classes:
            self.field, self.text = "name", ""
        elif self.row is not None and tag == "td" and "value" in classes:
            col = next((int(c[4:]) for c in classes if c.startswith("col-") and c[4:].isdigit()), None)
            if col in COLUMNS:
                self.field, self.text = COLUMNS[col], ""

    def handle_data(self, data):
        if self.field:
            self.text += data

    def handle_endtag(self, tag):
        if self.field and tag in ("span", "td"):
            value = self.text.strip()
            if self.field != "name":
                value = float(value.replace(",", "")) if value not in ("", "-") else None
            self.row.setdefault(self.field, value)
            self.field = None


def main():
    table = Table()
    with open(sys.argv[1] + "/index.html", encoding="utf-8") as f:
        table.feed(f.read())
    for row in table.rows:
        if "name" in row and row.get("requests") is not None:
            print(json.dumps(row))


if __name__ == "__main__":
    main()
