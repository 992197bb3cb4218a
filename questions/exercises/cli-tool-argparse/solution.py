import argparse
import sys


def count(path: str) -> tuple[int, int, int]:
    lines = words = chars = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            lines += 1
            words += len(line.split())
            chars += len(line)
    return lines, words, chars


def main(argv: list[str]) -> int:
    """Print line, word and character counts of each file; 1 if one could not be read."""
    parser = argparse.ArgumentParser(prog="wc")
    parser.add_argument("-l", "--lines", action="store_true")
    parser.add_argument("-w", "--words", action="store_true")
    parser.add_argument("-c", "--chars", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    chosen = [args.lines, args.words, args.chars]
    if not any(chosen):
        chosen = [True, True, True]
    status = 0
    totals = [0, 0, 0]
    for path in args.files:
        try:
            counts = count(path)
        except OSError as exc:
            print(f"wc: {path}: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
        totals = [t + c for t, c in zip(totals, counts)]
        print(*[c for c, keep in zip(counts, chosen) if keep], path)
    if len(args.files) > 1:
        print(*[t for t, keep in zip(totals, chosen) if keep], "total")
    return status
