def clean(lines, path):
    for line in lines:
        line = line.strip()
#       ^^^^ redefined-loop-name
        if line:
            line += "\n"
#           ^^^^ redefined-loop-name
    for i, (key, value) in enumerate(lines):
        for key in value:
#           ^^^ redefined-loop-name
            pass
        value = None
#       ^^^^^ redefined-loop-name
    with open(path) as handle:
        handle = None
#       ^^^^^^ redefined-loop-name
    for item in lines:
        try:
            item = int(item)
#           ^^^^ redefined-loop-name
        except ValueError:
            item = 0
#           ^^^^ redefined-loop-name
    for record in lines:
        try:
            record = parse(record)
#           ^^^^^^ redefined-loop-name
        except* ValueError:
            record = None
#           ^^^^^^ redefined-loop-name
        except* (KeyError, OSError):
            if record:
                record = {}
#               ^^^^^^ redefined-loop-name
