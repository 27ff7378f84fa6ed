package org.hallway.directory.scim;

/** SCIM list paging (RFC 7644 section 3.4.2.4): 1-based startIndex, count at most {@value #MAX}. */
record ScimPaging(int startIndex, int count) {
    static final int MAX = 200;
    static final int DEFAULT = 100;

    static ScimPaging of(Integer startIndex, Integer count) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int n = count == null ? DEFAULT : Math.max(0, Math.min(count, MAX));
        return new ScimPaging(start, n);
    }

    int offset() {
        return startIndex - 1;
    }
}
