try:
    value = data[key]
except (KeyError, IndexError) as exc:
#      ^^^^^^^^^^^^^^^^^^^^^^ multiple-exception-types
    value = None
except (TypeError, ValueError):
#      ^^^^^^^^^^^^^^^^^^^^^^^ multiple-exception-types
    raise

try:
    run()
except* (OSError, RuntimeError):
#       ^^^^^^^^^^^^^^^^^^^^^^^ multiple-exception-types
    pass
