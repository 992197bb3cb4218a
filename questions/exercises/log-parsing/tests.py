from solution import status_counts

OK = '127.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326'
MISSING = '10.0.0.2 - bob [10/Oct/2026:13:55:37 +0000] "GET /nope HTTP/1.1" 404 -'
ERROR = '10.0.0.3 - - [10/Oct/2026:13:55:38 +0000] "POST /api/items HTTP/1.1" 500 17'


def test_counts_statuses():
    assert status_counts([OK, OK, MISSING, ERROR]) == {200: 2, 404: 1, 500: 1}


def test_malformed_lines_are_skipped():
    lines = [OK, "", "garbage", OK[:30], '1.2.3.4 - - [x] "GET / HTTP/1.1" abc 1']
    assert status_counts(lines) == {200: 1}


def test_request_with_spaces_in_path():
    line = '1.1.1.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a b c HTTP/1.1" 301 0'
    assert status_counts([line]) == {301: 1}


def test_lines_with_newlines_from_a_file():
    with open("access.log", "w") as handle:
        handle.write(OK + "\n" + ERROR + "\n")
    with open("access.log") as lines:
        assert status_counts(lines) == {200: 1, 500: 1}


def test_empty():
    assert status_counts([]) == {}


def test_generator_input():
    assert status_counts(OK for _ in range(50_000)) == {200: 50_000}
