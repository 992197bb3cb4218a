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
