adders = [lambda x, i=i: x + i for i in range(3)]


def make_handlers(buttons):
    handlers = []
    for button in buttons:
        handlers.append(lambda button=button: button)
        ordered = sorted(buttons, key=lambda b: b.index(button))
        doubled = list(map(lambda b: b + button, buttons))

        def on_click(button):
            return button

        def local():
            button = "fixed"
            return button

        handlers.append((ordered, doubled, on_click, local))
    return handlers


def factory(names):
    for name in names:
        return lambda: name


constant = 3
funcs = [lambda: constant for _ in range(3)]


def deep_but_bound(events):
    for event in events:
        with event.lock:
            try:
                if event.ready:

                    class Handler:
                        @staticmethod
                        def fire(event=event):
                            return str(repr(len(sorted(list(set(tuple(iter(reversed(event)))))))))

                    scaled = [lambda e=event: round(abs(max(min(float(int(e)))))) for _ in "ab"]
            except KeyError:
                pass
    return Handler, scaled
