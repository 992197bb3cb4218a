adders = [lambda x: x + i for i in range(3)]
#                       ^ loop-variable-closure


def make_handlers(buttons):
    handlers = []
    for button in buttons:
        label = button.upper()

        def on_click():
            return f"{label} clicked"
#                     ^^^^^ loop-variable-closure

        handlers.append(on_click)
        handlers.append(lambda: button)
#                               ^^^^^^ loop-variable-closure
    return handlers


def poll(queue):
    while queue:
        item = queue.pop()
        callbacks = [lambda: item]
#                            ^^^^ loop-variable-closure
    return callbacks


# Deeper than a fixed-depth query reaches: a name 12 levels below a lambda's body,
def scaled(rows):
    return [lambda: round(abs(max(min(float(int(row)))))) for row in rows]
#                                               ^^^ loop-variable-closure


# a def nested 9 levels in a loop body (decorated, under four ifs),
def deep_handlers(events):
    for event in events:
        if event:
            if event.visible:
                if event.enabled:
                    if event.ready:

                        @staticmethod
                        def fire():
                            return event
#                                  ^^^^^ loop-variable-closure
    return fire


# and a name 20 levels below the body of a def in a loop body.
def deep_reads(events):
    readers = []
    for event in events:

        def read():
            return str(repr(len(sorted(list(set(tuple(iter(reversed(event)))))))))
#                                                                   ^^^^^ loop-variable-closure

        readers.append(read)
    return readers


# A def in a loop's else clause still reads the loop variable late (ruff too).
def last_item_reader(items):
    for item in items:
        pass
    else:

        def read_last():
            return item
#                  ^^^^ loop-variable-closure

    return read_last
