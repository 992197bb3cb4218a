from typing import cast


def clean(lines, path):
    for line in lines:
        stripped = line.strip()
        print(stripped)
    for _ in lines:
        _ = 1
    for chunk in lines:
        chunk += [1]
        chunk = cast(str, chunk)

        def inner(chunk):
            chunk = 2
            return chunk

        print(inner)
    for entry in lines:
        pass
    else:
        entry = None
    with open(path) as handle:
        data = handle.read()
        print(data)
    for name in lines:
        name: str
    for record in lines:
        try:
            parsed = parse(record)
        except* ValueError as record:
            parsed = None
        except* KeyError:
            fallback = record
        print(parsed, fallback)
