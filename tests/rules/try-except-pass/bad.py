import builtins


def close(handle):
    try:
        handle.close()
    except:
#   ^^^^^^ try-except-pass
        pass
    try:
        handle.flush()
    except Exception:
#   ^^^^^^ try-except-pass
        pass  # ignore
    try:
        handle.sync()
    except (OSError, BaseException) as err:
#   ^^^^^^ try-except-pass
        pass
    try:
        handle.free()
    except builtins.Exception:
#   ^^^^^^ try-except-pass
        pass
