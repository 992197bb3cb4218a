try:
    value = int(text)
except ValueError as exc:
    raise ConfigError(f"bad value {text!r}") from exc
   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ raise-from

try:
    load()
except KeyError:
    raise LookupError("missing") from None
   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ raise-from
