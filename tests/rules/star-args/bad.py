def log(message, *args, **kwargs):
#                ^^^^^ star-args
#                       ^^^^^^^^ star-args
    print(message % args, kwargs)


def typed(*values: int, **options: str) -> None:
#         ^^^^^^^ star-args
#                       ^^^^^^^^^ star-args
    pass


forward = lambda *a, **kw: target(*a, **kw)
#                ^^ star-args
#                    ^^^^ star-args


class Proxy:
    def __call__(self, *args):
    #                  ^^^^^ star-args
        pass
