if hasattr(stream, "read"):
#  ^^^^^^^ hasattr-duck-typing
    data = stream.read()

readable = [s for s in streams if hasattr(s, "read")]
#                                 ^^^^^^^ hasattr-duck-typing
